import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { assignReport, classifyReport, createClient, listPublicReports, resolveReport, acceptReport, type PahtClient } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Report.answerDue: the date the unit must answer by, with the working days
// left or late, on the tenant's own calendar, in the tracker, the public
// list and (its date) the Open311 answer.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z'); // 09:00 in Vietnam
const ANSWER_BY = '2026-03-09T02:00:00.000Z'; // five working days later
const PASSWORD = 'mat-khau-thu-nghiem-2026';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;
let app: FastifyInstance;
let base: string;
let citizen: PahtClient;
let operator: PahtClient;
let officer: PahtClient;

async function signedIn(email: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant: 'due-a' });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
  return client.withToken(result.token);
}

const holiday = (tenantId: string, date: string) =>
  withTenant(ctx.db, tenantId, (tx) => tx.calendarDay.create({ data: { tenantId, date: new Date(`${date}T00:00:00Z`), kind: 'HOLIDAY', name: 'Nghỉ thử' } }));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await createFixtureTenant(ctx, 'due-a', 'DA');
  b = await createFixtureTenant(ctx, 'due-b', 'DB');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, a.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  // No public answer cache: the test moves the clock and writes calendar days without a mutation (in service an answer is kept 60 s at most).
  app = await buildApp({ core: ctx, cache: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'due-a' });
  operator = await signedIn('ioc@example.gov.vn');
  officer = await signedIn('officer@example.gov.vn');
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('Report.answerDue', () => {
  it('shows the due date and the working days left or late in the tracker, the public list and Open311, on the tenant’s calendar', async () => {
    const filed = await citizen.submitReport({
      title: 'Cống thoát nước bị tắc',
      description: 'Cống trước chợ bị tắc, nước tràn lên mặt đường mỗi khi mưa.',
      channel: 'WEB',
      address: '5 Trần Hưng Đạo, Đông Hà',
      reporter: { phone: '0912 345 678', email: 'dan@example.vn' },
    });
    if (filed.__typename !== 'SubmitReportSuccess') throw new Error(filed.message);
    const views = async () => {
      const anyone = await citizen.trackReport(filed.trackingCode);
      const mine = await citizen.trackReport(filed.trackingCode, filed.secret);
      const list = await listPublicReports(citizen, { first: 20 });
      if (anyone.__typename !== 'TrackedReport' || mine.__typename !== 'TrackedReport' || list.__typename !== 'ReportPage') throw new Error('not found');
      const listed = list.reports.find((r) => r.trackingCode === filed.trackingCode);
      const open311 = await fetch(`${base}/open311/v2/requests/${filed.trackingCode}.json?jurisdiction_id=due-a`);
      expect(open311.status).toBe(200);
      const [request] = (await open311.json()) as Array<{ expected_datetime?: string | null }>;
      return { anyone: anyone.report.answerDue, mine: mine.report.answerDue, listed: listed?.answerDue ?? null, expected: request?.expected_datetime ?? null };
    };

    // Not assigned: no answer deadline, nothing promised (the classification's own deadline is staff's).
    expect(await views()).toEqual({ anyone: null, mine: null, listed: null, expected: null });

    expect(await classifyReport(operator, { id: filed.id, categoryId: a.roadsCategoryId })).toMatchObject({ __typename: 'ReportTransition' });
    expect(await assignReport(operator, { id: filed.id, unitId: a.roadsUnitId })).toMatchObject({ __typename: 'ReportTransition' });
    const due = { at: ANSWER_BY, workingDaysLeft: 5, overdueWorkingDays: null };
    let v = await views();
    expect([v.anyone, v.mine, v.listed]).toEqual([due, due, due]);
    expect(Date.parse(v.expected!)).toBe(Date.parse(ANSWER_BY));

    // Another tenant's day off changes nothing here; this tenant's own does (the date stays, the working days left shrink).
    await holiday(b.tenantId, '2026-03-04');
    expect((await views()).anyone).toEqual(due);
    await holiday(a.tenantId, '2026-03-04');
    v = await views();
    expect([v.anyone, v.listed]).toEqual([{ ...due, workingDaysLeft: 4 }, { ...due, workingDaysLeft: 4 }]);

    // Friday 16:00: Friday's last hour and Monday until 09:00 (1.5 h) are left: one working day, rounded up.
    ctx.setNow(new Date('2026-03-06T09:00:00Z'));
    expect((await views()).anyone).toEqual({ ...due, workingDaysLeft: 1 });

    // Wednesday 10:00 after the due Monday 09:00, still open: Monday's 6 h, Tuesday, 2.5 h of Wednesday → 3 working days late.
    ctx.setNow(new Date('2026-03-11T03:00:00Z'));
    v = await views();
    const late = { at: ANSWER_BY, workingDaysLeft: null, overdueWorkingDays: 3 };
    expect([v.anyone, v.mine, v.listed]).toEqual([late, late, late]);
    expect(Date.parse(v.expected!)).toBe(Date.parse(ANSWER_BY));

    // Answered now, Wednesday 10:00. Each step recomputes the answer date on the calendar, which has the day off since:
    // Tuesday 09:00. Judged at the answer (Tuesday's 6 h and 2.5 h of Wednesday: 2 working days late), not at a later now.
    officer = await signedIn('officer@example.gov.vn');
    expect(await acceptReport(officer, { id: filed.id })).toMatchObject({ __typename: 'ReportTransition' });
    expect(await resolveReport(officer, { id: filed.id, answer: 'Đã thông cống.' })).toMatchObject({ __typename: 'ReportTransition' });
    ctx.setNow(new Date('2026-03-20T03:00:00Z'));
    const mine = await citizen.trackReport(filed.trackingCode, filed.secret);
    if (mine.__typename !== 'TrackedReport') throw new Error('not found');
    expect(mine.report.answerDue).toEqual({ at: '2026-03-10T02:00:00.000Z', workingDaysLeft: null, overdueWorkingDays: 2 });
  });

  it('is not served across tenants: the other tenant does not know the tracking code', async () => {
    const other = createClient({ endpoint: `${base}/graphql`, tenant: 'due-b' });
    const list = await listPublicReports(other, { first: 20 });
    if (list.__typename !== 'ReportPage') throw new Error('refused');
    expect(list.reports.every((r) => r.answerDue === null)).toBe(true);
    expect(list.reports).toEqual([]);
  });
});
