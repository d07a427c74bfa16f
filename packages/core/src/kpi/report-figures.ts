import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { workingMinutesBetween } from '../calendar/working-time.js';
import type { ResolutionOutcome } from '../reports/report-commands.js';
import type { ReportStatus } from '../reports/report-status.js';

/**
 * What the KPIs read of one report: its stored columns (a cache of its
 * timeline, refreshed at every step by `transitionReport`) and three facts
 * of the timeline itself. Definitions: docs/kpis.md.
 */
export interface ReportKpiFacts {
  submittedAt: Date;
  status: ReportStatus;
  /** The latest answer (null while unanswered or reopened). */
  resolvedAt: Date | null;
  /** The SLA verdict of the latest answer; null when unanswered or no deadline applied. */
  resolvedOnTime: boolean | null;
  resolutionOutcome: ResolutionOutcome | null;
  /** The running stage's deadline, as computed at `updatedAt`. */
  dueAt: Date | null;
  /** The answer deadline, as computed at `updatedAt` (null before the first assignment). */
  answerDueAt: Date | null;
  /** The last step's time: when `dueAt` and `answerDueAt` were computed. */
  updatedAt: Date;
  rating: number | null;
  /** The IOC classified it (a CLASSIFY event). */
  classified: boolean;
  /** A unit returned it at least once (RETURN: not ours). */
  returned: boolean;
  /** The citizen reopened it at least once. */
  reopened: boolean;
}

/** Where a report stands now: exactly one for each report. */
export const ReportStanding = {
  REJECTED: 'REJECTED',
  RESOLVED_ON_TIME: 'RESOLVED_ON_TIME',
  RESOLVED_LATE: 'RESOLVED_LATE',
  NOT_FIXED: 'NOT_FIXED',
  OPEN_WITHIN_DEADLINE: 'OPEN_WITHIN_DEADLINE',
  OPEN_OVERDUE: 'OPEN_OVERDUE',
} as const;
export type ReportStanding = (typeof ReportStanding)[keyof typeof ReportStanding];

const ANSWERED: ReadonlySet<ReportStatus> = new Set(['RESOLVED', 'PUBLISHED', 'CLOSED']);
const PUBLISHED: ReadonlySet<ReportStatus> = new Set(['PUBLISHED', 'CLOSED']);

/**
 * The report's standing at `now`. Open reports are overdue once the deadline
 * that binds them has passed: the answer deadline once assigned, the IOC's
 * routing deadline before. While the clock is paused (waiting for the
 * citizen) the stored deadline was computed as if work resumed at the last
 * step: it is overdue only if the allowance was already spent then.
 */
export function reportStanding(f: ReportKpiFacts, now: Date): ReportStanding {
  if (f.status === 'REJECTED') return ReportStanding.REJECTED;
  if (ANSWERED.has(f.status)) {
    if (f.resolutionOutcome === 'NOT_FIXED') return ReportStanding.NOT_FIXED;
    // No verdict means no deadline applied: nothing was missed.
    return f.resolvedOnTime === false ? ReportStanding.RESOLVED_LATE : ReportStanding.RESOLVED_ON_TIME;
  }
  const deadline = f.answerDueAt ?? f.dueAt;
  if (deadline === null) return ReportStanding.OPEN_WITHIN_DEADLINE;
  const passed = f.status === 'WAITING_FOR_CITIZEN' ? deadline.getTime() <= f.updatedAt.getTime() : now.getTime() > deadline.getTime();
  return passed ? ReportStanding.OPEN_OVERDUE : ReportStanding.OPEN_WITHIN_DEADLINE;
}

/**
 * The figures of a set of reports. Partition:
 * received = resolvedOnTime + resolvedLate + notFixed + rejected + openWithinDeadline + openOverdue.
 */
export interface ReportFigures {
  received: number;
  classified: number;
  rejected: number;
  resolvedOnTime: number;
  resolvedLate: number;
  notFixed: number;
  openWithinDeadline: number;
  openOverdue: number;
  returned: number;
  reopened: number;
  /** Median working hours from submission to the answer, resolved reports (not "not fixed"); null when none. */
  medianHandlingHours: number | null;
  /** 90th percentile of the same. */
  p90HandlingHours: number | null;
  /** Reports with a rating (the sample of `satisfiedShare`). */
  ratings: number;
  /** Mean rating (1–5). */
  avgRating: number | null;
  /** Share of ratings of 4 or 5, from 0 to 1; null without ratings. */
  satisfiedShare: number | null;
  /** Answered reports whose answer the IOC published. */
  published: number;
  /** published / answered (resolved + not fixed); null when none answered. */
  publishedShare: number | null;
  /** Mean wall-clock hours from submission to the answer, resolved reports (kept for existing callers). */
  avgResolutionHours: number | null;
}

/**
 * Linear interpolation between closest ranks (PostgreSQL's
 * `percentile_cont`), of values sorted ascending; null for none.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return percentileAt(sorted.length, p, (rank) => sorted[rank]!);
}

/**
 * The same, of `n` values known by rank (0 for the smallest): reads the two
 * ranks it interpolates between, and computes exactly as `percentile` does
 * (the KPI rollups read only those two values: kpi-percentiles.ts).
 */
export function percentileAt(n: number, p: number, at: (rank: number) => number): number {
  const pos = (n - 1) * p;
  const lo = Math.floor(pos);
  const a = at(lo);
  const b = at(Math.ceil(pos));
  return a + (b - a) * (pos - lo);
}

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/** Working hours between two instants on the tenant's calendar. */
export const workingHoursBetween = (calendar: WorkingCalendar, from: Date, to: Date): number => workingMinutesBetween(calendar, from, to) / 60;

/** Counts and measures the reports at `now`; `calendar` is the tenant's working calendar. Pure. */
export function reportFigures(reports: readonly ReportKpiFacts[], now: Date, calendar: WorkingCalendar): ReportFigures {
  const count: Record<ReportStanding, number> = { REJECTED: 0, RESOLVED_ON_TIME: 0, RESOLVED_LATE: 0, NOT_FIXED: 0, OPEN_WITHIN_DEADLINE: 0, OPEN_OVERDUE: 0 };
  let classified = 0;
  let returned = 0;
  let reopened = 0;
  let ratings = 0;
  let ratingSum = 0;
  let satisfied = 0;
  let published = 0;
  let wallHours = 0;
  const handling: number[] = [];
  for (const f of reports) {
    const standing = reportStanding(f, now);
    count[standing] += 1;
    if (f.classified) classified += 1;
    if (f.returned) returned += 1;
    if (f.reopened) reopened += 1;
    if (f.rating !== null) {
      ratings += 1;
      ratingSum += f.rating;
      if (f.rating >= 4) satisfied += 1;
    }
    if (PUBLISHED.has(f.status)) published += 1;
    if ((standing === 'RESOLVED_ON_TIME' || standing === 'RESOLVED_LATE') && f.resolvedAt) {
      handling.push(workingHoursBetween(calendar, f.submittedAt, f.resolvedAt));
      wallHours += (f.resolvedAt.getTime() - f.submittedAt.getTime()) / 3_600_000;
    }
  }
  handling.sort((a, b) => a - b);
  const answered = count.RESOLVED_ON_TIME + count.RESOLVED_LATE + count.NOT_FIXED;
  return {
    received: reports.length,
    classified,
    rejected: count.REJECTED,
    resolvedOnTime: count.RESOLVED_ON_TIME,
    resolvedLate: count.RESOLVED_LATE,
    notFixed: count.NOT_FIXED,
    openWithinDeadline: count.OPEN_WITHIN_DEADLINE,
    openOverdue: count.OPEN_OVERDUE,
    returned,
    reopened,
    medianHandlingHours: round1(percentile(handling, 0.5)),
    p90HandlingHours: round1(percentile(handling, 0.9)),
    ratings,
    avgRating: ratings === 0 ? null : Math.round((ratingSum / ratings) * 100) / 100,
    satisfiedShare: ratings === 0 ? null : satisfied / ratings,
    published,
    publishedShare: answered === 0 ? null : published / answered,
    avgResolutionHours: handling.length === 0 ? null : Math.round((wallHours / handling.length) * 10) / 10,
  };
}
