import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** `YYYY-MM-DD` → Vietnamese name. */
export type HolidayMap = Map<string, string>;

const TET_RULE = 'vietnamese 1-0-1';
const TET_DAY_NAMES = [
  'Giao thừa Tết Nguyên Đán',
  'Tết Nguyên Đán (mùng 1)',
  'Tết Nguyên Đán (mùng 2)',
  'Tết Nguyên Đán (mùng 3)',
  'Tết Nguyên Đán (mùng 4)',
] as const;
const NATIONAL_DAY_NAME = 'Quốc khánh';
const NATIONAL_DAY_ADJACENT_NAME = 'Quốc khánh (ngày liền kề)';
const COMPENSATORY_PREFIX = 'Nghỉ bù ';

let cachedSource: Holidays | undefined;
function source(): Holidays {
  cachedSource ??= new Holidays('VN', { languages: ['vi'], types: ['public'] });
  return cachedSource;
}

function plusDays(isoDate: string, days: number): string {
  const d = DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days }).toISODate();
  if (d === null) throw new RangeError(`Invalid date ${isoDate}`);
  return d;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
function weekday(isoDate: string): number {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).weekday;
}

function isWeekend(isoDate: string): boolean {
  return weekday(isoDate) >= 6;
}

/**
 * The public holidays of Vietnam in a Gregorian year, as days off for
 * employees (Labour Code 2019, art. 111–112), keyed by local date `YYYY-MM-DD`.
 *
 * Sources and additions:
 * - `date-holidays` (country `VN`, type `public` only): New Year (1/1), Tết,
 *   Hùng Kings' Commemoration (10/3 lunar), Reunification Day (30/4),
 *   Labour Day (1/5), National Day (2/9). Multi-day entries are expanded by
 *   their `start`…`end` span.
 * - Tết Nguyên Đán is 5 days (art. 112): lunar New Year's Eve plus the first
 *   4 days of the lunar year. `date-holidays` already reports Giao thừa with a
 *   5-day span (`P5D`); the 5 days are nevertheless (re)asserted from the
 *   date of mùng 1 so that the rule does not depend on that detail.
 * - National Day is 2 days: 2 September plus 1 September, or 3 September when
 *   2 September is a Monday. `date-holidays` only has 2 September.
 * - Compensatory days (art. 111): a holiday falling on Saturday or Sunday
 *   gives a day off on the next working day (Monday–Friday, not itself a
 *   holiday nor already a compensatory day), named `Nghỉ bù …`.
 *
 * Not included, on purpose: every year the government (and each province for
 * its civil servants) decrees substitute days off (ngày nghỉ hoán đổi) and the
 * Saturdays worked to make up for them (ngày làm bù), e.g. bridging Tết to a
 * whole week. Those are decisions, not rules: tenants must add them as
 * calendar overrides (`HOLIDAY` / `WORKING_DAY`) themselves.
 *
 * The result is a fresh map; callers may modify it.
 */
export function vietnamPublicHolidays(year: number): HolidayMap {
  if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer, got ${year}`);
  // A pure function of the year, and costly (lunar dates through date-holidays
  // and moment): computed once per year per process; callers get their own copy.
  let days = byYear.get(year);
  if (!days) {
    days = computeHolidays(year);
    byYear.set(year, days);
  }
  return new Map(days);
}

const byYear = new Map<number, HolidayMap>();

function computeHolidays(year: number): HolidayMap {
  const days: HolidayMap = new Map();
  const put = (date: string, name: string, overwrite = false): void => {
    if (overwrite || !days.has(date)) days.set(date, name);
  };

  let tetDay: string | undefined;
  for (const h of source().getHolidays(year, 'vi')) {
    if (h.type !== 'public') continue;
    const first = h.date.slice(0, 10);
    const length = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    for (let i = 0; i < length; i += 1) put(plusDays(first, i), h.name);
    if (h.rule === TET_RULE) tetDay = first;
  }

  if (tetDay !== undefined) {
    TET_DAY_NAMES.forEach((name, i) => put(plusDays(tetDay, i - 1), name, true));
  }

  const nationalDay = `${year}-09-02`;
  put(nationalDay, NATIONAL_DAY_NAME);
  put(plusDays(nationalDay, weekday(nationalDay) === 1 ? 1 : -1), NATIONAL_DAY_ADJACENT_NAME, true);

  for (const [date, name] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isWeekend(date)) continue;
    let candidate = plusDays(date, 1);
    while (isWeekend(candidate) || days.has(candidate)) candidate = plusDays(candidate, 1);
    days.set(candidate, COMPENSATORY_PREFIX + name);
  }

  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}
