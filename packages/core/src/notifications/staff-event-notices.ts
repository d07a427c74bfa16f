import type { TenantTx } from '../db/with-tenant.js';
import type { ReportEventRecord } from '../reports/report-event.js';
import type { ReportEventType } from '../reports/report-status.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { notifyStaff, StaffNoticeKind, type StaffNotice, type StaffNotificationRecord } from './staff-notices.js';

/**
 * The report events staff are told of, and of which kind. Whose unit a
 * notice names: the unit the report is assigned to (ASSIGN), or the unit
 * that held it before the event (the unit returning it, or the unit the
 * citizen answers or reopens for).
 */
export const staffEventNotices: Readonly<Partial<Record<ReportEventType, { kind: StaffNoticeKind; unit: 'ASSIGNED' | 'HOLDING' | 'NONE' }>>> = {
  SUBMIT: { kind: StaffNoticeKind.NEW_REPORT, unit: 'NONE' },
  ASSIGN: { kind: StaffNoticeKind.NEW_WORK, unit: 'ASSIGNED' },
  RETURN: { kind: StaffNoticeKind.RETURNED, unit: 'HOLDING' },
  REOPEN: { kind: StaffNoticeKind.REOPENED, unit: 'HOLDING' },
  PROVIDE_INFO: { kind: StaffNoticeKind.CITIZEN_REPLIED, unit: 'HOLDING' },
  // The unit queue: the sub-unit a report is forwarded to; the holding unit's leaders for its requests.
  FORWARD: { kind: StaffNoticeKind.NEW_WORK, unit: 'ASSIGNED' },
  REQUEST_EXTENSION: { kind: StaffNoticeKind.EXTENSION_REQUESTED, unit: 'HOLDING' },
  DRAFT_ANSWER: { kind: StaffNoticeKind.ANSWER_AWAITING_APPROVAL, unit: 'HOLDING' },
};

/** The staff notice of a report event, or null when it is not one staff are told of. The actor is not told of their own act. */
export function staffEventNotice(
  report: { id: string; trackingCode: string; unitId: string | null },
  event: Pick<ReportEventRecord, 'seq' | 'type' | 'actorId' | 'data'>,
): StaffNotice | null {
  // A sub-unit's return goes back to the unit that forwarded it (named on the step), not to the IOC.
  const rule = event.type === 'RETURN' && event.data.unitId ? { kind: StaffNoticeKind.RETURNED_BY_SUB_UNIT, unit: 'ASSIGNED' as const } : staffEventNotices[event.type];
  if (!rule) return null;
  const unitId = rule.unit === 'ASSIGNED' ? (event.data.unitId ?? null) : rule.unit === 'HOLDING' ? report.unitId : null;
  return {
    kind: rule.kind,
    reportId: report.id,
    unitId,
    dedupeKey: `report:${report.id}:event:${event.seq}`,
    data: { trackingCode: report.trackingCode, eventSeq: event.seq },
    exceptStaffUserId: event.actorId,
  };
}

/**
 * Tells staff of a report event (`staffEventNotice`), in the event's
 * transaction (nothing when the event is not one staff are told of).
 * Returns the inbox rows written, to deliver live after commit.
 */
export async function notifyStaffOfEvent(
  tx: TenantTx,
  tenant: TenantRecord,
  report: { id: string; trackingCode: string; unitId: string | null },
  event: Pick<ReportEventRecord, 'seq' | 'type' | 'actorId' | 'data'>,
  now: Date,
): Promise<StaffNotificationRecord[]> {
  const notice = staffEventNotice(report, event);
  return notice ? notifyStaff(tx, tenant, notice, now) : [];
}
