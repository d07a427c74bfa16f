import { withTenant, type ReportEventRecord, type StaffNotificationRecord, type SubmittedReport } from '@paht/core';
import { recordPublicChange } from '../cache/public-answer-cache.js';
import { stepChanges, submittedChanges, type ReportScopes } from '../cache/public-facets.js';
import type { GraphQLContext } from '../context.js';
import { describeUnexpected } from '../errors/redact.js';
import { reportEventsOf } from './live-registry.js';
import type { ReportChange } from './report-events.js';
import { publishStaffNotifications } from './staff-inbox-bus.js';

// Mutations publish after the core call has committed. Publishing is best
// effort: the change is done, so a failure here is logged, never returned.

/** Delivers the staff inbox rows the step wrote to their recipients' live subscriptions. */
function publishNotices(ctx: GraphQLContext, rows: readonly StaffNotificationRecord[] | undefined): void {
  publishStaffNotifications(ctx.core, rows, (error) =>
    ctx.log.error({ requestId: ctx.requestId, error: describeUnexpected(error) }, 'staff notification not published'),
  );
}

function publish(ctx: GraphQLContext, change: ReportChange): void {
  try {
    reportEventsOf(ctx.core).publish(change);
  } catch (error) {
    ctx.log.error({ requestId: ctx.requestId, error: describeUnexpected(error) }, 'report change not published');
  }
}

/** Publishes a new report (a replayed idempotent submission changed nothing). */
export function publishSubmitted(ctx: GraphQLContext, report: SubmittedReport): SubmittedReport {
  recordPublicChange(ctx, report.replayed ? [] : submittedChanges(report));
  if (!report.replayed) {
    publish(ctx, {
      tenantId: ctx.tenant.id,
      reportId: report.id,
      trackingCode: report.trackingCode,
      type: 'SUBMIT',
      seq: 1,
      status: 'SUBMITTED',
      unitId: null,
      previousUnitId: null,
      at: report.submittedAt.toISOString(),
    });
    publishNotices(ctx, report.staffNotifications);
  }
  return report;
}

interface Step {
  reportId: string;
  event: ReportEventRecord;
  staffNotifications?: readonly StaffNotificationRecord[];
}

/** Publishes the step a lifecycle mutation took; reads the report's code and unit after it (and returns its code and submission instant). */
async function publishStep(ctx: GraphQLContext, step: Step): Promise<ReportScopes | null> {
  try {
    const row = await withTenant(ctx.core.db, ctx.tenant.id, (tx) =>
      tx.report.findUnique({ where: { id: step.reportId }, select: { trackingCode: true, unitId: true, submittedAt: true } }),
    );
    if (!row) return null;
    const { event } = step;
    const staffUnit = ctx.staff && 'unitId' in ctx.staff ? ctx.staff.unitId : null;
    publish(ctx, {
      tenantId: ctx.tenant.id,
      reportId: step.reportId,
      trackingCode: row.trackingCode,
      type: event.type,
      seq: event.seq,
      status: event.toStatus,
      unitId: row.unitId,
      // A return or a forward leaves the acting unit's queue: its staff hear of it too.
      previousUnitId: event.type === 'RETURN' || event.type === 'FORWARD' ? staffUnit : null,
      at: event.at.toISOString(),
    });
    return { trackingCode: row.trackingCode, submittedAt: row.submittedAt };
  } catch (error) {
    ctx.log.error({ requestId: ctx.requestId, error: describeUnexpected(error) }, 'report change not published');
    return null;
  }
}

/** Wraps a lifecycle step (`asStaff`, `asCitizen`) so that its success is published. */
export function publishing<A extends unknown[], R extends Step>(step: (ctx: GraphQLContext, ...args: A) => Promise<R>) {
  return async (ctx: GraphQLContext, ...args: A): Promise<R> => {
    const result = await step(ctx, ...args);
    // The public answers it can alter: the report's (its whole kind, should it not be read again).
    recordPublicChange(ctx, stepChanges(result.event.fromStatus, result.event.toStatus, await publishStep(ctx, result)));
    publishNotices(ctx, result.staffNotifications);
    return result;
  };
}
