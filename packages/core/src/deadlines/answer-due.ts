import type { CoreContext } from '../context.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { workingMinutesBetween } from '../calendar/working-time.js';
import { withTenant } from '../db/with-tenant.js';
import { loadTenantCalendar, yearsAround, type TenantCalendarSource } from '../tenants/tenant-calendar.js';
import { workingDayMinutes } from './working-days.js';

/**
 * What a citizen is told of the date the unit must answer by (ADR 0008):
 * the date itself and, in working days of the tenant's calendar, how long is
 * left or how late it is. Never an internal stage's deadline.
 */
export interface AnswerDue {
  /** When the handling unit must answer by (`answerDueAt`). */
  at: Date;
  /**
   * Working days left until `at`, rounded up (a deadline 3 working days
   * ahead by `addWorkingDays` has 3; one with an hour left has 1); 0 only
   * when no working time is left before it (e.g. the evening before a due
   * time of 07:30). Null once answered or overdue.
   */
  workingDaysLeft: number | null;
  /**
   * How late the answer is (still open past `at`) or was (answered after
   * `at`), in working days rounded up, at least 1. Null when not late.
   */
  overdueWorkingDays: number | null;
}

/**
 * The citizen-facing due date of a report at `now`, counted in working time
 * of `cal` (a working day is `workingDayMinutes`: nights, weekends, holidays
 * and Tết do not count, a make-up Saturday does). Null before there is an
 * answer deadline (not yet assigned). An answered report (`answeredAt`) is
 * judged at its answer. Pure: `now` is the caller's clock.
 */
export function answerDueOf(cal: WorkingCalendar, report: { answerDueAt: Date | null; answeredAt: Date | null }, now: Date): AnswerDue | null {
  const due = report.answerDueAt;
  if (!due) return null;
  const day = workingDayMinutes(cal);
  const at = report.answeredAt ?? now;
  if (at.getTime() > due.getTime()) {
    const late = workingMinutesBetween(cal, due, at);
    return { at: due, workingDaysLeft: null, overdueWorkingDays: Math.max(1, Math.ceil(late / day)) };
  }
  if (report.answeredAt) return { at: due, workingDaysLeft: null, overdueWorkingDays: null };
  return { at: due, workingDaysLeft: Math.ceil(workingMinutesBetween(cal, now, due) / day), overdueWorkingDays: null };
}

/**
 * The tenant's working calendar around `instants` (one year either side),
 * for `answerDueOf` over many reports: load it once per request or job.
 */
export async function loadAnswerDueCalendar(ctx: CoreContext, tenant: TenantCalendarSource, ...instants: Date[]): Promise<WorkingCalendar> {
  return withTenant(ctx.db, tenant.id, (tx) => loadTenantCalendar(tx, tenant, yearsAround(ctx.now(), ...instants)));
}
