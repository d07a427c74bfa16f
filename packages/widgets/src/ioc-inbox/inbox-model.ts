import type { Channel, ReportFilter, ReportStatus } from '@paht/client-sdk/public';
import type { InboxReport } from '@paht/client-sdk/staff';

/** The IOC's own queue: new reports (to classify) and classified or returned ones (to assign). */
export const IOC_QUEUE: readonly ReportStatus[] = ['SUBMITTED', 'CLASSIFIED'];

/** What the operator narrows the inbox to; `''` is "any". `status: 'QUEUE'` is the IOC's queue. */
export interface InboxFilters {
  status: 'QUEUE' | ReportStatus;
  categoryId: string;
  unitId: string;
  channel: Channel | '';
  search: string;
}

export const DEFAULT_FILTERS: InboxFilters = { status: 'QUEUE', categoryId: '', unitId: '', channel: '', search: '' };

/** The API's filter for the inbox's filters (all applied by the server). */
export function apiFilter(filters: InboxFilters): ReportFilter {
  return {
    status: filters.status === 'QUEUE' ? [...IOC_QUEUE] : [filters.status],
    ...(filters.channel ? { channel: [filters.channel] } : {}),
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(filters.unitId ? { unitId: filters.unitId } : {}),
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
  };
}

/** The deadline that is due next: the current stage's, else the report's own. */
export const dueOf = (report: InboxReport): string | null => report.sla?.dueAt ?? report.dueAt ?? null;

const URGENCY: Record<string, number> = { BREACHED: 0, WARNING: 1 };

/**
 * How pressing a report is at `now`: the SLA stage's state, and `BREACHED`
 * as well once the deadline has passed (the stage's state is as of the
 * last step; a deadline passes without one).
 */
export function urgencyOf(report: InboxReport, now: number): string {
  const due = dueOf(report);
  if (due && Date.parse(due) <= now) return 'BREACHED';
  return report.sla?.state ?? 'NONE';
}

/** How many people a report affects: its reporter and those who support it ("me too", merged duplicates). */
export const peopleAffected = (report: Pick<InboxReport, 'supporterCount'>): number => (report.supporterCount ?? 0) + 1;

/**
 * The reports to show, in the order to work them: overdue at `now` first,
 * then due soon, then the rest; within each, more people affected first,
 * then by the deadline that comes first (none last), then oldest. The
 * server filters by channel; fixed data (stories) is filtered here alike.
 */
export function inboxOrder(reports: readonly InboxReport[], filters: InboxFilters, now: number): InboxReport[] {
  const shown = filters.channel ? reports.filter((r) => r.channel === filters.channel) : [...reports];
  const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);
  return shown.sort(
    (a, b) =>
      (URGENCY[urgencyOf(a, now)] ?? 2) - (URGENCY[urgencyOf(b, now)] ?? 2) ||
      peopleAffected(b) - peopleAffected(a) ||
      time(dueOf(a)) - time(dueOf(b)) ||
      Date.parse(a.submittedAt) - Date.parse(b.submittedAt),
  );
}

/** The triage steps, and the statuses each may start from (core's transitions: CLASSIFY from SUBMITTED, ASSIGN from CLASSIFIED, REJECT from both). */
export const TRIAGE_FROM = {
  classify: ['SUBMITTED'],
  assign: ['CLASSIFIED'],
  reject: ['SUBMITTED', 'CLASSIFIED'],
} as const satisfies Record<string, readonly ReportStatus[]>;
export type TriageAction = keyof typeof TRIAGE_FROM;

/** Of `reports`, those `action` may be taken on now. */
export const triageable = (reports: readonly InboxReport[], action: TriageAction): InboxReport[] =>
  reports.filter((r) => (TRIAGE_FROM[action] as readonly string[]).includes(r.status));
