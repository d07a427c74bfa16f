import { DateTime } from 'luxon';
import type { TenantTx } from '../db/with-tenant.js';
import { Prisma } from '../generated/prisma/client.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { fillHandlingMinutes } from './kpi-handling.js';
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
  const end = DateTime.fromISO(q.to, { zone: timezone }).plus({ days: 1 }).startOf('month');
  if (q.groupBy === 'DAY' || q.groupBy === 'WEEK' || end <= first) return { first: q.from, end: q.from, firstAt: q.end, endAt: q.end };
  return { first: first.toISODate()!, end: end.toISODate()!, firstAt: first.toJSDate(), endAt: end.toJSDate() };
}

const RESOLVED = Prisma.sql`standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND resolved_at IS NOT NULL AND handling_minutes IS NOT NULL`;

/**
 * Exact median and 90th percentile of the handling hours per group (PostgreSQL's `percentile_cont` over the
 * period's resolved facts, as `percentile` computes it), without reading every resolved fact (migration 0022):
 * one statement, one snapshot. It counts the facts per group and bucket of handling time (the monthly
 * histogram for the months the period holds whole, the facts themselves for the days at its ends), finds
 * the bucket and the place in it of each rank the percentiles interpolate between, and reads the values
 * at those places from the facts of those buckets only (index `kpi_report_facts_bucket_idx`).
 */
export async function readPercentiles(tx: TenantTx, tenant: TenantRecord, q: RollupQuery): Promise<Map<string, { p50: number; p90: number }>> {
  await fillHandlingMinutes(tx, tenant, q);
  const months = wholeMonths(q, tenant.timezone);
  const factKey = groupKeySql(q.groupBy, 'day', FACT_KEY[q.groupBy] ?? 'channel');
  const publicOnly = q.includePrivate ? Prisma.empty : Prisma.sql`AND is_public`;
  const rows = await tx.$queryRaw<{ k: string; total: number; r: number; m: number }[]>`
    WITH hist AS (
      SELECT k, b, sum(n)::float8 AS n FROM (
        SELECT ${groupKeySql(q.groupBy, 'month', 'key')} AS k, bucket AS b, n::bigint AS n FROM kpi_monthly_handling
         WHERE tenant_id = ${tenant.id}::uuid AND dim = ${DIMENSION[q.groupBy]} AND month >= ${months.first}::date AND month < ${months.end}::date
           ${publicOnly}
        UNION ALL
        SELECT ${factKey}, kpi_handling_bucket(handling_minutes), 1 FROM kpi_report_facts
         WHERE tenant_id = ${tenant.id}::uuid AND ${RESOLVED} ${publicOnly}
           AND ((submitted_at >= ${q.start} AND submitted_at < ${months.firstAt}) OR (submitted_at >= ${months.endAt} AND submitted_at < ${q.end}))
      ) u GROUP BY 1, 2 HAVING sum(n) > 0),
    cum AS (SELECT k, b, n, sum(n) OVER (PARTITION BY k ORDER BY b) - n AS before, sum(n) OVER (PARTITION BY k) AS total FROM hist),
    ranks AS (
      SELECT DISTINCT c.k, c.total, r.r FROM cum c
       CROSS JOIN LATERAL unnest(ARRAY[floor((c.total - 1) * ${P50}::float8), ceil((c.total - 1) * ${P50}::float8),
                                       floor((c.total - 1) * ${P90}::float8), ceil((c.total - 1) * ${P90}::float8)]) AS r(r)),
    need AS (SELECT c.k, c.b, (r.r - c.before)::bigint AS o, r.r, c.total FROM ranks r JOIN cum c ON c.k = r.k AND r.r >= c.before AND r.r < c.before + c.n),
    vals AS (
      SELECT ${factKey} AS k, kpi_handling_bucket(handling_minutes) AS b, handling_minutes AS m,
             row_number() OVER (PARTITION BY ${factKey}, kpi_handling_bucket(handling_minutes) ORDER BY handling_minutes) - 1 AS o
        FROM kpi_report_facts
       WHERE tenant_id = ${tenant.id}::uuid AND ${RESOLVED} ${publicOnly}
         AND kpi_handling_bucket(handling_minutes) = ANY (ARRAY(SELECT DISTINCT b FROM need))
         AND submitted_at >= ${q.start} AND submitted_at < ${q.end})
    SELECT need.k, need.total, need.r, vals.m FROM need JOIN vals ON vals.k = need.k AND vals.b = need.b AND vals.o = need.o`;
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
      if (v === undefined) throw new Error(`KPI histogram and facts disagree (rank ${rank} of ${g.total})`);
      return v;
    };
    result.set(keyOf(q.groupBy, k, tenant), { p50: percentileAt(g.total, P50, value), p90: percentileAt(g.total, P90, value) });
  }
  return result;
}
