import { runDeadlineJob, type CoreContext, type DeadlineJob } from '@paht/core';
import { slaAlertBusOf } from '../alerts/sla-alert-bus.js';
import { publicDataChanged } from '../cache/public-changes.js';
import { stepChanges } from '../cache/public-facets.js';
import { describeUnexpected } from '../errors/redact.js';
import { publishStaffNotifications } from '../live/staff-inbox-bus.js';
import { summarize, type JobHandler } from './job-runner.js';

interface Logger {
  error(details: object, message: string): void;
}

/**
 * The one handler both runners call: runs the core job for every tenant at
 * the core's clock (`core.now()`), then, its claims committed, publishes the
 * SLA alerts and the new staff notices live (best effort: they are stored
 * either way), and drops the cached public answers of the reports it closed.
 * A tenant that failed is logged and retried at the next run.
 */
export function deadlineHandler(core: CoreContext, log: Logger): JobHandler {
  return async (job: DeadlineJob) => {
    const run = await runDeadlineJob(core, job);
    for (const failed of run.failedTenants) {
      log.error({ job, tenantId: failed.tenantId, error: describeUnexpected(failed.error) }, 'Deadline job failed for tenant');
    }
    // Of the jobs, only auto-close changes what the public reads (a step PUBLISHED → CLOSED).
    await Promise.all(run.closed.map((closed) => publicDataChanged(core, closed.tenantId, stepChanges('PUBLISHED', 'CLOSED', closed))));
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
