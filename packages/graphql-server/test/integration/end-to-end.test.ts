import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, ServerError, type PahtClient, type SubmitReportInput, type TypedDocument } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';
import { ACCEPT, ASSIGN, CLASSIFY, KPIS, PUBLIC_REPORTS, PUBLISH, RATE, RESOLVE, STAFF_REPORT, type TransitionResult } from './staff-documents.js';

// Monday 2026-03-02 09:00 in Vietnam (UTC+7).
const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const PASSWORD = 'mat-khau-thu-nghiem-2026';
// The reporter's phone in any form it could leak in (0912 345 678, 0912345678, +84912345678), not a four-digit piece a random id can hold.
const CONTACT = /912[ .]?345[ .]?678|dan@example|Nguyễn Văn Dân/;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
let citizen: PahtClient;

const submission = (extra: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
  title: 'Ổ gà lớn trên đường Hùng Vương',
  description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: '120 Hùng Vương, Đông Hà',
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
  ...extra,
});

/** Signs in over HTTP and returns a client carrying the token. */
async function signedIn(email: string, tenant = 'e2e'): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
  return client.withToken(result.token);
}

/** The `result` of a step document, after moving the test clock on by an hour. */
async function step<V>(client: PahtClient, document: TypedDocument<Record<string, TransitionResult>, V>, variables: V): Promise<TransitionResult> {
  ctx.advance(HOUR);
  const { result } = await client.request(document, variables);
  if (!result) throw new Error('no result');
  return result;
}

async function submitted(client: PahtClient = citizen) {
  const result = await client.submitReport(submission());
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'e2e', 'EE');
  await createFixtureTenant(ctx, 'other', 'OT');
  // Fixture staff have no passwords: give every one the same.
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenantId of (await ctx.db.prisma.tenant.findMany()).map((x) => x.id)) {
    await withTenant(ctx.db, tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  }
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'e2e' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('one report over HTTP, from the citizen to the unit and back', () => {
  it('travels from submission to a rated close, every step on its timeline, no contact data in public', async () => {
    ctx.setNow(MONDAY_9AM);
    const input = submission({ idempotencyKey: 'e2e-submit-0001' });
    const first = await citizen.submitReport(input);
    expect(first).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: false, submittedAt: MONDAY_9AM.toISOString() });
    if (first.__typename !== 'SubmitReportSuccess') return;
    expect(first.trackingCode).toMatch(/^EE-\d{3}-\d{3}-\d{3}$/);
    expect(first.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

    const retry = await citizen.submitReport(input);
    expect(retry).toEqual({ ...first, replayed: true });

    const operator = await signedIn('ioc@example.gov.vn');
    const officer = await signedIn('officer@example.gov.vn');
    const id = first.id;
    expect(await step(operator, CLASSIFY, { id, categoryId: t.roadsCategoryId })).toMatchObject({ __typename: 'ReportTransition', reportId: id, status: 'CLASSIFIED', entry: { seq: 2, type: 'CLASSIFY' } });
    expect(await step(operator, ASSIGN, { id, unitId: t.roadsUnitId })).toMatchObject({ status: 'ASSIGNED', entry: { seq: 3 } });
    expect(await step(officer, ACCEPT, { id })).toMatchObject({ status: 'ACCEPTED', entry: { seq: 4 } });
    expect(await step(officer, RESOLVE, { id, answer: 'Đã vá ổ gà ngày 02/3/2026.' })).toMatchObject({ status: 'RESOLVED', entry: { seq: 5 } });
    expect(await step(operator, PUBLISH, { id })).toMatchObject({ status: 'PUBLISHED', entry: { seq: 6 } });
    expect(await step(citizen, RATE, { trackingCode: first.trackingCode, secret: first.secret, rating: 5, comment: 'Nhanh' })).toMatchObject({
      status: 'CLOSED',
      entry: { seq: 7, type: 'RATE' },
    });

    const mine = await citizen.trackReport(first.trackingCode, first.secret);
    expect(mine.__typename).toBe('TrackedReport');
    if (mine.__typename !== 'TrackedReport') return;
    expect(mine.access).toBe('CITIZEN');
    expect(mine.report).toMatchObject({
      id,
      status: 'CLOSED',
      unit: { id: t.roadsUnitId, code: 'SGTVT', name: 'Sở Giao thông vận tải' },
      category: { id: t.roadsCategoryId, code: 'ROADS' },
      answer: 'Đã vá ổ gà ngày 02/3/2026.',
      rating: 5,
      resolvedOnTime: true,
      resolvedAt: new Date(MONDAY_9AM.getTime() + 4 * HOUR).toISOString(),
      sla: { outcome: 'ON_TIME', stage: 'RESOLVE', state: 'MET' },
    });
    expect(mine.report.timeline.map((e) => [e.seq, e.type, e.status])).toEqual([
      [1, 'SUBMIT', 'SUBMITTED'],
      [2, 'CLASSIFY', 'CLASSIFIED'],
      [3, 'ASSIGN', 'ASSIGNED'],
      [4, 'ACCEPT', 'ACCEPTED'],
      [5, 'RESOLVE', 'RESOLVED'],
      [6, 'PUBLISH', 'PUBLISHED'],
      [7, 'RATE', 'CLOSED'],
    ]);
    expect(mine.report.timeline[6]?.at).toBe(new Date(MONDAY_9AM.getTime() + 6 * HOUR).toISOString());

    const pub = await citizen.trackReport(first.trackingCode.replace(/-/g, ' ').toLowerCase());
    expect(pub).toMatchObject({ __typename: 'TrackedReport', access: 'PUBLIC', report: { id, status: 'CLOSED', title: 'Ổ gà lớn trên đường Hùng Vương', sla: null } });
    expect(JSON.stringify(pub)).not.toMatch(CONTACT);

    const list = await citizen.request(PUBLIC_REPORTS, { first: 50 });
    expect(list.publicReports.nodes.map((r) => r.id)).toContain(id);
    expect(JSON.stringify(list)).not.toMatch(CONTACT);

    const staffView = await operator.request(STAFF_REPORT, { id });
    expect(staffView.report).toMatchObject({ __typename: 'Report', status: 'CLOSED' });
    if (staffView.report.__typename === 'Report') {
      expect(staffView.report.timeline.map((e) => e.actorRole)).toEqual(['CITIZEN', 'IOC_OPERATOR', 'IOC_OPERATOR', 'UNIT_OFFICER', 'UNIT_OFFICER', 'IOC_OPERATOR', 'CITIZEN']);
    }

    const kpis = await citizen.request(KPIS, { from: '2026-03-01', to: '2026-03-31' });
    expect(kpis.kpis).toMatchObject({ __typename: 'KpisSuccess' });
    if (kpis.kpis.__typename === 'KpisSuccess') expect(kpis.kpis.data[0]).toMatchObject({ resolved: 1, onTime: 1, ratings: 1, avgRating: 5 });
  });
});

describe('refusals come back as typed results and change nothing', () => {
  it('answers FORBIDDEN when a role may not take the step', async () => {
    const { id } = await submitted();
    const officer = await signedIn('officer@example.gov.vn');
    const result = await step(officer, CLASSIFY, { id, categoryId: t.roadsCategoryId });
    expect(result).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', message: 'Role UNIT_OFFICER may not CLASSIFY a report' });
    const track = await citizen.trackReport((await trackingCodeOf(id)) ?? '');
    expect(track).toMatchObject({ report: { status: 'SUBMITTED' } });
  });

  it('answers FORBIDDEN to a staff step without a token', async () => {
    const { id } = await submitted();
    expect(await step(citizen, CLASSIFY, { id, categoryId: t.roadsCategoryId })).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
      message: 'Sign in as staff to do this',
    });
  });

  it('answers ILLEGAL_TRANSITION, with the current status, when the state does not allow the step', async () => {
    const { id } = await submitted();
    const operator = await signedIn('ioc@example.gov.vn');
    expect(await step(operator, ASSIGN, { id, unitId: t.roadsUnitId })).toEqual({
      __typename: 'IllegalTransitionError',
      code: 'ILLEGAL_TRANSITION',
      message: 'Cannot ASSIGN a report that is SUBMITTED',
      fromStatus: 'SUBMITTED',
    });
  });

  it('answers VALIDATION with the field paths, without echoing the values, and files nothing', async () => {
    const before = await withTenant(ctx.db, t.tenantId, (tx) => tx.report.count());
    const result = await citizen.submitReport({ title: 'ab', description: 'Mô tả đủ dài để hợp lệ.', reporter: { phone: '12345' } });
    expect(result.__typename).toBe('ValidationError');
    if (result.__typename !== 'ValidationError') return;
    expect(result.code).toBe('VALIDATION');
    expect(result.fields.map((f) => f.path).sort()).toEqual(['address', 'reporter.phone', 'title']);
    expect(JSON.stringify(result)).not.toContain('12345');
    expect(await withTenant(ctx.db, t.tenantId, (tx) => tx.report.count())).toBe(before);
  });

  it('answers FORBIDDEN to a wrong password and to a wrong report secret', async () => {
    expect(await citizen.signIn('ioc@example.gov.vn', 'sai-mat-khau-roi')).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', message: 'Wrong e-mail or password' });
    expect(await citizen.signIn('nobody@example.gov.vn', PASSWORD)).toMatchObject({ __typename: 'ForbiddenError' });
    const { trackingCode } = await submitted();
    expect(await citizen.trackReport(trackingCode, 'not-the-secret-not-the-secret-00')).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(await citizen.trackReport('EE-000-000-000')).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('refuses a request for an unknown tenant with TENANT_NOT_FOUND and a request id', async () => {
    const stranger = createClient({ endpoint: `${base}/graphql`, tenant: 'khong-ton-tai' });
    const error = await stranger.trackReport('EE-000-000-000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 'TENANT_NOT_FOUND', statusCode: 404, message: 'Unknown tenant khong-ton-tai' });
    expect((error as ServerError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a bad token, and a token of another tenant, with UNAUTHENTICATED', async () => {
    const forged = citizen.withToken('eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl');
    await expect(forged.trackReport('EE-000-000-000')).rejects.toMatchObject({ name: 'ServerError', code: 'UNAUTHENTICATED', statusCode: 401 });
    const signIn = await createClient({ endpoint: `${base}/graphql`, tenant: 'other' }).signIn('ioc@example.gov.vn', PASSWORD);
    if (signIn.__typename !== 'SignInSuccess') throw new Error('sign-in failed');
    const crossTenant = citizen.withToken(signIn.token);
    await expect(crossTenant.trackReport('EE-000-000-000')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('operations', () => {
  it('answers /healthz after asking the database', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: testEngine() });
  });

  it.each([
    ['{ noSuchField }', 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['{ units { code ', 400, 'GRAPHQL_PARSE_FAILED'],
  ])('reports a client mistake in %s as %s %s, not as a server fault', async (query, status, code) => {
    const response = await fetch(`${base}/graphql?tenant=e2e`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe(code);
  });

  it('takes the tenant from the query string too, and echoes a request id', async () => {
    const response = await fetch(`${base}/graphql?tenant=e2e`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'client-chosen-id-42' },
      body: JSON.stringify({ query: '{ units { code } categories { code } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('client-chosen-id-42');
    expect(await response.json()).toEqual({
      data: { units: [{ code: 'IOC' }, { code: 'P-DONGHA' }, { code: 'SGTVT' }], categories: [{ code: 'ROADS' }] },
    });
  });
});

async function trackingCodeOf(id: string): Promise<string | undefined> {
  return (await withTenant(ctx.db, t.tenantId, (tx) => tx.report.findUnique({ where: { id } })))?.trackingCode;
}
