/**
 * Which answers of a tenant are still current: one generation counter per
 * tenant, moved on by every change to that tenant's data. A cached answer
 * records the generation it was computed under and is served only while
 * that is still the tenant's generation.
 *
 * This process's counters are enough for one server process. Several
 * processes behind a load balancer must share them, or one process goes on
 * serving what another has changed: a Redis implementation (`INCR
 * paht:gen:<tenantId>` on `bump`, the new value published on a channel that
 * every process applies to its local copy, read locally in `generation`)
 * fits this interface unchanged.
 */
export interface CacheInvalidation {
  /** The tenant's current generation. */
  generation(tenantId: string): number;
  /** Marks everything cached for the tenant so far as stale. */
  bump(tenantId: string): void;
}

/** Generations kept in this process only. */
export function createInProcessInvalidation(): CacheInvalidation {
  const generations = new Map<string, number>();
  return {
    generation: (tenantId) => generations.get(tenantId) ?? 0,
    bump(tenantId) {
      generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
    },
  };
}
