import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actorId, submitReport, withTenant, type Actor, type StaffRole } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { issueStaffToken } from '../../src/auth/staff-token.js';
import { schema } from '../../src/schema/index.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Property-based fuzzing over real HTTP. Every argument of every root field
// of Query and Mutation, read from the schema itself, gets values of its
// type at their extremes (dates in years 1 and 9999 and beyond, NUL, huge
// and odd text, lone surrogates, huge and negative numbers, ids of nothing
// and of another tenant), from anonymous callers and from staff of several
// roles. Every answer is a typed one: no 5xx, no INTERNAL_SERVER_ERROR, an
// error code on every error; and a refused mutation changes no row of either
// tenant. Open311's endpoints the same. `FUZZ_RUNS` sets the runs per field.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;
let app: FastifyInstance;
let base: string;
const tokens = new Map<string, string>();
const pool = { ids: [] as string[], codes: [] as string[], secrets: [] as string[] };
let tables: string[] = [];

// ---- values ------------------------------------------------------------

const DATES = [
  '0001-01-01',
  '9999-12-31',
  '0000-00-00',
  '10000-01-01',
  '2026-02-30',
  '2026-13-01',
  '1899-12-31',
  '1900-01-01',
  '-000001-01-01',
  '+275760-09-13T00:00:00.000Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-03-02T25:61:00Z',
  '2026-03-02',
  '2026-03-02T02:00:00+07:00',
];
const TEXTS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '😀'.repeat(300),
  'x'.repeat(10_000),
  'x'.repeat(300_000),
  "'; DROP TABLE reports; --",
  '%_\\',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  'NaN',
  '-1',
  '1e309',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'not-an-id',
  '../../etc/passwd',
  'Ổ gà lớn giữa đường Lê Duẩn',
  'ioc@example.gov.vn\r\nBcc: x@example.com',
];

const text = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TEXTS, ...DATES) },
    { weight: 2, arbitrary: fc.constantFrom(...pool.ids, ...pool.codes, ...pool.secrets) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  );
const SCALARS: Record<string, () => fc.Arbitrary<unknown>> = {
  String: text,
  ID: () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool.ids) }, { weight: 1, arbitrary: text() }),
  DateTime: () => fc.oneof(fc.constantFrom(...DATES), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text()),
  Int: () => fc.oneof(fc.constantFrom(0, -1, 1, 2_147_483_647, -2_147_483_648, 1000, 100_000), fc.integer()),
  Float: () => fc.oneof(fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 91, -181, 16.8), fc.double({ noNaN: true, noDefaultInfinity: true })),
  Boolean: () => fc.boolean(),
};

/** A GraphQL type as read from either copy of graphql-js (by shape, not `instanceof`). */
interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: () => Record<string, { name: string; type: TypeLike }>;
  getValues?: () => { value: unknown; name: string }[];
  getTypes?: () => unknown[];
  toString(): string;
}

const isNonNull = (t: TypeLike) => String(t).endsWith('!');
const isListType = (t: TypeLike) => !isNonNull(t) && String(t).startsWith('[');

/** Values of an input type: mostly well-typed (so resolvers run), at their extremes. */
function valueOf(type: TypeLike, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNull(type)) return valueOf(type.ofType!, depth);
  const nullable = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary });
  if (isListType(type)) {
    if (depth > 3) return fc.constant(null);
    return nullable(fc.array(valueOf(type.ofType!, depth + 1), { maxLength: 4 }));
  }
  if (type.getValues) return nullable(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (type.getFields) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    const entries: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const field of fields) {
      entries[field.name] = valueOf(field.type, depth + 1);
      if (isNonNull(field.type)) required.push(field.name);
    }
    return nullable(fc.record(entries, { requiredKeys: required }));
  }
  const scalar = SCALARS[type.name ?? ''];
  return nullable(scalar ? scalar() : text());
}

// ---- operations from the schema ---------------------------------------

interface Operation {
  kind: 'query' | 'mutation';
  field: string;
  document: string;
  args: { name: string; type: TypeLike }[];
}

function operationsOf(kind: 'query' | 'mutation'): Operation[] {
  const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType()) as unknown as TypeLike;
  const fields = Object.values(root.getFields!()) as unknown as { name: string; type: TypeLike; args: { name: string; type: TypeLike }[] }[];
  return fields.map((field) => {
    let named = field.type;
    while (named.ofType) named = named.ofType;
    const selection = named.getFields || named.getTypes ? ' { __typename }' : '';
    const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const document = `${kind} Fuzz${variables ? `(${variables})` : ''} { result: ${field.name}${args ? `(${args})` : ''}${selection} }`;
    return { kind, field: field.name, document, args: field.args };
  });
}

const argumentsOf = (operation: Operation): fc.Arbitrary<Record<string, unknown>> => {
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of operation.args) entries[arg.name] = valueOf(arg.type);
  return fc.record(entries, { requiredKeys: operation.args.filter((arg) => isNonNull(arg.type)).map((arg) => arg.name) });
};

// ---- the server and its state -----------------------------------------

interface Answer {
  status: number;
  body: string;
  json: { data?: { result?: unknown } | null; errors?: { message: string; extensions?: { code?: unknown } }[] } | null;
}

async function post(body: unknown, caller: string): Promise<Answer> {
  const token = tokens.get(caller);
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'fuzz-a', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = null;
  }
  return { status: response.status, body: text, json };
}

/** Rows of every tenant-scoped table, for both tenants, as one string. */
async function snapshot(): Promise<string> {
  const sql = `SELECT json_build_object(${tables.map((t) => `'${t}', (SELECT count(*) FROM "${t}")`).join(', ')})::text AS counts`;
  const count = (tenantId: string) =>
    withTenant(ctx.db, tenantId, async (tx) => (await tx.$queryRawUnsafe<{ counts: string }[]>(sql))[0]!.counts);
  return `${await count(a.tenantId)} | ${await count(b.tenantId)}`;
}

/** How the answers ended, to show the fuzzing reached the resolvers (printed at the end). */
const outcomes = new Map<string, number>();
function record(answer: Answer): void {
  const errors = answer.json?.errors ?? [];
  const result = answer.json?.data?.result as { __typename?: string } | null | undefined;
  const outcome = errors.length ? `request error ${String(errors[0]?.extensions?.code)}` : result?.__typename ? `result ${result.__typename}` : 'data';
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

/** The answer is typed: below 500, JSON, a code on every error, never INTERNAL_SERVER_ERROR. */
function expectTyped(what: string, answer: Answer): void {
  record(answer);
  const summary = `${what} → ${answer.status} ${answer.body.slice(0, 400)}`;
  expect(answer.status, summary).toBeLessThan(500);
  expect(answer.json, summary).not.toBeNull();
  for (const error of answer.json?.errors ?? []) {
    expect(typeof error.extensions?.code, summary).toBe('string');
    expect(error.extensions?.code, summary).not.toBe('INTERNAL_SERVER_ERROR');
  }
}

const refused = (answer: Answer): boolean => {
  if (answer.json?.errors?.length || !answer.json?.data) return true;
  const result = answer.json.data.result as { __typename?: string } | null | undefined;
  return typeof result?.__typename === 'string' && /Error$/.test(result.__typename);
};

async function token(t: FixtureTenant, actor: Actor, unitId: string | null): Promise<string> {
  return (await issueStaffToken(ctx.secretKey, { userId: actorId(actor)!, tenantId: t.tenantId, role: actor.role as StaffRole, unitId }, ctx.now())).token;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await createFixtureTenant(ctx, 'fuzz-a', 'FA');
  b = await createFixtureTenant(ctx, 'fuzz-b', 'FB');
  for (const t of [a, b]) {
    const report = await submitReport(ctx, t.tenantId, {
      title: 'Ổ gà lớn giữa đường Lê Duẩn',
      description: 'Ổ gà lớn giữa đường, xe máy dễ ngã. Đề nghị sửa sớm.',
      address: 'Phường Đông Hà',
      reporter: { fullName: 'Nguyễn Văn An', phone: '0912345678', email: 'an@example.com' },
    });
    pool.ids.push(report.id, t.iocUnitId, t.roadsUnitId, t.roadsCategoryId, t.misconductCategoryId, actorId(t.operator)!, actorId(t.admin)!);
    pool.codes.push(report.trackingCode);
    pool.secrets.push(report.secret);
  }
  tokens.set('operator', await token(a, a.operator, a.iocUnitId));
  tokens.set('admin', await token(a, a.admin, null));
  tokens.set('leader', await token(a, a.leader, null));
  tokens.set('officer', await token(a, a.roadsOfficer, a.roadsUnitId));
  tokens.set('other-tenant-admin', await token(b, b.admin, null)); // refused: a token of tenant B on tenant A
  const rows = await tdb.db.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1`,
  );
  tables = rows.map((r) => r.relname);
  app = await buildApp({ core: ctx, rateLimits: false, redisUrl: null, cache: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const CALLERS = ['anonymous', 'operator', 'admin', 'leader', 'officer', 'other-tenant-admin'];

describe('GraphQL operations from the schema', () => {
  it('reads the operations from the schema', () => {
    expect(tables.length).toBeGreaterThan(5);
    expect(operationsOf('query').length).toBeGreaterThan(20);
    expect(operationsOf('mutation').length).toBeGreaterThan(20);
  });

  it.each(operationsOf('query').map((o) => [o.field, o] as const))('query %s answers only typed errors', async (_name, operation) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALLERS), argumentsOf(operation), async (caller, variables) => {
        expectTyped(`${caller} ${operation.document} ${JSON.stringify(variables).slice(0, 300)}`, await post({ query: operation.document, variables }, caller));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(operationsOf('mutation').map((o) => [o.field, o] as const))('mutation %s answers only typed errors and changes nothing when refused', async (_name, operation) => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALLERS), argumentsOf(operation), async (caller, variables) => {
        const before = await snapshot();
        const answer = await post({ query: operation.document, variables }, caller);
        const what = `${caller} ${operation.document} ${JSON.stringify(variables).slice(0, 300)}`;
        expectTyped(what, answer);
        if (refused(answer)) expect(await snapshot(), what).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('reached the resolvers: most answers are results, not requests refused before running', () => {
    const total = [...outcomes.values()].reduce((sum, n) => sum + n, 0);
    const refusedEarly = [...outcomes].filter(([k]) => /^request error (BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/.test(k)).reduce((sum, [, n]) => sum + n, 0);
    console.log(`Fuzzed answers (${total}):\n${[...outcomes].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${String(n).padStart(5)}  ${k}`).join('\n')}`);
    expect(total).toBeGreaterThan(100);
    expect(refusedEarly / total).toBeLessThan(0.5);
  });

  it.each([
    ['1900-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['1900-01-01T00:00:00.000Z', '1900-01-01T00:00:00.000Z'],
  ])('lists reports filtered from %s to %s (the edges of the supported range) without a 5xx', async (from, to) => {
    const filter = `filter: { submittedFrom: "${from}", submittedTo: "${to}" }`;
    for (const [caller, field] of [['anonymous', 'publicReports'], ['operator', 'reports'], ['leader', 'reports']] as const) {
      expectTyped(`${caller} ${field} ${from} ${to}`, await post({ query: `{ result: ${field}(first: 5, ${filter}) { __typename } }` }, caller));
    }
  });

  it.each([
    ['0001-01-01', '2026-03-02'],
    ['2026-01-01', '9999-12-31'],
    ['0001-01-01', '9999-12-31'],
  ])('kpis(from: %s, to: %s) answers a typed error or data, never INTERNAL_SERVER_ERROR', async (from, to) => {
    for (const caller of ['anonymous', 'leader']) {
      const answer = await post({ query: `{ kpis(from: "${from}", to: "${to}") { __typename } }` }, caller);
      expectTyped(`${caller} kpis ${from} ${to}`, answer);
    }
  });
});

describe('Open311', () => {
  const open311 = (path: string, init?: RequestInit) => fetch(`${base}/open311/v2/${path}`, init);
  const params = () =>
    fc.dictionary(
    fc.constantFrom('start_date', 'end_date', 'status', 'service_code', 'service_request_id', 'jurisdiction_id', 'page', 'page_size'),
    text(),
    { maxKeys: 4 },
  );
  const expectTypedOpen311 = async (what: string, response: Response) => {
    const body = await response.text();
    expect(response.status, `${what} → ${response.status} ${body.slice(0, 300)}`).toBeLessThan(500);
  };

  it.each([
    { start_date: '9999-12-31' },
    { end_date: '9999-12-31T23:59:59.999Z' },
    { start_date: '9999-10-31', end_date: '9999-12-31T23:59:59.999Z' },
    { end_date: '1900-01-01' },
    { start_date: '1900-01-01' },
  ] as Record<string, string>[])('answers a list at the edges of the supported dates (%o) without a 5xx (found by this fuzzing)', async (query) => {
    const response = await open311(`requests.json?${new URLSearchParams({ jurisdiction_id: 'fuzz-a', ...query })}`);
    await expectTypedOpen311(JSON.stringify(query), response);
  });

  it('answers list queries with typed errors only', async () => {
    await fc.assert(
      fc.asyncProperty(params(), fc.constantFrom('json', 'xml'), async (query, format) => {
        const search = new URLSearchParams({ jurisdiction_id: 'fuzz-a', ...query });
        await expectTypedOpen311(`requests.${format}?${search}`, await open311(`requests.${format}?${search}`));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('answers single requests and services by any id with typed errors only', async () => {
    // Any text percent-encoded as UTF-8 (a lone surrogate as U+FFFD), or an encoding that is not UTF-8 at all.
    const segment = fc.oneof(
      text().map((id) => [...Buffer.from(id, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')),
      fc.constantFrom('%FF', '%C0%AF', '%00', '%', '%zz', '..%2F..%2Fetc%2Fpasswd'),
    );
    await fc.assert(
      fc.asyncProperty(segment, fc.constantFrom('requests', 'request', 'services', 'tokens'), fc.constantFrom('json', 'xml'), async (id, path, format) => {
        const url = `${path}/${id}.${format}?jurisdiction_id=fuzz-a`;
        await expectTypedOpen311(url, await open311(url));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('answers submissions with typed errors only, and a refused one files nothing', async () => {
    const fields = fc.dictionary(
      fc.constantFrom('service_code', 'lat', 'long', 'address_string', 'address_id', 'description', 'first_name', 'last_name', 'email', 'phone', 'media_url', 'device_id'),
      fc.oneof(text(), fc.double({ noNaN: true }).map(String)),
      { maxKeys: 8 },
    );
    await fc.assert(
      fc.asyncProperty(fields, fc.constantFrom('form', 'json'), async (form, encoding) => {
        const before = await snapshot();
        const body = encoding === 'form' ? new URLSearchParams({ jurisdiction_id: 'fuzz-a', ...form }).toString() : JSON.stringify({ jurisdiction_id: 'fuzz-a', ...form });
        const contentType = encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json';
        const response = await open311('requests.json', { method: 'POST', headers: { 'content-type': contentType }, body });
        await expectTypedOpen311(`POST requests.json ${body.slice(0, 300)}`, response);
        if (response.status >= 400) expect(await snapshot(), body.slice(0, 300)).toBe(before);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
