import { DeadlineJob, type CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { describeUnexpected } from '../errors/redact.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { createSlaAlertBus, registerSlaAlertBus, type SlaAlertMessage } from './sla-alert-bus.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** SLA alerts: `tick()` runs the SLA alert job now through the app's job queue (`app.jobs.runNow('sla-alerts')`) and returns the alerts it claimed. */
    slaAlerts: { tick(): Promise<SlaAlertMessage[]> };
  }
}

export interface SlaAlertsOptions {
  /** Milliseconds between SLA alert runs once the app listens (the `sla-alerts` job's interval; whole minutes with pg-boss). Default 60 000; 0: no schedule from this process. */
  intervalMs?: number;
}

/**
 * SLA warnings and breaches for one app: the alert bus (in process, or
 * Redis when `redisUrl` is set), the `slaAlerts` subscription's source. The
 * runs are the `sla-alerts` deadline job (src/jobs), which publishes here.
 */
export function attachSlaAlerts(app: FastifyInstance, core: CoreContext, jobs: JobRunner, options: { redisUrl?: string | null } = {}): void {
  const bus = createSlaAlertBus({
    redisUrl: options.redisUrl,
    onError: (error) => app.log.error({ error: describeUnexpected(error) }, 'SLA alerts: Redis failed'),
  });
  registerSlaAlertBus(core, bus);
  app.decorate('slaAlerts', { tick: async () => (await jobs.runNow(DeadlineJob.SLA_ALERTS)).alerts });
  app.addHook('onClose', async () => bus.close());
}
