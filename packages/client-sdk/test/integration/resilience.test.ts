// The SDK when the world misbehaves, against the real server: a server
// restart under a live subscription, submissions made while the server is
// unreachable, and answers lost on the way back (a small node:http proxy
// that drops responses stands for the network).
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
// The server side through relative paths: the SDK does not depend on it.
import { withTenant, hashPassword } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import { classifyReport, createClient, NetworkError, webStorage, type PahtClient, type QueuedSubmission, type SubmitReportInput, type SubmitReportResult } from '@paht/client-sdk';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';


type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;
const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let operatorToken: string;
const apps: FastifyInstance[] = [];
const clients: PahtClient[] = [];

const input = (title: string, extra: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
  title,
  description: 'Cây đổ chắn ngang đường sau cơn bão, xe không qua được.',
  address: '12 Trần Hưng Đạo, Đông Hà',
  reporter: { phone: '0912 345 678' },
  ...extra,
});

/** A new app on the shared database, listening on `port` (0: any). */
async function startApp(port = 0): Promise<{ app: FastifyInstance; port: number; endpoint: string }> {
  const app = await buildApp({ core: ctx, redisUrl: null });
  apps.push(app);
  const base = await app.listen({ port, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port, endpoint: `${base}/graphql` };
}

const client = (options: Parameters<typeof createClient>[0]) => {
  const c = createClient(options);
  clients.push(c);
  return c;
};

/** How many reports of this tenant have this title (the database, not the API, says). */
const reportsTitled = (title: string) => withTenant(ctx.db, t.tenantId, (tx) => tx.report.count({ where: { title } }));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'resilient', 'RS');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  const { endpoint, app } = await startApp();
  const signIn = await createClient({ endpoint, tenant: 'resilient' }).signIn('ioc@example.gov.vn', PASSWORD);
  if (signIn.__typename !== 'SignInSuccess') throw new Error(signIn.message);
  operatorToken = signIn.token;
  await app.close();
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

afterAll(async () => {
  await tdb?.close();
});

describe('a live subscription across a server restart', () => {
  it('reconnects to the new server, resubscribes, and receives the next event', async () => {
    const first = await startApp();
    let reconnections = 0;
    let reconnected: () => void = () => undefined;
    const citizen = client({ endpoint: first.endpoint, tenant: 'resilient', webSocketImpl: WebSocket, onReconnected: () => (reconnections++, reconnected()) });
    const report = await citizen.submitReport(input('Cây đổ trên đường Trần Hưng Đạo'));
    if (report.__typename !== 'SubmitReportSuccess') throw new Error(report.__typename);
    const watch = citizen.watchReport(report.trackingCode, report.secret);
    expect((await watch.next()).value).toMatchObject({ status: 'SUBMITTED', entry: { seq: 1 } });

    const back = new Promise<void>((resolve) => (reconnected = resolve));
    await first.app.close();
    const second = await startApp(first.port);
    await back;
    expect(reconnections).toBe(1);
    // Resubscribed: the stream opens again with the current status…
    expect((await watch.next()).value).toMatchObject({ status: 'SUBMITTED', entry: { seq: 1 } });
    // …then goes on with what happens on the new server.
    const operator = createClient({ endpoint: second.endpoint, tenant: 'resilient', token: operatorToken });
    expect(await classifyReport(operator, { id: report.id, categoryId: t.roadsCategoryId })).toMatchObject({ __typename: 'ReportTransition' });
    expect((await watch.next()).value).toMatchObject({ status: 'CLASSIFIED', entry: { seq: 2, type: 'CLASSIFY' } });
    await watch.return?.();
  });

  it('ends with a typed error, without retrying, when the server refuses the connection', async () => {
    const { endpoint } = await startApp();
    const lost = client({ endpoint, tenant: 'no-such-tenant', webSocketImpl: WebSocket });
    const error = await lost.watchReport('RS-000-000-000', 'x'.repeat(32)).next().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ServerError', code: 'TENANT_NOT_FOUND' });
  });
});

describe('the offline queue', () => {
  it('keeps a submission made while the server is unreachable and files it once when the network returns', async () => {
    const { app, port, endpoint } = await startApp();
    await app.close();
    apps.splice(0);
    const online = new EventTarget();
    const storage = new Map<string, string>();
    const submitted: Array<{ item: QueuedSubmission; result: SubmitReportResult }> = [];
    let flushed: () => void = () => undefined;
    const citizen = client({
      endpoint,
      tenant: 'resilient',
      retry: { retries: 1, baseDelayMs: 10 },
      offlineQueue: {
        storage: webStorage({ storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) } }),
        onlineEvents: online,
        onSubmitted: (item, result) => (submitted.push({ item, result }), flushed()),
      },
    });
    const title = 'Nắp cống bị mất trên đường Lê Lợi';
    const queued = await citizen.offline!.submit(input(title));
    expect(queued).toMatchObject({ __typename: 'SubmitReportQueued', idempotencyKey: expect.any(String) });
    expect(await citizen.offline!.pending()).toMatchObject([{ idempotencyKey: (queued as { idempotencyKey: string }).idempotencyKey, attempts: 1, lastError: 'NETWORK_ERROR' }]);
    // Still unreachable: flushing keeps it.
    expect((await citizen.flush()).remaining).toHaveLength(1);
    expect(await reportsTitled(title)).toBe(0);

    await startApp(port);
    const done = new Promise<void>((resolve) => (flushed = resolve));
    online.dispatchEvent(new Event('online'));
    await done;
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.result).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: false, trackingCode: expect.stringMatching(/^RS-/) });
    expect(submitted[0]!.item.idempotencyKey).toBe((queued as { idempotencyKey: string }).idempotencyKey);
    expect(await citizen.offline!.pending()).toEqual([]);
    expect(JSON.parse(storage.get('paht.offline-submissions') ?? 'null')).toEqual([]);
    // Another online event, another flush: nothing left to send, nothing filed twice.
    online.dispatchEvent(new Event('online'));
    expect(await citizen.flush()).toEqual({ submitted: [], remaining: [] });
    expect(await reportsTitled(title)).toBe(1);
  });
});

/**
 * A proxy to `target` that forwards every request but, for the first
 * `drops` requests whose body matches `pattern`, destroys the connection
 * once the server has answered: the server did the work, the caller never
 * hears of it.
 */
async function droppingProxy(target: string, pattern: RegExp, drops = 1): Promise<{ endpoint: string; forwarded: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let forwarded = 0;
  let dropped = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const drop = pattern.test(body.toString('utf8')) && dropped < drops;
      if (pattern.test(body.toString('utf8'))) forwarded++;
      const out = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => answerChunks.push(c));
        answer.on('end', () => {
          if (drop) {
            dropped++;
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(answerChunks));
        });
      });
      out.on('error', () => req.socket.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    forwarded: () => forwarded,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('an answer lost on the way back', () => {
  it('retries a submission with the same key and gets the first report, filed once', async () => {
    const { endpoint } = await startApp();
    const proxy = await droppingProxy(endpoint, /submitReport/);
    try {
      const citizen = client({ endpoint: proxy.endpoint, tenant: 'resilient', retry: { baseDelayMs: 10 } });
      const title = 'Đèn tín hiệu giao thông tắt ở ngã tư';
      const result = await citizen.submitReport(input(title));
      expect(result).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: true });
      expect(proxy.forwarded()).toBe(2);
      expect(await reportsTitled(title)).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('queues a submission whose answer was lost, and the flush files nothing twice', async () => {
    const { endpoint } = await startApp();
    const proxy = await droppingProxy(endpoint, /submitReport/);
    try {
      const citizen = client({ endpoint: proxy.endpoint, tenant: 'resilient', retry: { retries: 0 }, offlineQueue: { onlineEvents: null } });
      const title = 'Hố ga tràn nước thải';
      expect(await citizen.offline!.submit(input(title))).toMatchObject({ __typename: 'SubmitReportQueued' });
      expect(await reportsTitled(title)).toBe(1); // the server filed it; only the answer was lost
      const { submitted, remaining } = await citizen.flush();
      expect(remaining).toEqual([]);
      expect(submitted[0]?.result).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: true });
      expect(await reportsTitled(title)).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('retries a query, but never a mutation without an idempotency key', async () => {
    const { endpoint } = await startApp();
    const operator = createClient({ endpoint, tenant: 'resilient', token: operatorToken });
    const report = await operator.submitReport(input('Biển báo bị đổ'));
    if (report.__typename !== 'SubmitReportSuccess') throw new Error(report.__typename);

    const tracking = await droppingProxy(endpoint, /trackReport/);
    const classifying = await droppingProxy(endpoint, /classifyReport/);
    try {
      const viaTracking = client({ endpoint: tracking.endpoint, tenant: 'resilient', retry: { baseDelayMs: 10 } });
      expect(await viaTracking.trackReport(report.trackingCode)).toMatchObject({ __typename: 'TrackedReport' });
      expect(tracking.forwarded()).toBe(2);

      const viaClassifying = client({ endpoint: classifying.endpoint, tenant: 'resilient', token: operatorToken, retry: { baseDelayMs: 10 } });
      const error = await classifyReport(viaClassifying, { id: report.id, categoryId: t.roadsCategoryId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect(classifying.forwarded()).toBe(1);
      // The step was taken: the caller must read before repeating it.
      expect(await operator.trackReport(report.trackingCode)).toMatchObject({ report: { status: 'CLASSIFIED' } });
    } finally {
      await Promise.all([tracking.close(), classifying.close()]);
    }
  });
});
