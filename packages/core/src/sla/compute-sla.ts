import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { ReportEventType, ReportStatus } from '../reports/report-status.js';
import { addClockMinutes, clockMinutesBetween } from './clock-arithmetic.js';
import { SlaOutcome, SlaStageName, SlaStageState } from './sla-types.js';
import type { SlaPolicyRule, SlaSnapshot, SlaStage, SlaTimelineEvent } from './sla-types.js';

const MINUTE_MS = 60_000;

type Pause = { from: Date; to: Date | null };

interface Draft {
  stage: SlaStageName;
  startedAt: Date;
  completedAt: Date | null;
  allowedMinutes: number;
  pauses: Pause[];
}

/** Ends a running pause of the stage at `at`. */
function resume(d: Draft, at: Date): void {
  const last = d.pauses[d.pauses.length - 1];
  if (last && last.to === null) last.to = at;
}

/**
 * Reads the timeline into stages (times only, nothing measured yet), and the
 * RESOLVE stage an assignment awaiting acceptance would open if accepted.
 */
function readStages(timeline: readonly SlaTimelineEvent[], policy: SlaPolicyRule): { drafts: Draft[]; pendingResolve: Draft | null } {
  const drafts: Draft[] = [];
  let classify: Draft | null = null;
  let accept: Draft | null = null;
  let resolve: Draft | null = null;
  let submitted = false;
  /** EXTEND minutes granted between an ASSIGN and its ACCEPT: they belong to the RESOLVE stage if accepted. */
  let pendingExtension = 0;
  /** Hops below the assigned unit (FORWARDs not yet returned); an ASSIGN starts again at 0. */
  let hops = 0;

  const open = (stage: SlaStageName, at: Date, allowedMinutes: number): Draft => {
    const d: Draft = { stage, startedAt: at, completedAt: null, allowedMinutes, pauses: [] };
    drafts.push(d);
    return d;
  };
  const close = (d: Draft | null, at: Date): null => {
    if (d && d.completedAt === null) {
      resume(d, at);
      d.completedAt = at;
    }
    return null;
  };

  for (const ev of timeline) {
    switch (ev.type) {
      case ReportEventType.SUBMIT:
        if (!submitted) classify = open(SlaStageName.CLASSIFY, ev.at, policy.classifyMinutes);
        submitted = true;
        break;
      case ReportEventType.CLASSIFY:
        // The IOC's stage runs on to the assignment: classifying is half of it.
        break;
      case ReportEventType.REJECT:
        classify = close(classify, ev.at);
        accept = close(accept, ev.at);
        resolve = close(resolve, ev.at);
        break;
      case ReportEventType.ASSIGN:
        classify = close(classify, ev.at);
        close(accept, ev.at);
        accept = open(SlaStageName.ACCEPT, ev.at, policy.acceptMinutes);
        pendingExtension = 0;
        hops = 0;
        break;
      case ReportEventType.FORWARD:
        // A hop: the sub-unit's own ACCEPT stage; the RESOLVE stage runs on.
        close(accept, ev.at);
        accept = open(SlaStageName.ACCEPT, ev.at, policy.acceptMinutes);
        hops += 1;
        break;
      case ReportEventType.ACCEPT:
        if (accept && hops > 0 && resolve) {
          accept = close(accept, ev.at);
        } else if (accept) {
          close(accept, ev.at);
          close(resolve, ev.at);
          resolve = open(SlaStageName.RESOLVE, accept.startedAt, policy.resolveMinutes + pendingExtension);
          accept = null;
        }
        break;
      case ReportEventType.RETURN:
        accept = close(accept, ev.at);
        if (hops > 0) {
          // Back to the forwarding unit, whose RESOLVE stage never stopped.
          hops -= 1;
          break;
        }
        pendingExtension = 0;
        // Back with the IOC: a new round of its stage, to the next assignment.
        classify = open(SlaStageName.CLASSIFY, ev.at, policy.classifyMinutes);
        break;
      case ReportEventType.EXTEND:
        if (resolve) resolve.allowedMinutes += ev.extensionMinutes ?? 0;
        else if (accept) pendingExtension += ev.extensionMinutes ?? 0;
        break;
      case ReportEventType.REQUEST_INFO:
        if (resolve && resolve.pauses.every((p) => p.to !== null)) resolve.pauses.push({ from: ev.at, to: null });
        break;
      case ReportEventType.PROVIDE_INFO:
        if (resolve) resume(resolve, ev.at);
        break;
      case ReportEventType.RESOLVE:
        resolve = close(resolve, ev.at);
        break;
      case ReportEventType.REOPEN:
        close(resolve, ev.at);
        resolve = open(SlaStageName.RESOLVE, ev.at, policy.resolveMinutes);
        break;
      default:
        // START, PUBLISH, RATE, CLOSE: no effect on the clock.
        break;
    }
  }
  const pendingResolve: Draft | null = accept
    ? { stage: SlaStageName.RESOLVE, startedAt: accept.startedAt, completedAt: null, allowedMinutes: policy.resolveMinutes + pendingExtension, pauses: [] }
    : null;
  return { drafts, pendingResolve };
}

/** Measures a stage at `now` (or at its completion). */
function measure(d: Draft, cal: WorkingCalendar, policy: SlaPolicyRule, now: Date): SlaStage {
  const clockMs = (from: Date, to: Date): number =>
    Math.round(clockMinutesBetween(policy.clock, cal, from, to) * MINUTE_MS);
  const end = d.completedAt ?? now;
  const pausedMs = d.pauses.reduce((sum, p) => {
    const to = p.to ?? end;
    return sum + clockMs(p.from, to.getTime() < end.getTime() ? to : end);
  }, 0);
  const usedMs = Math.max(0, clockMs(d.startedAt, end) - pausedMs);
  const allowedMs = Math.round(d.allowedMinutes * MINUTE_MS);

  // dueAt: walk the pauses in order; the allowance runs between them. Pauses
  // that begin after the allowance is spent do not move the deadline.
  let cursor = d.startedAt;
  let leftMs = allowedMs;
  for (const p of d.pauses) {
    const runMs = clockMs(cursor, p.from);
    if (runMs >= leftMs) break;
    leftMs -= runMs;
    const resumedAt = p.to ?? end;
    cursor = resumedAt.getTime() > p.from.getTime() ? resumedAt : p.from;
  }
  const dueAt = addClockMinutes(policy.clock, cal, cursor, Math.max(0, leftMs) / MINUTE_MS);

  const state: SlaStageState = d.completedAt
    ? d.completedAt.getTime() <= dueAt.getTime() ? SlaStageState.MET : SlaStageState.MISSED
    : usedMs > allowedMs ? SlaStageState.BREACHED
    : usedMs >= policy.warnRatio * allowedMs ? SlaStageState.WARNING
    : SlaStageState.ON_TRACK;

  const lastPause = d.pauses[d.pauses.length - 1];
  return {
    stage: d.stage,
    startedAt: d.startedAt,
    dueAt,
    completedAt: d.completedAt,
    allowedMinutes: d.allowedMinutes,
    usedMinutes: usedMs / MINUTE_MS,
    remainingMinutes: (allowedMs - usedMs) / MINUTE_MS,
    pausedMinutes: pausedMs / MINUTE_MS,
    paused: d.completedAt === null && lastPause !== undefined && lastPause.to === null,
    state,
  };
}

/**
 * The SLA clock of one report: its stages, deadlines and verdict at `now`.
 * Pure: `now` is the only time source; the system clock is never read.
 *
 * Stages (minutes on the policy's clock: working minutes of `calendar`, or
 * plain elapsed minutes for `CALENDAR`):
 * - CLASSIFY (IOC: receive, classify and forward): from the first SUBMIT to
 *   the first ASSIGN or a REJECT, classification included, so that a
 *   deadline runs between classification and assignment too; allowance
 *   `classifyMinutes`. A RETURN opens a new round of it (the IOC must route
 *   the report again) up to the next ASSIGN, with a fresh allowance.
 * - ACCEPT (unit): one per ASSIGN, to the following ACCEPT or RETURN;
 *   allowance `acceptMinutes`. A new ASSIGN closes a still-open one.
 * - Hops: a FORWARD to a sub-unit opens an ACCEPT stage of its own (the
 *   sub-unit's deadline to accept or return, allowance `acceptMinutes`),
 *   while the RESOLVE stage runs on unchanged: a hop moves the work, never
 *   the citizen's deadline. The sub-unit's ACCEPT closes the hop's stage
 *   only; its RETURN closes it and the report is the forwarder's again (no
 *   new CLASSIFY round).
 * - RESOLVE (unit): starts at the ASSIGN the unit then ACCEPTed (time lost on
 *   returned assignments is the IOC's) and ends at RESOLVE; allowance
 *   `resolveMinutes` plus every EXTEND granted within the stage (including
 *   between that ASSIGN and the ACCEPT; EXTENDs outside a RESOLVE stage or a
 *   pending assignment are ignored). REQUEST_INFO … PROVIDE_INFO pauses it:
 *   that time is `pausedMinutes` and is not `usedMinutes`. A REOPEN starts a
 *   new RESOLVE stage (round) at the REOPEN with a fresh allowance; the latest
 *   RESOLVE stage decides the outcome.
 * - REJECT ends whatever stage is open. CLASSIFY, START, PUBLISH, RATE, CLOSE,
 *   and the requests and drafts awaiting the unit leader (REQUEST_EXTENSION,
 *   REFUSE_EXTENSION, DRAFT_ANSWER, SEND_BACK_ANSWER) do nothing: an approved
 *   request is recorded as the EXTEND or RESOLVE it approves.
 *
 * Measures:
 * - `usedMinutes` = clock minutes from start to completion (or `now`) minus
 *   paused minutes; `remainingMinutes` = allowed − used.
 * - `dueAt` = the instant at which used would reach allowed if the stage ran
 *   on without further pauses: pauses that began before that instant push it
 *   later by their length on the policy's clock; while paused, it is computed
 *   as if work resumed at `now`.
 * - While open: BREACHED if used > allowed, WARNING if used ≥ warnRatio ×
 *   allowed, else ON_TRACK. Once completed: MET if completedAt ≤ dueAt, else
 *   MISSED. (With a WORKING clock, dueAt is the end of the last working minute:
 *   a deadline that falls at 17:00 on Friday is missed by an answer on
 *   Saturday, although no working minute was exceeded.)
 *
 * Verdict: `outcome` is NOT_APPLICABLE when the report's status (the last
 * event's `toStatus`) is REJECTED; ON_TIME / OVERDUE when the latest RESOLVE
 * stage is completed (MET / MISSED); IN_PROGRESS otherwise. `current` is the
 * open stage, if any; `breached` is true when it is BREACHED.
 *
 * Answer deadline: `answerDueAt` is the latest RESOLVE stage's `dueAt`; while
 * an assignment awaits acceptance (no RESOLVE stage yet), the `dueAt` that
 * stage would have if the unit accepted (it starts at that ASSIGN); null
 * before the first assignment and for reports rejected unassigned.
 *
 * @param timeline the report's events, in order.
 */
export function computeSla(
  timeline: readonly SlaTimelineEvent[],
  calendar: WorkingCalendar,
  policy: SlaPolicyRule,
  now: Date,
): SlaSnapshot {
  const { drafts, pendingResolve } = readStages(timeline, policy);
  const stages = drafts.map((d) => measure(d, calendar, policy, now));
  const current = stages.filter((s) => s.completedAt === null).pop() ?? null;
  const resolution = stages.filter((s) => s.stage === SlaStageName.RESOLVE).pop() ?? null;
  const status = timeline[timeline.length - 1]?.toStatus;

  let outcome: SlaOutcome;
  if (status === ReportStatus.REJECTED) outcome = SlaOutcome.NOT_APPLICABLE;
  else if (resolution?.completedAt) outcome = resolution.state === SlaStageState.MET ? SlaOutcome.ON_TIME : SlaOutcome.OVERDUE;
  else outcome = SlaOutcome.IN_PROGRESS;

  const answerDueAt = resolution?.dueAt ?? (pendingResolve ? measure(pendingResolve, calendar, policy, now).dueAt : null);
  return { stages, current, resolution, answerDueAt, outcome, breached: current?.state === SlaStageState.BREACHED };
}
