import { describe, expect, it } from 'vitest';
import { vietnamPublicHolidays } from '../../src/calendar/vietnam-holidays.js';

const dates = (year: number): string[] => [...vietnamPublicHolidays(year).keys()];

describe('vietnamPublicHolidays', () => {
  it('lists exactly the days off of 2026 (no weekend holiday but Hùng Kings on a Sunday)', () => {
    // 1/1 Thu; Tết: giao thừa Mon 16/2 + mùng 1–4 (17–20/2); Hùng Kings 10/3 lunar = Sun 26/4 → Mon 27/4;
    // 30/4 Thu, 1/5 Fri; National Day Wed 2/9 + Tue 1/9.
    expect(dates(2026)).toEqual([
      '2026-01-01',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27',
      '2026-04-30', '2026-05-01',
      '2026-09-01', '2026-09-02',
    ]);
  });

  it('gives Tết 2026 five days: lunar New Year’s Eve and mùng 1–4 (mùng 1 = 17 February)', () => {
    const h = vietnamPublicHolidays(2026);
    expect(h.get('2026-02-15')).toBeUndefined();
    expect(h.get('2026-02-16')).toBe('Giao thừa Tết Nguyên Đán');
    expect(h.get('2026-02-17')).toBe('Tết Nguyên Đán (mùng 1)');
    expect(h.get('2026-02-20')).toBe('Tết Nguyên Đán (mùng 4)');
    expect(h.get('2026-02-21')).toBeUndefined();
  });

  it('gives Tết 2027 five days and two compensatory days for mùng 1–2 on the weekend', () => {
    // mùng 1 = Sat 6/2/2027: Fri 5 (giao thừa), Sat 6, Sun 7, Mon 8, Tue 9; Sat+Sun → Wed 10, Thu 11.
    const h = vietnamPublicHolidays(2027);
    expect([...h.keys()].filter((d) => d.startsWith('2027-02'))).toEqual([
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
    ]);
    expect(h.get('2027-02-06')).toBe('Tết Nguyên Đán (mùng 1)');
    expect(h.get('2027-02-10')).toBe('Nghỉ bù Tết Nguyên Đán (mùng 1)');
    expect(h.get('2027-02-11')).toBe('Nghỉ bù Tết Nguyên Đán (mùng 2)');
    expect(h.has('2027-02-12')).toBe(false);
  });

  it.each([
    // year, weekday of 2/9, expected September days off
    [2025, 'Tuesday', ['2025-09-01', '2025-09-02']],
    [2026, 'Wednesday', ['2026-09-01', '2026-09-02']],
    [2024, 'Monday', ['2024-09-02', '2024-09-03']],
    [2023, 'Saturday', ['2023-09-01', '2023-09-02', '2023-09-04']],
    [2029, 'Sunday', ['2029-09-01', '2029-09-02', '2029-09-03', '2029-09-04']],
  ] as const)('gives National Day %i (2/9 a %s) two days plus any compensation', (year, _weekday, expected) => {
    expect(dates(year).filter((d) => d.slice(5, 7) === '09')).toEqual(expected);
  });

  it.each([
    // holiday(s) on the weekend → next working day(s), skipping holidays already taken
    [2022, '2022-01-03', 'Nghỉ bù Tết Dương lịch'], // 1/1 Saturday → Monday 3/1
    [2021, '2021-05-03', 'Nghỉ bù Quốc tế Lao động'], // 1/5 Saturday → Monday 3/5
    [2023, '2023-05-02', 'Nghỉ bù Giỗ tổ Hùng Vương'], // Sat 29/4; Mon 1/5 is itself a holiday → Tue 2/5
    [2023, '2023-05-03', 'Nghỉ bù Ngày Giải phóng miền Nam'], // Sun 30/4 → Wed 3/5
    [2022, '2022-04-11', 'Nghỉ bù Giỗ tổ Hùng Vương'], // Sun 10/4 → Mon 11/4
  ] as const)('compensates a weekend holiday in %i on %s', (year, date, name) => {
    expect(vietnamPublicHolidays(year).get(date)).toBe(name);
  });

  it('includes only public holidays, not observances', () => {
    const h = vietnamPublicHolidays(2026);
    expect(h.has('2026-03-08')).toBe(false); // International Women's Day
    expect(h.has('2026-05-19')).toBe(false); // Hồ Chí Minh's birthday
    expect(h.has('2026-09-25')).toBe(false); // Mid-Autumn
    expect(h.get('2026-04-30')).toBe('Ngày Giải phóng miền Nam');
  });

  it('computes the lunar dates of past years (2021–2023) used by the seed', () => {
    expect(dates(2021).slice(1, 8)).toEqual([
      '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17',
    ]);
    expect(vietnamPublicHolidays(2023).get('2023-01-22')).toBe('Tết Nguyên Đán (mùng 1)');
    expect(vietnamPublicHolidays(2023).get('2023-01-27')).toBe('Nghỉ bù Tết Nguyên Đán (mùng 1)');
  });

  it('returns a fresh map on every call', () => {
    const first = vietnamPublicHolidays(2026);
    first.delete('2026-01-01');
    expect(vietnamPublicHolidays(2026).has('2026-01-01')).toBe(true);
  });

  it('rejects a year that is not an integer', () => {
    expect(() => vietnamPublicHolidays(2026.5)).toThrow(RangeError);
  });
});
