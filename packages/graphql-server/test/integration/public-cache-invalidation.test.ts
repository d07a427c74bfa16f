import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, type PahtClient, type SubmitReportInput } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { publicAnswerCacheOf } from '../../src/cache/public-answer-cache.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { ACCEPT, ASSIGN, CLASSIFY, PUBLISH, RESOLVE } from './staff-documents.js';

// Issue 14: a change drops only the public answers it can alter. A new
// report is not in the public list before the IOC classifies it, so a submit
// keeps the cached list and refreshes the statistics of its month (not those
// of another period) and its own tracker (not another report's); a
// classification or a publication refreshes the list; a sign-in changes
// nothing public. Every public answer is compared with the same request to
// a second app on the same database without the cache: none is ever stale,
// also after a change no GraphQL request made (the auto-close job).

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const TENANT = 'cache-facets';

const LIST = 'query List { publicReports(first: 50) { ... on ReportConnection { nodes { id title status } } } }';
const STATS = `query Stats($from: String!, $to: String!) { kpis(from: $from, to: $to) { ... on KpisSuccess { data { key received } } } }`;
/** This month (the test's clock), and last year (no report of the test in it). */
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const LAST_YEAR = { from: '2025-01-01', to: '2025-12-31' };
const TRACK = 'query Track($code: String!) { trackReport(trackingCode: $code) { ... on TrackedReport { report { status } } } }';

const submission = (title: string): SubmitReportInput => ({
  title,
  description: 'Ổ gà lớn giữa đường, xe máy tránh rất nguy hiểm.',
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: '3 Hùng Vương, Đông Hà',
  reporter: { fullName: 'Lê Văn Cường', phone: '0905 333 444' },
});

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let oracle: FastifyInstance;
let base: string;
let oracleBase: string;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, TENANT, 'CF');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx });
  oracle = await buildApp({ core: ctx, cache: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  oracleBase = await oracle.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await oracle?.close();
  await tdb?.close();
});

async function post(at: string, query: string, variables: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${at}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': TENANT },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

const stats = () => ({ ...publicAnswerCacheOf(app)!.stats });

/**
 * Reads a public answer through the cached app and checks it against the
 * uncached one; says whether the cache answered it (a hit).
 */
async function read(query: string, variables: Record<string, unknown> = {}): Promise<{ body: string; hit: boolean }> {
  const before = stats().hits;
  const body = await post(base, query, variables);
  expect(body, 'a stale public answer').toBe(await post(oracleBase, query, variables));
  return { body, hit: stats().hits === before + 1 };
}

async function signedIn(email: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant: TENANT });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
  return client.withToken(result.token);
}

describe('public answers invalidated by what a change can alter', () => {
  it('keeps the list on a submit, refreshes it on classification and publication, and never serves a stale answer', async () => {
    const citizen = createClient({ endpoint: `${base}/graphql`, tenant: TENANT });
    const first = await citizen.submitReport(submission('Ổ gà trước chợ'));
    if (first.__typename !== 'SubmitReportSuccess') throw new Error(first.message);
    const operator = await signedIn('ioc@example.gov.vn');
    const leader = await signedIn('leader@example.gov.vn');
    expect((await operator.request(CLASSIFY, { id: first.id, categoryId: t.roadsCategoryId })).result).toMatchObject({ status: 'CLASSIFIED' });

    // Warm: the list (one report), the statistics of March and of last year, the first report's tracker.
    const track = { code: first.trackingCode };
    const list = await read(LIST);
    expect(JSON.parse(list.body).data.publicReports.nodes).toHaveLength(1);
    const stats1 = await read(STATS, MARCH);
    await read(STATS, LAST_YEAR);
    await read(TRACK, track);
    const hits = async () => [(await read(LIST)).hit, (await read(STATS, MARCH)).hit, (await read(STATS, LAST_YEAR)).hit, (await read(TRACK, track)).hit];
    expect(await hits()).toEqual([true, true, true, true]);

    // A sign-in changes nothing public: all still served from the cache.
    await signedIn('officer@example.gov.vn');
    expect(await hits()).toEqual([true, true, true, true]);

    // A submit: the list is kept (the new report is not listed), March's statistics count it at once; last year's
    // statistics and the first report's tracker are kept.
    const second = await citizen.submitReport(submission('Cống thoát nước bị tắc'));
    if (second.__typename !== 'SubmitReportSuccess') throw new Error(second.message);
    const listAfterSubmit = await read(LIST);
    expect(listAfterSubmit).toEqual({ body: list.body, hit: true });
    const stats2 = await read(STATS, MARCH);
    expect(stats2.hit).toBe(false);
    expect(stats2.body).not.toBe(stats1.body);
    expect((await read(STATS, LAST_YEAR)).hit).toBe(true);
    expect((await read(TRACK, track)).hit).toBe(true);

    // Its classification lists it: the list is computed again.
    expect((await operator.request(CLASSIFY, { id: second.id, categoryId: t.roadsCategoryId })).result).toMatchObject({ status: 'CLASSIFIED' });
    const listed = await read(LIST);
    expect(listed.hit).toBe(false);
    expect(JSON.parse(listed.body).data.publicReports.nodes.map((r: { id: string }) => r.id)).toContain(second.id);
    expect((await read(TRACK, track)).hit).toBe(true);
    expect((await read(STATS, MARCH)).hit).toBe(false);

    // Through to the answer, then its publication: the list shows it published.
    await operator.request(ASSIGN, { id: first.id, unitId: t.roadsUnitId });
    await leader.request(ACCEPT, { id: first.id });
    await leader.request(RESOLVE, { id: first.id, answer: 'Đã vá ổ gà. / The pothole is filled.' });
    expect((await read(LIST)).hit).toBe(false);
    expect((await read(LIST)).hit).toBe(true);
    expect((await operator.request(PUBLISH, { id: first.id })).result).toMatchObject({ status: 'PUBLISHED' });
    const published = await read(LIST);
    expect(published.hit).toBe(false);
    expect(JSON.parse(published.body).data.publicReports.nodes).toContainEqual(expect.objectContaining({ id: first.id, status: 'PUBLISHED' }));
    expect((await read(TRACK, track)).hit).toBe(false);

    // The auto-close job closes it, unrated, a month later: its tracker and the list are computed again (`read`
    // compares them with the uncached app); the other report's tracker is kept.
    ctx.advance(30 * 24 * 3600_000);
    await read(LIST);
    await read(TRACK, track);
    const other = { code: second.trackingCode };
    await read(TRACK, other);
    expect([(await read(LIST)).hit, (await read(TRACK, track)).hit, (await read(TRACK, other)).hit]).toEqual([true, true, true]);
    expect((await app.jobs.runNow('auto-close')).closed).toEqual([expect.objectContaining({ reportId: first.id })]);
    const closed = await read(TRACK, track);
    expect(closed.hit).toBe(false);
    expect(JSON.parse(closed.body).data.trackReport.report.status).toBe('CLOSED');
    expect((await read(LIST)).hit).toBe(false);
    expect((await read(TRACK, other)).hit).toBe(true);

    // An Open311 request is a submit like any other: this month's statistics are computed again, the list is kept.
    const APRIL = { from: '2026-04-01', to: '2026-04-30' };
    const april = await read(STATS, APRIL);
    expect([(await read(STATS, APRIL)).hit, (await read(LIST)).hit]).toEqual([true, true]);
    const filed = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ jurisdiction_id: TENANT, service_code: 'ROADS', lat: '16.8163', long: '107.1003', address_string: '120 Hùng Vương, Đông Hà', description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.', phone: '0912 345 678' }).toString(),
    });
    expect(filed.status, await filed.clone().text()).toBe(200);
    const aprilAfter = await read(STATS, APRIL);
    expect(aprilAfter.hit).toBe(false);
    expect(aprilAfter.body).not.toBe(april.body);
    expect((await read(LIST)).hit).toBe(true);
  });
});
