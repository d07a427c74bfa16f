import { ALL_FACETS, type PublicFacet } from './public-facets.js';

/**
 * Which answers of a tenant are still current: one generation counter per
 * tenant and kind of public answer (`PublicFacet`), moved on by every change
 * to that tenant's data that can alter that kind. A cached answer records
 * the generations of the kinds it read and is served only while they are
 * all still the tenant's.
 *
 * This process's counters are enough for one server process. Several
 * processes behind a load balancer must share them, or one process goes on
 * serving what another has changed: a Redis implementation (`INCR
 * paht:gen:<tenantId>:<facet>` on `bump`, the new value published on a
 * channel that every process applies to its local copy, read locally in
 * `generation`) fits this interface unchanged.
 */
export interface CacheInvalidation {
  /** The tenant's current generation of one kind of answer. */
  generation(tenantId: string, facet: PublicFacet): number;
  /** Marks everything of these kinds cached for the tenant so far as stale; without kinds, everything. */
  bump(tenantId: string, facets?: readonly PublicFacet[]): void;
}

/** Generations kept in this process only. */
export function createInProcessInvalidation(): CacheInvalidation {
  const generations = new Map<string, number>();
  const key = (tenantId: string, facet: PublicFacet) => `${tenantId}\u0000${facet}`;
  return {
    generation: (tenantId, facet) => generations.get(key(tenantId, facet)) ?? 0,
    bump(tenantId, facets = ALL_FACETS) {
      for (const facet of facets) generations.set(key(tenantId, facet), (generations.get(key(tenantId, facet)) ?? 0) + 1);
    },
  };
}
