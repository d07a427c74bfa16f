import { areaName, type AreaName } from '../areas/area-names.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { isUuid } from '../ids.js';
import { isDomainError, validationError, type DomainError, type FieldIssueInput } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ResolutionOutcome } from '../reports/report-commands.js';
import type { ReportStatus } from '../reports/report-status.js';
import type { Channel } from '../reports/submit-input.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';
import { findTenantById, type TenantRecord } from '../tenants/tenant-directory.js';
import { checkFormerTenantFilter, formerTenantCondition, formerTenantsOf } from '../tenants/former-tenants.js';
import { calendarYears } from './kpi-handling.js';
import { kpisFromRollupsMany } from './kpi-rollups.js';
import type { RollupQuery } from './kpi-rollup-keys.js';
import { periodDayIssues, periodInstants } from './kpi-period.js';
import { CHANNEL_LABELS, KPI_GROUP_BYS, KpiGroupBy, periodKey } from './kpi-groups.js';
import { reportFigures, type ReportFigures, type ReportKpiFacts } from './report-figures.js';

export { KpiGroupBy } from './kpi-groups.js';

export interface KpiQuery {
  /** First local day of the period, `YYYY-MM-DD` (tenant's time zone), inclusive. */
  from: string;
  /** Last local day of the period, inclusive. */
  to: string;
  /** Default TENANT (one row). */
  groupBy?: KpiGroupBy;
  /** Count reports of private categories too (internal dashboards). Default false. */
  includePrivate?: boolean;
  /**
   * After a merge of tenants (docs/tenant-merge.md): only the reports moved
   * from this former tenant (its id), or with `null` (or this tenant's own
   * id) only the reports submitted to this tenant itself. Default: all of the
   * tenant's reports. Any other id: VALIDATION on `formerTenantId`.
   */
  formerTenantId?: string | null;
}

/**
 * Figures for the reports submitted in the period, in their state at
 * `ctx.now()`. Every figure is defined in docs/kpis.md:
 * received = resolvedOnTime + resolvedLate + notFixed + rejected + openWithinDeadline + openOverdue.
 */
export interface KpiRow extends ReportFigures {
  /**
   * The group's key: unit/category id, area code, channel, period (`2023-09-28`, `2023-W39`, `2023-09`, `2023-Q3`, `2023`),
   * the tenant id, or (FORMER_TENANT) the id of the tenant the reports were submitted to: a former tenant's, or this tenant's own.
   */
  key: string;
  /** The unit's, category's, area's, channel's or (FORMER_TENANT) tenant's name in Vietnamese; null for periods and the tenant. */
  label: string | null;
  /** The same in English (the unit's or category's `nameEn`, the area's English name); null when there is none. */
  labelEn: string | null;
  /** For AREA rows: the commune or ward named by the key (null for reports without an area, or an unknown code). */
  area: AreaName | null;
  /** resolvedOnTime + resolvedLate ("closed – not fixed" is never resolved). */
  resolved: number;
  /** Same as `resolvedOnTime` (kept for existing callers). */
  onTime: number;
  /** Same as `resolvedLate`: answered after the deadline (kept for existing callers). */
  overdue: number;
  /** Same as `openWithinDeadline` (đang xử lý): open and not yet overdue. */
  inProgress: number;
  /** openWithinDeadline + openOverdue: not answered yet, not rejected. */
  open: number;
}

/** Checks the query; VALIDATION (nothing read) for a malformed or impossible day, a reversed range or an unknown grouping. */
function checkQuery(query: KpiQuery, timezone: string): { start: Date; end: Date; groupBy: KpiGroupBy } {
  const issues: FieldIssueInput[] = [];
  periodDayIssues(query, issues);
  if (query.formerTenantId != null && !isUuid(query.formerTenantId)) issues.push({ path: 'formerTenantId', message: 'must be a tenant id (UUID)' });
  const groupBy = query.groupBy ?? KpiGroupBy.TENANT;
  if (!KPI_GROUP_BYS.includes(groupBy)) issues.push({ path: 'groupBy', message: `must be one of ${KPI_GROUP_BYS.join(', ')}` });
  if (issues.length) throw validationError(issues);
  return { ...periodInstants(query, timezone), groupBy };
}


/**
 * Whether the report's timeline has a step of this type: one probe of the
 * (tenant, report, type) index (migration 0015), which also serves the
 * tenant condition row-level security adds. Faster on both PostgreSQL and
 * PGlite than one aggregate per report, with or without table statistics.
 */
const stepTaken = (type: 'CLASSIFY' | 'RETURN' | 'REOPEN'): Prisma.Sql =>
  Prisma.sql`EXISTS (SELECT 1 FROM report_events ev WHERE ev.tenant_id = r.tenant_id AND ev.report_id = r.id AND ev.type = ${type})`;

interface RawRow {
  submitted_at: Date;
  status: ReportStatus;
  resolved_at: Date | null;
  resolved_on_time: boolean | null;
  resolution_outcome: ResolutionOutcome | null;
  due_at: Date | null;
  answer_due_at: Date | null;
  updated_at: Date;
  rating: number | null;
  classified: boolean;
  returned: boolean;
  reopened: boolean;
  unit_id: string | null;
  unit_name: string | null;
  unit_name_en: string | null;
  category_id: string | null;
  category_name: string | null;
  category_name_en: string | null;
  area_code: string | null;
  channel: Channel;
  former_tenant_id: string | null;
}

interface Group {
  key: string;
  label: string | null;
  labelEn: string | null;
  area: AreaName | null;
  facts: ReportKpiFacts[];
}

/** Names of the tenants reports were submitted to: this one and those merged into it (FORMER_TENANT rows). */
type TenantNames = ReadonlyMap<string, { name: string; nameEn: string }>;

function groupOf(row: RawRow, groupBy: KpiGroupBy, tenantId: string, timezone: string, tenants: TenantNames): Omit<Group, 'facts'> {
  const none = { label: null, labelEn: null, area: null };
  switch (groupBy) {
    case 'FORMER_TENANT': {
      const key = row.former_tenant_id ?? tenantId;
      const names = tenants.get(key);
      return { key, label: names?.name ?? null, labelEn: names?.nameEn ?? null, area: null };
    }
    case 'UNIT':
      return { key: row.unit_id ?? '', label: row.unit_name, labelEn: row.unit_name_en, area: null };
    case 'CATEGORY':
      return { key: row.category_id ?? '', label: row.category_name, labelEn: row.category_name_en, area: null };
    case 'AREA': {
      const area = row.area_code ? areaName(row.area_code) : null;
      return { key: row.area_code ?? '', label: area?.name ?? null, labelEn: area?.nameEn ?? null, area };
    }
    case 'CHANNEL': {
      const [label, labelEn] = CHANNEL_LABELS[row.channel];
      return { key: row.channel, label, labelEn, area: null };
    }
    case 'TENANT':
      return { key: tenantId, ...none };
    default:
      return { key: periodKey(groupBy, row.submitted_at, timezone), ...none };
  }
}

async function tenantNames(ctx: CoreContext, tenant: TenantRecord): Promise<TenantNames> {
  const all = [tenant, ...(await formerTenantsOf(ctx, tenant.id))];
  return new Map(all.map((t) => [t.id, { name: t.name, nameEn: t.nameEn }]));
}

/**
 * Report KPIs of one tenant for a period (the reports submitted from `from`
 * to `to`, local days), overall or per unit (the unit holding the report
 * now), category, area, channel, day, ISO week, month, quarter, year or
 * tenant submitted to (after a merge); rows in key order. Handling times are
 * in working hours of the tenant's calendar. Read from the KPI rollups
 * (migration 0018, kpi-rollups.ts); the figures per former tenant (its
 * filter or grouping) are recomputed from the reports. `reportKpisMany` of
 * this query alone.
 */
export async function reportKpis(ctx: CoreContext, tenantId: string, query: KpiQuery): Promise<KpiRow[]> {
  const [answer] = await reportKpisMany(ctx, tenantId, [query]);
  if (answer instanceof Error) throw answer;
  return answer!;
}

/**
 * Several KPI reads of one tenant at once, each answered as `reportKpis`
 * answers it alone (a page's reads: the `kpis` fields of one GraphQL
 * request): one tenant look-up, then each query read from the rollups in
 * its own tenant transaction (one statement), all at once. In the order of
 * `queries`, each query's rows, or its own refusal (a `DomainError`:
 * VALIDATION for a bad day, range, grouping or former tenant) without
 * failing the others. Queries per former tenant (its filter or grouping)
 * are recomputed, each in its own transaction. A failure of the database
 * rejects the whole call.
 */
export async function reportKpisMany(ctx: CoreContext, tenantId: string, queries: readonly KpiQuery[]): Promise<Array<KpiRow[] | DomainError>> {
  const tenant = await findTenantById(ctx, tenantId);
  const answers: Array<KpiRow[] | DomainError> = [];
  const fromRollups: { index: number; query: RollupQuery }[] = [];
  const recomputed: Array<() => Promise<void>> = [];
  for (const [index, query] of queries.entries()) {
    try {
      const { start, end, groupBy } = checkQuery(query, tenant.timezone);
      const formerTenantId = await checkFormerTenantFilter(ctx, tenant, query.formerTenantId, 'formerTenantId');
      if (formerTenantId !== undefined || groupBy === KpiGroupBy.FORMER_TENANT) {
        recomputed.push(async () => void (answers[index] = await recompute(ctx, tenant, query, { start, end, groupBy }, formerTenantId)));
      } else {
        fromRollups.push({ index, query: { from: query.from, to: query.to, start, end, groupBy, includePrivate: query.includePrivate ?? false } });
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
      answers[index] = error;
    }
  }
  // Each rollup read in its own transaction, side by side on the pool: one
  // statement for them all ran its parts one after another, 1.6 × slower for
  // one page at a million reports on a quiet machine and no faster for eight
  // pages at once (docs/performance.md, "A page's KPI reads"). The open
  // reports of a period several reads share are counted once for them all.
  const [rows] = await Promise.all([
    kpisFromRollupsMany(ctx, tenant, fromRollups.map((r) => r.query)),
    ...recomputed.map((read) => read()),
  ]);
  for (const [i, { index }] of fromRollups.entries()) answers[index] = rows[i]!;
  return answers;
}

/**
 * The same rows recomputed from every report of the period and its
 * timeline, without the rollups: the definition the rollups are checked
 * against (kpi-rollups test).
 */
export async function recomputeReportKpis(ctx: CoreContext, tenantId: string, query: KpiQuery): Promise<KpiRow[]> {
  const tenant = await findTenantById(ctx, tenantId);
  const checked = checkQuery(query, tenant.timezone);
  return recompute(ctx, tenant, query, checked, await checkFormerTenantFilter(ctx, tenant, query.formerTenantId, 'formerTenantId'));
}

async function recompute(
  ctx: CoreContext,
  tenant: TenantRecord,
  query: KpiQuery,
  { start, end, groupBy }: { start: Date; end: Date; groupBy: KpiGroupBy },
  formerTenantId: string | null | undefined,
): Promise<KpiRow[]> {
  const tenantId = tenant.id;
  const tenants = groupBy === KpiGroupBy.FORMER_TENANT ? await tenantNames(ctx, tenant) : new Map();
  const now = ctx.now();
  const former = formerTenantCondition(formerTenantId);
  const privacy = query.includePrivate ? Prisma.empty : Prisma.sql`AND r.visibility = 'PUBLIC' AND (c.id IS NULL OR c.is_public)`;
  const { rows, calendar } = await withTenant(ctx.db, tenantId, async (tx) => {
    const rows = await tx.$queryRaw<RawRow[]>`
      SELECT r.submitted_at, r.status::text AS status, r.resolved_at, r.resolved_on_time, r.resolution_outcome::text AS resolution_outcome,
             r.due_at, r.answer_due_at, r.updated_at, r.rating, r.unit_id::text AS unit_id, u.name AS unit_name, u.name_en AS unit_name_en,
             r.category_id::text AS category_id, c.name AS category_name, c.name_en AS category_name_en, r.area_code, r.channel::text AS channel,
             r.former_tenant_id::text AS former_tenant_id,
             ${stepTaken('CLASSIFY')} AS classified, ${stepTaken('RETURN')} AS returned, ${stepTaken('REOPEN')} AS reopened
        FROM reports r
        LEFT JOIN units u ON u.id = r.unit_id
        LEFT JOIN categories c ON c.id = r.category_id
       WHERE r.tenant_id = ${tenantId}::uuid
         AND r.submitted_at >= ${start} AND r.submitted_at < ${end}
         ${privacy}
         ${former}`;
    // Handling times need the calendar of the years the answered reports span.
    let first: Date | null = null;
    let last: Date | null = null;
    for (const r of rows) {
      if (r.resolved_at === null) continue;
      if (first === null || r.submitted_at < first) first = r.submitted_at;
      if (last === null || r.resolved_at > last) last = r.resolved_at;
    }
    const calendar = await loadTenantCalendar(tx, tenant, calendarYears(first && last ? yearsAround(first, last) : yearsAround(start)));
    return { rows, calendar };
  });

  const groups = new Map<string, Group>();
  for (const row of rows) {
    const g = groupOf(row, groupBy, tenant.id, tenant.timezone, tenants);
    let group = groups.get(g.key);
    if (!group) groups.set(g.key, (group = { ...g, facts: [] }));
    group.facts.push({
      submittedAt: row.submitted_at,
      status: row.status,
      resolvedAt: row.resolved_at,
      resolvedOnTime: row.resolved_on_time,
      resolutionOutcome: row.resolution_outcome,
      dueAt: row.due_at,
      answerDueAt: row.answer_due_at,
      updatedAt: row.updated_at,
      rating: row.rating,
      classified: row.classified,
      returned: row.returned,
      reopened: row.reopened,
    });
  }
  const ordered = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ordered.map(({ facts, ...g }) => {
    const f = reportFigures(facts, now, calendar);
    return {
      ...g,
      ...f,
      resolved: f.resolvedOnTime + f.resolvedLate,
      onTime: f.resolvedOnTime,
      overdue: f.resolvedLate,
      inProgress: f.openWithinDeadline,
      open: f.openWithinDeadline + f.openOverdue,
    };
  });
}
