import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { loadTimeline } from './report-event-rows.js';
import { secretMatches } from './report-secret.js';
import type { ReportEventRecord } from './report-event.js';
import { hopUnitId, publicTimeline, type NamedRef, type PublicTimelineEntry } from './report-views.js';
import { normalizeTrackingCode } from './tracking-code.js';
import { reportNotFound } from './transition-report.js';

// The citizen's live view of their report (GraphQL `reportStatus`): the
// timeline exactly as the tracker shows it to the holder of the secret
// (`trackReport`'s CITIZEN view: the notes meant for the citizen, the hop
// units, never a staff reason or the reporter's contact), read with fewer
// statements than the whole tracker, since a live stream needs only the steps.

/** A report's timeline as the citizen holding its secret sees it. */
export interface CitizenTimeline {
  reportId: string;
  trackingCode: string;
  timeline: PublicTimelineEntry[];
}

/** The units the timeline's hops name, by id (the tracker reads them in its one statement; a stream reads only these). */
async function hopUnits(tx: TenantTx, timeline: readonly ReportEventRecord[]): Promise<Map<string, NamedRef>> {
  const unitIds = [...new Set(timeline.flatMap((e) => hopUnitId(e) ?? []))];
  const units = unitIds.length > 0 ? await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true, name: true, nameEn: true } }) : [];
  return new Map(units.map((u) => [u.id, u]));
}

async function citizenSteps(tx: TenantTx, reportId: string): Promise<PublicTimelineEntry[]> {
  const events = await loadTimeline(tx, reportId);
  return publicTimeline(events, 'CITIZEN', await hopUnits(tx, events));
}

/**
 * Checks the secret of a report and reads its citizen timeline, in one
 * snapshot. The same refusals as `trackReport` with a secret: NOT_FOUND for
 * an unknown code (or one of another tenant), FORBIDDEN for a wrong secret.
 */
export async function followReportAsCitizen(ctx: CoreContext, tenantId: string, trackingCode: string, secret: string): Promise<CitizenTimeline> {
  const code = normalizeTrackingCode(trackingCode);
  if (!code) throw reportNotFound();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.report.findUnique({ where: { trackingCode: code }, select: { id: true, trackingCode: true, secretHash: true } });
    if (!row) throw reportNotFound();
    if (!secretMatches(secret, row.secretHash)) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Wrong tracking code or secret');
    return { reportId: row.id, trackingCode: row.trackingCode, timeline: await citizenSteps(tx, row.id) };
  }, { snapshot: true });
}

/**
 * One step of a report's timeline as the citizen sees it, or null when the
 * tenant has no such report or step. No secret: the caller has checked it
 * (`followReportAsCitizen`) for this tenant and report.
 */
export async function citizenTimelineStep(ctx: CoreContext, tenantId: string, reportId: string, seq: number): Promise<PublicTimelineEntry | null> {
  return withTenant(ctx.db, tenantId, async (tx) => (await citizenSteps(tx, reportId)).find((e) => e.seq === seq) ?? null);
}
