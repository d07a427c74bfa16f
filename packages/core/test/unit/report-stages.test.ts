import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import { leagueTable } from '../../src/kpi/league-table.js';
import { IOC_HOLDER, reportStages, type HolderStage } from '../../src/kpi/report-stages.js';
import type { ReportCommand, ReportCommandType } from '../../src/reports/report-commands.js';
import type { ReportEventData, ReportEventRecord } from '../../src/reports/report-event.js';
import { projectReport } from '../../src/reports/report-projection.js';
import { availableCommands, decideTransition, recordedEventType } from '../../src/reports/report-transitions.js';
import { computeSla } from '../../src/sla/compute-sla.js';
import type { SlaPolicyRule } from '../../src/sla/sla-types.js';

/**
 * Stages on random legal timelines, played through the transition table
 * (as `transitionReport` does): they cover the report's handling without
 * gaps or overlaps, each is credited as docs/kpis.md says, each round's
 * stages add up to the SLA clock's RESOLVE stage, and the league table's
 * routing counts agree with the timelines.
 */

const VN = 'Asia/Ho_Chi_Minh';
const calendar = buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: { from: 2025, to: 2027 } });
const START = Date.parse('2026-03-02T01:00:00Z');
const MINUTE = 60_000;
const UNITS = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
/** A sub-unit id one above the holder's (the table does not check the hierarchy; the database does). */
const subUnit = (unitId: string | null) => {
  const id = unitId ?? UNITS[0]!;
  return `${id.slice(0, -2)}${((parseInt(id.slice(-2), 16) + 1) % 256).toString(16).padStart(2, '0')}`;
};

const stepArb = fc.record({
  pick: fc.nat(1_000),
  afterMinutes: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 5 * 24 * 60 })),
  notFixed: fc.boolean(),
  extensionMinutes: fc.integer({ min: 1, max: 3_000 }),
  unit: fc.constantFrom(...UNITS),
});
const policyArb = fc.record({
  clock: fc.constantFrom('WORKING' as const, 'CALENDAR' as const),
  classifyMinutes: fc.integer({ min: 30, max: 900 }),
  acceptMinutes: fc.integer({ min: 30, max: 900 }),
  resolveMinutes: fc.integer({ min: 120, max: 6_000 }),
  warnRatio: fc.constant(0.75),
});
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function commandFor(type: ReportCommandType, s: Step, holder: string | null): ReportCommand {
  switch (type) {
    case 'CLASSIFY': return { type, categoryId: '00000000-0000-4000-8000-000000000001' };
    case 'REJECT': return { type, rejection: 'OUT_OF_SCOPE', reason: 'not ours' };
    case 'ASSIGN': return { type, unitId: s.unit };
    case 'FORWARD': return { type, unitId: subUnit(holder) };
    case 'EXTEND':
    case 'REQUEST_EXTENSION': return { type, extensionMinutes: s.extensionMinutes, reason: 'more time' };
    case 'RESOLVE':
    case 'DRAFT_ANSWER': return s.notFixed ? { type, answer: 'cannot', outcome: 'NOT_FIXED', reason: 'private land' } : { type, answer: 'fixed' };
    case 'RATE': return { type, rating: 4 };
    case 'RETURN':
    case 'REQUEST_INFO':
    case 'PROVIDE_INFO':
    case 'REOPEN':
    case 'REFUSE_EXTENSION':
    case 'SEND_BACK_ANSWER': return { type, reason: 'because' };
    default: return { type };
  }
}

/** The payload `transitionReport` records (the parts the stages read). */
function eventData(command: ReportCommand, timeline: readonly ReportEventRecord[]): ReportEventData {
  const held = projectReport(timeline);
  switch (command.type) {
    case 'ASSIGN': return { unitId: command.unitId };
    case 'FORWARD': return { unitId: command.unitId, ...(held.unitId ? { fromUnitId: held.unitId } : {}) };
    case 'RETURN': {
      const forwarder = held.forwarders.at(-1);
      return forwarder && held.unitId ? { unitId: forwarder, fromUnitId: held.unitId } : {};
    }
    case 'EXTEND': return { extensionMinutes: command.extensionMinutes };
    case 'APPROVE_EXTENSION': return { extensionMinutes: held.pendingExtension?.extensionMinutes ?? 0 };
    case 'RESOLVE':
    case 'DRAFT_ANSWER': return { answer: command.answer, ...(command.outcome === 'NOT_FIXED' ? { outcome: command.outcome } : {}) };
    case 'APPROVE_ANSWER': return { answer: held.pendingAnswer?.answer ?? '', ...(held.pendingAnswer?.outcome ? { outcome: held.pendingAnswer.outcome } : {}) };
    default: return {};
  }
}

function playTimeline(reportId: string, steps: readonly Step[]): ReportEventRecord[] {
  let at = START;
  const timeline: ReportEventRecord[] = [
    { seq: 1, type: 'SUBMIT', fromStatus: null, toStatus: 'SUBMITTED', actorId: null, actorRole: 'CITIZEN', at: new Date(at), reason: null, data: {} },
  ];
  for (const s of steps) {
    const held = projectReport(timeline);
    const subject = { id: reportId, status: held.status, unitId: held.unitId, forwardedBy: held.forwarders.at(-1) ?? null, pendingExtension: held.pendingExtension !== null, pendingAnswer: held.pendingAnswer !== null };
    const actors: Actor[] = [{ role: 'IOC_OPERATOR', userId: 'ioc' }, { role: 'CITIZEN', reportId }];
    if (held.unitId) actors.push({ role: 'UNIT_OFFICER', userId: 'officer', unitId: held.unitId }, { role: 'UNIT_LEADER', userId: 'leader', unitId: held.unitId });
    const options = actors.flatMap((actor) => availableCommands(subject, actor).map((type) => ({ actor, type })));
    if (options.length === 0) break;
    const { actor, type } = options[s.pick % options.length]!;
    const command = commandFor(type, s, held.unitId);
    const decision = decideTransition(subject, actor, command);
    at += s.afterMinutes * MINUTE;
    timeline.push({ seq: timeline.length + 1, type: recordedEventType(type), fromStatus: decision.fromStatus, toStatus: decision.toStatus, actorId: null, actorRole: actor.role, at: new Date(at), reason: decision.reason, data: eventData(command, timeline) });
  }
  return timeline;
}

const sum = (stages: readonly HolderStage[], key: 'usedMinutes') => stages.reduce((s, x) => s + x[key], 0);

describe('report stages on random legal timelines', () => {
  it('cover the handling without gaps, are credited as documented, and add up to the SLA clock’s answer stages', () => {
    fc.assert(
      fc.property(policyArb, fc.array(stepArb, { maxLength: 30 }), fc.integer({ min: 0, max: 10 * 24 * 60 }), (policy: SlaPolicyRule, steps, laterMinutes) => {
        const timeline = playTimeline('r', steps);
        const now = new Date(timeline.at(-1)!.at.getTime() + laterMinutes * MINUTE);
        const stages = reportStages(timeline, calendar, policy, now);

        // Contiguous: the IOC first, each stage from the previous one's end (after an answer: from the REOPEN); only the last may run.
        expect(stages[0]).toMatchObject({ holder: IOC_HOLDER, depth: 0, startedAt: timeline[0]!.at });
        for (const [i, s] of stages.entries()) {
          const next = stages[i + 1];
          if (next) {
            expect(s.endedAt).not.toBeNull();
            if (s.endedBy === 'RESOLVE' || s.endedBy === 'NOT_FIXED') expect(next.startedAt.getTime()).toBeGreaterThanOrEqual(s.endedAt!.getTime());
            else expect(next.startedAt).toEqual(s.endedAt);
          }
          // Credit: the IOC for its own stages and returned assignments; a returned hop to its forwarder; otherwise the holding unit.
          if (s.unitId === null) expect(s.holder).toBe(IOC_HOLDER);
          else if (s.endedBy === 'RETURN') expect(s.holder).toBe(s.depth === 1 ? IOC_HOLDER : stages.slice(0, i).findLast((p) => p.depth === s.depth - 1)!.unitId);
          else expect(s.holder).toBe(s.unitId);
          expect(s.workingMinutes).toBeGreaterThanOrEqual(0);
        }

        // Each SLA RESOLVE stage (a round) = the unit stages inside it, kept assignments only.
        const sla = computeSla(timeline.map((e) => ({ type: e.type, at: e.at, toStatus: e.toStatus, extensionMinutes: e.data.extensionMinutes })), calendar, policy, now);
        for (const round of sla.stages.filter((x) => x.stage === 'RESOLVE')) {
          const end = (round.completedAt ?? now).getTime();
          const inRound = stages.filter((s) => s.unitId !== null && !(s.depth === 1 && s.endedBy === 'RETURN') && s.startedAt.getTime() >= round.startedAt.getTime() && (s.endedAt ?? now).getTime() <= end);
          expect(sum(inRound, 'usedMinutes')).toBeCloseTo(round.usedMinutes, 2);
          // A late answer is some unit's: the stage during which the allowance ran out is late. Without extensions
          // (which are granted to the stages that end after them), an answer on time leaves every kept stage on time.
          if (Math.abs(round.usedMinutes - round.allowedMinutes) > 0.01) {
            const kept = inRound.filter((s) => s.endedBy !== 'RETURN');
            if (round.usedMinutes > round.allowedMinutes) expect(inRound.some((s) => s.late)).toBe(true);
            else if (!timeline.some((e) => e.type === 'EXTEND')) expect(kept.filter((s) => s.late)).toEqual([]);
          }
        }

        // The league table's routing agrees with the timeline.
        const table = leagueTable([{ reportId: 'r', stages }], [], { minReports: 1 });
        const rows = [...table.ranked, ...table.unranked, ...(table.ioc ? [table.ioc] : [])];
        const count = (...types: string[]) => timeline.filter((e) => types.includes(e.type)).length;
        expect(rows.reduce((s, r) => s + r.routed, 0)).toBe(count('ASSIGN', 'FORWARD'));
        expect(rows.reduce((s, r) => s + r.bounced, 0)).toBe(count('RETURN'));
        expect(rows.reduce((s, r) => s + r.returned, 0)).toBe(count('RETURN'));
        expect(rows.reduce((s, r) => s + r.reopened, 0)).toBe(count('REOPEN'));
      }),
      { numRuns: 300 },
    );
  });
});
