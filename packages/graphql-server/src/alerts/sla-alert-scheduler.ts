import { claimSlaAlerts, listTenants, type CoreContext, type SlaAlert } from '@paht/core';
import { describeUnexpected } from '../errors/redact.js';
import { toMessage, type SlaAlertBus } from './sla-alert-bus.js';

export interface SlaAlertScheduler {
  /**
   * One pass over every tenant at `core.now()`: claims the new warnings and
   * breaches (core `claimSlaAlerts`) and publishes each. Passes never overlap:
   * a call while one runs waits for it, then runs its own.
   */
  tick(): Promise<SlaAlert[]>;
  /** Runs `tick` every `intervalMs` (0: never). The timer does not keep the process alive. */
  start(intervalMs: number): void;
  /** Stops the timer and waits for a running pass. */
  stop(): Promise<void>;
}

interface Logger {
  error(details: object, message: string): void;
}

export function createSlaAlertScheduler(core: CoreContext, bus: SlaAlertBus, log: Logger): SlaAlertScheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let inFlight = 0;

  async function pass(): Promise<SlaAlert[]> {
    const sent: SlaAlert[] = [];
    for (const tenant of await listTenants(core)) {
      try {
        const alerts = await claimSlaAlerts(core, tenant.id);
        // Claimed and committed: publish. A publish failure loses the live
        // alert (it stays in the audit log); it is never claimed again.
        for (const alert of alerts) {
          try {
            bus.publish(toMessage(alert));
            sent.push(alert);
          } catch (error) {
            log.error({ tenantId: tenant.id, reportId: alert.reportId, error: describeUnexpected(error) }, 'SLA alert not published');
          }
        }
      } catch (error) {
        log.error({ tenantId: tenant.id, error: describeUnexpected(error) }, 'SLA alert pass failed for tenant');
      }
    }
    return sent;
  }

  const tick = (): Promise<SlaAlert[]> => {
    inFlight++;
    const next = running.then(pass, pass).finally(() => inFlight--);
    running = next.catch(() => undefined);
    return next;
  };

  return {
    tick,
    start(intervalMs) {
      if (timer || !(intervalMs > 0)) return;
      timer = setInterval(() => {
        // A pass longer than the interval: skip this beat rather than queue up.
        if (inFlight > 0) return;
        tick().catch((error: unknown) => log.error({ error: describeUnexpected(error) }, 'SLA alert pass failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
