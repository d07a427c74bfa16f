import type { Actor } from '../auth/actor.js';
import { actorId } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import type { SlaSnapshot } from '../sla/sla-types.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import type { ReportCommand } from './report-commands.js';
import type { ReportEventData, ReportEventRecord } from './report-event.js';
import { loadTimeline } from './report-event-rows.js';
import { projectReport, type ReportProjection } from './report-projection.js';
import { displayedDueAt, evaluateSla, resolvedOnTime } from './report-sla.js';
import { decideTransition, recordedEventType } from './report-transitions.js';
import { forwardTarget, linkAlreadyUsed } from './unit-queue.js';
import { isUuid } from '../ids.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { normalizeTrackingCode } from './tracking-code.js';
import { isUniqueViolation } from './submit-report.js';
import { addAttachments, parseAttachmentInputs, publishAttachments } from './report-attachments.js';
import { enqueueCitizenNotice } from '../notifications/notification-outbox.js';
import { enqueueSupporterNotices } from './supporter-notices.js';
import { notifyStaffOfEvent } from '../notifications/staff-event-notices.js';
import type { StaffNotificationRecord } from '../notifications/staff-notices.js';

export interface TransitionResult {
  event: ReportEventRecord;
  sla: SlaSnapshot | null;
  /** The staff inbox rows the step wrote (committed with it): deliver them live. */
  staffNotifications: StaffNotificationRecord[];
}

export const reportNotFound = (): DomainError => new DomainError(DomainErrorCode.NOT_FOUND, 'No such report');

/**
 * Applies one lifecycle command: checks who may do it and whether the state
 * allows it, appends the event, and refreshes the report's derived columns
 * from the whole timeline — all in one tenant transaction. Refusals throw a
 * DomainError and change nothing. Two concurrent commands on one report:
 * one wins, the other gets CONFLICT.
 */
export async function transitionReport(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  reportId: string,
  command: ReportCommand,
): Promise<TransitionResult> {
  if (!isUuid(reportId)) throw reportNotFound();
  const tenant = await findTenantById(ctx, tenantId);
  const now = ctx.now();
  return singleUseUploads(command, () => withTenant(ctx.db, tenantId, async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId } });
    if (!report) throw reportNotFound();
    const before = await loadTimeline(tx, reportId);
    const held = projectReport(before);
    const decision = decideTransition(
      {
        ...report,
        forwardedBy: held.forwarders.at(-1) ?? null,
        pendingExtension: held.pendingExtension !== null,
        pendingAnswer: held.pendingAnswer !== null,
        answerApproval: tenant.settings.workflow.answerApproval,
      },
      actor,
      command,
    );
    const attachments = command.type === 'RESOLVE' || command.type === 'DRAFT_ANSWER' ? parseAttachmentInputs(command.attachments, 'attachments') : [];
    const data = { ...(await eventData(tx, command, reportId, held)), ...('unitId' in actor ? { actorUnitId: actor.unitId } : {}) };
    if (actor.role === 'ANSWER_LINK') {
      if (linkAlreadyUsed(before, actor.linkId)) throw new DomainError(DomainErrorCode.ANSWER_LINK_REFUSED, 'Answer link refused: USED', { reason: 'USED' });
      data.linkId = actor.linkId;
    }
    const event: ReportEventRecord = {
      seq: report.version + 2,
      type: recordedEventType(command.type),
      fromStatus: decision.fromStatus,
      toStatus: decision.toStatus,
      actorId: actorId(actor),
      actorRole: actor.role,
      at: now,
      // An approved extension tells the citizen the officer's reason unless the leader gave one.
      // An approved "not fixed" answer keeps the draft's reason (why the unit cannot act) unless the leader gives one.
      reason: decision.reason ?? (command.type === 'APPROVE_EXTENSION' ? (held.pendingExtension?.reason ?? null) : null)
        ?? (command.type === 'APPROVE_ANSWER' && held.pendingAnswer?.outcome === 'NOT_FIXED' ? held.pendingAnswer.reason : null),
      data,
    };
    const timeline = [...before, event];
    const projection = projectReport(timeline);
    const sla = await evaluateSla(tx, tenant, projection.categoryId, timeline, now);
    const updated = await tx.report.updateMany({
      where: { id: reportId, version: report.version },
      data: {
        status: projection.status,
        categoryId: projection.categoryId,
        unitId: projection.unitId,
        visibility: projection.visibility ?? report.visibility,
        answer: projection.answer,
        rating: projection.rating,
        ratingComment: projection.ratingComment,
        resolvedAt: projection.resolvedAt,
        resolutionOutcome: projection.resolutionOutcome,
        closedAt: projection.closedAt,
        updatedAt: projection.updatedAt,
        version: projection.version,
        dueAt: displayedDueAt(sla),
        answerDueAt: sla?.answerDueAt ?? null,
        resolvedOnTime: resolvedOnTime(sla),
      },
    });
    if (updated.count !== 1) throw new DomainError(DomainErrorCode.CONFLICT, 'The report changed meanwhile; reload and retry');
    await tx.reportEvent.create({
      data: {
        tenantId,
        reportId,
        seq: event.seq,
        type: event.type,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        actorId: event.actorId,
        actorRole: event.actorRole,
        at: event.at,
        reason: event.reason,
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed: Prisma's JSON input takes `object`, not the event's data type (the rule misreads the contextual type)
        data: event.data as object,
      },
    });
    await addAttachments(tx, tenantId, reportId, event.seq, attachments);
    await enqueueCitizenNotice(tx, tenant, report, event, now);
    await enqueueSupporterNotices(tx, tenant, report, event, now);
    const staffNotifications = await notifyStaffOfEvent(tx, tenant, report, event, now);
    if (command.type === 'PUBLISH') await publishAttachments(tx, reportId);
    return { event, sla, staffNotifications };
  }));
}

/** Checks references in the command against this tenant's data and builds the event payload. */
async function eventData(tx: TenantTx, command: ReportCommand, reportId: string, held: ReportProjection): Promise<ReportEventData> {
  switch (command.type) {
    case 'CLASSIFY': {
      const category = await tx.category.findUnique({ where: { id: command.categoryId } });
      if (!category || !category.active) throw validationError([{ path: 'categoryId', message: 'is not a category of this tenant' }]);
      const visibility = category.isPublic ? (command.visibility ?? 'PUBLIC') : 'PRIVATE';
      return { categoryId: category.id, visibility };
    }
    case 'ASSIGN': {
      const unit = await tx.unit.findUnique({ where: { id: command.unitId } });
      if (!unit || !unit.active) throw validationError([{ path: 'unitId', message: 'is not an active unit of this tenant' }]);
      return { unitId: unit.id };
    }
    case 'REJECT': {
      if (command.duplicateOfCode === undefined) return { rejection: command.rejection };
      return { rejection: command.rejection, duplicateOfCode: await duplicateOf(tx, command.duplicateOfCode, reportId) };
    }
    case 'FORWARD':
      return { unitId: await forwardTarget(tx, held.unitId, command.unitId), ...(held.unitId ? { fromUnitId: held.unitId } : {}) };
    case 'RETURN': {
      const forwarder = held.forwarders.at(-1);
      return forwarder && held.unitId ? { unitId: forwarder, fromUnitId: held.unitId } : {};
    }
    case 'EXTEND':
    case 'REQUEST_EXTENSION':
      return { extensionMinutes: command.extensionMinutes };
    case 'APPROVE_EXTENSION':
      return { extensionMinutes: held.pendingExtension?.extensionMinutes ?? 0, approvedSeq: held.pendingExtension?.seq ?? 0 };
    case 'RESOLVE':
    case 'DRAFT_ANSWER':
      return { answer: command.answer.trim(), ...(command.outcome === 'NOT_FIXED' ? { outcome: command.outcome } : {}) };
    case 'APPROVE_ANSWER':
      return {
        answer: held.pendingAnswer?.answer ?? '',
        approvedSeq: held.pendingAnswer?.seq ?? 0,
        ...(held.pendingAnswer?.outcome === 'NOT_FIXED' ? { outcome: held.pendingAnswer.outcome } : {}),
      };
    case 'RATE':
      return { rating: command.rating, ...(command.comment?.trim() ? { comment: command.comment.trim() } : {}) };
    case 'REOPEN':
      return command.rating !== undefined ? { rating: command.rating } : {};
    default:
      return {};
  }
}

/**
 * The tracking code a rejected report duplicates, normalised: another
 * report of this tenant (the tenant transaction sees no other). Otherwise
 * VALIDATION on `duplicateOfCode`, and nothing is written.
 */
async function duplicateOf(tx: TenantTx, input: string, reportId: string): Promise<string> {
  const code = normalizeTrackingCode(input);
  const original = code ? await tx.report.findUnique({ where: { trackingCode: code }, select: { id: true } }) : null;
  if (!code || !original) throw validationError([{ path: 'duplicateOfCode', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
  if (original.id === reportId) throw validationError([{ path: 'duplicateOfCode', code: FieldIssueCode.SELF_REFERENCE }]);
  return code;
}

/**
 * Two steps racing to attach the same upload: the unique index refuses the
 * second insert, answered as the check before it would have been.
 */
async function singleUseUploads<T>(command: ReportCommand, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((command.type === 'RESOLVE' || command.type === 'DRAFT_ANSWER') && command.attachments?.length && isUniqueViolation(error)) {
      throw validationError([{ path: 'attachments', code: FieldIssueCode.UPLOAD_USED }]);
    }
    throw error;
  }
}
