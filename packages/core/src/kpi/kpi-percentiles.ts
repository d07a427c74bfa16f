import { DateTime } from 'luxon';
import { Prisma } from '../generated/prisma/client.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { DIMENSION, FACT_KEY, groupKeySql, keyOf, type RollupQuery } from './kpi-rollup-keys.js';
import { percentileAt } from './report-figures.js';

/** The percentiles of the KPIs: the median and the 90th percentile. */
const P50 = 0.5;
const P90 = 0.9;

/**
 * The whole months of the period `[from, to]` (local days) as `[first, end)`, first days of months, and their instants;
 * none (first = end) for groupings by day or week, whose groups a month does not hold whole.
 */
function wholeMonths(q: RollupQuery, timezone: string): { first: string; end: string; firstAt: Date; endAt: Date } {
  const from = DateTime.fromISO(q.from, { zone: timezone });
  const first = from.day === 1 ? from : from.plus({ months: 1 }).startOf('month');
  const to = DateTime.fromISO(q.to, { zone: timezone });
  // The last supported day (9999-12-31) ends a month whose successor JavaScript dates cannot send: read its days at the end instead.
  const after = to.plus({ days: 1 }).startOf('month');
  const end = after.year > 9999 ? to.startOf('month') : after;
  if (q.groupBy === 'DAY' || q.groupBy === 'WEEK' || end <= first) return { first: q.from, end: q.from, firstAt: q.end, endAt: q.end };
  return { first: first.toISODate()!, end: end.toISODate()!, firstAt: first.toJSDate(), endAt: end.toJSDate() };
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
 * reading every resolved fact (migration 0022); one statement, so one snapshot. It counts the facts per
 * group and bucket of handling time (the monthly histogram for the months the period holds whole, the facts
 * themselves for the days at its ends), finds the bucket and the place in it of each rank the percentiles
 * need, and reads the values at those places from the facts of those buckets only
 * (`kpi_report_facts_bucket_idx`). Every handling time of the period must be filled (`unfilledSql`).
 */
export function rankedValuesSql(tenant: TenantRecord, q: RollupQuery): Prisma.Sql {
  const months = wholeMonths(q, tenant.timezone);
  const factKey = groupKeySql(q.groupBy, Prisma.sql`day`, Prisma.raw(FACT_KEY[q.groupBy] ?? 'channel'));
  const publicOnly = q.includePrivate ? Prisma.empty : Prisma.sql`AND is_public`;
  const edge = (from: Date, to: Date): Prisma.Sql => Prisma.sql`
    SELECT ${factKey}, kpi_handling_bucket(handling_minutes), 1 FROM kpi_report_facts
     WHERE tenant_id = ${tenant.id}::uuid AND ${RESOLVED} ${publicOnly} AND submitted_at >= ${from} AND submitted_at < ${to}`;
  return Prisma.sql`
    WITH hist AS (
      SELECT k, b, sum(n)::float8 AS n FROM (
        SELECT ${groupKeySql(q.groupBy, Prisma.sql`month`, Prisma.sql`key`)} AS k, bucket AS b, n::bigint AS n FROM kpi_monthly_handling
         WHERE tenant_id = ${tenant.id}::uuid AND dim = ${DIMENSION[q.groupBy]} AND month >= ${months.first}::date AND month < ${months.end}::date
           ${publicOnly}
        UNION ALL ${edge(q.start, months.firstAt)}
        UNION ALL ${edge(months.endAt, q.end)}
      ) u GROUP BY 1, 2 HAVING sum(n) > 0),
    cum AS (SELECT k, b, n, sum(n) OVER (PARTITION BY k ORDER BY b) - n AS before FROM hist),
    totals AS (SELECT k, sum(n) AS total FROM hist GROUP BY k),
    ranks AS (
      SELECT DISTINCT t.k, t.total, r.r FROM totals t
       CROSS JOIN LATERAL unnest(ARRAY[floor((t.total - 1) * ${P50}::float8), ceil((t.total - 1) * ${P50}::float8),
                                       floor((t.total - 1) * ${P90}::float8), ceil((t.total - 1) * ${P90}::float8)]) AS r(r)),
    need AS (SELECT c.k, c.b, (r.r - c.before)::bigint AS o, r.r, r.total FROM ranks r JOIN cum c ON c.k = r.k AND r.r >= c.before AND r.r < c.before + c.n),
    -- Per group and bucket needed, one range of the bucket index (tenant, bucket, local days of the group).
    vals AS (
      SELECT nk.k, nk.b, v.o, v.m FROM (SELECT DISTINCT k, b FROM need) nk CROSS JOIN LATERAL (
        SELECT handling_minutes AS m, row_number() OVER (ORDER BY handling_minutes) - 1 AS o
          FROM kpi_report_facts
         WHERE tenant_id = ${tenant.id}::uuid AND ${RESOLVED} ${publicOnly} AND handling_bucket = nk.b AND ${groupFilter(q, 'nk.k')}) v)
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
