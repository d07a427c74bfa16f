import type { CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { describeUnexpected } from '../errors/redact.js';
import { createSlaAlertBus, registerSlaAlertBus } from './sla-alert-bus.js';
import { createSlaAlertScheduler, type SlaAlertScheduler } from './sla-alert-scheduler.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's SLA-alert scheduler: `tick()` runs one pass now (tests drive it with the core clock). */
    slaAlerts: SlaAlertScheduler;
  }
}

export interface SlaAlertsOptions {
  /** Milliseconds between passes once the app listens. Default 60 000; 0 disables the timer (`app.slaAlerts.tick()` still works). */
  intervalMs?: number;
}

export const DEFAULT_SLA_ALERT_INTERVAL_MS = 60_000;

/**
 * SLA warnings and breaches for one app: the alert bus (in process, or
 * Redis when `redisUrl` is set), the `slaAlerts` subscription's source, and
 * the scheduler, started when the app listens and stopped when it closes.
 */
export function attachSlaAlerts(app: FastifyInstance, core: CoreContext, options: SlaAlertsOptions & { redisUrl?: string | null } = {}): SlaAlertScheduler {
  const bus = createSlaAlertBus({
    redisUrl: options.redisUrl,
    onError: (error) => app.log.error({ error: describeUnexpected(error) }, 'SLA alerts: Redis failed'),
  });
  registerSlaAlertBus(core, bus);
  const scheduler = createSlaAlertScheduler(core, bus, app.log);
  app.decorate('slaAlerts', scheduler);
  const intervalMs = options.intervalMs ?? DEFAULT_SLA_ALERT_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < 0) throw new RangeError(`slaAlerts.intervalMs must be 0 or more, got ${intervalMs}`);
  app.addHook('onListen', async () => scheduler.start(intervalMs));
  app.addHook('preClose', async () => scheduler.stop());
  app.addHook('onClose', async () => bus.close());
  return scheduler;
}
