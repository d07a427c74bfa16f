import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, createApiKey, withTenant } from '@paht/core';
import { buildApp, type BuildAppOptions } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { issueStaffToken } from '../../src/auth/staff-token.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';

// Safety and limits over real HTTP: cost, depth and size limits of
// documents, automatic persisted queries and the trusted-documents
// allow-list, and rate limits of public mutations (per IP, per API key, in
// process and shared through a real Redis). Every refusal is typed and
// changes nothing.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const LIST = 'query List { publicReports(first: 5) { ... on ReportConnection { nodes { id title status } } } }';
const DEEP = 'query Deep { publicReports(first: 5) { ... on ReportConnection { nodes { id category { code } } } } }';
const SUBMIT = 'mutation Submit($input: SubmitReportInput!) { submitReport(input: $input) { __typename ... on SubmitReportSuccess { trackingCode } } }';
const SIGN_IN = 'mutation SignIn($p: String!) { signIn(email: "ioc@example.gov.vn", password: $p) { __typename } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const input = (title: string) => ({
  title,
  description: 'Cây đổ chắn ngang đường sau cơn mưa lớn tối qua.',
  channel: 'WEB',
  latitude: 16.81,
  longitude: 107.1,
  reporter: { fullName: 'Lê Văn Cường', phone: '0977 000 111' },
});

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let secretKey: string;
let staffToken: string;
const apps: FastifyInstance[] = [];

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; error?: { code: string; message: string } };
}

async function start(options: Partial<BuildAppOptions>): Promise<string> {
  const app = await buildApp({ core: ctx, ...options });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: Answer['json'] = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  return { status: response.status, headers: response.headers, text, json };
}

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'safe', ...headers }, body: JSON.stringify(body) });

const firstError = (a: Answer) => a.json.errors?.[0];
const reportCount = () => withTenant(ctx.db, t.tenantId, (tx) => tx.report.count());

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'safe', 'SF');
  secretKey = (await createApiKey(ctx, t.tenantId, t.admin, { kind: 'SECRET', name: 'Tổng đài' })).key;
  staffToken = (await issueStaffToken(ctx.secretKey, { userId: actorId(t.operator)!, tenantId: t.tenantId, role: 'IOC_OPERATOR', unitId: t.iocUnitId }, ctx.now())).token;
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await tdb?.close();
});

describe('document limits', () => {
  let base: string;
  beforeAll(async () => {
    base = await start({ rateLimits: false });
  });

  it('refuses a query whose estimated cost is too high, before running it', async () => {
    const fields = 'id title status description address submittedAt category { code name } unit { code name }';
    const one = await post(base, { query: `{ publicReports(first: 100) { ... on ReportConnection { nodes { ${fields} } } } }` });
    expect(one.status).toBe(200);
    const aliases = Array.from({ length: 20 }, (_, i) => `r${i}: publicReports(first: 100) { ... on ReportConnection { nodes { ${fields} } } }`).join('\n');
    const many = await post(base, { query: `{ ${aliases} }` });
    expect(many.status).toBe(400);
    expect(firstError(many)?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'QUERY_COST', maximum: 20_000 });
    expect(firstError(many)?.message).toMatch(/costs too much/);
    expect(many.json.data).toBeUndefined();
    // A page size from a variable counts as the largest page.
    const variable = Array.from({ length: 20 }, (_, i) => `r${i}: publicReports(first: $n) { ... on ReportConnection { nodes { ${fields} } } }`).join('\n');
    expect((await post(base, { query: `query ($n: Int) { ${variable} }`, variables: { n: 1 } })).status).toBe(400);
  });

  it('refuses documents with too many tokens unparsed', async () => {
    const huge = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const answer = await post(base, { query: huge });
    expect(answer.status).toBe(400);
    expect(firstError(answer)?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(firstError(answer)?.message).toMatch(/tokens/);
  });

  it('refuses bodies over 1 MiB with 413, and batches with 400', async () => {
    const big = await post(base, { query: LIST, variables: { pad: 'x'.repeat(1024 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    const batch = await post(base, [{ query: LIST }, { query: LIST }]);
    expect(batch.status).toBe(400);
    expect(batch.text).toMatch(/batching disabled/i);
  });

  it('runs automatic persisted queries: unknown hash, then registered, then by hash alone (POST and GET)', async () => {
    const query = '{ publicReports(first: 2) { ... on ReportConnection { nodes { id } } } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    const unknown = await post(base, { extensions: { persistedQuery } });
    expect(firstError(unknown)?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(base, { query, extensions: { persistedQuery } })).json.data).toEqual({ publicReports: { nodes: [] } });
    expect((await post(base, { extensions: { persistedQuery } })).json.data).toEqual({ publicReports: { nodes: [] } });
    const get = await call(`${base}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`, { headers: { 'x-tenant': 'safe' } });
    expect(get.json.data).toEqual({ publicReports: { nodes: [] } });
    const mismatch = await post(base, { query: LIST, extensions: { persistedQuery } });
    expect(mismatch.status).toBe(400);
  });
});

describe('trusted documents in production', () => {
  let base: string;
  beforeAll(async () => {
    base = await start({ production: true, rateLimits: false, trustedDocuments: { [sha256(LIST)]: LIST, [sha256(DEEP)]: DEEP }, queryLimits: { maxDepth: 3 } });
  });

  it('lets anonymous callers run trusted documents, by text or by hash alone (never registered)', async () => {
    expect((await post(base, { query: LIST })).json.data).toEqual({ publicReports: { nodes: [] } });
    const persistedQuery = { version: 1, sha256Hash: sha256(LIST) };
    expect((await post(base, { extensions: { persistedQuery } })).json.data).toEqual({ publicReports: { nodes: [] } });
    const get = await call(`${base}/graphql?operationName=List&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`, { headers: { 'x-tenant': 'safe' } });
    expect(get.json.data).toEqual({ publicReports: { nodes: [] } });
  });

  it('refuses other documents from anonymous callers, by text or by hash', async () => {
    const other = await post(base, { query: '{ publicReports(first: 100) { ... on ReportConnection { nodes { id description } } } }' });
    expect(other.status).toBe(400);
    expect(firstError(other)?.extensions?.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    const before = await reportCount();
    const submit = await post(base, { query: SUBMIT, variables: { input: input('Không được phép') } });
    expect(firstError(submit)?.extensions?.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
    expect(await reportCount()).toBe(before);
    const byHash = await post(base, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ units { id } }') } } });
    expect(firstError(byHash)?.extensions?.code).toBe('PERSISTED_QUERY_NOT_TRUSTED');
  });

  it('lets staff and secret-key servers send any document', async () => {
    const query = '{ units { code } }';
    expect(((await post(base, { query }, { authorization: `Bearer ${staffToken}` })).json.data?.units as unknown[]).length).toBe(3);
    expect(((await post(base, { query }, { 'x-api-key': secretKey })).json.data?.units as unknown[]).length).toBe(3);
  });

  it('limits depth, fragments included, for everyone', async () => {
    const deep = await post(base, { query: DEEP });
    expect(deep.status).toBe(400);
    expect(firstError(deep)?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'QUERY_DEPTH', maximum: 3, actual: 4 });
    const viaFragment = await post(
      base,
      { query: 'query F { ...R } fragment R on Query { publicReports { ... on ReportConnection { nodes { unit { code } } } } }' },
      { authorization: `Bearer ${staffToken}` },
    );
    expect(firstError(viaFragment)?.extensions?.limit).toBe('QUERY_DEPTH');
    expect((await post(base, { query: '{ publicReports { ... on ReportConnection { nodes { id } } } }' }, { authorization: `Bearer ${staffToken}` })).status).toBe(200);
  });
});

describe('rate limits of public mutations', () => {
  let base: string;
  beforeAll(async () => {
    base = await start({
      rateLimits: {
        rules: {
          signIn: { perIp: 3, perKey: 100 },
          submitReport: { perIp: 2, perKey: 3 },
          citizenReply: { perIp: 2, perKey: 2 },
          uploads: { perIp: 2, perKey: 100 },
        },
      },
    });
  });

  it('limits sign-in attempts per IP with 429 RATE_LIMITED and retry-after', async () => {
    for (let i = 0; i < 3; i++) {
      const answer = await post(base, { query: SIGN_IN, variables: { p: `sai-${i}` } });
      expect(answer.json.data?.signIn).toEqual({ __typename: 'ForbiddenError' });
    }
    const limited = await post(base, { query: SIGN_IN, variables: { p: 'sai-3' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(firstError(limited)?.extensions).toMatchObject({ code: 'RATE_LIMITED', action: 'signIn' });
    expect(firstError(limited)?.message).toMatch(/Quá nhiều yêu cầu.*Too many requests/);
    // Reads from the same IP are not limited.
    expect((await post(base, { query: LIST })).status).toBe(200);
  });

  it('counts every aliased occurrence: one request cannot try many passwords or replies', async () => {
    const aliases = Array.from({ length: 3 }, (_, i) => `r${i}: rateReport(trackingCode: "SF-NONE", secret: "x", rating: 5) { __typename }`).join(' ');
    const answer = await post(base, { query: `mutation { ${aliases} }` });
    expect(answer.status).toBe(429);
    expect(firstError(answer)?.extensions?.action).toBe('citizenReply');
  });

  it('limits anonymous submissions per IP, and a refused one files nothing', async () => {
    const before = await reportCount();
    for (let i = 0; i < 2; i++) expect((await post(base, { query: SUBMIT, variables: { input: input(`Cây đổ ${i}`) } })).json.data?.submitReport).toMatchObject({ __typename: 'SubmitReportSuccess' });
    const limited = await post(base, { query: SUBMIT, variables: { input: input('Cây đổ 3') } });
    expect(limited.status).toBe(429);
    expect(limited.text).not.toMatch(/0977|Cường/);
    expect(await reportCount()).toBe(before + 2);
    // An operator taking calls (signed in) is not limited as a citizen.
    const operator = await post(base, { query: SUBMIT, variables: { input: input('Tổng đài nhận') } }, { authorization: `Bearer ${staffToken}` });
    expect(operator.json.data?.submitReport).toMatchObject({ __typename: 'SubmitReportSuccess' });
  });

  it('counts Open311 submissions in the same per-IP bucket, refusing with the standard error list and filing nothing', async () => {
    const before = await reportCount();
    const form = new URLSearchParams({ jurisdiction_id: 'safe', service_code: 'ROADS', description: 'Đèn đường hỏng trước trường học', lat: '16.8', long: '107.1', phone: '0977 123 456' }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const json = await call(`${base}/open311/v2/requests.json`, { method: 'POST', headers, body: form });
    expect(json.status).toBe(429);
    expect(json.json).toEqual([{ code: 429, description: expect.stringMatching(/Too many requests/) }]);
    const xml = await fetch(`${base}/open311/v2/requests.xml`, { method: 'POST', headers, body: form });
    expect(xml.status).toBe(429);
    expect(await xml.text()).toMatch(/<errors>\s*<error>\s*<code>429<\/code>/);
    // An escaped path reaches the same route and counts the same.
    const escaped = await call(`${base}/open311/v2/requests%2Ejson`, { method: 'POST', headers, body: form });
    expect(escaped.status).toBe(429);
    expect(await reportCount()).toBe(before);
  });

  it('limits a secret key by its own bucket, not by its IP', async () => {
    const before = await reportCount();
    for (let i = 0; i < 3; i++) {
      const answer = await post(base, { query: SUBMIT, variables: { input: input(`Đối tác ${i}`) } }, { 'x-api-key': secretKey });
      expect(answer.json.data?.submitReport).toMatchObject({ __typename: 'SubmitReportSuccess' });
    }
    const limited = await post(base, { query: SUBMIT, variables: { input: input('Đối tác 4') } }, { 'x-api-key': secretKey });
    expect(limited.status).toBe(429);
    expect(await reportCount()).toBe(before + 3);
  });

  it('limits uploads per IP before reading the body, in the uploads error shape', async () => {
    const upload = () => call(`${base}/uploads`, { method: 'POST', headers: { 'x-tenant': 'safe', 'content-type': 'image/png' }, body: new Uint8Array(16) });
    await upload();
    await upload();
    const limited = await upload();
    expect(limited.status).toBe(429);
    expect(limited.json.error?.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });
});

describe('behind a reverse proxy', () => {
  it('counts each citizen by the forwarded address when the proxy is trusted, and not otherwise', async () => {
    const rules = { signIn: { perIp: 1, perKey: 100 }, submitReport: { perIp: 1, perKey: 100 }, citizenReply: { perIp: 1, perKey: 100 }, uploads: { perIp: 1, perKey: 100 } };
    const behind = await start({ trustProxy: ['127.0.0.1'], rateLimits: { rules } });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const first = await post(behind, { query: SUBMIT, variables: { input: input('Sau proxy 1') } }, from('203.0.113.7'));
    expect(first.json.data?.submitReport).toMatchObject({ __typename: 'SubmitReportSuccess' });
    const second = await post(behind, { query: SUBMIT, variables: { input: input('Sau proxy 2') } }, from('203.0.113.8'));
    expect(second.json.data?.submitReport).toMatchObject({ __typename: 'SubmitReportSuccess' });
    expect((await post(behind, { query: SUBMIT, variables: { input: input('Sau proxy 3') } }, from('203.0.113.7'))).status).toBe(429);

    // Not trusted: the header is ignored, both citizens are the proxy.
    const direct = await start({ rateLimits: { rules } });
    expect((await post(direct, { query: SUBMIT, variables: { input: input('Trực tiếp 1') } }, from('203.0.113.7'))).status).toBe(200);
    expect((await post(direct, { query: SUBMIT, variables: { input: input('Trực tiếp 2') } }, from('203.0.113.8'))).status).toBe(429);
  });
});

describe('rate limits shared through Redis', () => {
  let redis: TestRedis;
  let one: string;
  let two: string;
  beforeAll(async () => {
    redis = await startRedisServer();
    const options = { redisUrl: redis.url, rateLimits: { rules: { signIn: { perIp: 2, perKey: 100 } } } };
    one = await start(options);
    two = await start(options);
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('counts the calls of every process sharing the Redis', async () => {
    expect((await post(one, { query: SIGN_IN, variables: { p: 'a' } })).status).toBe(200);
    expect((await post(two, { query: SIGN_IN, variables: { p: 'b' } })).status).toBe(200);
    const limited = await post(one, { query: SIGN_IN, variables: { p: 'c' } });
    expect(limited.status).toBe(429);
    expect((await post(two, { query: SIGN_IN, variables: { p: 'd' } })).status).toBe(429);
  });
});
