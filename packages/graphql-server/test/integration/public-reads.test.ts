import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, typedDocument, type PahtClient, type SubmitReportInput } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { publicAnswerCacheOf } from '../../src/cache/public-answer-cache.js';
import { executionStatsOf } from '../../src/execution/jit-gateway.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { CLASSIFY } from './staff-documents.js';

// Public reads on both execution engines: served whole from the cache
// until the tenant changes, never for a signed-in or secret-holding caller,
// never across tenants; and typed error results unchanged under graphql-jit.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';

const LIST = 'query List($first: Int) { publicReports(first: $first) { ... on ReportConnection { nodes { id title status category { code } unit { code } } } } }';
const TRACK = `query Track($code: String!, $secret: String) {
  trackReport(trackingCode: $code, secret: $secret) {
    __typename
    ... on TrackedReport { access report { id title status sla { outcome } } }
    ... on Error { code message }
  }
}`;
const KPIS = `query Kpis($from: String!, $to: String!, $private: Boolean) {
  kpis(from: $from, to: $to, includePrivate: $private) {
    __typename
    ... on KpisSuccess { data { key received } }
    ... on Error { code message }
    ... on ValidationError { fields { path message } }
  }
}`;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let tenants: { a: FixtureTenant; b: FixtureTenant };

const submission = (title: string): SubmitReportInput => ({
  title,
  description: 'Đèn đường không sáng cả tuần nay, đoạn trước trường học.',
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: '12 Lê Lợi, Đông Hà',
  reporter: { fullName: 'Trần Thị Bình', phone: '0905 111 222' },
});

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  tenants = { a: await createFixtureTenant(ctx, 'pub-a', 'PA'), b: await createFixtureTenant(ctx, 'pub-b', 'PB') };
  const passwordHash = await hashPassword(PASSWORD);
  for (const t of Object.values(tenants)) await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
});

afterAll(async () => {
  await tdb?.close();
});

describe.each([
  { engine: 'graphql-jit', jit: true },
  { engine: 'graphql-js', jit: false },
])('public reads on $engine', ({ jit }) => {
  let app: FastifyInstance;
  let base: string;

  /** One POST to /graphql: the status and the exact body text. */
  async function post(tenant: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, text: await response.text() };
  }

  async function submitted(tenant: string, title: string) {
    const result = await createClient({ endpoint: `${base}/graphql`, tenant }).submitReport(submission(title));
    if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
    return result;
  }

  /** Submitted and classified by the IOC into the public category: from then on in public lists. */
  async function listed(tenant: 'pub-a' | 'pub-b', title: string) {
    const result = await submitted(tenant, title);
    const operator = await signedIn(tenant);
    const categoryId = (tenant === 'pub-a' ? tenants.a : tenants.b).roadsCategoryId;
    const { result: classified } = await operator.request(CLASSIFY, { id: result.id, categoryId });
    expect(classified).toMatchObject({ status: 'CLASSIFIED' });
    return result;
  }

  async function signedIn(tenant: string): Promise<PahtClient> {
    const client = createClient({ endpoint: `${base}/graphql`, tenant });
    const result = await client.signIn('ioc@example.gov.vn', PASSWORD);
    if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
    return client.withToken(result.token);
  }

  /** Changes a report's title in the database, behind the API's (and the cache's) back. */
  const retitleBehindTheBack = (id: string, title: string) => tdb.db.query('UPDATE reports SET title = $1 WHERE id = $2', [title, id]);

  const stats = () => {
    const cache = publicAnswerCacheOf(app);
    if (!cache) throw new Error('no cache');
    return { ...cache.stats };
  };

  beforeAll(async () => {
    app = await buildApp({ core: ctx, jit });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('serves the same list twice from one run, and the next after a mutation from the database', async () => {
    const { id } = await submitted('pub-a', 'Đèn đường hỏng');
    const first = await post('pub-a', LIST, { first: 50 });
    expect(first.status).toBe(200);
    // Moderation first: not listed before the IOC has classified it.
    expect(JSON.parse(first.text).data.publicReports.nodes.map((r: { id: string }) => r.id)).not.toContain(id);

    await retitleBehindTheBack(id, 'Sửa sau lưng API');
    const before = stats();
    const second = await post('pub-a', LIST, { first: 50 });
    expect(second).toEqual(first);
    expect(stats().hits).toBe(before.hits + 1);

    const operator = await signedIn('pub-a');
    const { result } = await operator.request(CLASSIFY, { id, categoryId: tenants.a.roadsCategoryId });
    expect(result).toMatchObject({ __typename: 'ReportTransition', status: 'CLASSIFIED' });

    const third = JSON.parse((await post('pub-a', LIST, { first: 50 })).text);
    expect(third.data.publicReports.nodes).toContainEqual({ id, title: 'Sửa sau lưng API', status: 'CLASSIFIED', category: { code: 'ROADS' }, unit: null });
  });

  it('never answers a request with an Authorization header from the cache, nor keeps its answer', async () => {
    const { id } = await listed('pub-a', 'Cây đổ chắn đường');
    await post('pub-a', LIST, { first: 50 });
    await retitleBehindTheBack(id, 'Cây đổ (đã đổi)');
    const operator = await signedIn('pub-a');
    const before = stats();
    const signed = await operator.request(typedDocument<{ publicReports: { nodes: Array<{ id: string; title: string }> } }, { first: number }>(LIST), { first: 50 });
    expect(signed.publicReports.nodes).toContainEqual(expect.objectContaining({ id, title: 'Cây đổ (đã đổi)' }));
    expect(stats()).toEqual(before);
  });

  it('keeps tenants apart: the same query for two tenants gives each its own reports', async () => {
    const a = await listed('pub-a', 'Rác thải ở chợ A');
    const b = await listed('pub-b', 'Rác thải ở chợ B');
    for (let round = 0; round < 2; round++) {
      const listA = JSON.parse((await post('pub-a', LIST, { first: 50 })).text).data.publicReports.nodes.map((r: { id: string }) => r.id);
      const listB = JSON.parse((await post('pub-b', LIST, { first: 50 })).text).data.publicReports.nodes.map((r: { id: string }) => r.id);
      expect(listA).toContain(a.id);
      expect(listA).not.toContain(b.id);
      expect(listB).toContain(b.id);
      expect(listB).not.toContain(a.id);
    }
  });

  it('serves the public tracker from the cache, and never the citizen view with the secret', async () => {
    const report = await submitted('pub-a', 'Nước ngập đường');
    const pub = await post('pub-a', TRACK, { code: report.trackingCode });
    expect(JSON.parse(pub.text).data.trackReport).toMatchObject({ __typename: 'TrackedReport', access: 'PUBLIC', report: { title: 'Nước ngập đường', sla: null } });
    const mine = await post('pub-a', TRACK, { code: report.trackingCode, secret: report.secret });
    expect(JSON.parse(mine.text).data.trackReport).toMatchObject({ access: 'CITIZEN', report: { sla: { outcome: expect.any(String) } } });

    await retitleBehindTheBack(report.id, 'Nước ngập (đã đổi)');
    expect(await post('pub-a', TRACK, { code: report.trackingCode })).toEqual(pub);
    const mineAgain = JSON.parse((await post('pub-a', TRACK, { code: report.trackingCode, secret: report.secret })).text);
    expect(mineAgain.data.trackReport.report.title).toBe('Nước ngập (đã đổi)');
    // The secret inline in the query text is no different.
    const inline = TRACK.replace(', $secret: String', '').replace('secret: $secret', `secret: "${report.secret}"`);
    const inlineAnswer = JSON.parse((await post('pub-a', inline, { code: report.trackingCode })).text);
    expect(inlineAnswer.data.trackReport).toMatchObject({ access: 'CITIZEN', report: { title: 'Nước ngập (đã đổi)' } });
  });

  it('returns typed error results as graphql-js does, from compiled code when the JIT is on', async () => {
    const live = executionStatsOf(app);
    const runsBefore = live && { ...live };
    const missing = JSON.parse((await post('pub-a', TRACK, { code: 'PA-000-000-000' })).text);
    expect(missing).toEqual({ data: { trackReport: { __typename: 'NotFoundError', code: 'NOT_FOUND', message: expect.any(String) } } });
    const forbidden = JSON.parse((await post('pub-a', KPIS, { from: '2026-03-01', to: '2026-03-31', private: true })).text);
    expect(forbidden.data.kpis).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const invalid = JSON.parse((await post('pub-a', KPIS, { from: '2026-03-31', to: 'ngày mai' })).text);
    expect(invalid.data.kpis).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
    expect(invalid.data.kpis.fields.length).toBeGreaterThan(0);
    const counted = JSON.parse((await post('pub-a', KPIS, { from: '2026-03-01', to: '2026-03-31' })).text);
    expect(counted.data.kpis).toMatchObject({ __typename: 'KpisSuccess', data: [{ received: expect.any(Number) }] });

    const runsAfter = executionStatsOf(app);
    if (!jit) {
      expect(runsAfter).toBeNull();
      return;
    }
    expect(runsBefore && runsAfter).toBeTruthy();
    if (!runsBefore || !runsAfter) return;
    expect(runsAfter.compiled).toBeGreaterThan(0);
    expect(runsAfter.fallbackRuns).toBe(runsBefore.fallbackRuns);
    expect(runsAfter.jitRuns).toBeGreaterThan(runsBefore.jitRuns);
  });

  it('keeps no answer with errors, and answers bad variables with 400 as graphql-js does', async () => {
    const before = stats();
    const runsBefore = executionStatsOf(app) && { ...executionStatsOf(app)! };
    const bad = await post('pub-a', LIST, { first: 'fifty' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // Refused, not run again by graphql-js: an operation never runs twice.
    const runsAfter = executionStatsOf(app);
    if (jit) expect(runsAfter && runsBefore && [runsAfter.refusedVariables - runsBefore.refusedVariables, runsAfter.fallbackRuns - runsBefore.fallbackRuns]).toEqual([1, 0]);
    const unknownTenant = await post('no-such-tenant', LIST, { first: 50 });
    expect(JSON.parse(unknownTenant.text).errors[0].extensions.code).toBe('TENANT_NOT_FOUND');
    expect(stats().stores).toBe(before.stores);
  });
});
