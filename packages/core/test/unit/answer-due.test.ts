import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import { answerDueOf } from '../../src/deadlines/answer-due.js';
import { addWorkingDays } from '../../src/deadlines/working-days.js';

const VN = 'Asia/Ho_Chi_Minh';
const at = (local: string): Date => DateTime.fromISO(local, { zone: VN }).toJSDate();
/** Tết 2026: Mon 16 – Fri 20 February off; Saturday 21 a make-up working day. */
const cal = buildWorkingCalendar({
  timezone: VN,
  weeklyHours: VIETNAM_OFFICE_HOURS,
  years: [2026],
  overrides: [{ date: '2026-02-21', kind: 'WORKING_DAY', name: 'Làm bù' }],
});
const open = (due: string | null) => ({ answerDueAt: due ? at(due) : null, answeredAt: null });

describe('the answer due date a citizen sees', () => {
  it('is none before the report has an answer deadline (not yet assigned)', () => {
    expect(answerDueOf(cal, open(null), at('2026-03-05T10:00'))).toBeNull();
  });

  it('counts the working days left, so N working days ahead reads N', () => {
    for (const days of [1, 2, 3, 5, 10]) {
      const now = at('2026-03-05T10:00');
      const due = addWorkingDays(cal, now, days);
      expect(answerDueOf(cal, { answerDueAt: due, answeredAt: null }, now)).toEqual({ at: due, workingDaysLeft: days, overdueWorkingDays: null });
    }
  });

  it.each([
    ['2026-03-05T16:00', '2026-03-05T17:00', 1], // an hour left today
    ['2026-03-06T16:00', '2026-03-09T10:00', 1], // Friday afternoon → Monday morning: 3.5 working hours
    ['2026-03-06T10:00', '2026-03-09T10:00', 1], // over the weekend
    ['2026-02-13T10:00', '2026-02-23T10:00', 2], // Friday before Tết → the make-up Saturday, Monday 23
    ['2026-03-05T18:00', '2026-03-06T07:30', 0], // evening before a due time at the first minute of the day
  ])('from %s, due %s: %i working day(s) left', (now, due, left) => {
    expect(answerDueOf(cal, open(due), at(now))?.workingDaysLeft).toBe(left);
  });

  it.each([
    ['2026-03-05T17:00', '2026-03-05T17:30', 1], // past the deadline, outside office hours: late all the same
    ['2026-03-05T10:00', '2026-03-06T10:00', 1],
    ['2026-03-05T10:00', '2026-03-09T10:01', 3], // Fri, Mon, a minute into a third day
    ['2026-02-13T10:00', '2026-02-23T10:00', 2], // across Tết: the make-up Saturday counts, the holidays do not
  ])('due %s, still open at %s: %i working day(s) late', (due, now, late) => {
    expect(answerDueOf(cal, open(due), at(now))).toEqual({ at: at(due), workingDaysLeft: null, overdueWorkingDays: late });
  });

  it('judges an answered report at its answer, not at now', () => {
    const due = at('2026-03-05T17:00');
    const later = at('2026-04-01T10:00');
    expect(answerDueOf(cal, { answerDueAt: due, answeredAt: at('2026-03-05T09:00') }, later)).toEqual({ at: due, workingDaysLeft: null, overdueWorkingDays: null });
    expect(answerDueOf(cal, { answerDueAt: due, answeredAt: at('2026-03-09T09:00') }, later)).toEqual({ at: due, workingDaysLeft: null, overdueWorkingDays: 2 });
  });
});
