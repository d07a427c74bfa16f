import { followReportAsCitizen, type CoreContext, type PublicTimelineEntry } from '@paht/core';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { citizenStepsOf, type CitizenSteps } from './citizen-steps.js';
import { reportEventsOf } from './live-registry.js';
import type { ReportChange, ReportEvents } from './report-events.js';
import { shareable } from './shared-execution.js';

/** What a citizen's stream carries: the current step, read at subscribe time, then where each later step is. */
export type CitizenTick = { trackingCode: string; entry: PublicTimelineEntry } | { trackingCode: string; reportId: string; seq: number };

/**
 * Followers a step is handed to before the event loop is let go: the
 * sockets of one chunk are written, then pending requests (the mutation's
 * own answer among them) and other reports get their turn.
 */
export const CITIZEN_FANOUT_CHUNK = 250;

/** One citizen's stream of one report: its first item, then each later step once, in order. `return()` stops following. */
class Follower implements AsyncIterableIterator<CitizenTick> {
  private readonly queue: CitizenTick[];
  private waiting: ((item: IteratorResult<CitizenTick, undefined>) => void) | null = null;
  private over = false;

  constructor(
    first: CitizenTick,
    /** The last step this follower has (or has queued). */
    private seen: number,
    private readonly leave: () => void,
  ) {
    this.queue = [first];
  }

  /** Queues the step unless this follower already has it; true when queued. */
  offer(tick: CitizenTick & { seq: number }): boolean {
    if (this.over || tick.seq <= this.seen) return false;
    this.seen = tick.seq;
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting({ done: false, value: tick });
    else this.queue.push(tick);
    return true;
  }

  next(): Promise<IteratorResult<CitizenTick, undefined>> {
    const item = this.queue.shift();
    if (item) return Promise.resolve({ done: false, value: item });
    if (this.over) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<CitizenTick, undefined>> {
    if (!this.over) {
      this.over = true;
      this.queue.length = 0;
      this.leave();
      this.waiting?.({ done: true, value: undefined });
      this.waiting = null;
    }
    return Promise.resolve({ done: true, value: undefined });
  }

  async throw(error: unknown): Promise<IteratorResult<CitizenTick, undefined>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

interface ReportFollowers {
  trackingCode: string;
  followers: Set<Follower>;
  /** The delivery of the last step handed out: steps of a report go out one after the other, in order. */
  delivering: Promise<void>;
}

interface TenantFollowers {
  reports: Map<string, ReportFollowers>;
  /** Changes seen while a follower's first read runs, one list per such follower. */
  reading: Set<ReportChange[]>;
  unlisten: () => void;
}

/**
 * The citizens following reports (`reportStatus`) in this process, by
 * tenant and report. Each tenant's change channel has one listener here,
 * whatever the number of followers; a change reaches only the followers of
 * its report, in that tenant. For each step: one read (`citizen-steps.ts`),
 * one event object handed to every follower (`shareable`: followers with
 * the same document and variables share one execution of it), in chunks of
 * `CITIZEN_FANOUT_CHUNK` with the event loop let go between them, after the
 * mutation that made the step has been answered or at least let through.
 */
export interface CitizenFollowers {
  /**
   * Checks the secret (core's `followReportAsCitizen`: NOT_FOUND or
   * FORBIDDEN) and follows the report: the current step first, then each
   * later one. Listens before reading, so no step is lost; a step the read
   * already showed does not come again.
   */
  follow(tenantId: string, trackingCode: string, secret: string): Promise<AsyncIterableIterator<CitizenTick>>;
  /** Followers in this process. */
  readonly size: number;
}

export function createCitizenFollowers(core: CoreContext, events: ReportEvents, steps: CitizenSteps): CitizenFollowers {
  const tenants = new Map<string, TenantFollowers>();
  let size = 0;

  const tenantOf = (tenantId: string): TenantFollowers => {
    let tenant = tenants.get(tenantId);
    if (!tenant) {
      const created: TenantFollowers = { reports: new Map(), reading: new Set(), unlisten: () => {} };
      created.unlisten = events.listen(tenantId, (change) => changed(created, change));
      tenants.set(tenantId, (tenant = created));
    }
    return tenant;
  };
  const release = (tenantId: string, tenant: TenantFollowers) => {
    if (tenant.reports.size > 0 || tenant.reading.size > 0 || tenants.get(tenantId) !== tenant) return;
    tenants.delete(tenantId);
    tenant.unlisten();
  };

  function changed(tenant: TenantFollowers, change: ReportChange): void {
    for (const seen of tenant.reading) seen.push(change);
    const report = tenant.reports.get(change.reportId);
    if (!report) return;
    // A failed delivery (the read) leaves the followers waiting for the next step, as before: never a wrong one.
    report.delivering = report.delivering.then(() => deliver(report, change)).catch(() => undefined);
  }

  async function deliver(report: ReportFollowers, change: ReportChange): Promise<void> {
    // The one read of the step, before any follower is woken: their executions find it in the memo.
    // A failure here is met again, and reported, by the executions.
    await steps.step(change.tenantId, change.reportId, change.seq).catch(() => null);
    const tick = shareable({ trackingCode: report.trackingCode, reportId: change.reportId, seq: change.seq });
    let handed = 0;
    for (const follower of [...report.followers]) {
      if (follower.offer(tick) && ++handed % CITIZEN_FANOUT_CHUNK === 0) await nextTurn();
    }
  }

  return {
    get size() {
      return size;
    },
    async follow(tenantId, trackingCode, secret) {
      const tenant = tenantOf(tenantId);
      const seenWhileReading: ReportChange[] = [];
      tenant.reading.add(seenWhileReading);
      let followed;
      try {
        followed = await followReportAsCitizen(core, tenantId, trackingCode, secret);
      } catch (error) {
        tenant.reading.delete(seenWhileReading);
        release(tenantId, tenant);
        throw error;
      }
      tenant.reading.delete(seenWhileReading);
      const { reportId } = followed;
      let report = tenant.reports.get(reportId);
      if (!report) tenant.reports.set(reportId, (report = { trackingCode: followed.trackingCode, followers: new Set(), delivering: Promise.resolve() }));
      const mine = report;
      const current = followed.timeline[followed.timeline.length - 1]!;
      const follower: Follower = new Follower({ trackingCode: mine.trackingCode, entry: current }, current.seq, () => {
        size -= 1;
        mine.followers.delete(follower);
        if (mine.followers.size === 0 && tenant.reports.get(reportId) === mine) tenant.reports.delete(reportId);
        release(tenantId, tenant);
      });
      size += 1;
      // Steps taken while the read ran that it did not show (a step it showed is refused by `offer`).
      for (const change of seenWhileReading) {
        if (change.reportId === reportId) follower.offer({ trackingCode: mine.trackingCode, reportId, seq: change.seq });
      }
      mine.followers.add(follower);
      return follower;
    },
  };
}

const registry = new WeakMap<CoreContext, { events: ReportEvents; followers: CitizenFollowers }>();

/**
 * The followers of the process for this core (one per running app), on its
 * report-change bus: a new app on the same core (a restart in the same
 * process) registers a new bus, and gets new followers listening on it.
 */
export function citizenFollowersOf(core: CoreContext): CitizenFollowers {
  const events = reportEventsOf(core);
  let entry = registry.get(core);
  if (!entry || entry.events !== events) {
    entry = { events, followers: createCitizenFollowers(core, events, citizenStepsOf(core)) };
    registry.set(core, entry);
  }
  return entry.followers;
}
