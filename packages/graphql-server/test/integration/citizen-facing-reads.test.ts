import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import {
  acceptReport,
  assignReport,
  classifyReport,
  createClient,
  getStatistics,
  provideInfo,
  publishReport,
  rateReport,
  requestInfo,
  resolveReport,
  startReport,
  type PahtClient,
} from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// What citizens read besides the report itself: the steps the tracker may
// offer them (TrackedReport.actions) and the names in the public figures.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
let citizen: PahtClient;

async function signedIn(email: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant: 'reads' });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
  return client.withToken(result.token);
}

async function file(areaCode?: string) {
  const result = await citizen.submitReport({
    title: 'Ổ gà lớn trên đường Hùng Vương',
    description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
    channel: 'WEB',
    address: '120 Hùng Vương, Đông Hà',
    ...(areaCode ? { areaCode } : {}),
    reporter: { phone: '0912 345 678' },
  });
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

const ok = async (step: Promise<{ __typename: string }>) => expect(await step).toMatchObject({ __typename: 'ReportTransition' });

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'reads', 'RD');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, async (tx) => {
    await tx.staffUser.updateMany({ data: { passwordHash } });
    await tx.unit.update({ where: { id: t.roadsUnitId }, data: { nameEn: 'Department of Transport' } });
  });
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'reads' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('TrackedReport.actions', () => {
  it('lists the steps the secret allows in each status, and none in the public view', async () => {
    const report = await file();
    const operator = await signedIn('ioc@example.gov.vn');
    const officer = await signedIn('officer@example.gov.vn');
    const id = report.id;
    const actions = async () => {
      const mine = await citizen.trackReport(report.trackingCode, report.secret);
      const anyone = await citizen.trackReport(report.trackingCode);
      if (mine.__typename !== 'TrackedReport' || anyone.__typename !== 'TrackedReport') throw new Error('not tracked');
      expect(anyone.actions).toEqual([]);
      return [mine.report.status, mine.actions];
    };
    const secret = { trackingCode: report.trackingCode, secret: report.secret };

    expect(await actions()).toEqual(['SUBMITTED', []]);
    await ok(classifyReport(operator, { id, categoryId: t.roadsCategoryId }));
    await ok(assignReport(operator, { id, unitId: t.roadsUnitId }));
    await ok(acceptReport(officer, { id }));
    await ok(startReport(officer, { id }));
    expect(await actions()).toEqual(['IN_PROGRESS', []]);
    await ok(requestInfo(officer, { id, reason: 'Số nhà gần nhất?' }));
    expect(await actions()).toEqual(['WAITING_FOR_CITIZEN', ['PROVIDE_INFO']]);
    await ok(provideInfo(citizen, { ...secret, reason: 'Số 120.' }));
    expect(await actions()).toEqual(['IN_PROGRESS', []]);
    await ok(resolveReport(officer, { id, answer: 'Đã vá ổ gà.' }));
    expect(await actions()).toEqual(['RESOLVED', []]);
    await ok(publishReport(operator, { id }));
    expect(await actions()).toEqual(['PUBLISHED', ['RATE', 'REOPEN']]);
    await ok(rateReport(citizen, { ...secret, rating: 4, comment: 'Ổn' }));
    expect(await actions()).toEqual(['CLOSED', []]);
  });
});

describe('Open311 expected_datetime', () => {
  it('is the date the unit must answer by: absent before assignment, then Report.answerDueAt', async () => {
    const report = await file();
    const operator = await signedIn('ioc@example.gov.vn');
    const request = async () => {
      const response = await fetch(`${base}/open311/v2/requests/${report.trackingCode}.json?jurisdiction_id=reads`);
      expect(response.status).toBe(200);
      return ((await response.json()) as Array<{ expected_datetime?: string | null }>)[0]!;
    };
    expect((await request()).expected_datetime ?? null).toBeNull();
    await ok(classifyReport(operator, { id: report.id, categoryId: t.roadsCategoryId }));
    expect((await request()).expected_datetime ?? null).toBeNull();
    await ok(assignReport(operator, { id: report.id, unitId: t.roadsUnitId }));
    const tracked = await citizen.trackReport(report.trackingCode);
    if (tracked.__typename !== 'TrackedReport' || !tracked.report.answerDueAt) throw new Error('no answer deadline');
    const expected = (await request()).expected_datetime;
    expect(expected).toMatch(/\+07:00$/);
    expect(Date.parse(expected!)).toBe(Date.parse(tracked.report.answerDueAt));
    expect(Date.parse(expected!)).not.toBe(Date.parse(tracked.report.dueAt!));
  });
});

describe('public figures name their rows in Vietnamese and English', () => {
  it('names areas from the national address database, and units and topics with their English names', async () => {
    await file('19333');
    await file('19333');
    await file('99999');
    const period = { from: '2026-03-01', to: '2026-03-31' };

    const areas = await getStatistics(citizen, { ...period, groupBy: 'AREA' });
    if (areas.__typename !== 'KpisSuccess') throw new Error(areas.message);
    const byKey = Object.fromEntries(areas.data.map((r) => [r.key, r]));
    expect(byKey['19333']).toMatchObject({
      received: 2,
      label: 'Phường Đông Hà',
      labelEn: 'Đông Hà Ward',
      area: { code: '19333', name: 'Phường Đông Hà', nameEn: 'Đông Hà Ward' },
    });
    // Reports without an area, and a code the database does not know: no name.
    expect(byKey['']).toMatchObject({ label: null, labelEn: null, area: null });
    expect(byKey['99999']).toMatchObject({ label: null, labelEn: null, area: null });

    const units = await getStatistics(citizen, { ...period, groupBy: 'UNIT' });
    if (units.__typename !== 'KpisSuccess') throw new Error(units.message);
    expect(units.data.find((r) => r.key === t.roadsUnitId)).toMatchObject({ label: 'Sở Giao thông vận tải', labelEn: 'Department of Transport', area: null });

    const topics = await getStatistics(citizen, { ...period, groupBy: 'CATEGORY' });
    if (topics.__typename !== 'KpisSuccess') throw new Error(topics.message);
    expect(topics.data.find((r) => r.key === t.roadsCategoryId)).toMatchObject({ label: 'Giao thông', labelEn: 'ROADS' });
  });
});
