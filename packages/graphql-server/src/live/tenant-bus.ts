import { createPubSub, Repeater, type PubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';

/** Messages of one kind, one channel per tenant: in this process, or across processes through Redis. */
export interface TenantBus<T extends { tenantId: string }> {
  readonly mode: 'in-process' | 'redis';
  publish(message: T): void;
  /** The tenant's messages from now on (from its first `next()`); `return()` it to unsubscribe. */
  subscribe(tenantId: string): Repeater<T>;
  /**
   * Calls `handler` with each of the tenant's messages from now on (at once:
   * no `next()` to wait for), until the returned function is called. All
   * listeners of a tenant share one subscription to the channel.
   */
  listen(tenantId: string, handler: (message: T) => void): () => void;
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
    const listen = fanOut((t) => pubsub.subscribe(channel, t) as Repeater<T>, onError);
    return {
      mode: 'in-process',
      publish: (m) => pubsub.publish(channel, m.tenantId, m),
      subscribe: (t) => listened(listen, t),
      listen,
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
  const listen = fanOut((t) => pubsub.subscribe(channel, t) as Repeater<T>, onError);
  return {
    mode: 'redis',
    publish: (m) => pubsub.publish(channel, m.tenantId, m),
    subscribe: (t) => listened(listen, t),
    listen,
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

type Listen<T> = (tenantId: string, handler: (message: T) => void) => () => void;

/**
 * One subscription to each tenant's channel, whatever the number of
 * listeners in this process: 10,000 subscribers of a tenant are one
 * EventTarget listener (or one Redis callback), not 10,000, and a message
 * is handed to them by a loop over a set. The channel is left when its last
 * listener goes. A handler that throws is reported and does not stop the others.
 */
function fanOut<T>(channelOf: (tenantId: string) => Repeater<T>, onError: (error: unknown) => void): Listen<T> {
  const tenants = new Map<string, { handlers: Set<(message: T) => void>; leave: () => void }>();
  const open = (tenantId: string) => {
    const handlers = new Set<(message: T) => void>();
    const messages = channelOf(tenantId);
    // The first next() adds the channel's listener synchronously: nothing published from now on is missed.
    const first = messages.next();
    void (async () => {
      for (let item = await first; !item.done; item = await messages.next()) {
        for (const handler of handlers) {
          try {
            handler(item.value);
          } catch (error) {
            onError(error);
          }
        }
      }
    })().catch(onError);
    return { handlers, leave: () => void messages.return() };
  };
  return (tenantId, handler) => {
    let channel = tenants.get(tenantId);
    if (!channel) tenants.set(tenantId, (channel = open(tenantId)));
    const { handlers, leave } = channel;
    handlers.add(handler);
    return () => {
      if (!handlers.delete(handler) || handlers.size > 0) return;
      if (tenants.get(tenantId)?.handlers === handlers) tenants.delete(tenantId);
      leave();
    };
  };
}

/** A tenant's messages as an async iterable, on `listen`. */
function listened<T>(listen: Listen<T>, tenantId: string): Repeater<T> {
  return new Repeater<T>((push, stop) => {
    const unlisten = listen(tenantId, (message) => void push(message));
    void stop.then(unlisten);
  });
}
