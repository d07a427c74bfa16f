import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createGenerations, keysOf, type CacheInvalidation } from './cache-invalidation.js';

/** The Redis channel every server process tells the others its changes on (one for all tenants). */
export const INVALIDATION_CHANNEL = 'paht:public-answers';

/** How long a change waits at most for Redis to take its message before the mutation answers anyway. */
const PUBLISH_WAIT_MS = 500;

/** One message: the process that made the change (it applied it already), the tenant, the keys moved. */
interface Bump {
  o: string;
  t: string;
  k: string[];
}

const isBump = (value: unknown): value is Bump => {
  const m = value as Partial<Bump> | null;
  return typeof m === 'object' && m !== null && typeof m.o === 'string' && typeof m.t === 'string' && Array.isArray(m.k) && m.k.every((k) => typeof k === 'string');
};

/**
 * Generations shared by every server process on one Redis: each process
 * keeps its own counters, applies its changes at once and publishes them on
 * `INVALIDATION_CHANNEL`; every other process applies them on receipt. A
 * process may serve an answer computed before another's change only until
 * that change's message arrives (well under a millisecond on one network).
 *
 * A message sent while this process was not subscribed is lost, so nothing
 * is served from the cache until the subscription is confirmed (the
 * generations are NaN), and every answer kept before is dropped when it is
 * confirmed again (at start and after each reconnection).
 */
export function createRedisInvalidation(redisUrl: string, onError: (error: unknown) => void): CacheInvalidation {
  const generations = createGenerations();
  const origin = randomUUID();
  const publisher = new Redis(redisUrl);
  // Subscriptions are made here, on each connection: the confirmation tells when the process hears every change again.
  const subscriber = new Redis(redisUrl, { autoResubscribe: false });
  let listening = false;
  publisher.on('error', onError);
  subscriber.on('error', onError);
  subscriber.on('close', () => {
    listening = false;
  });
  subscriber.on('ready', () => {
    subscriber.subscribe(INVALIDATION_CHANNEL).then(() => {
      generations.advanceAll();
      listening = true;
    }, onError);
  });
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== INVALIDATION_CHANNEL) return;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (error) {
      onError(error);
      return;
    }
    if (isBump(message) && message.o !== origin) generations.apply(message.t, message.k);
  });

  return {
    generation: (tenantId, key) => (listening ? generations.generation(tenantId, key) : Number.NaN),
    async bump(tenantId, changes) {
      const keys = keysOf(changes);
      if (keys.length === 0) return;
      generations.apply(tenantId, keys);
      const sent = publisher.publish(INVALIDATION_CHANNEL, JSON.stringify({ o: origin, t: tenantId, k: keys } satisfies Bump)).then(() => undefined, onError);
      // Redis away: the message waits in the client's queue; the change's answer does not.
      if (publisher.status !== 'ready') return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([sent, new Promise<void>((resolve) => (timer = setTimeout(resolve, PUBLISH_WAIT_MS)))]);
      clearTimeout(timer);
    },
    async close() {
      listening = false;
      // QUIT behind messages queued while Redis is away would wait for their retries to run out: then just drop the connection.
      await Promise.allSettled([publisher, subscriber].map(async (client) => (client.status === 'ready' ? client.quit() : client.disconnect())));
    },
  };
}
