import { createPubSub, type PubSub, type PubSubEventTarget, type Repeater } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';

/** Messages of one kind, one channel per tenant: in this process, or across processes through Redis. */
export interface TenantBus<T extends { tenantId: string }> {
  readonly mode: 'in-process' | 'redis';
  publish(message: T): void;
  /** The tenant's messages from now on; `return()` it to unsubscribe. */
  subscribe(tenantId: string): Repeater<T>;
  close(): Promise<void>;
}

export interface TenantBusOptions {
  /** `REDIS_URL`: share messages between server processes. Absent: this process only. */
  redisUrl?: string | null;
  /** Where failures to publish go (a publish never fails the work that caused it). */
  onError?: (error: unknown) => void;
}

/**
 * A bus named `channel`; in Redis each tenant's messages travel on
 * `<channel>:<tenantId>` as JSON (so payloads carry no Date objects).
 */
export function createTenantBus<T extends { tenantId: string }>(channel: string, options: TenantBusOptions = {}): TenantBus<T> {
  // graphql-yoga's channel types cannot follow a generic payload: the bus
  // is typed by its callers' T, the pub/sub underneath by an object.
  type Channels = Record<string, [tenantId: string, message: object]>;
  const onError = options.onError ?? (() => {});
  if (!options.redisUrl) {
    const pubsub = createPubSub<Channels>();
    return {
      mode: 'in-process',
      publish: (m) => pubsub.publish(channel, m.tenantId, m),
      subscribe: (t) => pubsub.subscribe(channel, t) as Repeater<T>,
      close: async () => {},
    };
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
    publish: (m) => pubsub.publish(channel, m.tenantId, m),
    subscribe: (t) => pubsub.subscribe(channel, t) as Repeater<T>,
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
