import type { Actor } from '../auth/actor.js';
import { Permission, rankingScope } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError, type FieldIssueInput } from '../errors.js';
import { isUuid } from '../ids.js';
import type { ReportEventData } from '../reports/report-event.js';
import { policyFor } from '../reports/report-sla.js';
import type { SlaPolicyRule } from '../sla/sla-types.js';
import { loadTenantCalendar, yearsAround } from '../tenants/tenant-calendar.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { periodDayIssues, periodInstants } from './kpi-period.js';
import { DEFAULT_MIN_RANKED_REPORTS, leagueTable, type LeagueTable, type StagedReport } from './league-table.js';
import { reportStages, type HolderStage } from './report-stages.js';

export interface LeagueQuery {
  /** First local day of the period, `YYYY-MM-DD` (tenant's time zone), inclusive: reports submitted in the period. */
  from: string;
  /** Last local day, inclusive. */
  to: string;
  /** Reports a unit must have handled in the period to be ranked. Default `DEFAULT_MIN_RANKED_REPORTS` (10); 1–100 000. */
  minReports?: number;
}

export interface ReportStagesView {
  reportId: string;
  trackingCode: string;
  stages: HolderStage[];
}

const MAX_MIN_REPORTS = 100_000;

/**
 * What `actor` may read of stages and rankings, as its permissions say
 * (`rankingScope`): all of it, or the units of its own subtree (its unit and
 * the units below it). Anyone else: FORBIDDEN, nothing read.
 */
async function scopeOf(tx: TenantTx, actor: Actor): Promise<{ units: Set<string> | null; names: { id: string; name: string; nameEn: string | null }[] }> {
  const scope = rankingScope(actor);
  if (!scope) throw new DomainError(DomainErrorCode.FORBIDDEN, `Role ${actor.role} may not read rankings`, { action: Permission.KPI_RANKINGS_READ });
  const units = await tx.unit.findMany({ select: { id: true, parentId: true, name: true, nameEn: true } });
  if (scope.kind === 'TENANT') return { units: null, names: units };
  const subtree = new Set([scope.unitId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId && subtree.has(u.parentId) && !subtree.has(u.id)) {
        subtree.add(u.id);
        grew = true;
      }
    }
  }
  return { units: subtree, names: units };
}

function period(query: LeagueQuery, timezone: string): { start: Date; end: Date } {
  const issues: FieldIssueInput[] = [];
  periodDayIssues(query, issues);
  const min = query.minReports;
  if (min !== undefined && (!Number.isInteger(min) || min < 1 || min > MAX_MIN_REPORTS)) issues.push({ path: 'minReports', message: `must be a whole number from 1 to ${MAX_MIN_REPORTS}` });
  if (issues.length) throw validationError(issues);
  return periodInstants(query, timezone);
}

interface EventRow {
  reportId: string;
  type: string;
  at: Date;
  data: unknown;
}

/** The stored JSON payload of an event (an object, or nothing). */
const eventData = (v: unknown): ReportEventData => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** Builds the stages of the given reports, reading their policies once each. */
async function stagesOf(
  tx: TenantTx,
  tenant: Parameters<typeof loadTenantCalendar>[1],
  reports: { id: string; categoryId: string | null; submittedAt: Date }[],
  events: EventRow[],
  now: Date,
): Promise<StagedReport[]> {
  if (reports.length === 0) return [];
  const earliest = reports.reduce((d, r) => (r.submittedAt < d ? r.submittedAt : d), now);
  const calendar = await loadTenantCalendar(tx, tenant, yearsAround(earliest, now));
  const policies = new Map<string | null, SlaPolicyRule | null>();
  const byReport = new Map<string, EventRow[]>();
  for (const e of events) {
    const list = byReport.get(e.reportId);
    if (list) list.push(e);
    else byReport.set(e.reportId, [e]);
  }
  const out: StagedReport[] = [];
  for (const r of reports) {
    if (!policies.has(r.categoryId)) policies.set(r.categoryId, await policyFor(tx, r.categoryId));
    const policy = policies.get(r.categoryId);
    if (!policy) continue;
    const timeline = (byReport.get(r.id) ?? []).map((e) => ({ type: e.type, at: e.at, data: eventData(e.data) }));
    out.push({ reportId: r.id, stages: reportStages(timeline, calendar, policy, now) });
  }
  return out;
}

/**
 * League table of the tenant's units for reports submitted in a period
 * (private categories included: staff only), each stage credited to its
 * holder (report-stages.ts). A unit leader sees its subtree only, without
 * the IOC's row.
 */
export async function unitLeagueTable(ctx: CoreContext, tenantId: string, actor: Actor, query: LeagueQuery): Promise<LeagueTable> {
  const tenant = await findTenantById(ctx, tenantId);
  const { start, end } = period(query, tenant.timezone);
  const now = ctx.now();
  return withTenant(
    ctx.db,
    tenantId,
    async (tx) => {
      const scope = await scopeOf(tx, actor);
      const where = { tenantId, submittedAt: { gte: start, lt: end } };
      const reports = await tx.report.findMany({ where, select: { id: true, categoryId: true, submittedAt: true } });
      const events = await tx.reportEvent.findMany({
        where: { tenantId, report: where },
        select: { reportId: true, type: true, at: true, data: true },
        orderBy: [{ reportId: 'asc' }, { seq: 'asc' }],
      });
      const staged = await stagesOf(tx, tenant, reports, events, now);
      return leagueTable(staged, scope.names, { minReports: query.minReports ?? DEFAULT_MIN_RANKED_REPORTS, units: scope.units });
    },
    { snapshot: true },
  );
}

/**
 * The stages of one report. NOT_FOUND for an unknown id (another tenant's
 * included); a unit leader only the stages its subtree held (FORBIDDEN when
 * it held none).
 */
export async function reportStagesOf(ctx: CoreContext, tenantId: string, actor: Actor, reportId: string): Promise<ReportStagesView> {
  const tenant = await findTenantById(ctx, tenantId);
  const now = ctx.now();
  return withTenant(
    ctx.db,
    tenantId,
    async (tx) => {
      const scope = await scopeOf(tx, actor);
      const report = isUuid(reportId)
        ? await tx.report.findFirst({ where: { id: reportId, tenantId }, select: { id: true, categoryId: true, submittedAt: true, trackingCode: true } })
        : null;
      if (!report) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such report');
      const events = await tx.reportEvent.findMany({ where: { reportId }, select: { reportId: true, type: true, at: true, data: true }, orderBy: { seq: 'asc' } });
      const [staged] = await stagesOf(tx, tenant, [report], events, now);
      const all = staged?.stages ?? [];
      const units = scope.units;
      const stages = all.filter((s) => !units || (s.unitId !== null && units.has(s.unitId)));
      if (units && stages.length === 0) {
        throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only a unit that held the report may read its stages', { action: Permission.KPI_RANKINGS_READ_OWN_UNITS });
      }
      return { reportId: report.id, trackingCode: report.trackingCode, stages };
    },
    { snapshot: true },
  );
}
