import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveIndicatorForm,
  defineIndicator,
  defineIndicatorForm,
  remindFormDeadlines,
  runDeadlineJob,
  submitIndicatorForm,
  withTenant,
  type IndicatorFormRecord,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Report form deadline reminders on a real database, the core clock moved
// through April 2026 (office hours 07:30–11:30, 13:30–17:00, weekends off).
// The form for March is due from the ward (a COMMUNE) and the roads
// department by the end of Friday 10 April. Two runs at the same moment
// (separate transactions, as two server processes) send each reminder once.

/** Local time in Vietnam (UTC+7 all year). */
const at = (local: string): Date => new Date(`${local}:00+07:00`);

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let form: IndicatorFormRecord;
let riceId: string;

const reminded = (run: { reminders: Array<{ unitId: string; kind: string; period: string }> }) =>
  run.reminders.map((r) => `${r.unitId === t.wardUnitId ? 'ward' : r.unitId === t.roadsUnitId ? 'roads' : r.unitId}|${r.period}|${r.kind}`).sort();

/** Runs the reminders twice at once, as two processes would, and merges what they did. */
async function runTwice() {
  const [a, b] = await Promise.all([remindFormDeadlines(ctx, t.tenantId), remindFormDeadlines(testContext(tdb.db, ctx.now()), t.tenantId)]);
  return { reminders: [...a.reminders, ...b.reminders], notices: [...a.notices, ...b.notices] };
}

const inbox = (kind: string, tenantId = t.tenantId) =>
  withTenant(ctx.db, tenantId, (tx) => tx.staffNotification.findMany({ where: { kind }, select: { staffUserId: true, unitId: true, data: true } }));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, at('2026-03-20T09:00'));
  t = await createFixtureTenant(ctx, 'reminders', 'RM');
  other = await createFixtureTenant(ctx, 'reminders-other', 'RO');
  await withTenant(ctx.db, t.tenantId, async (tx) => {
    for (const role of ['LEADER', 'STAFF'] as const) {
      await tx.focalPoint.create({ data: { tenantId: t.tenantId, unitId: t.wardUnitId, role, fullName: `Đầu mối ${role}`, email: `${role.toLowerCase()}.ward@example.gov.vn`, validFrom: at('2026-01-01T00:00') } });
    }
  });
  riceId = (await defineIndicator(ctx, t.tenantId, t.admin, { code: 'RICE', name: 'Sản lượng lúa', nameEn: 'Rice output', unitOfMeasure: 'tấn', periodicity: 'MONTH', aggregation: 'SUM' })).id;
  form = await defineIndicatorForm(ctx, t.tenantId, t.admin, {
    code: 'AGRI_MONTHLY', name: 'Báo cáo nông nghiệp tháng', nameEn: 'Monthly agriculture report', periodicity: 'MONTH', deadlineDays: 10,
    unitKinds: ['COMMUNE'], unitIds: [t.roadsUnitId], items: [{ indicatorId: riceId }],
  });
});

afterAll(async () => tdb?.close());

describe('report form deadline reminders', () => {
  it('sends nothing while the deadline is more than 3 working days away', async () => {
    // Monday 6 April 10:00: the rest of Monday and Tuesday to Friday are more than 3 working days.
    ctx.setNow(at('2026-04-06T10:00'));
    expect(reminded(await runTwice())).toEqual([]);
  });

  it('reminds each unit that has not submitted once, 3 working days before, in its inbox and by e-mail to its focal points', async () => {
    // Tuesday 7 April after office hours: Wednesday, Thursday and Friday are left.
    ctx.setNow(at('2026-04-07T17:30'));
    const run = await runTwice();
    expect(reminded(run)).toEqual(['roads|2026-03|DUE_SOON', 'ward|2026-03|DUE_SOON']);
    expect(reminded(await runTwice())).toEqual([]);
    const notices = await inbox('INDICATOR_FORM_DUE');
    const wardOfficer = 'userId' in t.wardOfficer ? t.wardOfficer.userId : null;
    // The deadline: the end of Friday 10 April, local time.
    const deadline = new Date(at('2026-04-10T23:59').getTime() + 59_999).toISOString();
    expect(notices.filter((n) => n.staffUserId === wardOfficer)).toEqual([
      { staffUserId: wardOfficer, unitId: t.wardUnitId, data: expect.objectContaining({ formCode: 'AGRI_MONTHLY', period: '2026-03', reminder: 'DUE_SOON', deadline }) },
    ]);
    expect(new Set(notices.map((n) => n.unitId))).toEqual(new Set([t.wardUnitId, t.roadsUnitId]));
    const mail = await withTenant(ctx.db, t.tenantId, (tx) => tx.notificationOutbox.findMany({ where: { channel: 'EMAIL' }, orderBy: { recipient: 'asc' } }));
    expect(mail.map((m) => m.recipient)).toEqual(['leader.ward@example.gov.vn', 'staff.ward@example.gov.vn']);
    expect(mail[0]!.subject).toBe('Sắp đến hạn nộp báo cáo chỉ tiêu / A report form is due soon');
    expect(mail[0]!.body).toContain('Biểu mẫu: Báo cáo nông nghiệp tháng (AGRI_MONTHLY)\nKỳ báo cáo: 2026-03\nHạn nộp: 10/04/2026 23:59');
    expect(mail[0]!.body).toContain('Form: Monthly agriculture report (AGRI_MONTHLY)\nPeriod: 2026-03\nDeadline: 10/04/2026 23:59 (Asia/Ho_Chi_Minh)');
    expect(await inbox('INDICATOR_FORM_DUE', other.tenantId)).toEqual([]);
  });

  it('reminds the day before only the units still missing, and once', async () => {
    ctx.setNow(at('2026-04-08T09:00'));
    await submitIndicatorForm(ctx, t.tenantId, t.wardOfficer, { formId: form.id, unitId: t.wardUnitId, period: '2026-03', values: [{ indicatorId: riceId, value: 1200 }] });
    expect(reminded(await runTwice())).toEqual([]);
    ctx.setNow(at('2026-04-09T06:59'));
    expect(reminded(await runTwice())).toEqual([]);
    ctx.setNow(at('2026-04-09T07:00'));
    expect(reminded(await runTwice())).toEqual(['roads|2026-03|DUE_TOMORROW']);
    ctx.setNow(at('2026-04-10T16:00'));
    expect(reminded(await runTwice())).toEqual([]);
  });

  it('tells the missing unit once the deadline has passed, through the scheduled job, and never about long-past periods', async () => {
    ctx.setNow(at('2026-04-10T23:59'));
    expect((await runDeadlineJob(ctx, 'form-reminders')).formReminders).toEqual([]);
    ctx.setNow(at('2026-04-11T00:30'));
    const [first, second] = await Promise.all([runDeadlineJob(ctx, 'form-reminders'), runDeadlineJob(testContext(tdb.db, ctx.now()), 'form-reminders')]);
    expect(first.failedTenants).toEqual([]);
    expect(reminded({ reminders: [...first.formReminders, ...second.formReminders] })).toEqual(['roads|2026-03|OVERDUE']);
    const overdue = await inbox('INDICATOR_FORM_OVERDUE');
    expect(overdue.length).toBeGreaterThan(0);
    expect(new Set(overdue.map((n) => n.unitId))).toEqual(new Set([t.roadsUnitId]));
    // Three weeks on, March is long past and April's deadline (10 May) more than 3 working days away.
    ctx.setNow(at('2026-05-01T09:00'));
    expect(reminded(await runTwice())).toEqual([]);
    const rows = await withTenant(ctx.db, t.tenantId, (tx) => tx.indicatorFormReminder.findMany({ select: { unitId: true, kind: true } }));
    expect(rows).toHaveLength(4);
  });

  it('sends nothing for an archived form', async () => {
    // 6 May after office hours: April's deadline (end of Sunday 10 May) is within 3 working days (Thursday, Friday, and the weekend counts none).
    ctx.setNow(at('2026-05-06T17:30'));
    expect(reminded(await runTwice())).toEqual(['roads|2026-04|DUE_SOON', 'ward|2026-04|DUE_SOON']);
    await archiveIndicatorForm(ctx, t.tenantId, t.admin, form.id);
    ctx.setNow(at('2026-05-09T08:00'));
    expect(reminded(await runTwice())).toEqual([]);
  });
});
