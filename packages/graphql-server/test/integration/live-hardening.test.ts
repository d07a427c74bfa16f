import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, hashPassword, withTenant } from '@paht/core';
import { buildApp, type BuildAppOptions } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import type { Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { issueStaffToken } from '../../src/auth/staff-token.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { live, liveClient } from '../support/live-client.js';

// The WebSocket path meets the HTTP path's limits (document size, depth,
// cost, variables, plus a small message cap), and an open staff socket
// stops streaming the moment its account no longer acts as it did.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const IOC_INBOX = 'subscription { iocInbox { reportId type status } }';
const UNIT_QUEUE = 'subscription { unitQueue { reportId type status } }';
const REPORT_STATUS = 'subscription S($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { trackingCode status entry { seq type } } }';
const SUBMIT = 'mutation Submit($input: SubmitReportInput!) { submitReport(input: $input) { __typename ... on SubmitReportSuccess { id trackingCode secret } } }';
const SIGN_IN = 'mutation S($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename ... on SignInSuccess { token } } }';
const CREATE_STAFF = 'mutation C($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { __typename ... on StaffAccount { id } } }';
const SET_ACTIVE = 'mutation A($id: ID!, $active: Boolean!) { setStaffAccountActive(id: $id, active: $active) { __typename ... on StaffAccount { active } } }';

const submission = {
  title: 'Đèn đường hỏng trên đường Lê Duẩn',
  description: 'Ba cột đèn liền nhau không sáng từ tối thứ Bảy, đoạn trước trường học.',
  address: '45 Lê Duẩn, Đông Hà',
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678' },
};

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let base: string;
let adminToken: string;
let probe: { trackingCode: string; secret: string };
const apps: FastifyInstance[] = [];
const clients: Client[] = [];

async function start(options: Partial<BuildAppOptions> = {}): Promise<{ app: FastifyInstance; base: string }> {
  const started = await buildApp({ core: ctx, redisUrl: null, rateLimits: false, ...options });
  apps.push(started);
  await started.listen({ port: 0, host: '127.0.0.1' });
  return { app: started, base: `http://127.0.0.1:${(started.server.address() as AddressInfo).port}` };
}

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'wsh', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

const submitted = async () => (await gql(SUBMIT, { input: submission })).data!.submitReport as { id: string; trackingCode: string; secret: string };

function connect(params: Record<string, unknown>, at = base): Client {
  const client = liveClient(at, { tenant: 'wsh', ...params });
  clients.push(client);
  return client;
}

/** Waits until the subscriptions already sent on `client` listen (see subscriptions.test.ts). */
async function settled(client: Client): Promise<void> {
  const status = live(client, REPORT_STATUS, { code: probe.trackingCode, secret: probe.secret });
  await status.next();
  await status.stop();
}

/** A bare graphql-transport-ws socket: every message it gets, and how it closed. */
async function rawSocket(at: string, init: Record<string, unknown> = {}) {
  const ws = new WebSocket(`${at.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: { type: string; id?: string; payload?: any }[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  let waiting: (() => void) | null = null;
  ws.on('message', (data) => {
    const text = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    messages.push(JSON.parse(text.toString()));
    waiting?.();
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const next = async () => {
    const seen = messages.length;
    while (messages.length === seen) await new Promise<void>((resolve) => (waiting = resolve));
    return messages[messages.length - 1]!;
  };
  ws.send(JSON.stringify({ type: 'connection_init', payload: { tenant: 'wsh', ...init } }));
  expect((await next()).type).toBe('connection_ack');
  return { ws, messages, closed, next, subscribe: (id: string, payload: unknown) => ws.send(JSON.stringify({ id, type: 'subscribe', payload })) };
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'wsh', 'WS');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  adminToken = (await issueStaffToken(ctx.secretKey, { userId: actorId(t.admin)!, tenantId: t.tenantId, role: 'TENANT_ADMIN', unitId: null }, ctx.now())).token;
  ({ base } = await start());
  probe = await submitted();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
  for (const a of apps) await a.close();
  await tdb?.close();
});

describe('document limits over WebSocket', () => {
  it('closes the socket with 1009 on a message over 64 KiB (a 100,000-alias subscribe) at once, without parsing it', async () => {
    const socket = await rawSocket(base);
    const aliases = Array.from({ length: 100_000 }, (_, i) => `a${i}: reportStatus(trackingCode: "x", secret: "y") { status }`).join(' ');
    const message = JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { ${aliases} }` } });
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    socket.ws.send(message);
    const closed = await socket.closed;
    const elapsed = performance.now() - started;
    expect(closed.code).toBe(1009);
    expect(socket.messages.filter((m) => m.type !== 'connection_ack')).toEqual([]);
    // Mostly the time to send 5.7 MB over loopback; nothing is parsed.
    expect(elapsed).toBeLessThan(3000);
    // Measured here for the report: the process does not grow by the document's parse tree.
    console.info(`100,000-alias subscribe: closed ${closed.code} in ${elapsed.toFixed(0)} ms, rss +${((process.memoryUsage().rss - rss) / 1024 / 1024).toFixed(1)} MiB`);
  });

  it('refuses a document over the token limit that fits in a message, with a typed error, and keeps the socket', async () => {
    const socket = await rawSocket(base);
    const aliases = Array.from({ length: 3000 }, () => 'a: __typename').join(' ');
    expect(`subscription { ${aliases} }`.length).toBeLessThan(64 * 1024);
    const started = performance.now();
    socket.subscribe('1', { query: `subscription { ${aliases} }` });
    const refused = await socket.next();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refused).toMatchObject({ type: 'error', id: '1', payload: [{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
    expect(refused.payload[0].message).toMatch(/tokens/);
    // The connection still serves a proper subscription.
    socket.subscribe('2', { query: REPORT_STATUS, variables: { code: probe.trackingCode, secret: probe.secret } });
    expect(await socket.next()).toMatchObject({ type: 'next', id: '2', payload: { data: { reportStatus: { status: 'SUBMITTED' } } } });
    socket.ws.close();
  });

  it('applies the depth and cost limits configured for HTTP', async () => {
    const strict = await start({ queryLimits: { maxDepth: 2, maxCost: 2 } });
    const client = connect({}, strict.base);
    const deep = live(client, 'subscription S($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { entry { seq } } }', {
      code: probe.trackingCode,
      secret: probe.secret,
    });
    expect(await deep.failure()).toEqual(
      expect.arrayContaining([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'QUERY_DEPTH', maximum: 2 }) })]),
    );
    const costly = live(client, 'subscription S($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { trackingCode status } }', {
      code: probe.trackingCode,
      secret: probe.secret,
    });
    expect(await costly.failure()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ limit: 'QUERY_COST', maximum: 2 }) })]);
  });

  it('refuses NUL characters and deep nesting in variables, and NUL in literals, as over HTTP', async () => {
    const client = connect({});
    const nul = live(client, REPORT_STATUS, { code: `${probe.trackingCode}\u0000`, secret: probe.secret });
    expect(await nul.failure()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'NUL_CHARACTER' }) })]);
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const nested = live(client, REPORT_STATUS, { code: probe.trackingCode, secret: probe.secret, deep });
    expect(await nested.failure()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'TOO_DEEP' }) })]);
    const literal = live(client, `subscription { reportStatus(trackingCode: "${probe.trackingCode}\\u0000", secret: "x") { status } }`);
    expect(await literal.failure()).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'NUL_CHARACTER' }) })]);
  });
});

describe('subscriptions per connection', () => {
  it('refuses the 101st open subscription on one connection with a typed error; completing one makes room', async () => {
    const operator = (await issueStaffToken(ctx.secretKey, { userId: actorId(t.operator)!, tenantId: t.tenantId, role: 'IOC_OPERATOR', unitId: t.iocUnitId }, ctx.now())).token;
    const socket = await rawSocket(base, { authorization: `Bearer ${operator}` });
    // The server registers each id as its message arrives, so the 101st is counted after the first 100.
    const follow = (id: string) => socket.subscribe(id, { query: IOC_INBOX });
    for (let i = 1; i <= 101; i++) follow(String(i));
    expect(await socket.next()).toMatchObject({ type: 'error', id: '101', payload: [{ extensions: { code: 'RATE_LIMITED', limit: 'subscriptions', maximum: 100 } }] });
    for (const id of ['1', '2']) socket.ws.send(JSON.stringify({ id, type: 'complete' }));
    follow('102');
    // A citizen stream answers after reading the database, when '102' listens (see `settled`).
    socket.subscribe('probe', { query: REPORT_STATUS, variables: { code: probe.trackingCode, secret: probe.secret } });
    while (!socket.messages.some((m) => m.id === 'probe')) await socket.next();
    await submitted();
    // Every open subscription gets the new report, the 102nd among them; none was refused.
    while (!socket.messages.some((m) => m.id === '102')) await socket.next();
    expect(socket.messages.filter((m) => m.type === 'error').map((m) => m.id)).toEqual(['101']);
    expect(socket.messages.find((m) => m.id === '102')).toMatchObject({ type: 'next', payload: { data: { iocInbox: { type: 'SUBMIT' } } } });
    socket.ws.close();
  });
});

describe('an open staff socket', () => {
  async function newStaff(email: string, role: string, unitId: string | null): Promise<{ id: string; token: string }> {
    const created = await gql(CREATE_STAFF, { input: { email, fullName: 'Cán bộ Thử', role, unitId, password: PASSWORD } }, adminToken);
    const id = created.data!.createStaffAccount.id as string;
    const token = (await gql(SIGN_IN, { e: email, p: PASSWORD })).data!.signIn.token as string;
    return { id, token };
  }

  it('closes with 4401 the moment the account is deactivated, and a new report never reaches it', async () => {
    const account = await newStaff('truc.ioc@example.gov.vn', 'IOC_OPERATOR', t.iocUnitId);
    const client = connect({ authorization: `Bearer ${account.token}` });
    const inbox = live<{ iocInbox: { reportId: string } }>(client, IOC_INBOX);
    await settled(client);
    // Still streaming while active.
    const before = await submitted();
    expect((await inbox.next()).iocInbox.reportId).toBe(before.id);

    expect((await gql(SET_ACTIVE, { id: account.id, active: false }, adminToken)).data!.setStaffAccountActive).toEqual({ __typename: 'StaffAccount', active: false });
    await submitted();
    expect(await inbox.failure()).toMatchObject({ code: 4401 });
  });

  it('withholds the next event and closes with 4401 when another process deactivated the account', async () => {
    const account = await newStaff('truc.ioc2@example.gov.vn', 'IOC_OPERATOR', t.iocUnitId);
    const client = connect({ authorization: `Bearer ${account.token}` });
    const inbox = live<{ iocInbox: { reportId: string } }>(client, IOC_INBOX);
    await settled(client);
    // Straight in the database: this process hears nothing, and its account cache holds the old state up to 2 s.
    await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.update({ where: { id: account.id }, data: { active: false } }));
    await new Promise((r) => setTimeout(r, 2_100));
    await submitted();
    expect(await inbox.failure()).toMatchObject({ code: 4401 });
  });

  it('closes a unit queue with 4403 when the officer is moved to another unit', async () => {
    const account = await newStaff('chuyen.don.vi@example.gov.vn', 'UNIT_OFFICER', t.roadsUnitId);
    const client = connect({ authorization: `Bearer ${account.token}` });
    const queue = live<{ unitQueue: { reportId: string } }>(client, UNIT_QUEUE);
    await settled(client);
    await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.update({ where: { id: account.id }, data: { unitId: t.wardUnitId } }));
    await new Promise((r) => setTimeout(r, 2_100));
    const report = await submitted();
    const operator = (await issueStaffToken(ctx.secretKey, { userId: actorId(t.operator)!, tenantId: t.tenantId, role: 'IOC_OPERATOR', unitId: t.iocUnitId }, ctx.now())).token;
    await gql('mutation C($id: ID!, $c: ID!) { classifyReport(id: $id, categoryId: $c) { __typename } }', { id: report.id, c: t.roadsCategoryId }, operator);
    await gql('mutation A($id: ID!, $u: ID!) { assignReport(id: $id, unitId: $u) { __typename } }', { id: report.id, u: t.roadsUnitId }, operator);
    expect(await queue.failure()).toMatchObject({ code: 4403 });
  });
});
