import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, reportKpis, submitReport, transitionReport, type Actor, type KpiRow, type ReportCommand } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Monday 2026-03-02 09:00 in Vietnam (UTC+7).
const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MARCH = { from: '2026-03-01', to: '2026-03-31', includePrivate: true } as const;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;

const submit = async (channel = 'APP') =>
  (
    await submitReport(ctx, t.tenantId, {
      title: 'Đèn đường hỏng',
      description: 'Đèn đường trước số nhà 12 không sáng từ tuần trước.',
      channel,
      address: '12 Lê Duẩn, Đông Hà',
      reporter: { fullName: 'Trần Thị Bình', phone: '0912 345 678' },
    }, channel === 'APP' ? null : t.operator)
  ).id;

async function act(actor: Actor, id: string, command: ReportCommand, advanceMs = HOUR) {
  ctx.advance(advanceMs);
  return transitionReport(ctx, t.tenantId, actor, id, command);
}

/** Classify, assign to the roads unit, accept. */
async function toUnit(id: string) {
  await act(t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await act(t.operator, id, { type: 'ASSIGN', unitId: t.roadsUnitId });
  await act(t.roadsOfficer, id, { type: 'ACCEPT' });
}

const sum = (r: KpiRow) => r.resolvedOnTime + r.resolvedLate + r.notFixed + r.rejected + r.openWithinDeadline + r.openOverdue;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'kpis', 'KP');
  other = await createFixtureTenant(ctx, 'kpis-other', 'KO');

  // 1. Answered the same day: resolved on time, then published and rated 5.
  const onTime = await submit();
  await toUnit(onTime);
  await act(t.roadsOfficer, onTime, { type: 'RESOLVE', answer: 'Đã thay bóng đèn.' });
  await act(t.operator, onTime, { type: 'PUBLISH' });
  await act({ role: 'CITIZEN', reportId: onTime }, onTime, { type: 'RATE', rating: 5 });
  // 2. Closed – not fixed, with its reason: answered, published, rated 2, never resolved.
  ctx.setNow(MONDAY_9AM);
  const notFixed = await submit();
  await toUnit(notFixed);
  await act(t.roadsOfficer, notFixed, { type: 'RESOLVE', answer: 'Tuyến đường do công ty điện lực quản lý.', outcome: 'NOT_FIXED', reason: 'Ngoài thẩm quyền của đơn vị' });
  await act(t.operator, notFixed, { type: 'PUBLISH' });
  await act({ role: 'CITIZEN', reportId: notFixed }, notFixed, { type: 'RATE', rating: 2 });
  // 3. Accepted and left open: overdue once the answer deadline (5 working days) passes.
  ctx.setNow(MONDAY_9AM);
  await toUnit(await submit());
  // 4. Returned by the unit (wrong unit), then reassigned, accepted, answered late after a reopening.
  ctx.setNow(MONDAY_9AM);
  const bounced = await submit('HOTLINE_1022');
  await act(t.operator, bounced, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await act(t.operator, bounced, { type: 'ASSIGN', unitId: t.wardUnitId });
  await act(t.wardOfficer, bounced, { type: 'RETURN', reason: 'Không thuộc địa bàn phường' });
  await act(t.operator, bounced, { type: 'ASSIGN', unitId: t.roadsUnitId });
  await act(t.roadsOfficer, bounced, { type: 'ACCEPT' });
  await act(t.roadsOfficer, bounced, { type: 'RESOLVE', answer: 'Đã sửa.' });
  await act(t.operator, bounced, { type: 'PUBLISH' });
  await act({ role: 'CITIZEN', reportId: bounced }, bounced, { type: 'REOPEN', reason: 'Đèn lại hỏng' });
  await act(t.roadsOfficer, bounced, { type: 'RESOLVE', answer: 'Đã thay cả bộ đèn.' }, 20 * DAY);
  // 5. Rejected by the IOC.
  ctx.setNow(MONDAY_9AM);
  await act(t.operator, await submit(), { type: 'REJECT', rejection: 'SPAM', reason: 'Quảng cáo' });
  // 6. Submitted last: the IOC has not routed it yet.
  ctx.setNow(new Date(MONDAY_9AM.getTime() + 9 * DAY));
  await submit();
}, 120_000);
afterAll(async () => tdb?.close());

describe('report KPIs from real timelines', () => {
  it('puts each report in one standing, "not fixed" apart from resolved, open ones within or past their deadline', async () => {
    ctx.setNow(new Date(MONDAY_9AM.getTime() + 9 * DAY + HOUR));
    const [all] = await reportKpis(ctx, t.tenantId, MARCH);
    expect(all).toMatchObject({
      received: 6,
      classified: 4,
      rejected: 1,
      resolvedOnTime: 1,
      resolvedLate: 1,
      notFixed: 1,
      resolved: 2,
      openWithinDeadline: 1,
      openOverdue: 1,
      open: 2,
      inProgress: 1,
      returned: 1,
      reopened: 1,
      ratings: 2,
      satisfiedShare: 0.5,
      published: 2,
      publishedShare: 2 / 3,
    });
    expect(sum(all!)).toBe(all!.received);
    // Same day (2 working hours) and 20 days later after a reopening: the median lies between.
    expect(all!.medianHandlingHours).toBeGreaterThan(2);
    expect(all!.p90HandlingHours).toBeGreaterThan(all!.medianHandlingHours!);
  });

  it('counts a custom range: the first day alone, its accepted report now past its deadline', async () => {
    ctx.setNow(new Date(MONDAY_9AM.getTime() + 9 * DAY + HOUR));
    const [first] = await reportKpis(ctx, t.tenantId, { ...MARCH, to: '2026-03-02' });
    expect(first).toMatchObject({ received: 5, openWithinDeadline: 0, openOverdue: 1 });
  });

  it('groups by channel and by ISO week, each grouping adding up to the tenant', async () => {
    ctx.setNow(new Date(MONDAY_9AM.getTime() + 9 * DAY + HOUR));
    const channels = await reportKpis(ctx, t.tenantId, { ...MARCH, groupBy: 'CHANNEL' });
    expect(channels.map((r) => [r.key, r.received])).toEqual([['APP', 5], ['HOTLINE_1022', 1]]);
    expect(channels[1]).toMatchObject({ label: 'Đường dây nóng 1022', labelEn: 'Hotline 1022', returned: 1, reopened: 1 });
    const weeks = await reportKpis(ctx, t.tenantId, { ...MARCH, groupBy: 'WEEK' });
    expect(weeks.map((r) => [r.key, r.received])).toEqual([['2026-W10', 5], ['2026-W11', 1]]);
    for (const r of [...channels, ...weeks]) expect(sum(r)).toBe(r.received);
  });

  it('refuses a "not fixed" answer without its reason, and writes nothing', async () => {
    ctx.setNow(MONDAY_9AM);
    const id = await submit();
    await toUnit(id);
    const refused = await act(t.roadsOfficer, id, { type: 'RESOLVE', answer: 'Không xử lý được.', outcome: 'NOT_FIXED' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    const [row] = await tdb.db.query<{ status: string; resolution_outcome: string | null }>('SELECT status::text, resolution_outcome::text FROM reports WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'ACCEPTED', resolution_outcome: null });
  });

  it('refuses a bad day, a reversed range or an unknown grouping with VALIDATION on the field', async () => {
    const refused = (query: Parameters<typeof reportKpis>[2]) => reportKpis(ctx, t.tenantId, query).catch((e: unknown) => e);
    expect(await refused({ from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'from' }] } });
    expect(await refused({ from: '2026-03-02', to: '2026-03-01' })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'to' }] } });
    expect(await refused({ ...MARCH, groupBy: 'HOUR' as never })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'groupBy' }] } });
    expect(await refused({ from: '0999-01-01', to: '2026-03-01' })).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'from' }] } });
    // The whole supported range is a valid custom range (the calendar is loaded for the answered reports' years only).
    const [all] = await reportKpis(ctx, t.tenantId, { from: '1900-01-01', to: '9999-12-31', includePrivate: true });
    expect(all!.received).toBeGreaterThanOrEqual(6);
  });

  it('counts nothing of another tenant', async () => {
    expect(await reportKpis(ctx, other.tenantId, MARCH)).toEqual([]);
  });
});
