import { DateTime } from 'luxon';
import { DomainError, DomainErrorCode, validationError, type FieldIssueInput } from '../errors.js';
import { can, Permission } from '../auth/permissions.js';
import type { Actor } from '../auth/actor.js';
import { isUuid } from '../ids.js';
import { EARLIEST_SUPPORTED_INSTANT, LATEST_SUPPORTED_INSTANT } from '../calendar/supported-dates.js';
import { KpiGroupBy } from '../kpi/report-kpis.js';
import { ReportStatus } from '../reports/report-status.js';

/** What can be exported: the report list with its SLA fields, or a KPI table. */
export const ExportKind = { REPORTS: 'REPORTS', KPIS: 'KPIS' } as const;
export type ExportKind = (typeof ExportKind)[keyof typeof ExportKind];
export const EXPORT_KINDS = Object.values(ExportKind);

export const ExportFormat = { CSV: 'CSV', XLSX: 'XLSX' } as const;
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat];
export const EXPORT_FORMATS = Object.values(ExportFormat);

/** Filters of an export, as a client sends them (strings from a URL or GraphQL). */
export interface ExportFilters {
  /** First local day (tenant's time zone) of submission, `YYYY-MM-DD`, inclusive. Required. */
  from?: string;
  /** Last local day, inclusive. Required. */
  to?: string;
  /** REPORTS: only reports now in this status. */
  status?: string;
  /** REPORTS: only reports held by this unit (a unit's staff: their own unit, always). */
  unitId?: string;
  /** REPORTS: only reports of this category. */
  categoryId?: string;
  /** KPIS: the table's rows: TENANT (default), or a `KpiGroupBy` (unit, category, area, channel, period, tenant submitted to). */
  groupBy?: string;
  /** After a merge: only the reports submitted to this tenant, a former one (its id) or this one (its own id). Checked against the directory when the rows are read. */
  formerTenantId?: string;
}

/** Filters checked against the kind and the actor: what the export really reads. */
export interface CheckedExportFilters {
  from: string;
  to: string;
  status: ReportStatus | null;
  unitId: string | null;
  categoryId: string | null;
  groupBy: KpiGroupBy;
  /** Only the reports submitted to this tenant (a former one, or this one's own id); null or absent (jobs queued before the filter): all. */
  formerTenantId?: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EARLIEST_DAY = EARLIEST_SUPPORTED_INSTANT.toISOString().slice(0, 10);
const LATEST_DAY = LATEST_SUPPORTED_INSTANT.toISOString().slice(0, 10);
const KNOWN = new Set(['from', 'to', 'status', 'unitId', 'categoryId', 'groupBy', 'formerTenantId']);

/**
 * Checks an export request: staff with KPI access only; a unit's staff export
 * their own unit's reports (another unit: FORBIDDEN) and no per-unit KPI
 * table of other units; bad or unknown filters: VALIDATION with every issue.
 */
export function checkExportRequest(actor: Actor, kind: string, format: string, filters: ExportFilters): { kind: ExportKind; format: ExportFormat; filters: CheckedExportFilters } {
  if (!can(actor, Permission.KPI_READ) || actor.role === 'SYSTEM') {
    throw new DomainError(DomainErrorCode.FORBIDDEN, 'Only staff with KPI access may export', { action: Permission.KPI_READ });
  }
  const issues: FieldIssueInput[] = [];
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) issues.push({ path: 'kind', message: `must be one of ${EXPORT_KINDS.join(', ')}` });
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) issues.push({ path: 'format', message: `must be one of ${EXPORT_FORMATS.join(', ')}` });
  for (const key of Object.keys(filters)) if (!KNOWN.has(key)) issues.push({ path: `filters.${key}`, message: 'is not a known filter' });
  const text = (key: keyof ExportFilters): string | null => {
    const v = filters[key];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') { issues.push({ path: `filters.${key}`, message: 'must be a string' }); return null; }
    return v;
  };
  const from = text('from');
  const to = text('to');
  const day = (v: string | null): boolean => v !== null && DATE.test(v) && DateTime.fromISO(v, { zone: 'utc' }).isValid && v >= EARLIEST_DAY && v <= LATEST_DAY;
  if (!day(from)) issues.push({ path: 'filters.from', message: `must be a day YYYY-MM-DD from ${EARLIEST_DAY} to ${LATEST_DAY}` });
  if (!day(to)) issues.push({ path: 'filters.to', message: `must be a day YYYY-MM-DD from ${EARLIEST_DAY} to ${LATEST_DAY}` });
  if (day(from) && day(to) && to! < from!) issues.push({ path: 'filters.to', message: 'must not be before from' });
  const status = text('status');
  if (status && !Object.hasOwn(ReportStatus, status)) issues.push({ path: 'filters.status', message: 'is not a report status' });
  const unitId = text('unitId');
  if (unitId && !isUuid(unitId)) issues.push({ path: 'filters.unitId', message: 'must be a unit id' });
  const categoryId = text('categoryId');
  if (categoryId && !isUuid(categoryId)) issues.push({ path: 'filters.categoryId', message: 'must be a category id' });
  const formerTenantId = text('formerTenantId');
  if (formerTenantId && !isUuid(formerTenantId)) issues.push({ path: 'filters.formerTenantId', message: 'must be a tenant id' });
  const groupBy = text('groupBy') ?? 'TENANT';
  if (!Object.hasOwn(KpiGroupBy, groupBy)) issues.push({ path: 'filters.groupBy', message: `must be one of ${Object.values(KpiGroupBy).join(', ')}` });
  if (issues.length) throw validationError(issues);

  let ownUnit = unitId;
  if (actor.role === 'UNIT_OFFICER' || actor.role === 'UNIT_LEADER') {
    if (unitId && unitId !== actor.unitId) throw new DomainError(DomainErrorCode.FORBIDDEN, 'A unit exports its own reports only', { action: 'export' });
    if (kind === ExportKind.KPIS && groupBy === KpiGroupBy.UNIT) {
      throw new DomainError(DomainErrorCode.FORBIDDEN, 'A unit may not export other units’ figures', { action: 'export' });
    }
    ownUnit = actor.unitId;
  }
  return {
    kind: kind as ExportKind,
    format: format as ExportFormat,
    filters: { from: from!, to: to!, status: (status as ReportStatus | null) ?? null, unitId: ownUnit, categoryId, groupBy: groupBy as KpiGroupBy, formerTenantId },
  };
}
