import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import { reportFigures, reportStanding, ReportStanding, workingHoursBetween, type ReportKpiFacts } from '../../src/kpi/report-figures.js';
import type { ReportCommand, ReportCommandType } from '../../src/reports/report-commands.js';
import type { ReportEventData, ReportEventRecord } from '../../src/reports/report-event.js';
import { projectReport } from '../../src/reports/report-projection.js';
import { displayedDueAt, resolvedOnTime } from '../../src/reports/report-sla.js';
import { availableCommands, decideTransition, recordedEventType } from '../../src/reports/report-transitions.js';
import { computeSla } from '../../src/sla/compute-sla.js';
import type { SlaPolicyRule } from '../../src/sla/sla-types.js';

/**
 * Random legal timelines, generated through the transition table itself
 * (`availableCommands` then `decideTransition`, as `transitionReport` does),
 * with extensions, questions to the citizen, returns, hops, draft answers,
 * "not fixed" answers and reopenings. The KPI figures read the columns
 * `transitionReport` stores at each report's last step; they must agree with
 * the timelines read afresh at the query's `now`.
 */

const VN = 'Asia/Ho_Chi_Minh';
const calendar = buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: { from: 2025, to: 2027 } });
const START = Date.parse('2026-03-02T01:00:00Z');
const MINUTE = 60_000;
const UNIT_A = '00000000-0000-4000-8000-00000000000a';
const UNIT_B = '00000000-0000-4000-8000-00000000000b';
/** A sub-unit of each unit (the transition table does not check the hierarchy; `forwardTarget` does, against the database). */
const subUnit = (unitId: string | null) => `${(unitId ?? UNIT_A).slice(0, -2)}${((parseInt((unitId ?? UNIT_A).slice(-2), 16) + 1) % 256).toString(16).padStart(2, '0')}`;

/** One random decision per step: which available command, after how long, and its inputs. */
const stepArb = fc.record({
  pick: fc.nat(1_000),
  afterMinutes: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 5 * 24 * 60 })),
  notFixed: fc.boolean(),
  rating: fc.integer({ min: 1, max: 5 }),
  rateOnReopen: fc.boolean(),
  extensionMinutes: fc.integer({ min: 1, max: 3_000 }),
  unit: fc.constantFrom<string>(UNIT_A, UNIT_B),
});
const reportArb = fc.record({ startMinutes: fc.integer({ min: 0, max: 60 * 24 * 60 }), steps: fc.array(stepArb, { maxLength: 24 }) });
const policyArb = fc.record({
  clock: fc.constantFrom('WORKING' as const, 'CALENDAR' as const),
  classifyMinutes: fc.integer({ min: 30, max: 900 }),
  acceptMinutes: fc.integer({ min: 30, max: 900 }),
  resolveMinutes: fc.integer({ min: 120, max: 6_000 }),
  warnRatio: fc.constant(0.75),
});

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function actorsFor(reportId: string, unitId: string | null): Actor[] {
  const actors: Actor[] = [
    { role: 'IOC_OPERATOR', userId: 'ioc' },
    { role: 'SYSTEM', name: 'auto-close' },
    { role: 'CITIZEN', reportId },
  ];
  if (unitId) actors.push({ role: 'UNIT_OFFICER', userId: 'officer', unitId }, { role: 'UNIT_LEADER', userId: 'leader', unitId });
  return actors;
}

function commandFor(type: ReportCommandType, s: Step, holder: string | null): ReportCommand {
  switch (type) {
    case 'CLASSIFY': return { type, categoryId: '00000000-0000-4000-8000-000000000001' };
    case 'REJECT': return { type, rejection: 'OUT_OF_SCOPE', reason: 'not ours' };
    case 'ASSIGN': return { type, unitId: s.unit };
    case 'FORWARD': return { type, unitId: subUnit(holder) };
    case 'RETURN': return { type, reason: 'wrong unit' };
    case 'EXTEND':
    case 'REQUEST_EXTENSION': return { type, extensionMinutes: s.extensionMinutes, reason: 'more time' };
    case 'REQUEST_INFO': return { type, reason: 'which street?' };
    case 'PROVIDE_INFO': return { type, reason: 'Lê Duẩn' };
    case 'RESOLVE':
    case 'DRAFT_ANSWER': return s.notFixed ? { type, answer: 'cannot', outcome: 'NOT_FIXED', reason: 'private land' } : { type, answer: 'fixed' };
    case 'RATE': return { type, rating: s.rating };
    case 'REOPEN': return { type, reason: 'still broken', ...(s.rateOnReopen ? { rating: s.rating } : {}) };
    case 'REFUSE_EXTENSION':
    case 'SEND_BACK_ANSWER': return { type, reason: 'no' };
    default: return { type };
  }
}

/** The event payload, as `transitionReport` builds it. */
function eventData(command: ReportCommand, timeline: readonly ReportEventRecord[], actor: Actor): ReportEventData {
  const held = projectReport(timeline);
  const unit = 'unitId' in actor ? { actorUnitId: actor.unitId } : {};
  switch (command.type) {
    case 'CLASSIFY': return { ...unit, categoryId: command.categoryId, visibility: 'PUBLIC' };
    case 'ASSIGN': return { ...unit, unitId: command.unitId };
    case 'REJECT': return { ...unit, rejection: command.rejection };
    case 'FORWARD': return { ...unit, unitId: command.unitId, ...(held.unitId ? { fromUnitId: held.unitId } : {}) };
    case 'RETURN': {
      const forwarder = held.forwarders.at(-1);
      return { ...unit, ...(forwarder && held.unitId ? { unitId: forwarder, fromUnitId: held.unitId } : {}) };
    }
    case 'EXTEND':
    case 'REQUEST_EXTENSION': return { ...unit, extensionMinutes: command.extensionMinutes };
    case 'APPROVE_EXTENSION': return { ...unit, extensionMinutes: held.pendingExtension?.extensionMinutes ?? 0, approvedSeq: held.pendingExtension?.seq ?? 0 };
    case 'RESOLVE':
    case 'DRAFT_ANSWER': return { ...unit, answer: command.answer, ...(command.outcome === 'NOT_FIXED' ? { outcome: command.outcome } : {}) };
    case 'APPROVE_ANSWER': return { ...unit, answer: held.pendingAnswer?.answer ?? '', ...(held.pendingAnswer?.outcome ? { outcome: held.pendingAnswer.outcome } : {}) };
    case 'RATE': return { rating: command.rating };
    case 'REOPEN': return command.rating !== undefined ? { rating: command.rating } : {};
    default: return unit;
  }
}

/** Plays the random decisions through the transition table. */
function playTimeline(reportId: string, startMinutes: number, steps: readonly Step[]): ReportEventRecord[] {
  let at = START + startMinutes * MINUTE;
  const timeline: ReportEventRecord[] = [
    { seq: 1, type: 'SUBMIT', fromStatus: null, toStatus: 'SUBMITTED', actorId: null, actorRole: 'CITIZEN', at: new Date(at), reason: null, data: {} },
  ];
  for (const s of steps) {
    const held = projectReport(timeline);
    const subject = {
      id: reportId,
      status: held.status,
      unitId: held.unitId,
      forwardedBy: held.forwarders.at(-1) ?? null,
      pendingExtension: held.pendingExtension !== null,
      pendingAnswer: held.pendingAnswer !== null,
    };
    const options = actorsFor(reportId, held.unitId).flatMap((actor) => availableCommands(subject, actor).map((type) => ({ actor, type })));
    if (options.length === 0) break;
    const { actor, type } = options[s.pick % options.length]!;
    const command = commandFor(type, s, held.unitId);
    const decision = decideTransition(subject, actor, command);
    at += s.afterMinutes * MINUTE;
    const reason = decision.reason ?? (type === 'APPROVE_ANSWER' && held.pendingAnswer?.outcome === 'NOT_FIXED' ? held.pendingAnswer.reason : null);
    timeline.push({
      seq: timeline.length + 1,
      type: recordedEventType(type),
      fromStatus: decision.fromStatus,
      toStatus: decision.toStatus,
      actorId: 'userId' in actor ? actor.userId : null,
      actorRole: actor.role,
      at: new Date(at),
      reason,
      data: eventData(command, timeline, actor),
    });
  }
  return timeline;
}

const slaEvents = (timeline: readonly ReportEventRecord[]) =>
  timeline.map((e) => ({ type: e.type, at: e.at, toStatus: e.toStatus, extensionMinutes: e.data.extensionMinutes }));

/** The columns `transitionReport` stores after the report's last step, and the three timeline facts the KPI query reads. */
function storedFacts(timeline: readonly ReportEventRecord[], policy: SlaPolicyRule): ReportKpiFacts {
  const p = projectReport(timeline);
  const sla = computeSla(slaEvents(timeline), calendar, policy, p.updatedAt);
  return {
    submittedAt: timeline[0]!.at,
    status: p.status,
    resolvedAt: p.resolvedAt,
    resolvedOnTime: resolvedOnTime(sla),
    resolutionOutcome: p.resolutionOutcome,
    dueAt: displayedDueAt(sla),
    answerDueAt: sla.answerDueAt,
    updatedAt: p.updatedAt,
    rating: p.rating,
    classified: timeline.some((e) => e.type === 'CLASSIFY'),
    returned: timeline.some((e) => e.type === 'RETURN'),
    reopened: timeline.some((e) => e.type === 'REOPEN'),
  };
}

/** The standing read straight from the timeline and the SLA clock at `now` (the oracle). */
function standingFromTimeline(timeline: readonly ReportEventRecord[], policy: SlaPolicyRule, now: Date): ReportStanding {
  const status = timeline.at(-1)!.toStatus;
  const sla = computeSla(slaEvents(timeline), calendar, policy, now);
  if (status === 'REJECTED') return ReportStanding.REJECTED;
  if (status === 'RESOLVED' || status === 'PUBLISHED' || status === 'CLOSED') {
    const answer = timeline.findLast((e) => e.type === 'RESOLVE')!;
    if (answer.data.outcome === 'NOT_FIXED') return ReportStanding.NOT_FIXED;
    return sla.outcome === 'ON_TIME' ? ReportStanding.RESOLVED_ON_TIME : ReportStanding.RESOLVED_LATE;
  }
  // Open: overdue once an answer given now would be late (before assignment: once the IOC's routing deadline has passed).
  const deadline = sla.answerDueAt ?? sla.current?.dueAt ?? null;
  return deadline && now.getTime() > deadline.getTime() ? ReportStanding.OPEN_OVERDUE : ReportStanding.OPEN_WITHIN_DEADLINE;
}

describe('report figures on random legal timelines', () => {
  it('agree with the timelines: each report in exactly one standing, the same one the SLA clock gives at now', () => {
    fc.assert(
      fc.property(policyArb, fc.array(reportArb, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 30 * 24 * 60 }), (policy, reports, laterMinutes) => {
        const timelines = reports.map((r, i) => playTimeline(`report-${i}`, r.startMinutes, r.steps));
        const lastAt = Math.max(...timelines.map((t) => t.at(-1)!.at.getTime()));
        const now = new Date(lastAt + laterMinutes * MINUTE);
        const facts = timelines.map((t) => storedFacts(t, policy));
        const expected = timelines.map((t) => standingFromTimeline(t, policy, now));
        expect(facts.map((f) => reportStanding(f, now))).toEqual(expected);

        const fig = reportFigures(facts, now, calendar);
        const n = (s: ReportStanding) => expected.filter((e) => e === s).length;
        expect(fig).toMatchObject({
          received: timelines.length,
          rejected: n('REJECTED'),
          resolvedOnTime: n('RESOLVED_ON_TIME'),
          resolvedLate: n('RESOLVED_LATE'),
          notFixed: n('NOT_FIXED'),
          openWithinDeadline: n('OPEN_WITHIN_DEADLINE'),
          openOverdue: n('OPEN_OVERDUE'),
          classified: timelines.filter((t) => t.some((e) => e.type === 'CLASSIFY')).length,
          returned: timelines.filter((t) => t.some((e) => e.type === 'RETURN')).length,
          reopened: timelines.filter((t) => t.some((e) => e.type === 'REOPEN')).length,
          published: timelines.filter((t) => ['PUBLISHED', 'CLOSED'].includes(t.at(-1)!.toStatus)).length,
          ratings: timelines.filter((t) => projectReport(t).rating !== null).length,
        });
        expect(fig.resolvedOnTime + fig.resolvedLate + fig.notFixed + fig.rejected + fig.openWithinDeadline + fig.openOverdue).toBe(fig.received);
        const answered = fig.resolvedOnTime + fig.resolvedLate + fig.notFixed;
        expect(fig.published).toBeLessThanOrEqual(answered);
        expect(fig.publishedShare).toBe(answered === 0 ? null : fig.published / answered);

        // Handling time: working hours from submission to the latest answer of resolved reports, never more than wall-clock time.
        const resolved = timelines.filter((_, i) => expected[i] === 'RESOLVED_ON_TIME' || expected[i] === 'RESOLVED_LATE');
        const hours = resolved.map((t) => workingHoursBetween(calendar, t[0]!.at, t.findLast((e) => e.type === 'RESOLVE')!.at)).sort((a, b) => a - b);
        if (hours.length === 0) {
          expect(fig.medianHandlingHours).toBeNull();
          expect(fig.p90HandlingHours).toBeNull();
        } else {
          expect(fig.medianHandlingHours!).toBeGreaterThanOrEqual(Math.round(hours[0]! * 10) / 10);
          expect(fig.medianHandlingHours!).toBeLessThanOrEqual(fig.p90HandlingHours!);
          expect(fig.p90HandlingHours!).toBeLessThanOrEqual(Math.round(hours.at(-1)! * 10) / 10);
          const wall = resolved.map((t) => (t.findLast((e) => e.type === 'RESOLVE')!.at.getTime() - t[0]!.at.getTime()) / 3_600_000);
          expect(hours.every((h, i) => h <= Math.max(...wall) && h >= 0 && i >= 0)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts a "not fixed" answer as its own outcome, never resolved, also once published and rated', () => {
    const policy: SlaPolicyRule = { clock: 'WORKING', classifyMinutes: 120, acceptMinutes: 240, resolveMinutes: 900, warnRatio: 0.75 };
    const base = { pick: 0, afterMinutes: 60, rating: 2, rateOnReopen: false, extensionMinutes: 60, unit: UNIT_A };
    // A scripted path: classify, assign, accept, resolve "not fixed", publish, rate.
    const script: ReportCommandType[] = ['CLASSIFY', 'ASSIGN', 'ACCEPT', 'RESOLVE', 'PUBLISH', 'RATE'];
    const timeline = playScripted(script, { ...base, notFixed: true });
    expect(timeline.at(-1)!.toStatus).toBe('CLOSED');
    const now = new Date(timeline.at(-1)!.at.getTime() + MINUTE);
    const fig = reportFigures([storedFacts(timeline, policy)], now, calendar);
    expect(fig).toMatchObject({ received: 1, notFixed: 1, resolvedOnTime: 0, resolvedLate: 0, published: 1, ratings: 1, medianHandlingHours: null });
    expect(timeline.findLast((e) => e.type === 'RESOLVE')?.reason).toBe('private land');
  });
});

/** Plays a fixed sequence of command types (each must be available to someone). */
function playScripted(script: readonly ReportCommandType[], step: Step): ReportEventRecord[] {
  const steps: Step[] = [];
  const timeline = playTimeline('scripted', 0, []);
  for (const type of script) {
    const held = projectReport(timeline);
    const subject = { id: 'scripted', status: held.status, unitId: held.unitId, forwardedBy: held.forwarders.at(-1) ?? null, pendingExtension: held.pendingExtension !== null, pendingAnswer: held.pendingAnswer !== null };
    const options = actorsFor('scripted', held.unitId).flatMap((actor) => availableCommands(subject, actor).map((t) => ({ actor, type: t })));
    const index = options.findIndex((o) => o.type === type);
    expect(index, `${type} from ${held.status}`).toBeGreaterThanOrEqual(0);
    steps.push({ ...step, pick: index });
    timeline.splice(0, timeline.length, ...playTimeline('scripted', 0, steps));
  }
  return timeline;
}
