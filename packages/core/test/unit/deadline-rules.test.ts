import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import { focalPointGapSince } from '../../src/deadlines/focal-point-gaps.js';
import { addWorkingDays, workingDayMinutes } from '../../src/deadlines/working-days.js';

const VN = 'Asia/Ho_Chi_Minh';
const at = (local: string): Date => DateTime.fromISO(local, { zone: VN }).toJSDate();
const show = (d: Date): string => DateTime.fromJSDate(d, { zone: VN }).toFormat("yyyy-MM-dd'T'HH:mm");
/** Tết 2026: Mon 16 – Fri 20 February off; Saturday 21 a make-up working day. */
const cal = buildWorkingCalendar({
  timezone: VN,
  weeklyHours: VIETNAM_OFFICE_HOURS,
  years: [2026],
  overrides: [{ date: '2026-02-21', kind: 'WORKING_DAY', name: 'Làm bù' }],
});

describe('working days', () => {
  it('are the longest office day: 450 minutes in the Vietnamese week', () => {
    expect(workingDayMinutes(cal)).toBe(450);
  });

  it.each([
    ['2026-03-05T10:00', 1, '2026-03-06T10:00'], // Thursday → Friday
    ['2026-03-06T10:00', 1, '2026-03-09T10:00'], // Friday → over the weekend → Monday
    ['2026-02-12T10:00', 3, '2026-02-23T10:00'], // Thursday before Tết → Fri, make-up Sat 21, Mon 23
    ['2026-02-13T17:00', 1, '2026-02-21T17:00'], // Friday evening before Tết → the make-up Saturday
  ])('from %s, %i day(s) later is %s', (start, days, due) => {
    expect(show(addWorkingDays(cal, at(start), days))).toBe(due);
  });
});

describe('a unit’s focal-point gap', () => {
  const created = at('2026-01-01T00:00');
  const now = at('2026-02-24T08:00');
  const row = (role: 'LEADER' | 'STAFF', from: string, to: string | null = null) => ({ role, validFrom: at(from), validTo: to ? at(to) : null });

  it('is none while an open leader and an open staff row exist', () => {
    expect(focalPointGapSince(created, [row('LEADER', '2026-01-02T08:00'), row('STAFF', '2026-01-02T08:00')], now)).toBeNull();
  });

  it('starts when the last row of the missing role ended', () => {
    const rows = [row('LEADER', '2026-01-02T08:00'), row('STAFF', '2026-01-02T08:00', '2026-02-01T08:00'), row('STAFF', '2026-02-02T08:00', '2026-02-12T17:00')];
    expect(focalPointGapSince(created, rows, now)).toEqual(at('2026-02-12T17:00'));
  });

  it('starts at the unit’s creation for a role never filled, and at the earlier of two missing roles', () => {
    expect(focalPointGapSince(created, [row('LEADER', '2026-01-02T08:00')], now)).toEqual(created);
    const rows = [row('LEADER', '2026-01-02T08:00', '2026-02-10T08:00'), row('STAFF', '2026-01-02T08:00', '2026-02-12T08:00')];
    expect(focalPointGapSince(created, rows, now)).toEqual(at('2026-02-10T08:00'));
  });

  it('goes by the rows, not the unit’s creation, once a role has had one (rows may predate the unit’s row)', () => {
    const rows = [row('LEADER', '2025-06-01T08:00'), row('STAFF', '2025-06-01T08:00', '2025-12-01T08:00')];
    expect(focalPointGapSince(created, rows, now)).toEqual(at('2025-12-01T08:00'));
  });

  it('ignores rows that begin later and counts a row ending later as open', () => {
    const rows = [row('LEADER', '2026-01-02T08:00', '2026-03-01T08:00'), row('STAFF', '2026-03-01T08:00')];
    expect(focalPointGapSince(created, rows, now)).toEqual(created);
  });
});
