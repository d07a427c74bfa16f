import { createPubSub, type PubSub, type PubSubEventTarget, type Repeater } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { ReportEventType, ReportStatus } from '@paht/core';
import { Redis } from 'ioredis';

/**
 * One change of a report, as live subscribers receive it. Identifiers and
 * states only: no reporter contact, no reasons or answers (subscribers read
 * those through the queries that check who may see them).
 */
export interface ReportChange {
  tenantId: string;
  reportId: string;
  trackingCode: string;
  /** The timeline event that made the change, and its position on the timeline. */
  type: ReportEventType;
  seq: number;
  /** The report's status and unit after the change. */
  status: ReportStatus;
  unitId: string | null;
  /** The unit that had the report before this change, when the change took it away (RETURN). */
  previousUnitId: string | null;
  /** ISO 8601: the payload crosses Redis as JSON, so no Date objects. */
  at: string;
}

type Channels = { report: [tenantId: string, change: ReportChange] };

export interface ReportEventsOptions {
  /** `REDIS_URL`: share changes between server processes. Absent: this process only. */
  redisUrl?: string | null;
  /** Where failures to publish go (a publish never fails the mutation that caused it). */
  onError?: (error: unknown) => void;
}

/** The report-change bus: one channel per tenant. */
export interface ReportEvents {
  readonly mode: 'in-process' | 'redis';
  publish(change: ReportChange): void;
  /** The tenant's changes from now on; `return()` it to unsubscribe. */
  subscribe(tenantId: string): Repeater<ReportChange>;
  close(): Promise<void>;
}

/** A bus in this process by default, spanning processes through Redis when `redisUrl` is given. */
export function createReportEvents(options: ReportEventsOptions = {}): ReportEvents {
  const onError = options.onError ?? (() => {});
  if (!options.redisUrl) {
    const pubsub = createPubSub<Channels>();
    return { mode: 'in-process', publish: (c) => pubsub.publish('report', c.tenantId, c), subscribe: (t) => pubsub.subscribe('report', t), close: async () => {} };
  }
  // Subscribing takes a connection of its own in Redis; publishing needs another.
  const publishClient = new Redis(options.redisUrl, { lazyConnect: false });
  const subscribeClient = new Redis(options.redisUrl, { lazyConnect: false });
  publishClient.on('error', onError);
  subscribeClient.on('error', onError);
  const redisTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  // The Redis target drops the promise of PUBLISH: a Redis outage would end
  // as an unhandled rejection. Publish here, with the failure reported.
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
    publish: (c) => pubsub.publish('report', c.tenantId, c),
    subscribe: (t) => pubsub.subscribe('report', t),
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

/** The channel name a tenant's changes travel on in Redis (for operators and tests). */
export const redisChannelOf = (tenantId: string): string => `report:${tenantId}`;
