import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeys, type CacheInvalidation } from '../../src/cache/cache-invalidation.js';
import { codeScope, PublicFacet } from '../../src/cache/public-facets.js';
import { createRedisInvalidation } from '../../src/cache/redis-invalidation.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';

// Issue 14: two processes' generations on one real Redis. A bump made by one
// moves the other's; while a process cannot hear the others (Redis away),
// every generation is NaN (no cached answer is served), and once it hears
// them again every answer stamped before is stale.

const TENANT = 'tenant-1';
const TRACKER = readKeys(PublicFacet.TRACKER, [codeScope('QT-1')]);
const LIST = readKeys(PublicFacet.LIST, null);

let redis: TestRedis;
let a: CacheInvalidation;
let b: CacheInvalidation;
const errors: unknown[] = [];

const stamp = (inv: CacheInvalidation, keys: string[]) => keys.map((k) => inv.generation(TENANT, k));
const current = (inv: CacheInvalidation, keys: string[], stamped: number[]) => keys.every((k, i) => inv.generation(TENANT, k) === stamped[i]);

/** Polls (event loop turns, 10 s at most) until `ready()`. */
async function until(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const listening = (inv: CacheInvalidation) => !Number.isNaN(inv.generation(TENANT, 'LIST'));

beforeAll(async () => {
  redis = await startRedisServer();
  a = createRedisInvalidation(redis.url, (e) => errors.push(e));
  b = createRedisInvalidation(redis.url, (e) => errors.push(e));
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await redis?.stop();
});

describe('public answer generations shared through Redis', () => {
  it("moves another process's generations of what a change alters, and only those", async () => {
    await until(() => listening(a) && listening(b));
    const tracker = stamp(b, TRACKER);
    const list = stamp(b, LIST);
    await a.bump(TENANT, [{ facet: PublicFacet.TRACKER, scopes: [codeScope('QT-1')] }]);
    await until(() => !current(b, TRACKER, tracker));
    expect(current(b, LIST, list)).toBe(true);
    // Its own change moves its own generation of the report's tracker at once, once (not the kind's whole).
    const [whole, report] = stamp(a, TRACKER);
    await a.bump(TENANT, [{ facet: PublicFacet.TRACKER, scopes: [codeScope('QT-1')] }]);
    expect(stamp(a, TRACKER)).toEqual([whole, report! + 1]);
  });

  it('serves nothing while Redis is away and drops every answer stamped before once it hears again', async () => {
    await until(() => listening(b));
    const list = stamp(b, LIST);
    const port = Number(new URL(redis.url).port);
    await redis.stop();
    await until(() => !listening(b));
    expect(current(b, LIST, list)).toBe(false);
    // A change made meanwhile by `a` is lost with its message: `b` must not trust what it kept.
    redis = await startRedisServer(port);
    await until(() => listening(b));
    expect(current(b, LIST, list)).toBe(false);
    const again = stamp(b, LIST);
    expect(current(b, LIST, again)).toBe(true);
  });
});
