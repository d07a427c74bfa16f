// The SDK's helpers against the real server (buildApp on the test database,
// real HTTP and WebSocket): a report's whole life through the helpers, typed
// refusals, public lists and statistics, request ids on server faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
// The server side through relative paths: the SDK does not depend on it.
import { hashPassword, withTenant } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import {
  acceptReport,
  adminUnits,
  allPublicReports,
  apiKeys,
  createApiKey,
  createUnit,
  setUnitActive,
  upsertCategory,
  assignReport,
  classifyReport,
  createClient,
  extendDeadline,
  fileReport,
  getReport,
  getStatistics,
  listCategories,
  listPublicReports,
  listReports,
  listUnits,
  publishReport,
  rateReport,
  rejectReport,
  requestInfo,
  provideInfo,
  resolveReport,
  returnReport,
  revealReporterContact,
  ServerError,
  startReport,
  type PahtClient,
  type SubmitReportInput,
} from '@paht/client-sdk';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';


type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;
const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const CONTACT = /0912|84912345678|dan@example|Nguyễn Văn Dân/;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let endpoint: string;
let citizen: PahtClient;
let operator: PahtClient;
let officer: PahtClient;
let leader: PahtClient;

const input = (extra: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
  title: 'Ổ gà lớn trên đường Hùng Vương',
  description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
  channel: 'APP',
  address: '120 Hùng Vương, Đông Hà',
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
  ...extra,
});

async function signedIn(email: string): Promise<PahtClient> {
  const result = await citizen.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
  return citizen.withToken(result.token);
}

async function filed(extra: Partial<SubmitReportInput> = {}) {
  const result = await fileReport(citizen, input(extra));
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(`not filed: ${result.__typename}`);
  return result;
}

/** Asserts a step moved the report, moving the clock on an hour first. */
async function moved<T extends { __typename: string }>(step: Promise<T>, status: string): Promise<void> {
  const result = await step;
  expect(result).toMatchObject({ __typename: 'ReportTransition', status });
  ctx.advance(HOUR);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'sdk', 'SD');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx, redisUrl: null });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  citizen = createClient({ endpoint, tenant: 'sdk', webSocketImpl: WebSocket });
  operator = await signedIn('ioc@example.gov.vn');
  officer = await signedIn('officer@example.gov.vn');
  leader = await signedIn('leader@example.gov.vn');
});

afterAll(async () => {
  await Promise.all([citizen, operator, officer, leader].map((c) => c?.close()));
  await app?.close();
  await tdb?.close();
});

describe('a report through the helpers, citizen to unit and back', () => {
  it('files, follows live, and walks every workflow step to a rated close', async () => {
    const report = await filed({ idempotencyKey: 'sdk-helpers-0001' });
    expect(report).toMatchObject({ trackingCode: expect.stringMatching(/^SD-/), replayed: false, attachments: [] });
    const watch = citizen.watchReport(report.trackingCode, report.secret);
    expect(await watch.next()).toMatchObject({ value: { status: 'SUBMITTED', entry: { seq: 1, type: 'SUBMIT' } } });

    const id = report.id;
    await moved(classifyReport(operator, { id, categoryId: t.roadsCategoryId }), 'CLASSIFIED');
    await moved(assignReport(operator, { id, unitId: t.roadsUnitId, reason: 'Thuộc thẩm quyền Sở GTVT' }), 'ASSIGNED');
    await moved(acceptReport(officer, { id }), 'ACCEPTED');
    await moved(startReport(officer, { id }), 'IN_PROGRESS');
    await moved(extendDeadline(leader, { id, extensionMinutes: 480, reason: 'Chờ vật tư' }), 'IN_PROGRESS');
    await moved(requestInfo(officer, { id, reason: 'Xin ảnh chụp rõ hơn vị trí ổ gà' }), 'WAITING_FOR_CITIZEN');
    await moved(provideInfo(citizen, { trackingCode: report.trackingCode, secret: report.secret, reason: 'Ổ gà ngay trước cột điện số 12' }), 'IN_PROGRESS');
    await moved(resolveReport(officer, { id, answer: 'Đã vá ổ gà bằng bê tông nhựa.' }), 'RESOLVED');
    await moved(publishReport(operator, { id }), 'PUBLISHED');
    await moved(rateReport(citizen, { trackingCode: report.trackingCode, secret: report.secret, rating: 5, comment: 'Nhanh' }), 'CLOSED');

    const seen: string[] = [];
    for (let i = 0; i < 10; i++) seen.push((await watch.next()).value.status);
    expect(seen).toEqual(['CLASSIFIED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'IN_PROGRESS', 'RESOLVED', 'PUBLISHED', 'CLOSED']);
    await watch.return?.();

    const full = await getReport(operator, id);
    expect(full.__typename).toBe('Report');
    if (full.__typename !== 'Report') return;
    expect(full.timeline.map((e) => e.type)).toEqual(['SUBMIT', 'CLASSIFY', 'ASSIGN', 'ACCEPT', 'START', 'EXTEND', 'REQUEST_INFO', 'PROVIDE_INFO', 'RESOLVE', 'PUBLISH', 'RATE']);
    expect(full.timeline[1]?.actorRole).toBe('IOC_OPERATOR');
    expect(full).toMatchObject({ ratingComment: 'Nhanh', answers: [{ text: 'Đã vá ổ gà bằng bê tông nhựa.', unit: { id: t.roadsUnitId } }] });
    expect(JSON.stringify(full)).not.toMatch(CONTACT);
    // The contact only on request, audited; the citizen's client has no staff token.
    expect(await revealReporterContact(officer, id)).toEqual({ __typename: 'ReporterContact', reportId: id, fullName: 'Nguyễn Văn Dân', phone: '+84912345678', email: 'dan@example.com' });
    expect(await revealReporterContact(citizen, id)).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });

    const tracked = await citizen.trackReport(report.trackingCode);
    expect(tracked).toMatchObject({ __typename: 'TrackedReport', access: 'PUBLIC', report: { status: 'CLOSED', rating: 5 } });
    expect(JSON.stringify(tracked)).not.toMatch(CONTACT);
  });

  it('answers a repeated submission with the first report', async () => {
    const first = await filed({ idempotencyKey: 'sdk-helpers-0002' });
    const again = await fileReport(citizen, input({ idempotencyKey: 'sdk-helpers-0002' }));
    expect(again).toMatchObject({ __typename: 'SubmitReportSuccess', id: first.id, trackingCode: first.trackingCode, replayed: true });
  });
});

describe('refusals come back as typed results, nothing changed', () => {
  let reportId: string;
  let trackingCode: string;
  beforeAll(async () => {
    const r = await filed();
    reportId = r.id;
    trackingCode = r.trackingCode;
  });

  it.each([
    ['a citizen classifying', () => classifyReport(citizen, { id: reportId, categoryId: t.roadsCategoryId }), 'ForbiddenError'],
    ['a unit accepting a report not assigned to it', () => acceptReport(officer, { id: reportId }), 'ForbiddenError'],
    ['a unit returning a report not assigned to it', () => returnReport(officer, { id: reportId, reason: 'Không thuộc thẩm quyền' }), 'ForbiddenError'],
    ['publishing a report without an answer', () => publishReport(operator, { id: reportId }), 'IllegalTransitionError'],
    ['a step on a report that does not exist', () => startReport(officer, { id: '00000000-0000-4000-8000-000000000000' }), 'NotFoundError'],
    ['a rejection without a reason', () => rejectReport(operator, { id: reportId, rejection: 'SPAM', reason: '' }), 'ValidationError'],
    ['a rating with a wrong secret', () => rateReport(citizen, { trackingCode: trackingCode, secret: 'x'.repeat(32), rating: 5 }), 'ForbiddenError'],
  ])('%s', async (_name, step, typename) => {
    const result = await step();
    expect(result.__typename).toBe(typename);
    expect(result).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    const after = await getReport(operator, reportId);
    expect(after).toMatchObject({ __typename: 'Report', status: 'SUBMITTED', timeline: [{ type: 'SUBMIT' }] });
  });

  it('names the invalid fields of a submission', async () => {
    const result = await fileReport(citizen, input({ title: '', reporter: { phone: '12' } }));
    expect(result.__typename).toBe('ValidationError');
    if (result.__typename !== 'ValidationError') return;
    expect(result.fields.map((f) => f.path).sort()).toEqual(['reporter.phone', 'title']);
  });

  it('throws a ServerError carrying the request id when the request cannot run', async () => {
    const lost = createClient({ endpoint, tenant: 'no-such-tenant' });
    const error = await listCategories(lost).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ code: 'TENANT_NOT_FOUND', statusCode: 404, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

describe('public reads', () => {
  it('lists public reports page by page, without contact data', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await filed({ title: `Rác thải bên đường số ${i + 1}` });
      await classifyReport(operator, { id: r.id, categoryId: t.roadsCategoryId, visibility: 'PUBLIC' });
    }
    const first = await listPublicReports(citizen, { first: 2 });
    expect(first.__typename).toBe('ReportPage');
    if (first.__typename !== 'ReportPage') return;
    expect(first.reports).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const second = await listPublicReports(citizen, { first: 2, after: first.endCursor });
    if (second.__typename !== 'ReportPage') throw new Error(second.message);
    const codes = [...first.reports, ...second.reports].map((r) => r.trackingCode);
    expect(new Set(codes).size).toBe(codes.length);
    const all: string[] = [];
    for await (const r of allPublicReports(citizen, { first: 2 })) all.push(r.trackingCode);
    expect(all).toEqual(expect.arrayContaining(codes));
    expect(JSON.stringify(all)).not.toMatch(CONTACT);
    expect(JSON.stringify(first)).not.toMatch(CONTACT);
  });

  it('answers a bad page size with a ValidationError', async () => {
    expect(await listPublicReports(citizen, { first: 1000 })).toMatchObject({ __typename: 'ValidationError' });
  });

  it('reads statistics, categories and units', async () => {
    const kpis = await getStatistics(citizen, { from: '2026-03-01', to: '2026-03-31' });
    expect(kpis.__typename).toBe('KpisSuccess');
    if (kpis.__typename === 'KpisSuccess') expect(kpis.data[0]?.received).toBeGreaterThan(0);
    expect((await getStatistics(citizen, { from: '2026-03-31', to: 'yesterday' })).__typename).toBe('ValidationError');
    expect((await listCategories(citizen)).map((c) => c.code)).toEqual(['ROADS']);
    expect((await listUnits(citizen)).map((u) => u.code)).toEqual(expect.arrayContaining(['IOC', 'SGTVT', 'P-DONGHA']));
  });

  it('gives staff their work list', async () => {
    const page = await listReports(operator, { first: 5, filter: { status: ['SUBMITTED'] } });
    expect(page.__typename).toBe('ReportPage');
    expect((await listReports(citizen)).__typename).toBe('ForbiddenError');
  });
});

describe('administration', () => {
  it('lets a tenant admin create a unit and an API key, and refuses an operator, typed', async () => {
    const admin = await signedIn('admin@example.gov.vn');
    const created = await createUnit(admin, { input: { code: 'P-DONG-LUONG', name: 'Phường Đông Lương', kind: 'COMMUNE' } });
    expect(created).toMatchObject({ __typename: 'Unit', code: 'P-DONG-LUONG', active: true });
    if (created.__typename !== 'Unit') return;
    expect(await setUnitActive(admin, { id: created.id, active: false })).toMatchObject({ __typename: 'Unit', active: false });
    const units = await adminUnits(admin);
    expect(units.__typename === 'AdminUnitsSuccess' && units.data.find((u) => u.id === created.id)?.active).toBe(false);
    expect((await listUnits(citizen)).map((u) => u.code)).not.toContain('P-DONG-LUONG');

    const key = await createApiKey(admin, { input: { kind: 'PUBLIC', name: 'Cổng thông tin tỉnh', allowedOrigins: ['https://portal.example.gov.vn'] } });
    expect(key).toMatchObject({ __typename: 'NewApiKey', key: expect.stringMatching(/^pk_/), apiKey: { kind: 'PUBLIC', revokedAt: null } });
    const keys = await apiKeys(admin);
    expect(JSON.stringify(keys)).not.toContain(key.__typename === 'NewApiKey' ? key.key : 'none');

    // A server-side integration with a secret key; a wrong key is a ServerError with the request id.
    const secret = await createApiKey(admin, { input: { kind: 'SECRET', name: 'Tích hợp tổng đài 1022' } });
    if (secret.__typename !== 'NewApiKey') throw new Error(secret.__typename);
    const integration = createClient({ endpoint, tenant: 'sdk', apiKey: secret.key });
    expect((await listCategories(integration)).length).toBeGreaterThan(0);
    const wrong = await listCategories(createClient({ endpoint, tenant: 'sdk', apiKey: 'sk_not-a-real-key' })).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ServerError);
    expect(wrong).toMatchObject({ code: 'INVALID_API_KEY', statusCode: 401, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    expect(await createUnit(operator, { input: { code: 'X', name: 'X', kind: 'COMMUNE' } })).toMatchObject({ __typename: 'ForbiddenError', message: expect.any(String) });
    const invalid = await upsertCategory(admin, { input: { code: '', name: '', nameEn: '', slaPolicyCode: 'NONE' } });
    expect(['ValidationError', 'NotFoundError']).toContain(invalid.__typename);
  });
});
