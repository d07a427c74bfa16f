import { EVERYTHING, type PublicChange, type PublicFacet } from './public-facets.js';

/**
 * Which answers of a tenant are still current: generation counters per
 * tenant and kind of public answer (`PublicFacet`), and per scope within a
 * kind (a month of statistics, a report's tracker), moved on by every change
 * to that tenant's data that can alter them. A cached answer records the
 * generations of what it read (`readKeys`) and is served only while they
 * are all still the tenant's.
 *
 * This process's counters are enough for one server process. Several
 * processes behind a load balancer must share them, or one process goes on
 * serving what another has changed: a Redis implementation (`INCR
 * paht:gen:<tenantId>:<key>` on `bump`, the new value published on a
 * channel that every process applies to its local copy, read locally in
 * `generation`) fits this interface unchanged.
 */
export interface CacheInvalidation {
  /** The tenant's current generation of one key (`readKeys`). */
  generation(tenantId: string, key: string): number;
  /** Marks everything cached for the tenant that these changes can alter as stale; without changes, everything. */
  bump(tenantId: string, changes?: readonly PublicChange[]): void;
}

/**
 * The keys an answer reading `facet` depends on: the kind as a whole (moved
 * by a change to all of it), and its scopes read, or (`null`: all of them)
 * the key any scoped change of the kind moves.
 */
export const readKeys = (facet: PublicFacet, scopes: readonly string[] | null): string[] =>
  [facet, ...(scopes ? scopes.map((s) => `${facet}@${s}`) : [`${facet}@*`])];

/** The keys a change moves. */
const changedKeys = (change: PublicChange): string[] =>
  change.scopes ? [...change.scopes.map((s) => `${change.facet}@${s}`), `${change.facet}@*`] : [change.facet];

/** Generations kept in this process only. */
export function createInProcessInvalidation(): CacheInvalidation {
  const generations = new Map<string, number>();
  const at = (tenantId: string, key: string) => `${tenantId}\u0000${key}`;
  return {
    generation: (tenantId, key) => generations.get(at(tenantId, key)) ?? 0,
    bump(tenantId, changes = EVERYTHING) {
      for (const key of new Set(changes.flatMap(changedKeys))) generations.set(at(tenantId, key), (generations.get(at(tenantId, key)) ?? 0) + 1);
    },
  };
}
