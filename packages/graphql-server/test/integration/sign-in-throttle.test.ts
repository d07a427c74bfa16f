import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp, type BuildAppOptions } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';

// Sign-in is throttled per account as well as per IP: many addresses
// guessing one account's password are stopped after a few failures, with a
// lock that doubles; during the lock even the right password is refused;
// other accounts are not touched; an unknown e-mail is treated exactly
// like a real one. Over real HTTP, behind a trusted proxy.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const SIGN_IN = 'mutation S($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
const apps: FastifyInstance[] = [];
let nextAddress = 1;

async function start(options: Partial<BuildAppOptions>): Promise<string> {
  const app = await buildApp({ core: ctx, redisUrl: null, trustProxy: ['127.0.0.1'], ...options });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** One sign-in, each from a new client address (the per-IP limit never applies). */
async function signIn(base: string, email: string, password: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'thr', 'x-forwarded-for': `198.51.100.${nextAddress++}` },
    body: JSON.stringify({ query: SIGN_IN, variables: { e: email, p: password } }),
  });
  const json = (await response.json()) as { data?: { signIn: { __typename: string } } | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), json, outcome: json.data?.signIn.__typename ?? json.errors?.[0]?.extensions.code };
}

const audits = () => withTenant(ctx.db, t.tenantId, (tx) => tx.auditEntry.count());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'thr', 'TH');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await tdb?.close();
});

describe('the per-account sign-in throttle', () => {
  let base: string;
  beforeAll(async () => {
    base = await start({ rateLimits: { signInPerAccount: { maxFailures: 3, lockMs: 1000 } } });
  });

  it('stops failures from many addresses on one account, refuses even the right password while locked, and leaves other accounts alone', async () => {
    const start = await audits();
    for (let i = 0; i < 3; i++) expect((await signIn(base, 'ioc@example.gov.vn', `sai-${i}`)).outcome).toBe('ForbiddenError');
    // Each refusal is audited without delaying its answer: wait for the three entries.
    await vi.waitFor(async () => expect(await audits()).toBe(start + 3));
    const auditsBefore = start + 3;
    const locked = await signIn(base, 'ioc@example.gov.vn', 'sai-3');
    expect(locked.status).toBe(429);
    expect(locked.outcome).toBe('RATE_LIMITED');
    expect(locked.json.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', action: 'signIn', retryAfterSeconds: 1 });
    expect(locked.json.errors?.[0]?.message).toMatch(/Đăng nhập sai quá nhiều lần.* \/ Too many failed sign-ins/);
    expect(Number(locked.retryAfter)).toBe(1);
    expect(locked.json.data).toBeNull();
    // The right password, from yet another address, during the lock.
    expect((await signIn(base, 'IOC@example.gov.vn ', PASSWORD)).outcome).toBe('RATE_LIMITED');
    // A refused attempt reads nothing and writes nothing (no audit of a sign-in that never ran).
    await sleep(200);
    expect(await audits()).toBe(auditsBefore);
    // Other accounts of the tenant sign in as usual.
    expect((await signIn(base, 'officer@example.gov.vn', PASSWORD)).outcome).toBe('SignInSuccess');
  });

  it('doubles the lock with each failure after it, and a correct password once unlocked clears it', async () => {
    const email = 'leader@example.gov.vn';
    for (let i = 0; i < 3; i++) await signIn(base, email, `sai-${i}`);
    expect((await signIn(base, email, 'sai')).json.errors?.[0]?.extensions.retryAfterSeconds).toBe(1);
    ctx.advance(1100);
    expect((await signIn(base, email, 'sai-4')).outcome).toBe('ForbiddenError');
    expect((await signIn(base, email, PASSWORD)).json.errors?.[0]?.extensions.retryAfterSeconds).toBe(2);
    ctx.advance(2100);
    expect((await signIn(base, email, 'sai-5')).outcome).toBe('ForbiddenError');
    expect((await signIn(base, email, PASSWORD)).json.errors?.[0]?.extensions.retryAfterSeconds).toBe(4);
    ctx.advance(4100);
    expect((await signIn(base, email, PASSWORD)).outcome).toBe('SignInSuccess');
    // Forgotten: the count starts again.
    expect((await signIn(base, email, 'sai-6')).outcome).toBe('ForbiddenError');
    expect((await signIn(base, email, PASSWORD)).outcome).toBe('SignInSuccess');
  });

  it('treats an e-mail without an account exactly like one with an account', async () => {
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < 4; i++) {
        const a = await signIn(base, email, `sai-${i}`);
        seen.push({ status: a.status, outcome: a.outcome, retryAfter: a.retryAfter, message: a.json.errors?.[0]?.message ?? null });
      }
      return seen;
    };
    expect(await answers('khong.co@example.gov.vn')).toEqual(await answers('lanhdao@example.gov.vn'));
  });

  it('also throttles many aliases of signIn in one request', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `s${i}: signIn(email: "admin@example.gov.vn", password: "sai-${i}") { __typename }`).join(' ');
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': 'thr', 'x-forwarded-for': '203.0.113.99' },
      body: JSON.stringify({ query: `mutation { ${aliases} }` }),
    });
    const json = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    // Six tries in one request (the per-IP limit allows ten): the fourth is refused, and the account is locked.
    expect(response.status).toBe(429);
    expect(json.errors?.map((e) => e.extensions.code)).toContain('RATE_LIMITED');
    expect((await signIn(base, 'admin@example.gov.vn', PASSWORD)).outcome).toBe('RATE_LIMITED');
  });
});

describe('the throttle shared through Redis', () => {
  let redis: TestRedis;
  let one: string;
  let two: string;
  beforeAll(async () => {
    redis = await startRedisServer();
    const options = { redisUrl: redis.url, rateLimits: { signInPerAccount: { maxFailures: 2, lockMs: 60_000 } } };
    one = await start(options);
    two = await start(options);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('counts the failures of every process on the account', async () => {
    expect((await signIn(one, 'ward@example.gov.vn', 'sai-a')).outcome).toBe('ForbiddenError');
    expect((await signIn(two, 'ward@example.gov.vn', 'sai-b')).outcome).toBe('ForbiddenError');
    const locked = await signIn(one, 'ward@example.gov.vn', PASSWORD);
    expect(locked.outcome).toBe('RATE_LIMITED');
    expect(Number(locked.retryAfter)).toBeGreaterThan(55);
    expect((await signIn(two, 'ward@example.gov.vn', PASSWORD)).outcome).toBe('RATE_LIMITED');
    expect((await signIn(two, 'officer@example.gov.vn', PASSWORD)).outcome).toBe('SignInSuccess');
  });
});
