import type { CoreContext } from '@paht/core';
import type { CacheInvalidation } from './cache-invalidation.js';
import type { PublicChange } from './public-facets.js';

// The public answer caches of the apps running on each core, found from the
// core every change's code already holds (resolvers' context, Open311, the
// deadline jobs, the operator routes), as the live buses are (live-registry.ts).
const caches = new WeakMap<CoreContext, Set<CacheInvalidation>>();

/** Lets changes made on `core` reach `invalidation`, until the returned function is called. */
export function watchPublicChanges(core: CoreContext, invalidation: CacheInvalidation): () => void {
  let set = caches.get(core);
  if (!set) caches.set(core, (set = new Set()));
  set.add(invalidation);
  return () => void set.delete(invalidation);
}

/**
 * The one way a change to a tenant's public data is made known, whatever
 * made it (a GraphQL mutation, Open311, a scheduled job, the operator API):
 * the answers it can alter (`submittedChanges`, `stepChanges`; none given:
 * all of the tenant's) are stale at once in this process, and in the others
 * once the returned promise resolves (Redis). Call it after the change has
 * committed. Never rejects.
 */
export async function publicDataChanged(core: CoreContext, tenantId: string, changes?: readonly PublicChange[]): Promise<void> {
  if (changes?.length === 0) return;
  await Promise.all([...(caches.get(core) ?? [])].map((invalidation) => invalidation.bump(tenantId, changes)));
}
