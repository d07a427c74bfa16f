import { createPubSub, type PubSub, type PubSubEventTarget, type Repeater } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { CoreContext, SlaAlert, SlaAlertKind, SlaStageName } from '@paht/core';
import { Redis } from 'ioredis';

/** An SLA alert as live subscribers receive it (JSON-safe: it may cross Redis). No reporter data. */
export interface SlaAlertMessage {
  tenantId: string;
  reportId: string;
  trackingCode: string;
  kind: SlaAlertKind;
  stage: SlaStageName;
  round: number;
  unitId: string | null;
  categoryId: string | null;
  /** ISO 8601 instants. */
  stageStartedAt: string;
  dueAt: string;
  detectedAt: string;
  remainingMinutes: number;
}

export const toMessage = (a: SlaAlert): SlaAlertMessage => ({
  tenantId: a.tenantId,
  reportId: a.reportId,
  trackingCode: a.trackingCode,
  kind: a.kind,
  stage: a.stage,
  round: a.round,
  unitId: a.unitId,
  categoryId: a.categoryId,
  stageStartedAt: a.stageStartedAt.toISOString(),
  dueAt: a.dueAt.toISOString(),
  detectedAt: a.detectedAt.toISOString(),
  remainingMinutes: a.remainingMinutes,
});

type Channels = { 'sla-alert': [tenantId: string, alert: SlaAlertMessage] };

/** The SLA-alert bus: one channel per tenant (`sla-alert:<tenantId>` in Redis). */
export interface SlaAlertBus {
  readonly mode: 'in-process' | 'redis';
  publish(alert: SlaAlertMessage): void;
  subscribe(tenantId: string): Repeater<SlaAlertMessage>;
  close(): Promise<void>;
}

/**
 * Built like the report-change bus (src/live/report-events.ts): in this
 * process, or through Redis pub/sub when `redisUrl` is set, on a channel of
 * its own so that report-change subscribers never see alerts.
 */
export function createSlaAlertBus(options: { redisUrl?: string | null; onError?: (error: unknown) => void } = {}): SlaAlertBus {
  const onError = options.onError ?? (() => {});
  if (!options.redisUrl) {
    const pubsub = createPubSub<Channels>();
    return { mode: 'in-process', publish: (a) => pubsub.publish('sla-alert', a.tenantId, a), subscribe: (t) => pubsub.subscribe('sla-alert', t), close: async () => {} };
  }
  const publishClient = new Redis(options.redisUrl, { lazyConnect: false });
  const subscribeClient = new Redis(options.redisUrl, { lazyConnect: false });
  publishClient.on('error', onError);
  subscribeClient.on('error', onError);
  const redisTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  const eventTarget = {
    addEventListener: redisTarget.addEventListener.bind(redisTarget),
    removeEventListener: redisTarget.removeEventListener.bind(redisTarget),
    dispatchEvent(event: CustomEvent) {
      publishClient.publish(event.type, JSON.stringify(event.detail)).catch(onError);
      return true;
    },
  } as PubSubEventTarget<Channels>;
  const pubsub: PubSub<Channels> = createPubSub<Channels>({ eventTarget });
  return {
    mode: 'redis',
    publish: (a) => pubsub.publish('sla-alert', a.tenantId, a),
    subscribe: (t) => pubsub.subscribe('sla-alert', t),
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

// The bus of each running app, found from the core the resolvers hold (as live-registry.ts does).
const buses = new WeakMap<CoreContext, SlaAlertBus>();

export function registerSlaAlertBus(core: CoreContext, bus: SlaAlertBus): void {
  buses.set(core, bus);
}

export function slaAlertBusOf(core: CoreContext): SlaAlertBus {
  let bus = buses.get(core);
  if (!bus) {
    bus = createSlaAlertBus();
    buses.set(core, bus);
  }
  return bus;
}
