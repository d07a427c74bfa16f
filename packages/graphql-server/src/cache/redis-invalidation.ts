import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { encodeInvalidation, INVALIDATION_CHANNEL, parseInvalidation } from '@paht/core';
import { createGenerations, keysOf, type CacheInvalidation, type TenantChanged } from './cache-invalidation.js';

// The channel and its message are core's (`changes/change-channel.ts`): the
// command-line tools, which cannot import this package, write them too.

/** How long a change waits at most for Redis to take its message before the mutation answers anyway. */
const PUBLISH_WAIT_MS = 500;

/**
 * Generations shared by every server process on one Redis: each process
 * keeps its own counters, applies its changes at once and publishes them on
 * `INVALIDATION_CHANNEL`; every other process applies them on receipt (a
 * message for all of a tenant, from a command-line tool, moves every key). A
 * process may serve an answer computed before another's change only until
 * that change's message arrives (well under a millisecond on one network).
 *
 * A message sent while this process was not subscribed is lost, so nothing
 * is served from the cache until the subscription is confirmed (the
 * generations are NaN), and every answer kept before is dropped when it is
 * confirmed again (at start and after each reconnection).
 */
export function createRedisInvalidation(redisUrl: string, onError: (error: unknown) => void, onTenantChanged: TenantChanged = () => {}): CacheInvalidation {
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
    const message = parseInvalidation(text);
    if (!message) {
      onError(new Error(`ignored a malformed message on ${INVALIDATION_CHANNEL}`));
      return;
    }
    if (message.o === origin) return;
    generations.apply(message.t, message.k ?? keysOf());
    if (message.k === null) onTenantChanged(message.t);
  });

  return {
    generation: (tenantId, key) => (listening ? generations.generation(tenantId, key) : Number.NaN),
    async bump(tenantId, changes) {
      const keys = keysOf(changes);
      if (keys.length === 0) return;
      generations.apply(tenantId, keys);
      if (!changes) onTenantChanged(tenantId);
      // All of the tenant (no changes given): null, as a command-line tool sends it.
      const sent = publisher.publish(INVALIDATION_CHANNEL, encodeInvalidation({ o: origin, t: tenantId, k: changes ? keys : null })).then(() => undefined, onError);
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
