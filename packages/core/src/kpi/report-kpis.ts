import { DateTime } from 'luxon';
import { EARLIEST_SUPPORTED_INSTANT, LATEST_SUPPORTED_INSTANT } from '../calendar/supported-dates.js';
import { areaName, type AreaName } from '../areas/area-names.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import { findTenantById } from '../tenants/tenant-directory.js';

export const KpiGroupBy = { TENANT: 'TENANT', UNIT: 'UNIT', CATEGORY: 'CATEGORY', AREA: 'AREA', MONTH: 'MONTH' } as const;
export type KpiGroupBy = (typeof KpiGroupBy)[keyof typeof KpiGroupBy];

export interface KpiQuery {
  /** First local day of the period, `YYYY-MM-DD` (tenant's time zone), inclusive. */
  from: string;
  /** Last local day of the period, inclusive. */
  to: string;
  groupBy?: KpiGroupBy;
  /** Count reports of private categories too (internal dashboards). Default false. */
  includePrivate?: boolean;
}

/**
 * Figures for reports submitted in the period, in their state now.
 * received = resolved + inProgress + rejected; resolved = onTime + overdue.
 */
export interface KpiRow {
  /** The group's key: unit/category id, area code, `YYYY-MM`, or the tenant id. */
  key: string;
  /** The unit's, category's or area's name in Vietnamese; null for months and the tenant. */
  label: string | null;
  /** The same in English (the unit's or category's `nameEn`, the area's English name); null when there is none. */
  labelEn: string | null;
  /** For AREA rows: the commune or ward named by the key (null for reports without an area, or an unknown code). */
  area: AreaName | null;
  received: number;
  resolved: number;
  onTime: number;
  overdue: number;
  inProgress: number;
  rejected: number;
  /** Mean time from submission to the answer, in hours; null when none resolved. */
  avgResolutionHours: number | null;
  ratings: number;
  /** Mean rating (1–5). */
  avgRating: number | null;
  /** Share of ratings of 4 or 5, from 0 to 1. */
  satisfiedShare: number | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The supported range (calendar/supported-dates.ts) as local days. */
const EARLIEST_DAY = EARLIEST_SUPPORTED_INSTANT.toISOString().slice(0, 10);
const LATEST_DAY = LATEST_SUPPORTED_INSTANT.toISOString().slice(0, 10);

function periodBounds(query: KpiQuery, timezone: string): { start: Date; end: Date } {
  const issues = [];
  if (!DATE.test(query.from)) issues.push({ path: 'from', message: 'must be a date YYYY-MM-DD' });
  if (!DATE.test(query.to)) issues.push({ path: 'to', message: 'must be a date YYYY-MM-DD' });
  if (issues.length) throw validationError(issues);
  // Luxon, JavaScript and PostgreSQL disagree on years before 1900 (local mean time) and outside 1–9999.
  for (const key of ['from', 'to'] as const) {
    if (query[key] < EARLIEST_DAY || query[key] > LATEST_DAY) issues.push({ path: key, message: `must be a day from ${EARLIEST_DAY} to ${LATEST_DAY}` });
  }
  if (issues.length) throw validationError(issues);
  const start = DateTime.fromISO(query.from, { zone: timezone }).startOf('day');
  const end = DateTime.fromISO(query.to, { zone: timezone }).plus({ days: 1 }).startOf('day');
  if (!start.isValid || !end.isValid || end <= start) throw validationError([{ path: 'to', message: 'must not be before from' }]);
  return { start: start.toJSDate(), end: end.toJSDate() };
}

const NO_LABEL = { label: Prisma.sql`NULL::text`, labelEn: Prisma.sql`NULL::text` };

/** The group's key and, for units and categories, their names (areas are named from the address database). */
function groupExpression(groupBy: KpiGroupBy, timezone: string): { key: Prisma.Sql; label: Prisma.Sql; labelEn: Prisma.Sql } {
  switch (groupBy) {
    case 'UNIT':
      return { key: Prisma.sql`COALESCE(r.unit_id::text, '')`, label: Prisma.sql`MAX(u.name)`, labelEn: Prisma.sql`MAX(u.name_en)` };
    case 'CATEGORY':
      return { key: Prisma.sql`COALESCE(r.category_id::text, '')`, label: Prisma.sql`MAX(c.name)`, labelEn: Prisma.sql`MAX(c.name_en)` };
    case 'AREA':
      return { key: Prisma.sql`COALESCE(r.area_code, '')`, ...NO_LABEL };
    case 'MONTH':
      return { key: Prisma.sql`to_char(r.submitted_at AT TIME ZONE ${timezone}, 'YYYY-MM')`, ...NO_LABEL };
    default:
      return { key: Prisma.sql`r.tenant_id::text`, ...NO_LABEL };
  }
}

interface RawRow {
  key: string;
  label: string | null;
  label_en: string | null;
  received: bigint | number;
  resolved: bigint | number;
  on_time: bigint | number;
  overdue: bigint | number;
  rejected: bigint | number;
  avg_hours: number | null;
  ratings: bigint | number;
  avg_rating: number | null;
  satisfied: bigint | number;
}

/** Report KPIs of one tenant for a period, overall or per unit, category, area or month. */
export async function reportKpis(ctx: CoreContext, tenantId: string, query: KpiQuery): Promise<KpiRow[]> {
  const tenant = await findTenantById(ctx, tenantId);
  const { start, end } = periodBounds(query, tenant.timezone);
  const groupBy = query.groupBy ?? 'TENANT';
  const group = groupExpression(groupBy, tenant.timezone);
  const privacy = query.includePrivate ? Prisma.empty : Prisma.sql`AND r.visibility = 'PUBLIC' AND (c.id IS NULL OR c.is_public)`;
  const rows = await withTenant(ctx.db, tenantId, (tx) =>
    tx.$queryRaw<RawRow[]>`
      SELECT ${group.key} AS key,
             ${group.label} AS label,
             ${group.labelEn} AS label_en,
             COUNT(*) AS received,
             COUNT(r.resolved_on_time) AS resolved,
             COUNT(*) FILTER (WHERE r.resolved_on_time) AS on_time,
             COUNT(*) FILTER (WHERE r.resolved_on_time = false) AS overdue,
             COUNT(*) FILTER (WHERE r.status = 'REJECTED') AS rejected,
             (AVG(EXTRACT(EPOCH FROM (r.resolved_at - r.submitted_at))) FILTER (WHERE r.resolved_on_time IS NOT NULL) / 3600)::float8 AS avg_hours,
             COUNT(r.rating) AS ratings,
             AVG(r.rating)::float8 AS avg_rating,
             COUNT(*) FILTER (WHERE r.rating >= 4) AS satisfied
        FROM reports r
        LEFT JOIN units u ON u.id = r.unit_id
        LEFT JOIN categories c ON c.id = r.category_id
       WHERE r.tenant_id = ${tenantId}::uuid
         AND r.submitted_at >= ${start} AND r.submitted_at < ${end}
         ${privacy}
       GROUP BY 1
       ORDER BY 1`,
  );
  return rows.map((r) => {
    const n = (v: bigint | number) => Number(v);
    const received = n(r.received);
    const resolved = n(r.resolved);
    const rejected = n(r.rejected);
    const ratings = n(r.ratings);
    const area = groupBy === 'AREA' && r.key ? areaName(r.key) : null;
    return {
      key: r.key,
      label: area ? area.name : r.label,
      labelEn: area ? area.nameEn : r.label_en,
      area,
      received,
      resolved,
      onTime: n(r.on_time),
      overdue: n(r.overdue),
      inProgress: received - resolved - rejected,
      rejected,
      avgResolutionHours: r.avg_hours === null ? null : Math.round(r.avg_hours * 10) / 10,
      ratings,
      avgRating: r.avg_rating === null ? null : Math.round(r.avg_rating * 100) / 100,
      satisfiedShare: ratings === 0 ? null : n(r.satisfied) / ratings,
    };
  });
}
