import { citizenTimelineStep, type CoreContext, type PublicTimelineEntry } from '@paht/core';
import { LRUCache } from 'lru-cache';

/**
 * The steps citizens following a report receive live (`reportStatus`), read
 * once per step in this process and shared by every subscriber of that
 * report: a change to a report followed by 10,000 clients costs one read,
 * not 10,000. Subscribers have had their secret checked once, at subscribe
 * time (`followReportAsCitizen`); a step is keyed by tenant, report and
 * position, and read under the tenant's row-level security, so it only ever
 * reaches the subscribers of that report in that tenant (the stream filters
 * by both).
 */
export interface CitizenSteps {
  /** The step at `seq` as the citizen sees it, or null when the tenant has no such step. Concurrent callers share one read. */
  step(tenantId: string, reportId: string, seq: number): Promise<PublicTimelineEntry | null>;
  /** Database reads made so far (each a miss of the memo). */
  readonly reads: number;
}

/** How long a step stays in memory after its read: subscribers still catching up get it from here. */
export const CITIZEN_STEP_TTL_MS = 60_000;
/** Steps kept at most (a few hundred bytes each). */
export const CITIZEN_STEPS_MAX = 10_000;

interface StepKey {
  tenantId: string;
  reportId: string;
  seq: number;
}

export function createCitizenSteps(core: CoreContext): CitizenSteps {
  let reads = 0;
  // A step never changes once written (a timeline only grows), so a kept one is never stale but for a renamed hop unit, for at most the TTL.
  const cache = new LRUCache<string, PublicTimelineEntry, StepKey>({
    max: CITIZEN_STEPS_MAX,
    ttl: CITIZEN_STEP_TTL_MS,
    // lru-cache shares one call among concurrent fetches of a key; a failed read is not kept, so the next change retries.
    fetchMethod: async (_key, _stale, { context }) => {
      reads += 1;
      // undefined: nothing kept (no such step, or not yet visible).
      return (await citizenTimelineStep(core, context.tenantId, context.reportId, context.seq)) ?? undefined;
    },
  });
  return {
    get reads() {
      return reads;
    },
    async step(tenantId, reportId, seq) {
      return (await cache.fetch(`${tenantId}/${reportId}/${seq}`, { context: { tenantId, reportId, seq } })) ?? null;
    },
  };
}

const registry = new WeakMap<CoreContext, CitizenSteps>();

/** The memo of the process for this core (one per running app). */
export function citizenStepsOf(core: CoreContext): CitizenSteps {
  let steps = registry.get(core);
  if (!steps) {
    steps = createCitizenSteps(core);
    registry.set(core, steps);
  }
  return steps;
}
