import { runDeadlineJob, type CoreContext, type DeadlineJob } from '@paht/core';
import { slaAlertBusOf } from '../alerts/sla-alert-bus.js';
import { describeUnexpected } from '../errors/redact.js';
import { publishJobStep } from '../live/publish-change.js';
import { publishStaffNotifications } from '../live/staff-inbox-bus.js';
import { summarize, type JobHandler } from './job-runner.js';

interface Logger {
  error(details: object, message: string): void;
}

/**
 * The one handler both runners call: runs the core job for every tenant at
 * the core's clock (`core.now()`), then, its claims committed, publishes
 * what it did as a mutation would (best effort: it is stored either way):
 * each step it took (auto-close's CLOSE) through the mutations' publish
 * path (`publishJobStep`: live subscribers, staff notices, public answer
 * caches; every process through Redis when the app has REDIS_URL), the
 * SLA alerts, and the other staff notices. A tenant that failed is logged
 * and retried at the next run.
 */
export function deadlineHandler(core: CoreContext, log: Logger): JobHandler {
  return async (job: DeadlineJob) => {
    const run = await runDeadlineJob(core, job);
    for (const failed of run.failedTenants) {
      log.error({ job, tenantId: failed.tenantId, error: describeUnexpected(failed.error) }, 'Deadline job failed for tenant');
    }
    // Of the jobs, only auto-close takes a step on a report; the others change nothing the public reads.
    for (const closed of run.closed) {
      await publishJobStep(core, closed.tenantId, closed, (error, message) =>
        log.error({ job, tenantId: closed.tenantId, reportId: closed.reportId, error: describeUnexpected(error) }, message));
    }
    const bus = slaAlertBusOf(core);
    const summary = summarize(run);
    for (const message of summary.alerts) {
      try {
        bus.publish(message);
      } catch (error) {
        // Claimed and committed: the alert stays in the audit log and the inboxes; it is never claimed again.
        log.error({ tenantId: message.tenantId, reportId: message.reportId, error: describeUnexpected(error) }, 'SLA alert not published');
      }
    }
    publishStaffNotifications(core, run.notices, (error) => log.error({ job, error: describeUnexpected(error) }, 'Staff notice not published'));
    return summary;
  };
}
