import { DateTime } from 'luxon';
import { Prisma } from '../generated/prisma/client.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { DIMENSION, FACT_KEY, groupKeySql, keyOf, type RollupQuery } from './kpi-rollup-keys.js';
import { percentileAt } from './report-figures.js';

/** The percentiles of the KPIs: the median and the 90th percentile. */
const P50 = 0.5;
const P90 = 0.9;

/** Local days `[from, to]` (inclusive) read day by day, their instants `[start, end)`, added (1) or taken away (-1). */
export interface DaySpan {
  from: string;
  to: string;
  start: Date;
  end: Date;
  sign: 1 | -1;
}

/**
 * How a read counts the handling times of a period: the months `[first, last]` (first days) from the monthly
 * histogram, plus or minus some days. A month the period holds in part is either read day by day over the days
 * it holds, or read whole with the days it does not hold taken away, whichever reads fewer days that can hold
 * reports (none after `now`: the year to date takes this month whole). The groupings by day or week hold no
 * whole month: day by day only. Day by day means the tenant's daily histogram for the tenant's groupings (the
 * tenant and the periods), the resolved facts for the others.
 */
export function histogramPlan(q: RollupQuery, timezone: string, now: Date): { months: { first: string; last: string } | null; days: DaySpan[] } {
  // Calendar arithmetic on local days in UTC (no time zone offsets to look up: in the tenant's zone each took
  // Intl's formatting, about a third of Node's time per page); instants only for the spans' ends.
  const calendar = { zone: 'utc' };
  const from = DateTime.fromISO(q.from, calendar);
  const to = DateTime.fromISO(q.to, calendar);
  const today = DateTime.fromISO(DateTime.fromJSDate(now, { zone: timezone }).toISODate()!, calendar);
  const iso = (d: DateTime): string => d.toISODate()!;
  const midnight = (d: DateTime): Date => DateTime.fromISO(iso(d), { zone: timezone }).toJSDate();
  const span = (a: DateTime, b: DateTime, sign: 1 | -1): DaySpan => ({
    from: iso(a),
    to: iso(b),
    start: iso(a) === q.from ? q.start : midnight(a),
    end: iso(b) === q.to ? q.end : midnight(b.plus({ days: 1 })),
    sign,
  });
  /** The days of `[a, b]` that can hold reports. */
  const cost = (a: DateTime, b: DateTime): number => (b < a ? 0 : Math.max(0, Math.round(DateTime.min(b, today).diff(a, 'days').days) + 1));
  if (q.groupBy === 'DAY' || q.groupBy === 'WEEK') return { months: null, days: [span(from, to, 1)] };
  const days: DaySpan[] = [];
  let first = from.startOf('month');
  let last = to.startOf('month');
  const monthEnd = last.endOf('month').startOf('day');
  /** The days before the period in its first month, and after it in its last (none when the last is 9999-12, whose next month cannot be sent as an instant). */
  const before = from > first ? { a: first, b: from.minus({ days: 1 }) } : null;
  const after = to < monthEnd ? (last.year < 9999 ? { a: to.plus({ days: 1 }), b: monthEnd } : undefined) : null;
  const costOf = (s: { a: DateTime; b: DateTime } | null | undefined): number => (s ? cost(s.a, s.b) : 0);
  if (first.equals(last)) {
    // One month: its days as they are, or the month without the days on either side.
    if (before || after !== null) {
      if (after === undefined || cost(from, to) <= costOf(before) + costOf(after)) return { months: null, days: [span(from, to, 1)] };
      if (before) days.push(span(before.a, before.b, -1));
      if (after) days.push(span(after.a, after.b, -1));
    }
    return { months: { first: iso(first), last: iso(last) }, days };
  }
  if (before) {
    const held = from.endOf('month').startOf('day');
    if (cost(from, held) <= costOf(before)) {
      days.push(span(from, held, 1));
      first = first.plus({ months: 1 });
    } else days.push(span(before.a, before.b, -1));
  }
  if (after !== null) {
    if (after === undefined || cost(last, to) <= costOf(after)) {
      days.push(span(last, to, 1));
      last = last.minus({ months: 1 });
    } else days.push(span(after.a, after.b, -1));
  }
  return { months: first <= last ? { first: iso(first), last: iso(last) } : null, days };
}

/** The facts of the group keyed `k` (an SQL expression) in the period: its local days, and its key unless a period or the tenant. */
function groupFilter(q: RollupQuery, k: string): Prisma.Sql {
  const length = PERIOD_LENGTH[q.groupBy];
  const days = length
    ? Prisma.sql`day >= greatest(${q.from}::date, ${Prisma.raw(k)}::date) AND day < least(${q.to}::date + 1, (${Prisma.raw(k)}::date + ${length}::interval)::date)`
    : Prisma.sql`day BETWEEN ${q.from}::date AND ${q.to}::date`;
  const column = FACT_KEY[q.groupBy];
  return column ? Prisma.sql`${days} AND ${Prisma.raw(column)} = ${Prisma.raw(k)}` : days;
}
/** The length of a period grouping's groups (their key is their first day). */
const PERIOD_LENGTH: Partial<Record<RollupQuery['groupBy'], string>> = { DAY: '1 day', WEEK: '1 week', MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' };

const RESOLVED = Prisma.sql`standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND resolved_at IS NOT NULL AND handling_minutes IS NOT NULL`;

/** Whether some resolved fact of the period still lacks its handling time (kpi-handling.ts fills it before the percentiles are read). */
export const unfilledSql = (tenant: TenantRecord, q: RollupQuery): Prisma.Sql => Prisma.sql`
  SELECT 1 FROM kpi_report_facts WHERE tenant_id = ${tenant.id}::uuid AND standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE')
     AND resolved_at IS NOT NULL AND handling_minutes IS NULL AND submitted_at >= ${q.start} AND submitted_at < ${q.end}`;

/** One value at a rank (0 for the smallest) of a group's handling times, in working minutes, and the group's count. */
export interface RankedValue {
  k: string;
  total: number;
  r: number;
  m: number;
}

/**
 * The values the exact median and 90th percentile of the handling hours per group interpolate between
 * (PostgreSQL's `percentile_cont` over the period's resolved facts, as `percentile` computes it), without
 * reading every resolved fact (migrations 0022 and 0025); one statement, so one snapshot. It counts the facts
 * per group and bucket of handling time (`histogramPlan`: the monthly histogram per key, and day by day the
 * tenant's daily histogram or the facts themselves), finds the bucket and the place in it of each rank the
 * percentiles need, and reads the values at those places from the facts of those buckets only
 * (`kpi_report_facts_bucket_idx`): per group and bucket for the tenant's groupings (a period's bucket holds
 * few facts), per bucket for the groupings by key (one read ranks every key's facts of that bucket at once,
 * instead of one read of the whole bucket per key). Every handling time of the period must be filled (`unfilledSql`).
 */
export function rankedValuesSql(tenant: TenantRecord, q: RollupQuery, now: Date): Prisma.Sql {
  const plan = histogramPlan(q, tenant.timezone, now);
  const column = FACT_KEY[q.groupBy];
  const publicOnly = q.includePrivate ? Prisma.empty : Prisma.sql`AND is_public`;
  const parts: Prisma.Sql[] = [];
  if (plan.months) {
    parts.push(Prisma.sql`
      SELECT ${groupKeySql(q.groupBy, Prisma.sql`month`, Prisma.sql`key`)} AS k, bucket AS b, n::bigint AS n FROM kpi_monthly_handling
       WHERE tenant_id = ${tenant.id}::uuid AND dim = ${DIMENSION[q.groupBy]} AND month BETWEEN ${plan.months.first}::date AND ${plan.months.last}::date ${publicOnly}`);
  }
  for (const d of plan.days) {
    parts.push(column
      ? Prisma.sql`
      SELECT ${Prisma.raw(column)}, kpi_handling_bucket(handling_minutes), ${d.sign}::bigint FROM kpi_report_facts
       WHERE tenant_id = ${tenant.id}::uuid AND ${RESOLVED} ${publicOnly} AND submitted_at >= ${d.start} AND submitted_at < ${d.end}`
      : Prisma.sql`
      SELECT ${groupKeySql(q.groupBy, Prisma.sql`day`, Prisma.empty)}, bucket, ${d.sign}::bigint * n FROM kpi_daily_handling
       WHERE tenant_id = ${tenant.id}::uuid AND day BETWEEN ${d.from}::date AND ${d.to}::date ${publicOnly}`);
  }
  const facts = Prisma.sql`FROM kpi_report_facts WHERE tenant_id = ${tenant.id}::uuid AND ${RESOLVED} ${publicOnly}`;
  // Per group and bucket needed, one range of the bucket index (tenant, bucket, local days of the group); per bucket for the groupings by key.
  // For the tenant's groupings only the places the ranks need are kept and the CTE is materialised: inlined, the planner read a bucket
  // again for every rank it holds (34 reads of about 800 index entries instead of 22 for the months of a year to date at a million
  // reports). The same for the groupings by key cost more server time per page (the leader overview's), so they stay as they were.
  const vals = column
    ? Prisma.sql`
      SELECT v.k, nb.b, v.o, v.m FROM (SELECT DISTINCT b FROM need) nb CROSS JOIN LATERAL (
        SELECT ${Prisma.raw(column)} AS k, handling_minutes AS m, row_number() OVER (PARTITION BY ${Prisma.raw(column)} ORDER BY handling_minutes) - 1 AS o
          ${facts} AND handling_bucket = nb.b AND day BETWEEN ${q.from}::date AND ${q.to}::date
           AND ${Prisma.raw(column)} IN (SELECT k FROM need WHERE need.b = nb.b)) v`
    : Prisma.sql`
      SELECT nk.k, nk.b, v.o, v.m FROM (SELECT DISTINCT k, b FROM need) nk CROSS JOIN LATERAL (
        SELECT w.o, w.m FROM (
          SELECT handling_minutes AS m, row_number() OVER (ORDER BY handling_minutes) - 1 AS o
            ${facts} AND handling_bucket = nk.b AND ${groupFilter(q, 'nk.k')}) w
         WHERE w.o IN (SELECT need.o FROM need WHERE need.k = nk.k AND need.b = nk.b)) v`;
  return Prisma.sql`
    WITH hist AS (
      SELECT k, b, sum(n)::float8 AS n FROM (${Prisma.join(parts, ' UNION ALL ')}) u(k, b, n) GROUP BY 1, 2 HAVING sum(n) > 0),
    cum AS (SELECT k, b, n, sum(n) OVER (PARTITION BY k ORDER BY b) - n AS before FROM hist),
    totals AS (SELECT k, sum(n) AS total FROM hist GROUP BY k),
    ranks AS (
      SELECT DISTINCT t.k, t.total, r.r FROM totals t
       CROSS JOIN LATERAL unnest(ARRAY[floor((t.total - 1) * ${P50}::float8), ceil((t.total - 1) * ${P50}::float8),
                                       floor((t.total - 1) * ${P90}::float8), ceil((t.total - 1) * ${P90}::float8)]) AS r(r)),
    need AS (SELECT c.k, c.b, (r.r - c.before)::bigint AS o, r.r, r.total FROM ranks r JOIN cum c ON c.k = r.k AND r.r >= c.before AND r.r < c.before + c.n),
    vals AS ${column ? Prisma.empty : Prisma.sql`MATERIALIZED`} (${vals})
    SELECT need.k, need.total, need.r, vals.m FROM need JOIN vals ON vals.k = need.k AND vals.b = need.b AND vals.o = need.o`;
}

/** The median and 90th percentile of the handling hours per group key, from the values `rankedValuesSql` read. */
export function percentilesOf(rows: readonly RankedValue[], tenant: TenantRecord, q: RollupQuery): Map<string, { p50: number; p90: number }> {
  const byGroup = new Map<string, { total: number; at: Map<number, number> }>();
  for (const row of rows) {
    const g = byGroup.get(row.k) ?? { total: row.total, at: new Map<number, number>() };
    g.at.set(row.r, row.m / 60);
    byGroup.set(row.k, g);
  }
  const result = new Map<string, { p50: number; p90: number }>();
  for (const [k, g] of byGroup) {
    const value = (rank: number): number => {
      const v = g.at.get(rank);
      if (v === undefined) throw new Error(`KPI handling histogram and facts disagree (rank ${rank} of ${g.total})`);
      return v;
    };
    result.set(keyOf(q.groupBy, k, tenant), { p50: percentileAt(g.total, P50, value), p90: percentileAt(g.total, P90, value) });
  }
  return result;
}
