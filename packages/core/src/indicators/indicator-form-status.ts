import { DateTime } from 'luxon';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { findIndicatorForm, unitsDueFor, type IndicatorFormRecord } from './indicator-form-definitions.js';
import { Periodicity, parsePeriod, type Period } from './indicator-periods.js';

/** Where a unit stands with a form for a period. */
export const FormSubmissionState = {
  /** Submitted by the deadline. */
  ON_TIME: 'ON_TIME',
  /** Submitted after the deadline. */
  LATE: 'LATE',
  /** Not submitted, the deadline not passed yet. */
  PENDING: 'PENDING',
  /** Not submitted, the deadline passed. */
  OVERDUE: 'OVERDUE',
} as const;
export type FormSubmissionState = (typeof FormSubmissionState)[keyof typeof FormSubmissionState];

export interface UnitFormStatus {
  unitId: string;
  unitCode: string;
  unitName: string;
  state: FormSubmissionState;
  /** When it first submitted (what on time is judged by), null when it has not. */
  firstSubmittedAt: Date | null;
  /** The latest submission or correction. */
  lastSubmittedAt: Date | null;
  lastSubmittedBy: string | null;
  revision: number | null;
}

export interface IndicatorFormStatusRecord {
  form: IndicatorFormRecord;
  period: string;
  deadline: Date;
  /** Every unit the form is due from (at its current version), by unit code. */
  units: UnitFormStatus[];
  /** Units that submitted (on time or late). */
  submitted: number;
  /** Units that have not (pending or overdue). */
  missing: number;
  /** Units that submitted after the deadline. */
  late: number;
  /** Units that have not submitted and whose deadline passed. */
  overdue: number;
}

/**
 * The instant a period's submissions are due: the end of the day
 * `deadlineDays` days after the period's last day, in the tenant's time zone.
 */
export function formDeadline(period: Period, deadlineDays: number, timezone: string): Date {
  const lastMonth = period.periodicity === Periodicity.MONTH ? period.index : period.periodicity === Periodicity.QUARTER ? period.index * 3 : 12;
  return DateTime.fromObject({ year: period.year, month: lastMonth, day: 1 }, { zone: timezone }).endOf('month').plus({ days: deadlineDays }).toJSDate();
}

/**
 * Per form and period: which units submitted (on time or late) and which
 * have not (pending before the deadline, overdue after it), as of the core
 * clock. Staff who read indicators.
 */
export async function readIndicatorFormStatus(ctx: CoreContext, tenantId: string, actor: Actor, formId: string, periodKey: string): Promise<IndicatorFormStatusRecord> {
  assertCan(actor, Permission.INDICATOR_READ);
  const tenant = await findTenantById(ctx, tenantId);
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const form = await findIndicatorForm(tx, formId);
    const period = parsePeriod(periodKey);
    if (!period || period.periodicity !== form.periodicity) throw validationError([{ path: 'period', code: FieldIssueCode.INVALID_FORMAT }]);
    const deadline = formDeadline(period, form.deadlineDays, tenant.timezone);
    const units = await unitStatesIn(tx, form, periodKey, deadline, now);
    const count = (...states: FormSubmissionState[]) => units.filter((u) => states.includes(u.state)).length;
    return {
      form, period: periodKey, deadline, units,
      submitted: count(FormSubmissionState.ON_TIME, FormSubmissionState.LATE),
      missing: count(FormSubmissionState.PENDING, FormSubmissionState.OVERDUE),
      late: count(FormSubmissionState.LATE),
      overdue: count(FormSubmissionState.OVERDUE),
    };
  });
}

/** Each unit the form is due from (at its current version), by unit code, with its state for the period as of `now`. */
export async function unitStatesIn(tx: TenantTx, form: IndicatorFormRecord, periodKey: string, deadline: Date, now: Date): Promise<UnitFormStatus[]> {
  const [due, rows] = await Promise.all([
    unitsDueFor(tx, form),
    tx.indicatorFormSubmission.findMany({ where: { formId: form.id, period: periodKey }, orderBy: { revision: 'asc' }, select: { unitId: true, revision: true, submittedAt: true, submittedBy: true } }),
  ]);
  const byUnit = new Map<string, typeof rows>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  return due.map((u): UnitFormStatus => {
    const subs = byUnit.get(u.id) ?? [];
    const first = subs[0];
    const last = subs.at(-1);
    const state = first
      ? first.submittedAt <= deadline ? FormSubmissionState.ON_TIME : FormSubmissionState.LATE
      : now <= deadline ? FormSubmissionState.PENDING : FormSubmissionState.OVERDUE;
    return {
      unitId: u.id, unitCode: u.code, unitName: u.name, state,
      firstSubmittedAt: first?.submittedAt ?? null, lastSubmittedAt: last?.submittedAt ?? null, lastSubmittedBy: last?.submittedBy ?? null, revision: last?.revision ?? null,
    };
  });
}
