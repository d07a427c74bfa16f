import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS, type CalendarOverride } from '../../src/calendar/working-calendar.js';
import { addWorkingMinutes, workingMinutesBetween } from '../../src/calendar/working-time.js';

const VN = 'Asia/Ho_Chi_Minh';
/** Office hours 07:30–11:30 and 13:30–17:00: 240 + 210 = 450 working minutes a day. */
const vnCalendar = (overrides: CalendarOverride[] = []) =>
  buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: { from: 2021, to: 2027 }, overrides });
const cal = vnCalendar();

const at = (local: string, zone = VN): Date => DateTime.fromISO(local, { zone }).toJSDate();
const show = (d: Date, zone = VN): string => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
const add = (local: string, minutes: number, c = cal): string => show(addWorkingMinutes(c, at(local), minutes)).slice(0, 16);

describe('addWorkingMinutes', () => {
  it.each([
    // start (local, 2026-03-09 is a Monday), minutes, due (local) — derivation
    ['2026-03-06T16:30', 60, '2026-03-09T08:00', 'Fri 16:30–17:00 = 30, Mon 07:30 + 30'],
    ['2026-03-10T11:00', 60, '2026-03-10T14:00', '11:00–11:30 = 30, lunch, 13:30 + 30'],
    ['2026-03-10T12:15', 30, '2026-03-10T14:00', 'starts in the lunch break: 13:30 + 30'],
    ['2026-03-10T06:00', 1, '2026-03-10T07:31', 'before opening: 07:30 + 1'],
    ['2026-03-10T11:00', 30, '2026-03-10T11:30', 'ends exactly at the end of a period: that end'],
    ['2026-03-10T19:00', 10, '2026-03-11T07:40', 'after closing: next morning'],
    ['2026-03-07T10:00', 450, '2026-03-09T17:00', 'Saturday: counting starts Monday 07:30, a whole day'],
    ['2026-03-09T07:30', 2250, '2026-03-13T17:00', 'five whole days Mon–Fri'],
    ['2026-03-09T07:30', 2251, '2026-03-16T07:31', 'one minute more spills to Monday'],
  ])('from %s plus %i working minutes is %s (%s)', (start, minutes, due) => {
    expect(add(start, minutes)).toBe(due);
  });

  it('returns start unchanged for 0 minutes, even outside working hours', () => {
    const saturday = at('2026-03-07T10:00');
    expect(addWorkingMinutes(cal, saturday, 0).getTime()).toBe(saturday.getTime());
  });

  it('honours fractional minutes to the second', () => {
    expect(show(addWorkingMinutes(cal, at('2026-03-09T07:30'), 0.5))).toBe('2026-03-09T07:30:30');
  });

  it('rejects negative or non-finite minutes', () => {
    expect(() => addWorkingMinutes(cal, at('2026-03-09T07:30'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cal, at('2026-03-09T07:30'), Number.NaN)).toThrow(RangeError);
  });

  it.each([
    ['Tết 2026', '2026-02-13T16:00', 120, '2026-02-23T08:30', 'Fri 60; weekend; Tết Mon 16–Fri 20; weekend; Mon 23 07:30 + 60'],
    ['Tết 2027', '2027-02-04T16:00', 120, '2027-02-12T08:30', 'Thu 60; Fri 5–Tue 9 Tết; Wed 10, Thu 11 compensatory; Fri 12'],
    ['National Day 2026', '2026-08-31T16:00', 120, '2026-09-03T08:30', 'Mon 60; Tue 1/9 and Wed 2/9 off; Thu'],
    ['compensatory day', '2026-04-24T17:00', 30, '2026-04-28T08:00', 'Hùng Kings Sun 26/4 → Mon 27/4 off; Tue'],
    ['Tết 2021 (seed years)', '2021-02-10T16:00', 120, '2021-02-18T08:30', 'Wed 60; Thu 11–Mon 15 Tết; Tue 16, Wed 17 compensatory'],
  ])('skips %s: %s + %i → %s (%s)', (_name, start, minutes, due) => {
    expect(add(start, minutes)).toBe(due);
  });

  it('follows plain weekday rules outside the built years', () => {
    // 2030-01-01 (Tuesday) would be New Year, but 2030 is not loaded: Mon 16:30 + 60 → Tue 08:00.
    expect(add('2029-12-31T16:30', 60)).toBe('2030-01-01T08:00');
  });
});

describe('tenant overrides', () => {
  it.each([
    ['an added holiday', { date: '2026-03-10', kind: 'HOLIDAY' }, '2026-03-09T16:30', 60, '2026-03-11T08:00'],
    ['a make-up Saturday (Monday hours)', { date: '2026-03-14', kind: 'WORKING_DAY' }, '2026-03-13T16:30', 60, '2026-03-14T08:00'],
    ['a holiday taken back', { date: '2026-09-01', kind: 'WORKING_DAY' }, '2026-08-31T16:00', 120, '2026-09-01T08:30'],
  ] as const)('honours %s', (_name, override, start, minutes, due) => {
    const c = vnCalendar([{ ...override, name: 'Quyết định của UBND tỉnh' }]);
    expect(add(start, minutes, c)).toBe(due);
    expect(add(start, minutes)).not.toBe(due); // and the national calendar alone would differ
  });

  it('uses makeUpDayHours on a worked weekend day', () => {
    const c = buildWorkingCalendar({
      timezone: VN,
      weeklyHours: VIETNAM_OFFICE_HOURS,
      years: [2026],
      overrides: [{ date: '2026-03-14', kind: 'WORKING_DAY', name: 'Làm bù' }],
      makeUpDayHours: [['08:00', '10:00']],
    });
    // Fri 16:30–17:00 = 30; Sat 08:00–10:00 = 120 → 150 ends Sat 10:00; 151 → Mon 07:31
    expect(add('2026-03-13T16:30', 150, c)).toBe('2026-03-14T10:00');
    expect(add('2026-03-13T16:30', 151, c)).toBe('2026-03-16T07:31');
  });
});

describe('buildWorkingCalendar', () => {
  const base = { timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: [2026] };

  it('loads the national holidays of the given years and lets overrides win', () => {
    const c = buildWorkingCalendar({
      ...base,
      years: { from: 2026, to: 2027 },
      overrides: [
        { date: '2026-09-01', kind: 'WORKING_DAY', name: 'Lấy lại ngày lễ' },
        { date: '2026-02-13', kind: 'HOLIDAY', name: 'Nghỉ hoán đổi' },
      ],
    });
    expect(c.holidays.get('2027-02-06')).toBe('Tết Nguyên Đán (mùng 1)');
    expect(c.holidays.has('2026-09-01')).toBe(false);
    expect(c.workingDays.get('2026-09-01')).toBe('Lấy lại ngày lễ');
    expect(c.holidays.get('2026-02-13')).toBe('Nghỉ hoán đổi');
    expect(c.makeUpDayHours).toEqual(VIETNAM_OFFICE_HOURS['1']);
  });

  it('sorts periods given out of order', () => {
    const c = buildWorkingCalendar({ ...base, weeklyHours: { '6': [['13:00', '17:00'], ['08:00', '12:00']] } });
    expect(c.weeklyHours['6']).toEqual([['08:00', '12:00'], ['13:00', '17:00']]);
    expect(c.makeUpDayHours).toEqual([['08:00', '12:00'], ['13:00', '17:00']]); // no Monday: first worked day
  });

  it.each([
    ['an unknown time zone', { timezone: 'Asia/Hanoi' }, /Unknown time zone "Asia\/Hanoi"/],
    ['a bad HH:mm', { weeklyHours: { '1': [['7:30', '11:30']] } }, /Invalid time "7:30"/],
    ['an hour out of range', { weeklyHours: { '1': [['07:30', '25:00']] } }, /Invalid time "25:00"/],
    ['a period ending before it starts', { weeklyHours: { '1': [['12:00', '08:00']] } }, /must end after it starts/],
    ['overlapping periods', { weeklyHours: { '2': [['08:00', '12:00'], ['11:00', '13:00']] } }, /weeklyHours\[2\]: periods overlap/],
    ['an unknown weekday', { weeklyHours: { '0': [['08:00', '12:00']] } }, /Invalid weekday "0"/],
    ['a reversed year range', { years: { from: 2027, to: 2021 } }, /Invalid year range/],
    ['a bad make-up day', { makeUpDayHours: [['08:00', '08:00']] }, /makeUpDayHours/],
    ['an impossible override date', { overrides: [{ date: '2026-02-30', kind: 'HOLIDAY', name: 'x' }] }, /2026-02-30/],
    [
      'contradictory overrides',
      {
        overrides: [
          { date: '2026-03-14', kind: 'HOLIDAY', name: 'x' },
          { date: '2026-03-14', kind: 'WORKING_DAY', name: 'y' },
        ],
      },
      /Contradictory overrides for 2026-03-14/,
    ],
  ])('rejects %s with a RangeError', (_name, change, message) => {
    const input = { ...base, ...change } as Parameters<typeof buildWorkingCalendar>[0];
    expect(() => buildWorkingCalendar(input)).toThrow(RangeError);
    expect(() => buildWorkingCalendar(input)).toThrow(message);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['2026-03-09T07:30', '2026-03-09T17:00', 450, 'one whole day'],
    ['2026-03-06T16:30', '2026-03-09T08:00', 60, 'over the weekend'],
    ['2026-03-09T11:00', '2026-03-09T14:00', 60, 'across lunch: 30 + 30'],
    ['2026-03-09T00:00', '2026-03-16T00:00', 2250, 'a calendar week'],
    ['2026-02-14T00:00', '2026-02-23T00:00', 0, 'Tết 2026 with its weekends'],
    ['2026-03-09T08:00', '2026-03-09T08:00', 0, 'empty interval'],
    ['2026-03-10T08:00', '2026-03-09T08:00', 0, 'end before start'],
  ])('from %s to %s is %i (%s)', (start, end, minutes) => {
    expect(workingMinutesBetween(cal, at(start), at(end))).toBe(minutes);
  });

  it('counts fractions of a minute', () => {
    expect(workingMinutesBetween(cal, at('2026-03-09T07:30'), at('2026-03-09T07:30:30'))).toBe(0.5);
  });

  it('counts a whole year: 2026 has 261 weekdays minus 11 weekday holidays = 250 days × 450', () => {
    // weekday holidays: 1/1, 16–20/2 (5), 27/4 (compensatory), 30/4, 1/5, 1/9, 2/9 = 11
    expect(workingMinutesBetween(cal, at('2026-01-01T00:00'), at('2027-01-01T00:00'))).toBe(112_500);
  });

  it('counts a multi-year span as the sum of its years', () => {
    // Speed is measured by `pnpm bench`, not asserted here.
    const whole = workingMinutesBetween(cal, at('2021-01-01T00:00'), at('2024-01-01T00:00'));
    const parts = ['2021', '2022', '2023'].map((y) =>
      workingMinutesBetween(cal, at(`${y}-01-01T00:00`), at(`${Number(y) + 1}-01-01T00:00`)),
    );
    expect(whole).toBe(parts.reduce((a, b) => a + b, 0));
    expect(whole).toBeGreaterThan(3 * 240 * 450);
  });
});

describe('other time zones', () => {
  // Berlin, 09:00–17:00 Mon–Fri; DST starts Sunday 2026-03-29 (UTC+1 → UTC+2).
  const nine = [['09:00', '17:00']] as const;
  const berlin = buildWorkingCalendar({
    timezone: 'Europe/Berlin',
    weeklyHours: { '1': nine, '2': nine, '3': nine, '4': nine, '5': nine },
    years: [2026],
  });

  it('counts in local wall-clock time across a DST change', () => {
    const start = new Date('2026-03-27T15:30:00Z'); // Fri 16:30 CET
    const due = addWorkingMinutes(berlin, start, 60); // 30 on Friday + Mon 09:00 CEST + 30
    expect(due.toISOString()).toBe('2026-03-30T07:30:00.000Z');
    expect(workingMinutesBetween(berlin, start, due)).toBe(60);
  });

  it('gives a different answer for the same instant in Vietnam', () => {
    // 15:30Z is Friday 22:30 in Vietnam: Monday 07:30 + 60 → 08:30 (+07:00) = 01:30Z
    expect(addWorkingMinutes(cal, new Date('2026-03-27T15:30:00Z'), 60).toISOString()).toBe('2026-03-30T01:30:00.000Z');
  });
});

/** mulberry32: a small deterministic generator. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('property: workingMinutesBetween inverts addWorkingMinutes', () => {
  const random = seeded(20_260_217);
  const from = Date.UTC(2021, 0, 1);
  const span = Date.UTC(2023, 11, 31) - from;
  const cases = Array.from({ length: 400 }, () => ({
    start: new Date(from + Math.floor(random() * span / 1000) * 1000),
    minutes: Math.floor(random() * 20_000) + (random() < 0.25 ? 0.25 : 0),
  }));

  it('holds for 400 pseudo-random starts (2021–2023) and durations (0–20,000 min)', () => {
    const failures = cases.filter(({ start, minutes }) =>
      workingMinutesBetween(cal, start, addWorkingMinutes(cal, start, minutes)) !== minutes);
    expect(failures).toEqual([]);
  });

  it('lands on the earliest such instant, never before start', () => {
    for (const { start, minutes } of cases.slice(0, 100)) {
      const due = addWorkingMinutes(cal, start, minutes);
      expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
      if (minutes > 0) expect(workingMinutesBetween(cal, start, new Date(due.getTime() - 1000))).toBeLessThan(minutes);
    }
  });
});
