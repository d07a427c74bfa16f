import type { TenantTx } from '../db/with-tenant.js';
import type { ReportEventData, ReportEventRecord } from './report-event.js';
import type { ReportEventType } from './report-status.js';

/** Reads a report's timeline in order. */
export async function loadTimeline(tx: TenantTx, reportId: string): Promise<ReportEventRecord[]> {
  const rows = await tx.reportEvent.findMany({ where: { reportId }, orderBy: { seq: 'asc' } });
  return rows.map((r) => ({
    seq: r.seq,
    type: r.type as ReportEventType,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    actorId: r.actorId,
    actorRole: r.actorRole,
    at: r.at,
    reason: r.reason,
    data: (r.data ?? {}) as ReportEventData,
  }));
}
