import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import type { ReportEventType, ReportStatus } from '../../src/reports/report-status.js';
import { addClockMinutes, clockMinutesBetween } from '../../src/sla/clock-arithmetic.js';
import { computeSla } from '../../src/sla/compute-sla.js';
import type { SlaPolicyRule, SlaStage, SlaTimelineEvent } from '../../src/sla/sla-types.js';

const VN = 'Asia/Ho_Chi_Minh';
/** 07:30–11:30, 13:30–17:00 → 450 working minutes a day. 2026-03-09 is a Monday. */
const cal = buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: [2026] });
/** Working clock: classify 2 h, accept 4 h, resolve 2 working days; warning from 75 % (675 of 900). */
const policy: SlaPolicyRule = { clock: 'WORKING', classifyMinutes: 120, acceptMinutes: 240, resolveMinutes: 900, warnRatio: 0.75 };

const at = (local: string): Date => DateTime.fromISO(local, { zone: VN }).toJSDate();
const show = (d: Date | null): string | null => (d ? DateTime.fromJSDate(d, { zone: VN }).toFormat("yyyy-MM-dd'T'HH:mm") : null);

const NEXT: Partial<Record<ReportEventType, ReportStatus>> = {
  SUBMIT: 'SUBMITTED', CLASSIFY: 'CLASSIFIED', REJECT: 'REJECTED', ASSIGN: 'ASSIGNED', ACCEPT: 'ACCEPTED',
  RETURN: 'CLASSIFIED', START: 'IN_PROGRESS', REQUEST_INFO: 'WAITING_FOR_CITIZEN', PROVIDE_INFO: 'IN_PROGRESS',
  RESOLVE: 'RESOLVED', PUBLISH: 'PUBLISHED', RATE: 'CLOSED', REOPEN: 'IN_PROGRESS', CLOSE: 'CLOSED',
};

/** `['ASSIGN', '2026-03-09T09:30']`, or `['EXTEND', time, minutes]`; statuses follow the transitions. */
function timeline(...steps: Array<[ReportEventType, string, number?]>): SlaTimelineEvent[] {
  let status: ReportStatus = 'SUBMITTED';
  return steps.map(([type, local, extensionMinutes]) => {
    status = NEXT[type] ?? status;
    return { type, at: at(local), toStatus: status, ...(extensionMinutes === undefined ? {} : { extensionMinutes }) };
  });
}

/** The fields a reader checks, with times in local wall-clock time. */
const view = (s: SlaStage | null) =>
  s && {
    stage: s.stage, startedAt: show(s.startedAt), dueAt: show(s.dueAt), completedAt: show(s.completedAt),
    allowed: s.allowedMinutes, used: s.usedMinutes, paused: s.pausedMinutes, isPaused: s.paused, state: s.state,
  };

/** Submitted Monday 08:00, classified 09:00, assigned 09:30, accepted 10:00. */
const intake = timeline(
  ['SUBMIT', '2026-03-09T08:00'], ['CLASSIFY', '2026-03-09T09:00'],
  ['ASSIGN', '2026-03-09T09:30'], ['ACCEPT', '2026-03-09T10:00'], ['START', '2026-03-09T10:05'],
);
const resolvedAt = (local: string) => [...intake, ...timeline(['RESOLVE', local])];

describe('computeSla: a report handled in one go', () => {
  it('measures every stage and calls an answer within the deadline on time', () => {
    const sla = computeSla(resolvedAt('2026-03-10T15:00'), cal, policy, at('2026-03-20T00:00'));
    expect(sla.stages.map(view)).toEqual([
      // 08:00 + 120 → 10:00; runs to the assignment (classification included): used 90
      { stage: 'CLASSIFY', startedAt: '2026-03-09T08:00', dueAt: '2026-03-09T10:00', completedAt: '2026-03-09T09:30', allowed: 120, used: 90, paused: 0, isPaused: false, state: 'MET' },
      // 09:30 + 240: 120 until 11:30, 13:30 + 120 → 15:30; used 30
      { stage: 'ACCEPT', startedAt: '2026-03-09T09:30', dueAt: '2026-03-09T15:30', completedAt: '2026-03-09T10:00', allowed: 240, used: 30, paused: 0, isPaused: false, state: 'MET' },
      // from the ASSIGN: Mon 330 + Tue 450 + Wed 120 → Wed 09:30; used Mon 330 + Tue 240 + 90 = 660
      { stage: 'RESOLVE', startedAt: '2026-03-09T09:30', dueAt: '2026-03-11T09:30', completedAt: '2026-03-10T15:00', allowed: 900, used: 660, paused: 0, isPaused: false, state: 'MET' },
    ]);
    expect(sla.outcome).toBe('ON_TIME');
    expect(sla.current).toBeNull();
    expect(sla.breached).toBe(false);
    expect(sla.resolution?.remainingMinutes).toBe(240);
  });

  it('calls an answer after the deadline overdue', () => {
    const sla = computeSla(resolvedAt('2026-03-11T10:00'), cal, policy, at('2026-03-20T00:00'));
    // used 330 + 450 + 150 = 930 > 900
    expect(view(sla.resolution)).toMatchObject({ used: 930, state: 'MISSED', dueAt: '2026-03-11T09:30' });
    expect(sla.resolution?.remainingMinutes).toBe(-30);
    expect(sla.outcome).toBe('OVERDUE');
  });

  it('misses a deadline at Friday 17:00 with a Saturday answer, though no working minute was exceeded', () => {
    const friday = timeline(['SUBMIT', '2026-03-13T15:00'], ['CLASSIFY', '2026-03-13T16:00'], ['ASSIGN', '2026-03-14T09:00']);
    const sla = computeSla(friday, cal, policy, at('2026-03-20T00:00'));
    expect(view(sla.stages[0] ?? null)).toMatchObject({ dueAt: '2026-03-13T17:00', used: 120, state: 'MISSED' });
  });
});

describe('computeSla: an open stage at `now`', () => {
  it.each([
    // now, used (Mon 330 + Tue …), state
    ['2026-03-10T10:00', 480, 'ON_TRACK'], // 330 + 150
    ['2026-03-10T15:14', 674, 'ON_TRACK'], // 330 + 240 + 104, just under 675
    ['2026-03-10T15:15', 675, 'WARNING'], //  330 + 240 + 105 = 0.75 × 900
    ['2026-03-11T09:30', 900, 'WARNING'], //  exactly the allowance: not yet breached
    ['2026-03-11T10:00', 930, 'BREACHED'], // 330 + 450 + 150
  ])('at %s has used %i minutes and is %s', (now, used, state) => {
    const sla = computeSla(intake, cal, policy, at(now));
    expect(view(sla.current)).toMatchObject({ stage: 'RESOLVE', used, state, dueAt: '2026-03-11T09:30', completedAt: null });
    expect(sla.current?.remainingMinutes).toBe(900 - used);
    expect(sla.breached).toBe(state === 'BREACHED');
    expect(sla.outcome).toBe('IN_PROGRESS');
  });

  it('shows the classification breached over the weekend', () => {
    const sla = computeSla(timeline(['SUBMIT', '2026-03-06T16:00']), cal, policy, at('2026-03-09T09:00'));
    // Fri 16:00–17:00 = 60 + Mon 07:30–09:00 = 90 → 150 > 120; due Mon 07:30 + 60 = 08:30
    expect(view(sla.current)).toMatchObject({ stage: 'CLASSIFY', used: 150, dueAt: '2026-03-09T08:30', state: 'BREACHED' });
    expect(sla.breached).toBe(true);
    expect(sla.outcome).toBe('IN_PROGRESS');
  });

  it('does not read the system clock: only `now` matters', () => {
    const now = at('2026-03-10T10:00');
    const before = computeSla(intake, cal, policy, now);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2099-01-01T00:00:00Z'));
    expect(computeSla(intake, cal, policy, now)).toEqual(before);
    expect(computeSla(intake, cal, policy, at('2026-03-11T10:00')).current?.usedMinutes).toBe(930);
  });
  afterEach(() => vi.useRealTimers());
});

describe('computeSla: extensions', () => {
  it('adds granted minutes to the allowance and the deadline', () => {
    const events = [...intake, ...timeline(['EXTEND', '2026-03-10T16:00', 450], ['RESOLVE', '2026-03-12T09:00'])];
    const sla = computeSla(events, cal, policy, at('2026-03-20T00:00'));
    // 1350 allowed: Wed 09:30 + 450 → Thu 09:30; used 330 + 450 + 450 + 90 = 1320
    expect(view(sla.resolution)).toMatchObject({ allowed: 1350, used: 1320, dueAt: '2026-03-12T09:30', state: 'MET' });
    expect(sla.outcome).toBe('ON_TIME');
  });

  it('keeps an extension granted before acceptance, drops one on a returned assignment', () => {
    const events = timeline(
      ['SUBMIT', '2026-03-09T08:00'], ['CLASSIFY', '2026-03-09T08:30'],
      ['ASSIGN', '2026-03-09T09:00'], ['EXTEND', '2026-03-09T09:10', 100], ['RETURN', '2026-03-09T09:20'],
      ['ASSIGN', '2026-03-09T09:30'], ['EXTEND', '2026-03-09T09:40', 60], ['ACCEPT', '2026-03-09T10:00'],
    );
    expect(computeSla(events, cal, policy, at('2026-03-09T11:00')).current?.allowedMinutes).toBe(960);
  });
});

describe('computeSla: waiting for the citizen', () => {
  const waiting = [...intake, ...timeline(['REQUEST_INFO', '2026-03-10T10:00'])];

  it('stops counting while waiting and computes the deadline as if work resumed now', () => {
    const sla = computeSla(waiting, cal, policy, at('2026-03-11T12:00'));
    // used stays Mon 330 + Tue 150 = 480; paused Tue 90 + 210 + Wed 240 = 540;
    // remaining 420 from Wed 12:00: Wed 210 + Thu 07:30 + 210 → 11:00
    expect(view(sla.current)).toMatchObject({ used: 480, paused: 540, isPaused: true, dueAt: '2026-03-12T11:00', state: 'ON_TRACK' });
  });

  it('moves the deadline later by the paused working time', () => {
    const events = [...waiting, ...timeline(['PROVIDE_INFO', '2026-03-12T10:00'], ['RESOLVE', '2026-03-13T09:00'])];
    const sla = computeSla(events, cal, policy, at('2026-03-20T00:00'));
    // paused Tue 300 + Wed 450 + Thu 150 = 900; used 480 + Thu 300 + Fri 90 = 870;
    // remaining 420 after Thu 10:00: Thu 300 + Fri 07:30 + 120 → 09:30 (without the pause: Wed 09:30, overdue)
    expect(view(sla.resolution)).toMatchObject({ used: 870, paused: 900, isPaused: false, dueAt: '2026-03-13T09:30', state: 'MET' });
    expect(sla.outcome).toBe('ON_TIME');
  });

  it('does not move a deadline that had already passed when the wait began', () => {
    const late = [...intake, ...timeline(['REQUEST_INFO', '2026-03-11T14:00'])];
    const sla = computeSla(late, cal, policy, at('2026-03-12T10:00'));
    // used 330 + 450 + 240 + 30 = 1050; paused Wed 180 + Thu 150 = 330; due stays Wed 09:30
    expect(view(sla.current)).toMatchObject({ used: 1050, paused: 330, isPaused: true, dueAt: '2026-03-11T09:30', state: 'BREACHED' });
    expect(sla.breached).toBe(true);
  });
});

describe('computeSla: returns and re-assignment', () => {
  const returned = timeline(
    ['SUBMIT', '2026-03-09T08:00'], ['CLASSIFY', '2026-03-09T08:30'],
    ['ASSIGN', '2026-03-09T09:00'], ['RETURN', '2026-03-09T14:00'],
  );

  it('runs a new round of the IOC’s stage while it holds a returned report', () => {
    const sla = computeSla(returned, cal, policy, at('2026-03-09T16:00'));
    // accept stage: 09:00–11:30 150 + 13:30–14:00 30 = 180; due 09:00 + 240 → 15:00
    expect(sla.stages.map(view)[1]).toMatchObject({ stage: 'ACCEPT', used: 180, dueAt: '2026-03-09T15:00', state: 'MET' });
    // back with the IOC at 14:00: a fresh 120 → 16:00, used 120 at 16:00 (WARNING, not yet past)
    expect(view(sla.current)).toMatchObject({ stage: 'CLASSIFY', startedAt: '2026-03-09T14:00', dueAt: '2026-03-09T16:00', used: 120, state: 'WARNING' });
    expect([sla.resolution, sla.answerDueAt, sla.outcome]).toEqual([null, null, 'IN_PROGRESS']);
  });

  it('runs the IOC’s deadline between classification and assignment (a weekend and Tết)', () => {
    // Classified on the Friday before Tết 2026 (holidays Mon 16 – Fri 20 Feb); not yet assigned
    const waiting = timeline(['SUBMIT', '2026-02-13T16:00'], ['CLASSIFY', '2026-02-13T16:30']);
    const sla = computeSla(waiting, cal, policy, at('2026-02-23T07:45'));
    // Fri 16:00–17:00 = 60, then nothing until Mon 23 Feb 07:30: due 07:30 + 60 = 08:30
    expect(view(sla.current)).toMatchObject({ stage: 'CLASSIFY', dueAt: '2026-02-23T08:30', used: 75, state: 'ON_TRACK' });
  });

  it('starts the unit’s resolution clock at the assignment it accepted', () => {
    const events = [...returned, ...timeline(['ASSIGN', '2026-03-10T08:00'], ['ACCEPT', '2026-03-10T09:00'], ['RESOLVE', '2026-03-11T16:00'])];
    const sla = computeSla(events, cal, policy, at('2026-03-20T00:00'));
    expect(sla.stages.map((s) => `${s.stage}:${s.state}`)).toEqual(['CLASSIFY:MET', 'ACCEPT:MET', 'CLASSIFY:MISSED', 'ACCEPT:MET', 'RESOLVE:MET']);
    // from Tue 08:00: Tue 420 + Wed 240 + 150 = 810; due Tue 420 + Wed 450 + Thu 30 → Thu 08:00
    // (counted from Monday 09:00 it would be 360 more = 1170: overdue)
    expect(view(sla.resolution)).toMatchObject({ startedAt: '2026-03-10T08:00', used: 810, dueAt: '2026-03-12T08:00', state: 'MET' });
    expect(sla.outcome).toBe('ON_TIME');
  });
});

describe('computeSla: reopened reports', () => {
  const reopened = [...resolvedAt('2026-03-10T15:00'), ...timeline(['PUBLISH', '2026-03-10T16:00'], ['REOPEN', '2026-03-12T08:00'])];

  it('opens a new round with a fresh allowance; the report is in progress again', () => {
    const sla = computeSla(reopened, cal, policy, at('2026-03-13T10:00'));
    // round 2 from Thu 08:00: Thu 210 + 210 + Fri 150 = 570 (< 675)
    expect(sla.stages.map((s) => `${s.stage}:${s.state}`)).toEqual(['CLASSIFY:MET', 'ACCEPT:MET', 'RESOLVE:MET', 'RESOLVE:ON_TRACK']);
    expect(view(sla.resolution)).toMatchObject({ startedAt: '2026-03-12T08:00', used: 570, allowed: 900 });
    expect(sla.current).toBe(sla.resolution);
    expect(sla.outcome).toBe('IN_PROGRESS');
  });

  it('lets the latest round decide: an on-time first answer does not save a late second one', () => {
    const events = [...reopened, ...timeline(['RESOLVE', '2026-03-16T15:00'], ['PUBLISH', '2026-03-16T16:00'], ['RATE', '2026-03-17T08:00'])];
    const sla = computeSla(events, cal, policy, at('2026-03-20T00:00'));
    // used 420 + 450 + 240 + 90 = 1200; due Thu 420 + Fri 450 + Mon 30 → Mon 08:00
    expect(view(sla.resolution)).toMatchObject({ used: 1200, dueAt: '2026-03-16T08:00', state: 'MISSED' });
    expect(sla.outcome).toBe('OVERDUE');
  });

  it('reopens a closed report too', () => {
    const events = [...resolvedAt('2026-03-10T15:00'), ...timeline(['PUBLISH', '2026-03-10T16:00'], ['CLOSE', '2026-03-11T08:00'], ['REOPEN', '2026-03-12T08:00'])];
    expect(computeSla(events, cal, policy, at('2026-03-12T09:00')).current?.usedMinutes).toBe(60);
  });
});

describe('computeSla: rejected and empty reports', () => {
  it('does not judge a rejected report', () => {
    const sla = computeSla(timeline(['SUBMIT', '2026-03-09T08:00'], ['REJECT', '2026-03-09T11:00']), cal, policy, at('2026-03-20T00:00'));
    // classification took 180 > 120: MISSED, but the report is out of scope
    expect(view(sla.stages[0] ?? null)).toMatchObject({ stage: 'CLASSIFY', used: 180, state: 'MISSED' });
    expect([sla.outcome, sla.current, sla.resolution, sla.breached]).toEqual(['NOT_APPLICABLE', null, null, false]);
  });

  it('has nothing to measure without events', () => {
    expect(computeSla([], cal, policy, at('2026-03-09T08:00'))).toEqual({ stages: [], current: null, resolution: null, answerDueAt: null, outcome: 'IN_PROGRESS', breached: false });
  });
});

describe('computeSla: the date the unit must answer by', () => {
  const now = at('2026-03-09T12:00');
  const upTo = (n: number) => computeSla(intake.slice(0, n), cal, policy, now);

  it('has none before the report is assigned, only internal stage deadlines', () => {
    expect(show(upTo(1).answerDueAt)).toBeNull();
    expect(show(upTo(1).current?.dueAt ?? null)).toBe('2026-03-09T10:00');
    expect(show(upTo(2).answerDueAt)).toBeNull();
  });

  it('is, once assigned, the resolution deadline the unit gets by accepting (counted from the assignment)', () => {
    const assigned = upTo(3);
    expect(assigned.resolution).toBeNull();
    expect(show(assigned.current?.dueAt ?? null)).toBe('2026-03-09T15:30');
    expect(show(assigned.answerDueAt)).toBe('2026-03-11T09:30');
    expect(show(upTo(4).answerDueAt)).toBe(show(upTo(4).resolution!.dueAt));
    expect(show(upTo(4).answerDueAt)).toBe('2026-03-11T09:30');
  });

  it('moves with the time spent waiting for the citizen and stays the resolution deadline once answered', () => {
    const waiting = computeSla([...intake, ...timeline(['REQUEST_INFO', '2026-03-09T13:30'], ['PROVIDE_INFO', '2026-03-10T07:30'])], cal, policy, at('2026-03-10T08:00'));
    expect(show(waiting.answerDueAt)).toBe(show(waiting.resolution!.dueAt));
    // paused Mon 13:30–17:00 (210 working minutes): Wed 09:30 + 210 → 15:00
    expect(show(waiting.answerDueAt)).toBe('2026-03-11T15:00');
    const done = computeSla(resolvedAt('2026-03-10T15:00'), cal, policy, at('2026-03-20T00:00'));
    expect(show(done.answerDueAt)).toBe('2026-03-11T09:30');
  });
});

describe('computeSla: calendar-hours policies', () => {
  const hours: SlaPolicyRule = { clock: 'CALENDAR', classifyMinutes: 60, acceptMinutes: 120, resolveMinutes: 4320, warnRatio: 0.5 };
  const events = timeline(
    ['SUBMIT', '2026-03-06T16:30'], ['CLASSIFY', '2026-03-06T17:00'], ['ASSIGN', '2026-03-06T17:10'],
    ['ACCEPT', '2026-03-07T09:00'], ['REQUEST_INFO', '2026-03-08T17:10'], ['PROVIDE_INFO', '2026-03-09T17:10'],
    ['RESOLVE', '2026-03-10T18:00'],
  );

  it('counts weekends and nights, minus the wait', () => {
    const sla = computeSla(events, cal, hours, at('2026-03-20T00:00'));
    expect(sla.stages.map(view)).toMatchObject([
      { stage: 'CLASSIFY', used: 40, dueAt: '2026-03-06T17:30', state: 'MET' }, // to the assignment at 17:10
      { stage: 'ACCEPT', used: 950, dueAt: '2026-03-06T19:10', state: 'MISSED' }, // Fri 17:10 → Sat 09:00 = 15 h 50
      // 48 h before the wait + 24 h 50 after = 4370 > 4320; due Fri 17:10 + 72 h + 24 h paused = Tue 17:10
      { stage: 'RESOLVE', used: 4370, paused: 1440, dueAt: '2026-03-10T17:10', state: 'MISSED' },
    ]);
    expect(sla.outcome).toBe('OVERDUE');
  });
});

describe('clock arithmetic', () => {
  const friday = at('2026-03-06T16:30');
  it.each([
    ['WORKING', '2026-03-09T08:00', 60],
    ['CALENDAR', '2026-03-06T17:30', 60],
  ] as const)('adds 60 %s minutes to Friday 16:30 → %s', (clock, due, minutes) => {
    const end = addClockMinutes(clock, cal, friday, minutes);
    expect(show(end)).toBe(due);
    expect(clockMinutesBetween(clock, cal, friday, end)).toBe(minutes);
  });

  it('counts the whole weekend on the calendar clock and none of it on the working clock', () => {
    const monday = at('2026-03-09T08:00');
    expect(clockMinutesBetween('CALENDAR', cal, friday, monday)).toBe(63.5 * 60);
    expect(clockMinutesBetween('WORKING', cal, friday, monday)).toBe(60);
    expect(clockMinutesBetween('CALENDAR', cal, monday, friday)).toBe(0);
  });
});
