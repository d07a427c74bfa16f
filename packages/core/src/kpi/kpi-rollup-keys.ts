import { DateTime } from 'luxon';
import { Prisma } from '../generated/prisma/client.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { KpiGroupBy, periodKey } from './kpi-groups.js';

/** A checked KPI query: local days, their instants, the grouping. */
export interface RollupQuery {
  from: string;
  to: string;
  start: Date;
  end: Date;
  groupBy: KpiGroupBy;
  includePrivate: boolean;
}

/**
 * The rollup dimension a grouping reads (in the daily rollups and the monthly handling histogram): unit, category, area,
 * channel, or the whole tenant (T, key '', migration 0030) for the tenant and the periods, one cell per day or month
 * (its slots summed, migration 0027, like every cell) instead of its channels added up. FORMER_TENANT is never read from the rollups (report-kpis recomputes it); its entry only completes the table.
 */
export const DIMENSION: Record<KpiGroupBy, 'U' | 'C' | 'A' | 'H' | 'T'> = {
  UNIT: 'U', CATEGORY: 'C', AREA: 'A', CHANNEL: 'H', TENANT: 'T', DAY: 'T', WEEK: 'T', MONTH: 'T', QUARTER: 'T', YEAR: 'T', FORMER_TENANT: 'T',
};
export const IS_PERIOD = (g: KpiGroupBy): boolean => g === 'DAY' || g === 'WEEK' || g === 'MONTH' || g === 'QUARTER' || g === 'YEAR';
/** The fact column of a non-period grouping. */
export const FACT_KEY: Partial<Record<KpiGroupBy, string>> = { UNIT: 'unit_key', CATEGORY: 'category_key', AREA: 'area_key', CHANNEL: 'channel' };
/** How the facts' local day is cut into periods (PostgreSQL's weeks start on Monday, as ISO weeks do). */
const TRUNC: Partial<Record<KpiGroupBy, string>> = { WEEK: 'week', MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/**
 * The SQL group key of a row with a local day `day` (a fact's day, a rollup's day or month) and a key `keyColumn`: `''` for the tenant, the day or the first day of its period, or the key. `keyOf` turns it into the row's key.
 */
export function groupKeySql(groupBy: KpiGroupBy, day: Prisma.Sql, keyColumn: Prisma.Sql): Prisma.Sql {
  if (groupBy === 'TENANT') return Prisma.sql`''`;
  if (groupBy === 'DAY') return Prisma.sql`${day}::text`;
  const trunc = TRUNC[groupBy];
  if (trunc) return Prisma.sql`date_trunc(${trunc}, ${day})::date::text`;
  return keyColumn;
}

/** The group key of a local day `YYYY-MM-DD` (for periods) or of a stored key. */
export function keyOf(groupBy: KpiGroupBy, raw: string, tenant: TenantRecord): string {
  if (groupBy === 'TENANT') return tenant.id;
  if (!IS_PERIOD(groupBy)) return raw;
  // A local day's period is a matter of the calendar: read in UTC, without the tenant's zone offsets to look up.
  return periodKey(groupBy, DateTime.fromISO(raw, { zone: 'utc' }).toJSDate(), 'UTC');
}
