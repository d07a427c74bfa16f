import type { Actor } from '../auth/actor.js';
import { canReadReport } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, withTenantSql } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { isUuid } from '../ids.js';
import { findTenantById, type TenantRecord } from '../tenants/tenant-directory.js';
import { Prisma } from '../generated/prisma/client.js';
import { answerViews } from './report-answers.js';
import type { ReportEventRecord } from './report-event.js';
import { slaFrom } from './report-sla.js';
import { hashesMatch, secretHashes } from './report-secret.js';
import type { ReportStatus } from './report-status.js';
import { UNLISTED_STATUSES } from './status-traits.js';
import { baseView, hasPublicContent, withRefs } from './report-row-view.js';
import { readReportWithTimeline, type ReportWithTimeline } from './report-rows.js';
import { publicTimeline, type CitizenReportView, type PublicReportView, type StaffReportView } from './report-views.js';
import { normalizeTrackingCode } from './tracking-code.js';
import { reportNotFound } from './transition-report.js';
import { heldBelowUnit } from './unit-queue.js';

/** Everything but the reporter's contact, which staff open with `readReporterContact` (audited). */
function fullView(ctx: CoreContext, tenant: TenantRecord, { row, timeline, units, sla: policyAndDays }: ReportWithTimeline): StaffReportView {
  const sla = slaFrom(policyAndDays, tenant, timeline, ctx.now());
  return {
    ...baseView(row, true, true),
    timeline,
    sla,
    answers: answerViews(timeline, units),
    ratingComment: row.ratingComment,
  };
}

/** A report as staff see it, if the actor may read it. */
export async function getReportForStaff(ctx: CoreContext, tenantId: string, actor: Actor, reportId: string): Promise<StaffReportView> {
  if (!isUuid(reportId)) throw reportNotFound();
  // Read outside the transaction: PGlite has one connection, so a query
  // beside an open transaction would wait for it forever.
  const tenant = await findTenantById(ctx, tenantId);
  // One statement on the driver (one round trip, one snapshot: the row and its timeline agree), as the tracker.
  const found = await withTenantSql(ctx.db, tenantId, (sql) => readReportWithTimeline(sql, tenantId, Prisma.sql`r.id = ${reportId}::uuid`), { oneStatement: true });
  if (!found) throw reportNotFound();
  const { row } = found;
  // Only a unit the report was forwarded down from needs the hierarchy read (its own transaction).
  if (!canReadReport(actor, row) && !(await withTenant(ctx.db, tenantId, (tx) => heldBelowUnit(tx, actor, row.unitId)))) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, 'Not allowed to read this report');
  }
  return fullView(ctx, tenant, found);
}

export type TrackedReport =
  | { access: 'CITIZEN'; report: CitizenReportView }
  | { access: 'PUBLIC'; report: PublicReportView };

/**
 * The tracker: by tracking code alone, the public view (a report whose
 * content is not public, private or rejected, shows only its progress:
 * statuses and dates); with the right secret, the citizen's full view
 * (without internal reasons' authors, with their own contact).
 */
export async function trackReport(ctx: CoreContext, tenantOrId: string | TenantRecord, trackingCode: string, secret?: string): Promise<TrackedReport> {
  const code = normalizeTrackingCode(trackingCode);
  if (!code) throw reportNotFound();
  // The caller's tenant record when it has one (the GraphQL context's), else read here.
  const tenant = typeof tenantOrId === 'string' ? await findTenantById(ctx, tenantOrId) : tenantOrId;
  // One statement (`readReportWithTimeline`), so one snapshot: the row and the
  // timeline agree even when a step commits meanwhile (else the tracker would
  // see the new step beside the old status, take the step for seen, and drop
  // its live update). The contact joins it only when the secret's hash is the
  // report's; the access decision is `hashesMatch` (`secretMatches` on the
  // same hashes), in constant time.
  const hashes = secret === undefined ? [] : secretHashes(secret);
  const found = await withTenantSql(ctx.db, tenant.id, (sql) => readReportWithTimeline(sql, tenant.id, Prisma.sql`r.tracking_code = ${code}`, hashes), { oneStatement: true });
  if (!found) throw reportNotFound();
  const { row, timeline, units } = found;
  if (secret !== undefined && hashesMatch(hashes, row.secretHash)) {
    const view = fullView(ctx, tenant, found);
    return { access: 'CITIZEN', report: { ...view, timeline: publicTimeline(timeline, 'CITIZEN', units), contact: found.contact } };
  }
  if (secret !== undefined) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Wrong tracking code or secret');
  // One rule for every public view: content only when `hasPublicContent`; else progress only.
  const showContent = hasPublicContent(row);
  const events: readonly ReportEventRecord[] = timeline;
  return { access: 'PUBLIC', report: { ...baseView(row, showContent), timeline: showContent ? publicTimeline(events, 'PUBLIC', units) : publicTimeline(events, 'PROGRESS_ONLY') } };
}

export interface PublicReportFilter {
  status?: ReportStatus[];
  categoryId?: string;
  unitId?: string;
  /** Newest first; at most 100 a page. */
  first?: number;
  /** Submitted strictly before this instant (keyset paging). */
  before?: Date;
}

/** Public list of classified public reports of public categories, newest first. */
export async function listPublicReports(ctx: CoreContext, tenantId: string, filter: PublicReportFilter = {}): Promise<PublicReportView[]> {
  const take = Math.min(Math.max(filter.first ?? 20, 1), 100);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const rows = await tx.report.findMany({
      where: {
        visibility: 'PUBLIC',
        status: { notIn: [...UNLISTED_STATUSES], ...(filter.status ? { in: filter.status } : {}) },
        // Moderation first, as in `listReports`: classified into a public category.
        category: { isPublic: true },
        ...(filter.categoryId && isUuid(filter.categoryId) ? { categoryId: filter.categoryId } : {}),
        ...(filter.unitId && isUuid(filter.unitId) ? { unitId: filter.unitId } : {}),
        ...(filter.before ? { submittedAt: { lt: filter.before } } : {}),
      },
      include: withRefs,
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      take,
    });
    return rows.map((row) => ({ ...baseView(row, hasPublicContent(row)), timeline: [] }));
  });
}
