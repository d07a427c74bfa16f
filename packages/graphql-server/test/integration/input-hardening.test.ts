import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorId, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { issueStaffToken } from '../../src/auth/staff-token.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Hostile input over real HTTP: NUL characters in free text, variables
// nested thousands deep, dates outside any calendar we keep, forged
// cursors, LIKE wildcards in search, and preflights from refused origins.
// Each is refused with a typed error and changes nothing.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const NUL = '\u0000';
const SUBMIT = 'mutation Submit($input: SubmitReportInput!) { submitReport(input: $input) { __typename ... on SubmitReportSuccess { id trackingCode } } }';
const SEARCH = 'query S($search: String) { reports(first: 50, filter: { search: $search }) { __typename ... on ReportConnection { nodes { title } } } }';
const PUBLIC_SEARCH = 'query S($search: String) { publicReports(filter: { search: $search }) { __typename ... on ReportConnection { nodes { id } } } }';
const SIGN_IN = 'mutation SignIn($email: String!) { signIn(email: $email, password: "khong-dung-mat-khau") { __typename } }';
const CREATE_UNIT = 'mutation U($input: CreateUnitInput!) { createUnit(input: $input) { __typename } }';
const KPIS = 'query K($from: String!, $to: String!) { kpis(from: $from, to: $to) { __typename ... on ValidationError { fields { path } } } }';
const SUBMITTED_FROM = 'query F($from: DateTime) { publicReports(filter: { submittedFrom: $from }) { __typename } }';
const AFTER = 'query A($after: String) { publicReports(after: $after) { __typename ... on ValidationError { fields { path } } } }';

const input = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  description: 'Cây đổ chắn ngang đường sau cơn mưa lớn tối qua.',
  channel: 'WEB',
  latitude: 16.81,
  longitude: 107.1,
  reporter: { fullName: 'Lê Văn Cường', phone: '0977 000 111' },
  ...extra,
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } & Record<string, any>;
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
let iocToken: string;
let adminToken: string;

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

const post = (body: unknown, headers: Record<string, string> = {}) =>
  call(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 'hard', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const asIoc = { authorization: '' };
const firstError = (a: Answer) => a.json.errors?.[0];
const counts = () =>
  withTenant(ctx.db, t.tenantId, async (tx) => ({
    reports: await tx.report.count(),
    units: await tx.unit.count(),
    audit: await tx.auditEntry.count(),
  }));

/** A typed refusal of the request's input, before anything ran: 400 BAD_USER_INPUT, no raw JavaScript message. */
function expectBadInput(answer: Answer, reason: string) {
  expect(answer.status).toBe(400);
  expect(firstError(answer)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  expect(firstError(answer)?.message).toMatch(/.+ \/ .+/);
  expect(answer.json.data).toBeUndefined();
  expect(answer.text).not.toMatch(/stack|RangeError|Maximum call|TypeError|at \w+ \(/);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'hard', 'HD');
  const token = async (actor: typeof t.operator, role: 'IOC_OPERATOR' | 'TENANT_ADMIN', unitId: string | null) =>
    (await issueStaffToken(ctx.secretKey, { userId: actorId(actor)!, tenantId: t.tenantId, role, unitId }, ctx.now())).token;
  iocToken = await token(t.operator, 'IOC_OPERATOR', t.iocUnitId);
  adminToken = await token(t.admin, 'TENANT_ADMIN', null);
  asIoc.authorization = `Bearer ${iocToken}`;
  app = await buildApp({ core: ctx, rateLimits: false, redisUrl: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('a NUL character in free text', () => {
  it('is refused in every field of a submission, by variable or by literal, and files nothing', async () => {
    const before = await counts();
    for (const bad of [
      input(`Cây đổ${NUL}`),
      input('Cây đổ chắn đường', { description: `Mô tả ${NUL} đủ dài để hợp lệ` }),
      input('Cây đổ chắn đường', { address: `45 Lê Duẩn${NUL}` }),
      input('Cây đổ chắn đường', { reporter: { fullName: `Lê${NUL}`, phone: '0977 000 111' } }),
    ]) {
      expectBadInput(await post({ query: SUBMIT, variables: { input: bad } }), 'NUL_CHARACTER');
    }
    // graphql-js decodes \u0000 in a string literal into a NUL.
    const literal = await post({
      query: 'mutation { submitReport(input: { title: "Cây đổ \\u0000", description: "Mô tả đủ dài để hợp lệ", address: "45 Lê Duẩn", reporter: { phone: "0977000111" } }) { __typename } }',
    });
    expect(literal.status).toBe(400);
    expect(firstError(literal)?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'NUL_CHARACTER' });
    expect(await counts()).toEqual(before);
  });

  it('is refused in search, sign-in e-mail and admin names', async () => {
    const before = await counts();
    expectBadInput(await post({ query: SEARCH, variables: { search: `đèn${NUL}` } }, asIoc), 'NUL_CHARACTER');
    expectBadInput(await post({ query: PUBLIC_SEARCH, variables: { search: NUL } }), 'NUL_CHARACTER');
    expectBadInput(await post({ query: SIGN_IN, variables: { email: `ioc@example.gov.vn${NUL}` } }), 'NUL_CHARACTER');
    expectBadInput(
      await post({ query: CREATE_UNIT, variables: { input: { code: 'X1', kind: 'COMMUNE', name: `Xã ${NUL}` } } }, { authorization: `Bearer ${adminToken}` }),
      'NUL_CHARACTER',
    );
    // An operation name or variable name cannot smuggle one either.
    expectBadInput(await post({ query: SEARCH, variables: { [`search${NUL}`]: 'x' } }, asIoc), 'NUL_CHARACTER');
    expect(await counts()).toEqual(before);
  });

  it('refuses text holding a lone UTF-16 surrogate (JSON can carry one, no Unicode text holds one) as typed input, not a 500', async () => {
    const before = await counts();
    // A fuzz run found createUnit answering INTERNAL_SERVER_ERROR for this code.
    expectBadInput(
      await post({ query: CREATE_UNIT, variables: { input: { code: 'x\udfffy', kind: 'COMMUNE', name: 'Xã Mới' } } }, { authorization: `Bearer ${adminToken}` }),
      'ILL_FORMED_TEXT',
    );
    expectBadInput(await post({ query: SUBMIT, variables: { input: input('Cây đổ \ud83d chắn đường') } }), 'ILL_FORMED_TEXT');
    expectBadInput(await post({ query: PUBLIC_SEARCH, variables: { search: '\udc00' } }), 'ILL_FORMED_TEXT');
    // A pair is a character like any other: an emoji in a title is kept.
    const emoji = await post({ query: SUBMIT, variables: { input: input('Cây đổ 🌳 chắn đường') } });
    expect(emoji.json.data?.submitReport.__typename).toBe('SubmitReportSuccess');
    expect((await counts()).units).toBe(before.units);
  });

  it('is refused by Open311 in its own error format, form or JSON, filing nothing', async () => {
    const before = await counts();
    const fields = { jurisdiction_id: 'hard', service_code: 'ROADS', description: `Đèn đường hỏng ${NUL} trước trường học`, lat: '16.8', long: '107.1', phone: '0977 123 456' };
    const form = await call(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    expect(form.status).toBe(400);
    expect(form.json).toEqual([{ code: 400, description: expect.stringMatching(/NUL/) }]);
    const json = await call(`${base}/open311/v2/requests.xml`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
    expect(json.status).toBe(400);
    expect(json.text).toMatch(/<errors>\s*<error>\s*<code>400<\/code>/);
    const inQuery = await call(`${base}/open311/v2/requests.json?jurisdiction_id=hard&search=%00`);
    expect(inQuery.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('is refused by the core itself, whoever calls it', async () => {
    const { submitReport, isDomainError } = await import('@paht/core');
    const error = await submitReport(ctx, t.tenantId, input(`Cây đổ ${NUL} chắn đường`)).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe('VALIDATION');
    expect((error as { details: { fields: { path: string }[] } }).details.fields).toEqual([expect.objectContaining({ path: 'title' })]);
  });
});

describe('variables nested thousands deep', () => {
  it('are refused with a typed 400, not a crash of the answer cache', async () => {
    // Written by hand: JSON.stringify itself overflows at this depth.
    const deep = `${'{"a":'.repeat(5000)}"x"${'}'.repeat(5000)}`;
    const list = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const before = await counts();
    expectBadInput(await post(`{"query":${JSON.stringify(PUBLIC_SEARCH)},"variables":{"search":"đèn","deep":${deep}}}`), 'TOO_DEEP');
    expectBadInput(await post(`{"query":${JSON.stringify(SUBMIT)},"variables":{"input":${list}}}`), 'TOO_DEEP');
    // As deep as the 1 MiB body allows.
    const deepest = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    expectBadInput(await post(`{"query":${JSON.stringify(SUBMIT)},"variables":{"input":${deepest}}}`), 'TOO_DEEP');
    // A GET carries its variables in the query string (300 deep fits in a URL).
    const deepForUrl = `${'{"a":'.repeat(300)}"x"${'}'.repeat(300)}`;
    const get = await call(`${base}/graphql?query=${encodeURIComponent(PUBLIC_SEARCH)}&variables=${encodeURIComponent(`{"deep":${deepForUrl}}`)}`, {
      headers: { 'x-tenant': 'hard' },
    });
    expectBadInput(get, 'TOO_DEEP');
    expect(await counts()).toEqual(before);
    // Ordinary nesting passes.
    expect((await post({ query: PUBLIC_SEARCH, variables: { search: 'đèn', extra: { a: { b: { c: [1, [2, [3]]] } } } } })).status).toBe(200);
  });
});

describe('dates outside the calendar', () => {
  it('refuses KPI periods before 1900 (year 0001, 0000) as a ValidationError, and takes 1900 to 9999', async () => {
    for (const [from, to] of [
      ['0001-01-01', '2026-03-01'],
      ['0000-01-01', '2026-03-01'],
      ['1899-12-31', '2026-03-01'],
    ]) {
      const answer = await post({ query: KPIS, variables: { from, to } });
      expect(answer.status).toBe(200);
      expect(answer.json.data?.kpis).toMatchObject({ __typename: 'ValidationError' });
    }
    for (const [from, to] of [
      ['2026-01-01', '2026-03-01'],
      ['1900-01-01', '9999-12-31'],
    ]) {
      expect((await post({ query: KPIS, variables: { from, to } })).json.data?.kpis.__typename).toBe('KpisSuccess');
    }
  });

  it('refuses DateTime values of year 0, negative years and 275760 as BAD_USER_INPUT', async () => {
    for (const from of ['0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '0001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z']) {
      const answer = await post({ query: SUBMITTED_FROM, variables: { from } });
      expect(answer.status).toBe(400);
      expect(firstError(answer)?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(firstError(answer)?.message).toMatch(/DateTime/);
    }
    const literal = await post({ query: '{ publicReports(filter: { submittedFrom: "0000-01-01T00:00:00Z" }) { __typename } }' });
    expect(literal.status).toBe(400);
    expect(firstError(literal)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await post({ query: SUBMITTED_FROM, variables: { from: '2026-01-01T00:00:00Z' } })).json.data?.publicReports.__typename).toBe('ReportConnection');
  });

  it('refuses forged cursors with years ≤ 0 or past 9999 as a ValidationError of `after`', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const at of ['0000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z']) {
      const after = Buffer.from(JSON.stringify([at, id])).toString('base64url');
      const answer = await post({ query: AFTER, variables: { after } });
      expect(answer.status).toBe(200);
      expect(answer.json.data?.publicReports).toEqual({ __typename: 'ValidationError', fields: [{ path: 'after' }] });
    }
  });
});

describe('the same defects elsewhere', () => {
  it('answers a tenant name holding NUL as an unknown tenant, on every route and over WebSocket', async () => {
    const graphql = await call(`${base}/graphql?tenant=%00`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ units { id } }' }) });
    expect(graphql.status).toBe(404);
    expect(firstError(graphql)?.extensions?.code).toBe('TENANT_NOT_FOUND');
    const uploads = await call(`${base}/uploads?tenant=hard%00`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(16) });
    expect(uploads.status).toBeGreaterThanOrEqual(400);
    expect(uploads.status).toBeLessThan(500);
    const open311 = await call(`${base}/open311/v2/services.json?jurisdiction_id=hard%00`);
    expect(open311.status).toBe(400);
    const { liveClient, live } = await import('../support/live-client.js');
    const client = liveClient(base, { tenant: 'hard\u0000' });
    const refused = await live(client, 'subscription { iocInbox { reportId } }').failure();
    await client.dispose();
    // The close code of an unknown tenant (4403, or 4404 once the codes are renamed), not a server error (1011).
    expect([4403, 4404]).toContain((refused as { code: number }).code);
    expect((refused as { reason: string }).reason).toMatch(/Unknown tenant/);
  });

  it('refuses forged audit-log cursors and calendar days outside the supported years as ValidationErrors, changing nothing', async () => {
    const admin = { authorization: `Bearer ${adminToken}` };
    const after = Buffer.from(`0000-01-01T00:00:00.000Z|1`).toString('base64url');
    const log = await post({ query: 'query L($after: String) { auditLog(after: $after) { __typename ... on ValidationError { fields { path } } } }', variables: { after } }, admin);
    expect(log.json.data?.auditLog).toEqual({ __typename: 'ValidationError', fields: [{ path: 'after' }] });
    const before = await counts();
    for (const date of ['0000-01-01', '0001-01-01', '1899-12-31']) {
      const day = await post(
        { query: 'mutation D($input: CalendarDayInput!) { setCalendarDay(input: $input) { __typename ... on ValidationError { fields { path } } } }', variables: { input: { date, kind: 'HOLIDAY', name: 'Ngày thử' } } },
        admin,
      );
      expect(day.json.data?.setCalendarDay).toEqual({ __typename: 'ValidationError', fields: [{ path: 'date' }] });
    }
    expect(await counts()).toEqual(before);
  });
});

describe('search', () => {
  it('matches %, _ and \\ literally', async () => {
    for (const title of ['Giảm 50% phí gửi xe', 'Mã lỗi A_B ở cổng', 'Đường dẫn C:\\tmp bị lộ', 'Ổ gà sâu trên đường']) {
      const answer = await post({ query: SUBMIT, variables: { input: input(title) } });
      expect(answer.json.data?.submitReport.__typename).toBe('SubmitReportSuccess');
    }
    const titles = async (search: string) =>
      ((await post({ query: SEARCH, variables: { search } }, asIoc)).json.data?.reports.nodes as { title: string }[]).map((n) => n.title).sort();
    expect(await titles('%')).toEqual(['Giảm 50% phí gửi xe']);
    expect(await titles('_')).toEqual(['Mã lỗi A_B ở cổng']);
    expect(await titles('a_b')).toEqual(['Mã lỗi A_B ở cổng']);
    expect(await titles('\\')).toEqual(['Đường dẫn C:\\tmp bị lộ']);
    expect(await titles('50%')).toEqual(['Giảm 50% phí gửi xe']);
    expect(await titles('o_ga')).toEqual([]);
  });
});

describe('a preflight from an origin that is not allowed', () => {
  it('is refused with 403 on every route, without CORS headers or internals; an allowed one passes', async () => {
    const preflight = (path: string, origin: string) =>
      call(`${base}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-tenant' } });
    for (const path of ['/graphql', '/graphql?tenant=hard', '/open311/v2/requests.json', '/uploads', '/uploads/abc/preview', '/nowhere']) {
      const refused = await preflight(path, 'https://evil.example');
      expect(refused.status, path).toBe(403);
      expect(refused.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(refused.headers.get('access-control-allow-methods'), path).toBeNull();
      expect(refused.text, path).not.toMatch(/Route OPTIONS|not found/i);
      expect(refused.text, path).toMatch(/ORIGIN_NOT_ALLOWED|<code>403<\/code>|"code":403/);
    }
    const allowed = await preflight('/graphql', 'http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});
