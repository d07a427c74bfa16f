import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The one declaration of how a change to a tenant's public data is told to
 * every running server process: the Redis channel they all listen on (one
 * for all tenants) and its message. The servers' shared cache invalidation
 * (graphql-server `cache/redis-invalidation.ts`) reads and writes it; the
 * command-line tools (`tenant:merge`, `tenant:create`), which run in a
 * process of their own, write it through `announceTenantChanges`.
 */
export const INVALIDATION_CHANNEL = 'paht:public-answers';

/**
 * One message: the process that made the change (it applied it already),
 * the tenant, and the cache keys it moved, or `null` for every public
 * answer of the tenant (a tool does not know the server's kinds of answer).
 * Identifiers only: no report, no contact, no text.
 */
export interface InvalidationMessage {
  o: string;
  t: string;
  k: string[] | null;
}

export const encodeInvalidation = (message: InvalidationMessage): string => JSON.stringify(message);

/** The message in `text`, or null when it is not one (a foreign or malformed publisher). */
export function parseInvalidation(text: string): InvalidationMessage | null {
  let m: Partial<InvalidationMessage> | null;
  try {
    m = JSON.parse(text) as Partial<InvalidationMessage> | null;
  } catch {
    return null;
  }
  if (typeof m !== 'object' || m === null || typeof m.o !== 'string' || typeof m.t !== 'string') return null;
  if (m.k === null) return { o: m.o, t: m.t, k: null };
  return Array.isArray(m.k) && m.k.every((k) => typeof k === 'string') ? { o: m.o, t: m.t, k: m.k } : null;
}

/** How long a tool waits for Redis before it gives up telling the servers (its change is done either way). */
export const ANNOUNCE_TIMEOUT_MS = 5_000;

/**
 * Tells every server process listening on `redisUrl` that all public
 * answers of these tenants are stale (each drops them at once, as for a
 * change made through another server). For a process that changed data
 * outside any server: a command-line tool. Resolves once Redis has taken
 * every message; rejects when Redis cannot be reached within `timeoutMs`.
 */
export async function announceTenantChanges(redisUrl: string, tenantIds: readonly string[], timeoutMs = ANNOUNCE_TIMEOUT_MS): Promise<void> {
  if (tenantIds.length === 0) return;
  const origin = `tool:${randomUUID()}`;
  // No retries, no offline queue: a tool reports a Redis away instead of waiting for it.
  const client = new Redis(redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        for (const t of new Set(tenantIds)) await client.publish(INVALIDATION_CHANNEL, encodeInvalidation({ o: origin, t, k: null }));
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
