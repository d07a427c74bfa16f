import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, createApiKey, submitReport, withTenant } from '@paht/core';
import { buildApp, type BuildAppOptions } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { issueStaffToken } from '../../src/auth/staff-token.js';
import { schema } from '../../src/schema/index.js';
import { measureOperation } from '../../src/security/query-limits.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';

// The cost of a request, over real HTTP: aliases and list sizes priced, an
// anonymous caller held to a budget of about 50 ms of server time (staff to
// the larger document limit), and anonymous queries that reach execution
// rate limited per client, in process and through a real Redis.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const ANONYMOUS_MAX = 6500;
/** The text of each file of a folder of the SDK's operations (`public` or `staff`). */
const sdkOperations = (folder: string): string[] => {
  const dir = new URL(`../../../client-sdk/src/operations/${folder}/`, import.meta.url);
  return readdirSync(dir).filter((f) => f.endsWith('.graphql')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
};

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let staffToken: string;
let publicKey: string;
let trackingCode: string;
const apps: FastifyInstance[] = [];

interface Answer {
  status: number;
  headers: Headers;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function start(options: Partial<BuildAppOptions>): Promise<string> {
  const app = await buildApp({ core: ctx, redisUrl: null, ...options });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'cost', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Answer['json'] };
}

const staff = () => ({ authorization: `Bearer ${staffToken}` });
const aliased = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join('\n')} }`;
const UNITS = 'units { id code name }';
const TRACK = () => `trackReport(trackingCode: "${trackingCode}") { __typename ... on TrackedReport { report { id title status } } }`;
const PAGE = (first: number) => `publicReports(first: ${first}) { ... on ReportConnection { nodes { id title status } } }`;
const FULL_PAGE = 'publicReports(first: 100) { ... on ReportConnection { nodes { id title status description address submittedAt category { code name } unit { code name } } } }';

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'cost', 'CO');
  staffToken = (await issueStaffToken(ctx.secretKey, { userId: actorId(t.operator)!, tenantId: t.tenantId, role: 'IOC_OPERATOR', unitId: t.iocUnitId }, ctx.now())).token;
  publicKey = (await createApiKey(ctx, t.tenantId, t.admin, { kind: 'PUBLIC', name: 'Cổng', allowedOrigins: ['https://portal.example.vn'] })).key;
  for (let i = 0; i < 5; i++) {
    const report = await submitReport(ctx, t.tenantId, {
      title: `Ổ gà số ${i} trên đường Lê Duẩn`,
      description: 'Ổ gà lớn giữa đường, xe máy dễ ngã. Đề nghị sửa sớm.',
      address: 'Phường Đông Hà',
      reporter: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
    });
    trackingCode = report.trackingCode;
  }
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await tdb?.close();
});

const price = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return measureOperation(schema, document, operation, { variables }).cost;
};

describe('cost of a document', () => {
  it('counts every alias of a root field as a field of its own, with its transaction', () => {
    expect(price(aliased(2, UNITS))).toBe(2 * price(aliased(1, UNITS)));
    expect(price(aliased(1, UNITS))).toBeGreaterThanOrEqual(1000);
  });

  it('multiplies a list by its page size, from a literal or from the variables sent', () => {
    const variable = 'query ($n: Int) { publicReports(first: $n) { ... on ReportConnection { nodes { id title status } } } }';
    expect(price(`{ ${PAGE(100)} }`) - 1000).toBeGreaterThan(10 * (price(`{ ${PAGE(5)} }`) - 1000));
    expect(price(variable)).toBe(price(`{ ${PAGE(100)} }`)); // validation: the largest page
    expect(price(variable, { n: 5 })).toBe(price(`{ ${PAGE(5)} }`));
    expect(price(variable, { n: 1e9 })).toBe(price(`{ ${PAGE(1000)} }`)); // clamped
  });

  it('lets every operation of the SDK through the document limit (20 000), even at pages of 100', () => {
    const text = ['public', 'staff'].flatMap((folder) => sdkOperations(folder)).join('\n');
    const document = parse(text);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(30);
    for (const operation of operations) {
      const { cost } = measureOperation(schema, document, operation);
      expect({ operation: operation.name?.value, fits: cost <= 20_000 }).toEqual({ operation: operation.name?.value, fits: true });
    }
  });

  it('lets every public operation of the SDK through the anonymous budget, even at the largest page', () => {
    // The SDK's public folder: what pages without a staff token send (with fragments from anywhere).
    const document = parse(['public', 'staff'].flatMap((folder) => sdkOperations(folder)).join('\n'));
    const publicNames = new Set([...sdkOperations('public').join('\n').matchAll(/^(?:query|mutation|subscription)\s+(\w+)/gm)].map((m) => m[1]));
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && publicNames.has(d.name?.value ?? ''));
    expect(operations.length).toBeGreaterThan(5);
    for (const operation of operations) {
      const { cost } = measureOperation(schema, document, operation);
      expect({ operation: operation.name?.value, fits: cost <= ANONYMOUS_MAX }).toEqual({ operation: operation.name?.value, fits: true });
    }
  });
});

describe('budgets over HTTP', () => {
  let base: string;
  beforeAll(async () => {
    base = await start({ rateLimits: false, cache: false });
  });

  it.each([
    ['units', () => UNITS],
    ['trackReport', TRACK],
    ['publicReports', () => PAGE(5)],
  ])('refuses 700 (or 100) aliased %s fields from anyone before running them', async (_name, field) => {
    for (const headers of [{}, staff()]) {
      // 700: over the token limit, or the cost limit when the selection is small enough to parse.
      const many = await post(base, { query: aliased(700, field()) }, headers);
      expect(many.status).toBe(400);
      expect(many.json.data).toBeUndefined();
      expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(many.json.errors?.[0]?.extensions?.code);
      const hundred = await post(base, { query: aliased(100, field()) }, headers);
      expect(hundred.status).toBe(400);
      expect(hundred.json.data).toBeUndefined();
      expect(hundred.json.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'QUERY_COST', maximum: 20_000 });
    }
  });

  it.each([
    ['units', () => UNITS],
    ['trackReport', TRACK],
    ['publicReports', () => PAGE(5)],
  ])('holds an anonymous caller to its budget (10 aliased %s: QUERY_TOO_COSTLY), not staff', async (_name, field) => {
    const query = aliased(10, field());
    const anonymous = await post(base, { query });
    expect(anonymous.status).toBe(400);
    expect(anonymous.json.data).toBeUndefined();
    const error = anonymous.json.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', maximum: ANONYMOUS_MAX });
    expect(error?.extensions?.actual).toBeGreaterThan(ANONYMOUS_MAX);
    expect(error?.message).toMatch(/^Truy vấn quá nặng .* \/ The query costs too much/);
    expect(error?.extensions?.requestId).toBeTypeOf('string');
    // A public key is still anonymous.
    const keyed = await post(base, { query }, { 'x-api-key': publicKey, origin: 'https://portal.example.vn' });
    expect(keyed.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const asStaff = await post(base, { query }, staff());
    expect(asStaff.status).toBe(200);
    expect(asStaff.json.errors).toBeUndefined();
  });

  it('prices the page size a variable sends: a small page passes, the same document with a huge page does not', async () => {
    const query = `query ($n: Int) { ${Array.from({ length: 4 }, (_, i) => `p${i}: publicReports(first: $n) { ... on ReportConnection { nodes { id title status description address submittedAt category { code name } unit { code name } } } }`).join('\n')} }`;
    const small = await post(base, { query, variables: { n: 5 } });
    expect(small.status).toBe(200);
    expect(small.json.errors).toBeUndefined();
    const large = await post(base, { query, variables: { n: 100 } });
    expect(large.status).toBe(400);
    expect(large.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('answers a full page of 100 public reports to an anonymous caller', async () => {
    const answer = await post(base, { query: `{ ${FULL_PAGE} }` });
    expect(answer.status).toBe(200);
    expect(answer.json.errors).toBeUndefined();
  });

  it('prints the server time of the costliest documents an anonymous caller may send (not asserted)', async () => {
    /** As many aliases of `field` as the budget allows. */
    const most = (field: string) => {
      let n = 1;
      while (price(aliased(n + 1, field)) <= ANONYMOUS_MAX) n++;
      return aliased(n, field);
    };
    const documents: Record<string, string> = {
      'units ×': most(UNITS),
      'trackReport ×': most(TRACK()),
      'publicReports(first: 5) ×': most(PAGE(5)),
      'full page of 100': `{ ${FULL_PAGE} }`,
    };
    const lines: string[] = [];
    for (const [name, query] of Object.entries(documents)) {
      const fields = (query.match(/\ba\d+:/g) ?? []).length || 1;
      const first = await post(base, { query });
      expect(first.status, name).toBe(200);
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        await post(base, { query });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      lines.push(`${name.padEnd(28)} ${String(fields).padStart(3)} fields  median ${times[5]!.toFixed(1)} ms  max ${times[9]!.toFixed(1)} ms`);
    }
    console.log(`Anonymous documents at the budget (${ANONYMOUS_MAX}), round trip over loopback:\n${lines.join('\n')}`);
  });
});

describe('rate limit of anonymous queries', () => {
  const SMALL = '{ units { id } }';
  const rules = { queries: { perIp: 3, perKey: 1000 } };

  it('refuses the fourth uncached anonymous query of a minute with 429 and retry-after, staff and mutations not counted', async () => {
    const base = await start({ cache: false, rateLimits: { rules } });
    for (let i = 0; i < 3; i++) expect((await post(base, { query: SMALL })).status).toBe(200);
    const refused = await post(base, { query: SMALL });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.data).toBeUndefined();
    expect(refused.json.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', action: 'queries', limit: 3 });
    expect(refused.json.errors?.[0]?.message).toMatch(/^Quá nhiều yêu cầu.* \/ Too many requests/);
    expect((await post(base, { query: SMALL }, staff())).status).toBe(200);
  });

  it('does not count answers served from the public answer cache', async () => {
    const base = await start({ rateLimits: { rules } });
    const query = `{ ${PAGE(5)} }`;
    for (let i = 0; i < 10; i++) expect((await post(base, { query })).status).toBe(200);
  });

  describe('shared through Redis', () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('counts one client across two server processes', async () => {
      const a = await start({ cache: false, redisUrl: redis.url, rateLimits: { rules } });
      const b = await start({ cache: false, redisUrl: redis.url, rateLimits: { rules } });
      expect((await post(a, { query: SMALL })).status).toBe(200);
      expect((await post(b, { query: SMALL })).status).toBe(200);
      expect((await post(a, { query: SMALL })).status).toBe(200);
      const refused = await post(b, { query: SMALL });
      expect(refused.status).toBe(429);
      expect(refused.json.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    });
  });
});

it('changes nothing when refusing', async () => {
  const before = await withTenant(ctx.db, t.tenantId, (tx) => tx.report.count());
  const base = apps.length ? `http://127.0.0.1:${(apps[0]!.server.address() as AddressInfo).port}` : await start({});
  const submit = `mutation { ${Array.from({ length: 7 }, (_, i) => `s${i}: submitReport(input: { title: "Ổ gà ${i} trên đường", description: "Ổ gà lớn giữa đường, xe máy dễ ngã.", channel: WEB, address: "Đông Hà", reporter: { fullName: "Nguyễn Văn An", phone: "0912345678" } }) { __typename }`).join('\n')} }`;
  const answer = await post(base, { query: submit });
  expect(answer.status).toBe(400);
  expect(answer.json.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  expect(await withTenant(ctx.db, t.tenantId, (tx) => tx.report.count())).toBe(before);
});
