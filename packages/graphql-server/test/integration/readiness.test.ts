import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCoreContext, openDatabase, type Database } from '@paht/core';
import { createFixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { buildApp, type BuildAppOptions } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, testContext, TEST_SECRET_KEY, type TestDatabase } from '../../../core/test/support/test-database.js';
import { freePort, startRedisServer, type TestRedis } from '../support/redis-server.js';

// Liveness and readiness over real HTTP: /readyz asks the real database and
// a real Redis, answers 503 (within its timeout) when either is gone or
// silent, and says nothing but which check failed. And the JSON logs: a
// request id on every request's lines, never a reporter's contact.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const TIMEOUT_MS = 400;

let tdb: TestDatabase;
const apps: FastifyInstance[] = [];
const closers: Array<() => Promise<unknown>> = [];

async function start(options: Partial<BuildAppOptions>): Promise<string> {
  const app = await buildApp({ core: testContext(tdb.db, MONDAY_9AM), redisUrl: null, rateLimits: false, readinessTimeoutMs: TIMEOUT_MS, ...options });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function ready(base: string): Promise<{ status: number; body: Record<string, unknown>; ms: number; cacheControl: string | null }> {
  const started = Date.now();
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, ms: Date.now() - started, cacheControl: response.headers.get('cache-control') };
}

beforeAll(async () => {
  tdb = await openTestDatabase();
});

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const close of closers) await close();
  await tdb?.close();
});

describe('/readyz', () => {
  it('is ready when the database answers, Redis not configured', async () => {
    const base = await start({});
    const answer = await ready(base);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'not-configured' } });
    expect(answer.cacheControl).toBe('no-store');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  describe('with Redis', () => {
    let redis: TestRedis;
    beforeEach(async () => {
      redis = await startRedisServer();
    });
    afterEach(async () => {
      await redis.stop();
    });

    it('checks Redis, and is unavailable (503, in about its timeout) once Redis is gone while /healthz stays alive', async () => {
      const base = await start({ redisUrl: redis.url });
      expect(await ready(base)).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'ok' } } });
      await redis.stop();
      const answer = await ready(base);
      expect(answer.status).toBe(503);
      expect(answer.body.status).toBe('unavailable');
      expect(answer.body.checks).toMatchObject({ database: 'ok' });
      expect(['failed', 'timeout']).toContain((answer.body.checks as Record<string, string>).redis);
      expect(answer.ms).toBeLessThan(TIMEOUT_MS + 2000);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });

    it('is ready again, without a restart of the app, once Redis is back where it was', async () => {
      const base = await start({ redisUrl: redis.url });
      expect(await ready(base)).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'ok' } } });
      await redis.stop();
      expect(await ready(base)).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { database: 'ok', redis: expect.stringMatching(/^(failed|timeout)$/) } } });
      redis = await startRedisServer(Number(new URL(redis.url).port));
      // ioredis reconnects with a growing pause (at most 2 s); until then the check still fails, quickly.
      const deadline = Date.now() + 10_000;
      let answer = await ready(base);
      while (answer.status !== 200 && Date.now() < deadline) {
        expect(answer.body).toEqual({ status: 'unavailable', checks: { database: 'ok', redis: expect.stringMatching(/^(failed|timeout)$/) } });
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await ready(base);
      }
      expect(answer).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'ok' } } });
    });
  });

  describe('when the database is away', () => {
    /** An app on its own core whose database is at `url` (no migrations: only /readyz is asked). */
    async function appOn(url: string): Promise<FastifyInstance> {
      const db: Database = await openDatabase({ url, poolSize: 2 });
      closers.push(() => db.close().catch(() => undefined));
      const app = await buildApp({ core: createCoreContext(db, { secretKey: TEST_SECRET_KEY }), redisUrl: null, rateLimits: false, readinessTimeoutMs: TIMEOUT_MS, jobs: { schedule: false, workers: false } });
      apps.push(app);
      await app.ready();
      return app;
    }

    it('answers 503 "failed" when nothing listens where the database should be, with no detail of the failure', async () => {
      const app = await appOn(`postgresql://paht@127.0.0.1:${await freePort()}/paht`);
      const answer = await app.inject({ method: 'GET', url: '/readyz' });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({ status: 'unavailable', checks: { database: 'failed', redis: 'not-configured' } });
      expect(answer.body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|paht@/);
    });

    it('answers 503 "timeout" within its timeout when the database accepts connections and never answers', async () => {
      const sockets: Socket[] = [];
      const silent: Server = createServer((socket) => void sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      closers.push(async () => {
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => silent.close(resolve));
      });
      const app = await appOn(`postgresql://paht@127.0.0.1:${(silent.address() as AddressInfo).port}/paht`);
      const started = Date.now();
      const answer = await app.inject({ method: 'GET', url: '/readyz' });
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({ status: 'unavailable', checks: { database: 'timeout', redis: 'not-configured' } });
    });
  });
});

describe('structured logs', () => {
  it('carry the request id on every request line and never the reporter\'s contact or secret', async () => {
    const ctx = testContext(tdb.db, MONDAY_9AM);
    await createFixtureTenant(ctx, 'logs', 'LG');
    const lines: string[] = [];
    const base = await start({ core: ctx, logger: true, logStream: { write: (line: string) => void lines.push(line) } });
    const contact = { fullName: 'Trần Thị Bích Ngọc', phone: '0987 654 321', email: 'bich.ngoc@example.com' };
    const submit = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': 'logs', 'x-request-id': 'fuzz-request-0001' },
      body: JSON.stringify({
        query: 'mutation ($input: SubmitReportInput!) { submitReport(input: $input) { __typename ... on SubmitReportSuccess { trackingCode secret } } }',
        variables: { input: { title: 'Đèn đường hỏng trước nhà', description: 'Đèn đường tắt cả tuần nay, buổi tối rất tối.', address: 'Phường Đông Hà', reporter: contact } },
      }),
    });
    const { data } = (await submit.json()) as { data: { submitReport: { trackingCode: string; secret: string } } };
    const { trackingCode, secret } = data.submitReport;
    // A GET carries the secret and the variables in its URL.
    const variables = encodeURIComponent(JSON.stringify({ c: trackingCode, s: secret }));
    const query = encodeURIComponent('query ($c: String!, $s: String) { trackReport(trackingCode: $c, secret: $s) { __typename } }');
    expect((await fetch(`${base}/graphql?query=${query}&variables=${variables}`, { headers: { 'x-tenant': 'logs' } })).status).toBe(200);
    const missing = await fetch(`${base}/no-such-route?email=${encodeURIComponent(contact.email)}&phone=${encodeURIComponent(contact.phone)}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/^Không có đường dẫn này \/ No such route$/) } });
    await fetch(`${base}/readyz`);

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = entries.filter((e) => e.req !== undefined || e.res !== undefined);
    expect(requestLines.length).toBeGreaterThanOrEqual(8);
    for (const entry of requestLines) expect(typeof entry.reqId, JSON.stringify(entry)).toBe('string');
    expect(requestLines.some((e) => e.reqId === 'fuzz-request-0001')).toBe(true);
    // Telemetry off: no trace fields, and Fastify's own "incoming request" line as usual.
    expect(entries.filter((e) => 'trace_id' in e || 'span_id' in e)).toEqual([]);
    expect(requestLines.some((e) => e.msg === 'incoming request')).toBe(true);
    const all = lines.join('\n');
    for (const secretText of [contact.fullName, contact.phone, '0987654321', contact.email, encodeURIComponent(contact.email), secret]) {
      expect(all.includes(secretText), `${secretText} in ${lines.find((l) => l.includes(secretText))}`).toBe(false);
    }
  });
});
