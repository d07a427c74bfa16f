import { actorId, checkExportRequest, checkFormerTenantFilter, EXPORT_FORMATS, EXPORT_KINDS, type ExportFilters } from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff } from '../context.js';
import { callCore, ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { exportServiceOf, type ExportService } from '../exports/attach-exports.js';
import type { ExportJobRecord } from '../exports/export-store.js';
import { STAFF_ONLY } from './admin-shared.js';
import { KpiGroupByEnum, ReportStatusEnum } from './enums.js';
import { DateTime } from './scalars.js';
import { changesNothingPublic } from '../cache/public-facets.js';

// Background CSV / Excel exports (src/exports, docs/exports.md): a staff
// member with KPI access queues one, is told in their inbox when it is
// ready, and downloads it through a signed link only they are handed.

const ExportKindEnum = builder.enumType('ExportKind', {
  description: 'REPORTS: the report list with its SLA fields (never the reporter’s contact). KPIS: a KPI table (`groupBy`).',
  values: EXPORT_KINDS,
});
const ExportFormatEnum = builder.enumType('ExportFormat', { description: 'CSV (UTF-8 with a BOM) or XLSX (Excel).', values: EXPORT_FORMATS });
const ExportStatusEnum = builder.enumType('ExportStatus', { values: ['QUEUED', 'RUNNING', 'READY', 'FAILED'] as const });

const ExportFilterInput = builder.inputType('ExportFilter', {
  description: 'Reports submitted in the period (local days of the tenant); a unit’s staff always export their own unit.',
  fields: (t) => ({
    from: t.string({ required: true, description: 'First local day, YYYY-MM-DD, inclusive.' }),
    to: t.string({ required: true, description: 'Last local day, YYYY-MM-DD, inclusive.' }),
    status: t.field({ type: ReportStatusEnum, description: 'REPORTS: only reports now in this status.' }),
    unitId: t.id({ description: 'REPORTS: only reports held by this unit.' }),
    categoryId: t.id({ description: 'REPORTS: only reports of this category.' }),
    groupBy: t.field({ type: KpiGroupByEnum, description: 'KPIS: the table’s rows. Default TENANT.' }),
    formerTenantId: t.id({ description: 'After a merge: only the reports submitted to this tenant, a tenant merged into this one or this tenant itself (as `kpis`).' }),
  }),
});

interface ExportJobView { job: ExportJobRecord; service: ExportService; tenantSlug: string }

const ExportJob = builder.objectRef<ExportJobView>('ExportJob').implement({
  description: 'A background export asked for by the signed-in staff member.',
  fields: (t) => ({
    id: t.id({ resolve: (v) => v.job.id }),
    kind: t.field({ type: ExportKindEnum, resolve: (v) => v.job.kind }),
    format: t.field({ type: ExportFormatEnum, resolve: (v) => v.job.format }),
    status: t.field({ type: ExportStatusEnum, resolve: (v) => v.job.status }),
    rowCount: t.int({ nullable: true, description: 'Data rows written, once READY.', resolve: (v) => v.job.rowCount }),
    createdAt: t.field({ type: DateTime, resolve: (v) => new Date(v.job.createdAt) }),
    finishedAt: t.field({ type: DateTime, nullable: true, resolve: (v) => (v.job.finishedAt ? new Date(v.job.finishedAt) : null) }),
    expiresAt: t.field({
      type: DateTime,
      nullable: true,
      description: 'Once READY: when its link stops working and the file is deleted (24 hours after it was written).',
      resolve: (v) => (v.job.expiresAt ? new Date(v.job.expiresAt) : null),
    }),
    downloadUrl: t.string({
      nullable: true,
      description: 'Once READY: a path (relative to the API) signed until the file expires, 24 hours after it was written (then the file is deleted, and `exportJob` answers null). No token needed to open it.',
      resolve: (v) => (v.job.status === 'READY' ? v.service.downloadUrl(v.job, v.tenantSlug) : null),
    }),
  }),
});

function serviceOf(core: Parameters<typeof exportServiceOf>[0]): ExportService {
  const service = exportServiceOf(core);
  if (!service) throw new Error('Exports are not attached to this app');
  return service;
}

builder.mutationField('requestExport', (t) =>
  t.field({
    type: ExportJob,
    description: 'Queues a CSV or Excel export (staff with KPI access). The requester is told in their inbox (EXPORT_READY) when it is ready; `exportJob` then gives its link.',
    extensions: { ...STAFF_ONLY, ...changesNothingPublic },
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      kind: t.arg({ type: ExportKindEnum, required: true }),
      format: t.arg({ type: ExportFormatEnum, required: true }),
      filter: t.arg({ type: ExportFilterInput, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const actor = requireStaff(ctx);
      const service = serviceOf(ctx.core);
      const filters: ExportFilters = Object.fromEntries(Object.entries(args.filter).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, String(v)]));
      const checked = await callCore(async () => {
        const request = checkExportRequest(actor, args.kind, args.format, filters);
        // Checked against the directory now, so that a wrong tenant is refused here rather than failing the job.
        await checkFormerTenantFilter(ctx.core, ctx.tenant, request.filters.formerTenantId ?? undefined, 'filters.formerTenantId');
        return request;
      });
      const job = await service.queue.request({ tenantId: ctx.tenant.id, requestedBy: actorId(actor)!, ...checked });
      return { job, service, tenantSlug: ctx.tenant.slug };
    },
  }),
);

builder.queryField('exportJob', (t) =>
  t.field({
    type: ExportJob,
    nullable: true,
    description: 'One of the signed-in staff member’s own exports; null for an unknown id or someone else’s.',
    extensions: STAFF_ONLY,
    errors: { types: [ForbiddenError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = requireStaff(ctx);
      const service = serviceOf(ctx.core);
      const job = await service.store.find(ctx.tenant.id, String(args.id));
      if (!job || job.requestedBy === null || job.requestedBy !== actorId(actor)) return null;
      return { job, service, tenantSlug: ctx.tenant.slug };
    },
  }),
);
