import type { Kpi, OpenDeadlineCount, ReportStatus } from '@paht/client-sdk/public';

/** Statuses still on a deadline (not answered, rejected, published or closed): the open reports `openReportDeadlines` counts. */
export const OPEN_STATUSES: readonly ReportStatus[] = ['SUBMITTED', 'CLASSIFIED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN'];

const DAY = 86_400_000;

/** A period of local days (`YYYY-MM-DD`, inclusive) and the one of the same length just before it. */
export interface OverviewPeriod {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/** The local day of an instant in a time zone, `YYYY-MM-DD`. */
export function localDay(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** The last `days` local days up to today, and the `days` before them. */
export function periodEnding(now: number, days: number, timeZone: string): OverviewPeriod {
  const day = (offset: number) => localDay(now - offset * DAY, timeZone);
  return { from: day(days - 1), to: day(0), previousFrom: day(2 * days - 1), previousTo: day(days) };
}

/** Open reports past their deadline now, and those due within the next seven days. */
export interface OpenCounts {
  overdueNow: number;
  dueThisWeek: number;
}

/** One unit or category: its KPIs now and in the previous period, and its open reports' deadlines. */
export interface OverviewRow extends OpenCounts {
  key: string;
  label: string | null;
  labelEn: string | null;
  kpi: Kpi | null;
  previous: Kpi | null;
}

/** What the overview shows. */
export interface OverviewData {
  period: OverviewPeriod;
  total: Kpi | null;
  previousTotal: Kpi | null;
  /** Every open report the caller's work list covers, counted exactly by the server (`openReportDeadlines`). */
  open: OpenCounts;
  units: OverviewRow[];
  categories: OverviewRow[];
  /** When it was read (ISO). */
  readAt: string;
}

/** The server's count of a group's open reports by deadline (`openReportDeadlines`, due within seven days) as the overview shows it. */
export const openCounts = (c: OpenDeadlineCount | null | undefined): OpenCounts => ({ overdueNow: c?.overdue ?? 0, dueThisWeek: c?.dueSoon ?? 0 });

/**
 * Rows per unit or category: every group the KPIs (either period) or the
 * open reports' counts name, most overdue first, then most due this week,
 * then most received.
 */
export function overviewRows(current: readonly Kpi[], previous: readonly Kpi[], open: readonly OpenDeadlineCount[]): OverviewRow[] {
  const rows = new Map<string, OverviewRow>();
  const row = (key: string, label: string | null, labelEn: string | null): OverviewRow => {
    let found = rows.get(key);
    if (!found) {
      found = { key, label, labelEn, kpi: null, previous: null, overdueNow: 0, dueThisWeek: 0 };
      rows.set(key, found);
    }
    found.label ??= label;
    found.labelEn ??= labelEn;
    return found;
  };
  for (const k of current) row(k.key, k.label ?? null, k.labelEn ?? null).kpi = k;
  for (const k of previous) row(k.key, k.label ?? null, k.labelEn ?? null).previous = k;
  for (const c of open) Object.assign(row(c.key, c.label ?? null, c.labelEn ?? null), openCounts(c));
  return [...rows.values()].sort(
    (a, b) => b.overdueNow - a.overdueNow || b.dueThisWeek - a.dueThisWeek || (b.kpi?.received ?? 0) - (a.kpi?.received ?? 0) || a.key.localeCompare(b.key),
  );
}

/** The change from `previous` to `current`, as a signed number; null when there is nothing to compare. */
export function trend(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  return current - previous;
}

/** The share answered on time among those answered, or null. */
export const onTimeShareOf = (k: Kpi | null): number | null => (k && k.resolved ? k.onTime / k.resolved : null);
