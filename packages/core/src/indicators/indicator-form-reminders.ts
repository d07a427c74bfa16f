import { DateTime } from 'luxon';
import type { CoreContext } from '../context.js';
import { workingMinutesBetween } from '../calendar/working-time.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { workingDayMinutes } from '../deadlines/working-days.js';
import { localTime } from '../notifications/focal-point-mail.js';
import { notifyStaff, StaffNoticeKind, type StaffNotificationRecord } from '../notifications/staff-notices.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';
import { findTenantById, type TenantRecord } from '../tenants/tenant-directory.js';
import { findIndicatorForm, IndicatorFormStatus, unitsDueFor, type IndicatorFormRecord } from './indicator-form-definitions.js';
import { formDeadline } from './indicator-form-status.js';
import { formatPeriod, Periodicity, type Period } from './indicator-periods.js';

/** Which reminder a unit that has not submitted a form gets, by how near the deadline is. */
export const FormReminderKind = {
  /** The deadline is within 3 working days (the tenant's calendar). */
  DUE_SOON: 'DUE_SOON',
  /** The deadline is tomorrow (from 07:00 the day before, tenant time). */
  DUE_TOMORROW: 'DUE_TOMORROW',
  /** The deadline has passed (sent within 7 days after it). */
  OVERDUE: 'OVERDUE',
} as const;
export type FormReminderKind = (typeof FormReminderKind)[keyof typeof FormReminderKind];

/** Working days before the deadline of the first reminder. */
export const FORM_REMINDER_WORKING_DAYS = 3;
/** The day-before reminder goes from this hour of the day before the deadline's day, tenant time. */
const DAY_BEFORE_HOUR = 7;
/** How long after a deadline the overdue reminder is still sent (a job that was down, a form defined late: no reminders for long-past periods). */
const OVERDUE_WINDOW_DAYS = 7;

/** A reminder sent: claimed in `indicator_form_reminders`, its notices written in the same transaction. */
export interface FormReminderSent {
  formId: string;
  formCode: string;
  period: string;
  unitId: string;
  kind: FormReminderKind;
  deadline: Date;
}

/**
 * The reminder due at `now` for a deadline, or null: OVERDUE after it (for 7
 * days), DUE_TOMORROW from 07:00 the day before its day, DUE_SOON within 3
 * working days of it. The stages follow one another, so each run sends at
 * most the latest one. Pure.
 */
export function formReminderStage(deadline: Date, now: Date, calendar: WorkingCalendar, timezone: string): FormReminderKind | null {
  if (now > deadline) return now.getTime() - deadline.getTime() <= OVERDUE_WINDOW_DAYS * 86_400_000 ? FormReminderKind.OVERDUE : null;
  const dayBefore = DateTime.fromJSDate(deadline, { zone: timezone }).startOf('day').minus({ days: 1 }).set({ hour: DAY_BEFORE_HOUR });
  if (now >= dayBefore.toJSDate()) return FormReminderKind.DUE_TOMORROW;
  if (workingMinutesBetween(calendar, now, deadline) <= FORM_REMINDER_WORKING_DAYS * workingDayMinutes(calendar)) return FormReminderKind.DUE_SOON;
  return null;
}

/** The periods of a form whose deadline may be near `now` (3 weeks ahead, to span Tết) or just past it. */
export function periodsNear(form: Pick<IndicatorFormRecord, 'periodicity' | 'deadlineDays'>, now: Date, timezone: string): Period[] {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  const from = periodContaining(local.minus({ days: OVERDUE_WINDOW_DAYS + form.deadlineDays + 1 }), form.periodicity);
  const to = periodContaining(local.plus({ days: 21 }).minus({ days: form.deadlineDays }), form.periodicity);
  const out: Period[] = [];
  for (let p = from; formatPeriod(p) <= formatPeriod(to) && out.length < 24; p = nextPeriod(p)) out.push(p);
  return out;
}

/**
 * Reminds the units that must submit an active report form and have not:
 * within 3 working days of the deadline, the day before it, and once it has
 * passed. Each reminder (form, period, unit, kind) is claimed by inserting
 * its row in `indicator_form_reminders`, whose unique key makes a second
 * claim (a rerun, another server process at the same moment) write nothing;
 * only a claim that took notifies the unit's officers and leaders
 * (INDICATOR_FORM_DUE, INDICATOR_FORM_OVERDUE) and e-mails its current
 * focal points through the outbox, in the same transaction. At `ctx.now()`.
 */
export async function remindFormDeadlines(ctx: CoreContext, tenantId: string): Promise<{ reminders: FormReminderSent[]; notices: StaffNotificationRecord[] }> {
  const now = ctx.now();
  const tenant = await findTenantById(ctx, tenantId);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const forms = await tx.indicatorForm.findMany({ where: { status: IndicatorFormStatus.ACTIVE }, select: { id: true }, orderBy: { code: 'asc' } });
    if (forms.length === 0) return { reminders: [], notices: [] };
    const local = DateTime.fromJSDate(now, { zone: tenant.timezone });
    const calendar = await loadTenantCalendar(tx, tenant, yearsAround(local.minus({ months: 1 }).toJSDate(), local.plus({ months: 2 }).toJSDate()));
    const out = { reminders: [] as FormReminderSent[], notices: [] as StaffNotificationRecord[] };
    for (const { id } of forms) {
      const form = await findIndicatorForm(tx, id);
      for (const period of periodsNear(form, now, tenant.timezone)) {
        const deadline = formDeadline(period, form.deadlineDays, tenant.timezone);
        const kind = formReminderStage(deadline, now, calendar, tenant.timezone);
        if (kind) await remind(tx, tenant, form, formatPeriod(period), deadline, kind, now, out);
      }
    }
    return out;
  });
}

async function remind(
  tx: TenantTx, tenant: TenantRecord, form: IndicatorFormRecord, period: string, deadline: Date, kind: FormReminderKind, now: Date,
  out: { reminders: FormReminderSent[]; notices: StaffNotificationRecord[] },
): Promise<void> {
  const [due, submitted] = await Promise.all([
    unitsDueFor(tx, form),
    tx.indicatorFormSubmission.findMany({ where: { formId: form.id, period }, select: { unitId: true }, distinct: ['unitId'] }),
  ]);
  const done = new Set(submitted.map((s) => s.unitId));
  const missing = due.filter((u) => !done.has(u.id));
  if (missing.length === 0) return;
  // The claim: rows that exist already (this kind sent before, or being sent by another process) are skipped.
  const claimed = await tx.indicatorFormReminder.createManyAndReturn({
    data: missing.map((u) => ({ tenantId: tenant.id, formId: form.id, period, unitId: u.id, kind, deadline, sentAt: now })),
    skipDuplicates: true,
    select: { unitId: true },
  });
  const at = localTime(deadline.toISOString(), tenant.timezone) ?? deadline.toISOString();
  const mailLines = {
    vi: [`Biểu mẫu: ${form.name} (${form.code})`, `Kỳ báo cáo: ${period}`, `Hạn nộp: ${at}`],
    en: [`Form: ${form.nameEn} (${form.code})`, `Period: ${period}`, `Deadline: ${at} (${tenant.timezone})`],
  };
  for (const { unitId } of claimed) {
    out.reminders.push({ formId: form.id, formCode: form.code, period, unitId, kind, deadline });
    out.notices.push(...(await notifyStaff(tx, tenant, {
      kind: kind === FormReminderKind.OVERDUE ? StaffNoticeKind.INDICATOR_FORM_OVERDUE : StaffNoticeKind.INDICATOR_FORM_DUE,
      unitId,
      dedupeKey: `indicator-form:${form.id}:${period}:${unitId}:${kind}`,
      data: { formId: form.id, formCode: form.code, period, deadline: deadline.toISOString(), reminder: kind },
      mailLines,
    }, now)));
  }
}

function periodContaining(local: DateTime, periodicity: Periodicity): Period {
  const index = periodicity === Periodicity.MONTH ? local.month : periodicity === Periodicity.QUARTER ? Math.ceil(local.month / 3) : 1;
  return { periodicity, year: local.year, index };
}

function nextPeriod(p: Period): Period {
  const last = p.periodicity === Periodicity.MONTH ? 12 : p.periodicity === Periodicity.QUARTER ? 4 : 1;
  return p.index < last ? { ...p, index: p.index + 1 } : { ...p, year: p.year + 1, index: 1 };
}
