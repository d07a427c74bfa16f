import { withTenant, type CoreContext, type ReportEventRecord, type StaffNotificationRecord, type SubmittedReport } from '@paht/core';
import { recordPublicChange } from '../cache/public-answer-cache.js';
import { publicDataChanged } from '../cache/public-changes.js';
import { stepChanges, submittedChanges, type PublicChange, type ReportScopes } from '../cache/public-facets.js';
import type { GraphQLContext } from '../context.js';
import { describeUnexpected } from '../errors/redact.js';
import { reportEventsOf } from './live-registry.js';
import type { ReportChange } from './report-events.js';
import { publishStaffNotifications } from './staff-inbox-bus.js';

// The one publish path of a committed change to a report, whoever made it:
// a GraphQL mutation (`publishing`, `publishSubmitted`) or a scheduled job
// (`publishJobStep`). It reaches the live subscribers (report changes and
// staff inboxes: in this process, or every process through Redis when the
// app has REDIS_URL) and the public answer caches. Publishing is best
// effort: the change is done, so a failure here is logged, never returned.
// Logged: the error (redacted) and the request id; never a payload.

/** Where a change came from, for publishing it: its tenant, the acting unit (if any), where failures go. */
interface Origin {
  core: CoreContext;
  tenantId: string;
  /** The unit of the staff member who took the step (null: IOC, citizen, the system). */
  actingUnitId: string | null;
  onError: (error: unknown, message: string) => void;
}

const originOf = (ctx: GraphQLContext): Origin => ({
  core: ctx.core,
  tenantId: ctx.tenant.id,
  actingUnitId: ctx.staff && 'unitId' in ctx.staff ? ctx.staff.unitId : null,
  onError: (error, message) => ctx.log.error({ requestId: ctx.requestId, error: describeUnexpected(error) }, message),
});

/** Delivers the staff inbox rows the step wrote to their recipients' live subscriptions. */
function publishNotices(origin: Origin, rows: readonly StaffNotificationRecord[] | undefined): void {
  publishStaffNotifications(origin.core, rows, (error) => origin.onError(error, 'staff notification not published'));
}

function publish(origin: Origin, change: ReportChange): void {
  try {
    reportEventsOf(origin.core).publish(change);
  } catch (error) {
    origin.onError(error, 'report change not published');
  }
}

/** Publishes a new report (a replayed idempotent submission changed nothing). */
export function publishSubmitted(ctx: GraphQLContext, report: SubmittedReport): SubmittedReport {
  recordPublicChange(ctx, report.replayed ? [] : submittedChanges(report));
  if (!report.replayed) {
    const origin = originOf(ctx);
    publish(origin, {
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
    publishNotices(origin, report.staffNotifications);
  }
  return report;
}

interface Step {
  reportId: string;
  event: ReportEventRecord;
  staffNotifications?: readonly StaffNotificationRecord[];
}

/**
 * Publishes a committed lifecycle step live (the report's code and unit read
 * after it) with the staff notices it wrote, and returns the public answers
 * it can alter (the report's; its whole kind, should it not be read again).
 */
async function publishStep(origin: Origin, step: Step): Promise<PublicChange[]> {
  let scopes: ReportScopes | null = null;
  try {
    const row = await withTenant(origin.core.db, origin.tenantId, (tx) =>
      tx.report.findUnique({ where: { id: step.reportId }, select: { trackingCode: true, unitId: true, submittedAt: true } }),
    );
    if (row) {
      const { event } = step;
      publish(origin, {
        tenantId: origin.tenantId,
        reportId: step.reportId,
        trackingCode: row.trackingCode,
        type: event.type,
        seq: event.seq,
        status: event.toStatus,
        unitId: row.unitId,
        // A return or a forward leaves the acting unit's queue: its staff hear of it too.
        previousUnitId: event.type === 'RETURN' || event.type === 'FORWARD' ? origin.actingUnitId : null,
        at: event.at.toISOString(),
      });
      scopes = { trackingCode: row.trackingCode, submittedAt: row.submittedAt };
    }
  } catch (error) {
    origin.onError(error, 'report change not published');
  }
  const changes = stepChanges(step.event.fromStatus, step.event.toStatus, scopes);
  publishNotices(origin, step.staffNotifications);
  return changes;
}

/** Wraps a lifecycle step (`asStaff`, `asCitizen`) so that its success is published. */
export function publishing<A extends unknown[], R extends Step>(step: (ctx: GraphQLContext, ...args: A) => Promise<R>) {
  return async (ctx: GraphQLContext, ...args: A): Promise<R> => {
    const result = await step(ctx, ...args);
    recordPublicChange(ctx, await publishStep(originOf(ctx), result));
    return result;
  };
}

/**
 * Publishes a step a scheduled job took (the system's CLOSE of an unrated
 * report): the same path as a mutation's. Resolves once the other
 * processes have been told of the public change (Redis); never rejects.
 */
export async function publishJobStep(core: CoreContext, tenantId: string, step: Step, onError: Origin['onError']): Promise<void> {
  await publicDataChanged(core, tenantId, await publishStep({ core, tenantId, actingUnitId: null, onError }, step));
}
