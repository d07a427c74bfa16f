import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import { DomainError } from '../../src/errors.js';
import type { ReportEventRecord } from '../../src/reports/report-event.js';
import { projectReport } from '../../src/reports/report-projection.js';
import type { ReportEventType, ReportStatus } from '../../src/reports/report-status.js';
import { availableCommands, decideTransition, type TransitionSubject } from '../../src/reports/report-transitions.js';
import { computeSla } from '../../src/sla/compute-sla.js';
import type { SlaPolicyRule, SlaTimelineEvent } from '../../src/sla/sla-types.js';

// The unit queue's pure rules: a hop's own ACCEPT stage beside the running
// RESOLVE stage, returns to the forwarding unit, the table's guards.

const VN = 'Asia/Ho_Chi_Minh';
/** 07:30–11:30, 13:30–17:00; 2026-03-09 is a Monday. Accept 4 h, resolve 2 working days. */
const cal = buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: [2026] });
const policy: SlaPolicyRule = { clock: 'WORKING', classifyMinutes: 120, acceptMinutes: 240, resolveMinutes: 900, warnRatio: 0.75 };
const at = (local: string): Date => DateTime.fromISO(local, { zone: VN }).toJSDate();
const show = (d: Date | null | undefined): string | null => (d ? DateTime.fromJSDate(d, { zone: VN }).toFormat("yyyy-MM-dd'T'HH:mm") : null);

const ROADS = '00000000-0000-4000-8000-000000000001';
const TEAM = '00000000-0000-4000-8000-000000000002';
const CREW = '00000000-0000-4000-8000-000000000003';

type Step = [ReportEventType, string, ReportStatus, Partial<ReportEventRecord['data']>?];
const events = (...steps: Step[]): ReportEventRecord[] =>
  steps.map(([type, local, toStatus, data], i) => ({ seq: i + 1, type, fromStatus: null, toStatus, actorId: null, actorRole: 'X', at: at(local), reason: null, data: data ?? {} }));
const sla = (timeline: ReportEventRecord[], now: string) =>
  computeSla(timeline.map((e): SlaTimelineEvent => ({ type: e.type, at: e.at, toStatus: e.toStatus, extensionMinutes: e.data.extensionMinutes })), cal, policy, at(now));

/** Assigned to Roads Monday 09:30, accepted 10:00: the answer is due Wednesday 09:30. */
const held: Step[] = [
  ['SUBMIT', '2026-03-09T08:00', 'SUBMITTED'],
  ['CLASSIFY', '2026-03-09T09:00', 'CLASSIFIED'],
  ['ASSIGN', '2026-03-09T09:30', 'ASSIGNED', { unitId: ROADS }],
  ['ACCEPT', '2026-03-09T10:00', 'ACCEPTED'],
];

describe('a hop on the SLA clock', () => {
  it('opens the sub-unit’s own ACCEPT stage while the RESOLVE stage runs on', () => {
    const s = sla(events(...held, ['FORWARD', '2026-03-09T10:30', 'ASSIGNED', { unitId: TEAM }]), '2026-03-09T11:00');
    expect(s.stages.map((x) => [x.stage, show(x.startedAt), show(x.dueAt), show(x.completedAt)])).toEqual([
      ['CLASSIFY', '2026-03-09T08:00', '2026-03-09T10:00', '2026-03-09T09:30'],
      ['ACCEPT', '2026-03-09T09:30', '2026-03-09T15:30', '2026-03-09T10:00'],
      ['RESOLVE', '2026-03-09T09:30', '2026-03-11T09:30', null],
      // 10:30 + 240 working minutes: 60 to 11:30, 180 from 13:30.
      ['ACCEPT', '2026-03-09T10:30', '2026-03-09T16:30', null],
    ]);
    expect(show(s.current?.dueAt)).toBe('2026-03-09T16:30');
    expect(show(s.answerDueAt)).toBe('2026-03-11T09:30');
  });

  it('closes only the hop’s stage when the sub-unit accepts or returns it, with no new IOC round', () => {
    const accepted = sla(events(...held, ['FORWARD', '2026-03-09T10:30', 'ASSIGNED', { unitId: TEAM }], ['ACCEPT', '2026-03-09T17:00', 'ACCEPTED']), '2026-03-10T08:00');
    expect(accepted.stages.at(-1)).toMatchObject({ stage: 'ACCEPT', state: 'MISSED' });
    expect(accepted.current).toMatchObject({ stage: 'RESOLVE' });
    expect(show(accepted.answerDueAt)).toBe('2026-03-11T09:30');

    const nested = events(
      ...held,
      ['FORWARD', '2026-03-09T10:30', 'ASSIGNED', { unitId: TEAM }],
      ['ACCEPT', '2026-03-09T10:45', 'ACCEPTED'],
      ['FORWARD', '2026-03-09T11:00', 'ASSIGNED', { unitId: CREW }],
      ['RETURN', '2026-03-09T11:15', 'IN_PROGRESS', { unitId: TEAM }],
      ['RETURN', '2026-03-09T11:20', 'IN_PROGRESS', { unitId: ROADS }],
    );
    const s = sla(nested, '2026-03-09T13:30');
    expect(s.stages.filter((x) => x.stage === 'CLASSIFY')).toHaveLength(1);
    expect(s.stages.filter((x) => x.stage === 'ACCEPT').every((x) => x.completedAt !== null)).toBe(true);
    expect(s.current).toMatchObject({ stage: 'RESOLVE' });
    expect(show(s.answerDueAt)).toBe('2026-03-11T09:30');
    // The projection follows the same hops: each return goes back one level.
    expect(projectReport(nested.slice(0, 7)).unitId).toBe(CREW);
    expect(projectReport(nested.slice(0, 7)).forwarders).toEqual([ROADS, TEAM]);
    expect(projectReport(nested.slice(0, 8))).toMatchObject({ unitId: TEAM, forwarders: [ROADS] });
    expect(projectReport(nested)).toMatchObject({ unitId: ROADS, forwarders: [] });
  });

  it('a RETURN without a hop still goes back to the IOC with a new CLASSIFY round', () => {
    const s = sla(events(...held.slice(0, 3), ['RETURN', '2026-03-09T10:00', 'CLASSIFIED']), '2026-03-09T10:30');
    expect(s.current).toMatchObject({ stage: 'CLASSIFY' });
  });
});

describe('the table’s unit-queue rules', () => {
  const officer: Actor = { role: 'UNIT_OFFICER', userId: 'u1', unitId: TEAM };
  const leader: Actor = { role: 'UNIT_LEADER', userId: 'u2', unitId: TEAM };
  const link = (reportId: string, unitId = TEAM): Actor => ({ role: 'ANSWER_LINK', reportId, unitId, linkId: 'l1' });
  const report = (over: Partial<TransitionSubject> = {}): TransitionSubject => ({ id: 'r1', status: 'IN_PROGRESS', unitId: TEAM, ...over });
  const code = (fn: () => unknown) => {
    try {
      fn();
      return 'OK';
    } catch (e) {
      return (e as DomainError).code;
    }
  };

  it('returns a forwarded report to the forwarding unit, an assigned one to the IOC', () => {
    expect(decideTransition(report({ status: 'ASSIGNED', forwardedBy: ROADS }), officer, { type: 'RETURN', reason: 'Không thuộc' }).toStatus).toBe('IN_PROGRESS');
    expect(decideTransition(report({ status: 'ASSIGNED' }), officer, { type: 'RETURN', reason: 'Không thuộc' }).toStatus).toBe('CLASSIFIED');
  });

  it('needs a pending request for the leader’s decisions, and one request at a time', () => {
    expect(code(() => decideTransition(report(), leader, { type: 'APPROVE_EXTENSION' }))).toBe('ILLEGAL_TRANSITION');
    expect(code(() => decideTransition(report({ pendingExtension: true }), leader, { type: 'APPROVE_EXTENSION' }))).toBe('OK');
    expect(code(() => decideTransition(report({ pendingExtension: true }), officer, { type: 'APPROVE_EXTENSION' }))).toBe('FORBIDDEN');
    expect(code(() => decideTransition(report({ pendingExtension: true }), officer, { type: 'REQUEST_EXTENSION', extensionMinutes: 60, reason: 'Mưa' }))).toBe('ILLEGAL_TRANSITION');
    expect(code(() => decideTransition(report(), leader, { type: 'APPROVE_ANSWER' }))).toBe('ILLEGAL_TRANSITION');
    expect(availableCommands(report({ pendingAnswer: true }), leader)).toEqual(expect.arrayContaining(['APPROVE_ANSWER', 'SEND_BACK_ANSWER']));
    expect(availableCommands(report(), leader)).not.toContain('APPROVE_ANSWER');
  });

  it('makes officers draft when the tenant requires answer approval; leaders answer directly', () => {
    expect(code(() => decideTransition(report({ answerApproval: true }), officer, { type: 'RESOLVE', answer: 'Đã xử lý' }))).toBe('FORBIDDEN');
    expect(code(() => decideTransition(report({ answerApproval: true }), leader, { type: 'RESOLVE', answer: 'Đã xử lý' }))).toBe('OK');
    expect(code(() => decideTransition(report({ answerApproval: false }), officer, { type: 'RESOLVE', answer: 'Đã xử lý' }))).toBe('OK');
    expect(availableCommands(report({ answerApproval: true }), officer)).not.toContain('RESOLVE');
  });

  it('lets an answer link draft only for its report and the unit holding it', () => {
    expect(code(() => decideTransition(report(), link('r1'), { type: 'DRAFT_ANSWER', answer: 'Đã vá' }))).toBe('OK');
    expect(code(() => decideTransition(report(), link('r2'), { type: 'DRAFT_ANSWER', answer: 'Đã vá' }))).toBe('FORBIDDEN');
    expect(code(() => decideTransition(report(), link('r1', ROADS), { type: 'DRAFT_ANSWER', answer: 'Đã vá' }))).toBe('FORBIDDEN');
    expect(code(() => decideTransition(report(), link('r1'), { type: 'RESOLVE', answer: 'Đã vá' }))).toBe('FORBIDDEN');
    expect(code(() => decideTransition(report(), link('r1'), { type: 'FORWARD', unitId: CREW }))).toBe('FORBIDDEN');
  });
});
