import { EVERYTHING, type PublicChange, type PublicFacet } from './public-facets.js';

/**
 * Which answers of a tenant are still current: generation counters per
 * tenant and kind of public answer (`PublicFacet`), and per scope within a
 * kind (a month of statistics, a report's tracker), moved on by every change
 * to that tenant's data that can alter them. A cached answer records the
 * generations of what it read (`readKeys`) before it is computed, and is
 * served only while they are all still the tenant's: a change applied after
 * the stamp makes it stale at once, whenever it is stored.
 *
 * In this process only (`createInProcessInvalidation`, one server process)
 * or shared by every process through Redis (`createRedisInvalidation`).
 * Changes reach it through `publicDataChanged` (public-changes.ts).
 */
export interface CacheInvalidation {
  /**
   * The tenant's current generation of one key (`readKeys`); NaN while this
   * process may be missing other processes' changes (no answer stamped or
   * checked then is served: NaN equals nothing).
   */
  generation(tenantId: string, key: string): number;
  /**
   * Marks everything cached for the tenant that these changes can alter as
   * stale (here at once; without changes, everything, the tenant's own row
   * included: `onTenantChanged`); resolves once the other processes have
   * been told (Redis), never rejects.
   */
  bump(tenantId: string, changes?: readonly PublicChange[]): Promise<void>;
  /** Stops sharing (closes its Redis connections). */
  close(): Promise<void>;
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

/** The keys some changes move, each once (without changes: every kind whole). */
export const keysOf = (changes: readonly PublicChange[] = EVERYTHING): string[] => [...new Set(changes.flatMap(changedKeys))];

/** Counters of one process, as `CacheInvalidation` reads them; `advanceAll` moves every key of every tenant at once. */
export interface Generations {
  generation: (tenantId: string, key: string) => number;
  apply: (tenantId: string, keys: readonly string[]) => void;
  advanceAll: () => void;
}

export function createGenerations(): Generations {
  const counters = new Map<string, number>();
  // Added to every counter: both only grow, so moving either moves the sum.
  let epoch = 0;
  const at = (tenantId: string, key: string) => `${tenantId}\u0000${key}`;
  return {
    generation: (tenantId, key) => (counters.get(at(tenantId, key)) ?? 0) + epoch,
    apply(tenantId, keys) {
      for (const key of keys) counters.set(at(tenantId, key), (counters.get(at(tenantId, key)) ?? 0) + 1);
    },
    advanceAll() {
      epoch += 1;
    },
  };
}

/** Called when all of a tenant changed (a merge): whatever else the process keeps of it (its row) is dropped too. */
export type TenantChanged = (tenantId: string) => void;

/** Generations kept in this process only. */
export function createInProcessInvalidation(onTenantChanged: TenantChanged = () => {}): CacheInvalidation {
  const generations = createGenerations();
  return {
    generation: generations.generation,
    async bump(tenantId, changes) {
      generations.apply(tenantId, keysOf(changes));
      if (!changes) onTenantChanged(tenantId);
    },
    close: async () => {},
  };
}
