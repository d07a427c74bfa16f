import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { workingMinutesBetween } from '../calendar/working-time.js';
import type { ReportEventData } from '../reports/report-event.js';
import { clockMinutesBetween } from '../sla/clock-arithmetic.js';
import type { SlaPolicyRule } from '../sla/sla-types.js';

/** The holder credited with the IOC's stages (receiving, classifying, routing). */
export const IOC_HOLDER = 'IOC';

/**
 * What ended a stage: the timeline event, or NOT_FIXED for a "closed – not
 * fixed" outcome; null while the stage runs.
 */
export const StageEnd = {
  ASSIGN: 'ASSIGN',
  REJECT: 'REJECT',
  RETURN: 'RETURN',
  FORWARD: 'FORWARD',
  RESOLVE: 'RESOLVE',
  NOT_FIXED: 'NOT_FIXED',
} as const;
export type StageEnd = (typeof StageEnd)[keyof typeof StageEnd];

/** The part of a timeline event the stages read (a `ReportEventRecord` fits). */
export interface StageTimelineEvent {
  type: string;
  at: Date;
  data?: Pick<ReportEventData, 'unitId' | 'fromUnitId' | 'extensionMinutes'> & { outcome?: string };
}

/** One stretch of a report's handling, credited to one holder. */
export interface HolderStage {
  /** Who is credited: `IOC` or a unit id (a returned assignment is its router's: the IOC's, or the forwarding unit's). */
  holder: string;
  /** The unit that had the report in its queue; null for the IOC's own stages. */
  unitId: string | null;
  /** 0 the IOC, 1 the assigned unit, 2 a sub-unit it forwarded to, and so on. */
  depth: number;
  startedAt: Date;
  endedAt: Date | null;
  endedBy: StageEnd | null;
  /** The unit accepted the assignment (or forward) during the stage. */
  accepted: boolean;
  /** Working minutes of the tenant's calendar, time waiting for the citizen excluded (to `now` while open). */
  workingMinutes: number;
  /** Minutes (on the policy's clock) waiting for the citizen. */
  pausedMinutes: number;
  /** Minutes on the policy's clock, pauses excluded (equals `workingMinutes` for a WORKING policy). */
  usedMinutes: number;
  /** Minutes the stage was allowed on the policy's clock (see `reportStages`). */
  allowedMinutes: number;
  /** usedMinutes > allowedMinutes (at the end, or at `now` while open). */
  late: boolean;
  /** Ended by RESOLVE and later reopened by the citizen. */
  reopened: boolean;
}

interface Draft extends Omit<HolderStage, 'workingMinutes' | 'pausedMinutes' | 'usedMinutes' | 'allowedMinutes' | 'late'> {
  pauses: { from: Date; to: Date | null }[];
  /** The resolution round the stage spends from; null for IOC stages and returned top-level assignments. */
  round: Round | null;
  /** Returned stages and IOC stages have fixed allowances. */
  fixedAllowance: number | null;
}

interface Round {
  resolveMinutes: number;
  /** EXTENDs granted in the round, with their instants. */
  extensions: { at: Date; minutes: number }[];
}

/** Whether an event records a "closed – not fixed" answer: a RESOLVE with `data.outcome` NOT_FIXED (migration 0015). */
export function isNotFixedEvent(ev: StageTimelineEvent): boolean {
  return ev.type === 'RESOLVE' && ev.data?.outcome === 'NOT_FIXED';
}

function readDrafts(timeline: readonly StageTimelineEvent[], policy: SlaPolicyRule): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  /** The chain of units holding the report: [assigned unit, first hop, …]. */
  let chain: string[] = [];
  let round: Round | null = null;
  let lastResolved: Draft | null = null;

  const open = (holder: string, unitId: string | null, at: Date, r: Round | null, fixedAllowance: number | null): Draft => {
    const d: Draft = { holder, unitId, depth: chain.length, startedAt: at, endedAt: null, endedBy: null, accepted: false, reopened: false, pauses: [], round: r, fixedAllowance };
    drafts.push(d);
    return d;
  };
  const close = (at: Date, by: StageEnd): Draft | null => {
    const d = current;
    if (!d) return null;
    const last = d.pauses[d.pauses.length - 1];
    if (last && last.to === null) last.to = at;
    d.endedAt = at;
    d.endedBy = by;
    current = null;
    return d;
  };

  let submitted = false;
  for (const ev of timeline) {
    if (isNotFixedEvent(ev)) {
      lastResolved = close(ev.at, StageEnd.NOT_FIXED);
      round = null;
      continue;
    }
    switch (ev.type) {
      case 'SUBMIT':
        if (!submitted) current = open(IOC_HOLDER, null, ev.at, null, policy.classifyMinutes);
        submitted = true;
        break;
      case 'REJECT':
        close(ev.at, StageEnd.REJECT);
        break;
      case 'ASSIGN': {
        close(ev.at, StageEnd.ASSIGN);
        const unitId = ev.data?.unitId;
        if (!unitId) break;
        chain = [unitId];
        round = { resolveMinutes: policy.resolveMinutes, extensions: [] };
        current = open(unitId, unitId, ev.at, round, null);
        break;
      }
      case 'FORWARD': {
        close(ev.at, StageEnd.FORWARD);
        const unitId = ev.data?.unitId;
        if (!unitId) break;
        chain.push(unitId);
        current = open(unitId, unitId, ev.at, round, null);
        break;
      }
      case 'ACCEPT':
        if (current) current.accepted = true;
        break;
      case 'RETURN': {
        const returned = close(ev.at, StageEnd.RETURN);
        if (chain.length > 1) {
          // A hop sent back: the forwarder routed it wrongly; its answer deadline ran on.
          chain.pop();
          const forwarder = chain[chain.length - 1]!;
          if (returned) Object.assign(returned, { holder: forwarder, fixedAllowance: policy.acceptMinutes });
          current = open(forwarder, forwarder, ev.at, round, null);
          current.accepted = true;
        } else {
          // Back with the IOC: the assignment was the IOC's (no answer deadline ran), a new round of routing.
          if (returned) Object.assign(returned, { holder: IOC_HOLDER, round: null, fixedAllowance: policy.acceptMinutes });
          chain = [];
          round = null;
          current = open(IOC_HOLDER, null, ev.at, null, policy.classifyMinutes);
        }
        break;
      }
      case 'EXTEND':
        if (round && ev.data?.extensionMinutes) round.extensions.push({ at: ev.at, minutes: ev.data.extensionMinutes });
        break;
      case 'REQUEST_INFO':
        if (current && current.pauses.every((p) => p.to !== null)) current.pauses.push({ from: ev.at, to: null });
        break;
      case 'PROVIDE_INFO': {
        const last = current?.pauses[current.pauses.length - 1];
        if (last && last.to === null) last.to = ev.at;
        break;
      }
      case 'RESOLVE':
        lastResolved = close(ev.at, StageEnd.RESOLVE);
        round = null;
        break;
      case 'REOPEN': {
        const holder = chain[chain.length - 1];
        if (lastResolved) lastResolved.reopened = true;
        if (!holder) break;
        round = { resolveMinutes: policy.resolveMinutes, extensions: [] };
        current = open(holder, holder, ev.at, round, null);
        current.accepted = true;
        break;
      }
      default:
        // CLASSIFY, START, PUBLISH, RATE, CLOSE, requests and drafts: the holder does not change.
        break;
    }
  }
  return drafts;
}

/**
 * The stages of one report's handling, each credited to the holder that
 * held it. Pure: `now` measures the stage still running.
 *
 * - The IOC holds the report from submission to the assignment (or the
 *   rejection), and again from a unit's return to the next assignment;
 *   allowance `classifyMinutes` per round.
 * - The assigned unit holds it from the ASSIGN to its FORWARD, RESOLVE, a
 *   "not fixed" close, or its RETURN. A returned assignment is credited to
 *   the IOC (it routed wrongly) with the acceptance allowance
 *   (`acceptMinutes`); a returned hop to the forwarding unit, which holds the
 *   report again from the return.
 * - A FORWARD makes a new hop (depth + 1) for the sub-unit.
 * - A resolution round starts at the ASSIGN the unit kept, runs through its
 *   hops, and ends at the RESOLVE; a REOPEN starts a new round for the unit
 *   that answered (and marks that answer `reopened`). The round's allowance
 *   is `resolveMinutes` plus the EXTENDs granted in it; each stage of the
 *   round is allowed what is left of it when the stage ends (extensions
 *   granted so far, minus what earlier stages of the round used), so the
 *   stages of a round add up to the report's answer stage of the SLA clock.
 * - Time waiting for the citizen (REQUEST_INFO … PROVIDE_INFO) is excluded.
 * - `late`: more minutes used than allowed, on the policy's clock.
 */
export function reportStages(
  timeline: readonly StageTimelineEvent[],
  calendar: WorkingCalendar,
  policy: SlaPolicyRule,
  now: Date,
): HolderStage[] {
  const usedByRound = new Map<Round, number>();
  return readDrafts(timeline, policy).map((d) => {
    const end = d.endedAt ?? now;
    const within = (p: { from: Date; to: Date | null }): [Date, Date] => [p.from, p.to && p.to < end ? p.to : end];
    const pausedWorking = d.pauses.reduce((s, p) => s + workingMinutesBetween(calendar, ...within(p)), 0);
    const pausedClock = d.pauses.reduce((s, p) => s + clockMinutesBetween(policy.clock, calendar, ...within(p)), 0);
    const workingMinutes = Math.max(0, workingMinutesBetween(calendar, d.startedAt, end) - pausedWorking);
    const usedMinutes = Math.max(0, clockMinutesBetween(policy.clock, calendar, d.startedAt, end) - pausedClock);
    let allowedMinutes = d.fixedAllowance ?? 0;
    if (d.round) {
      const before = usedByRound.get(d.round) ?? 0;
      if (d.fixedAllowance === null) {
        const granted = d.round.extensions.filter((x) => x.at.getTime() <= end.getTime()).reduce((s, x) => s + x.minutes, 0);
        allowedMinutes = Math.max(0, d.round.resolveMinutes + granted - before);
      }
      usedByRound.set(d.round, before + usedMinutes);
    }
    return {
      holder: d.holder,
      unitId: d.unitId,
      depth: d.depth,
      startedAt: d.startedAt,
      endedAt: d.endedAt,
      endedBy: d.endedBy,
      accepted: d.accepted,
      workingMinutes,
      pausedMinutes: pausedClock,
      usedMinutes,
      allowedMinutes,
      late: usedMinutes > allowedMinutes + 1e-9,
      reopened: d.reopened,
    };
  });
}
