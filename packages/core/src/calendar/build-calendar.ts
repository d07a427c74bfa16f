import { DateTime, IANAZone } from 'luxon';
import type { CalendarOverride, DayHours, WeeklyHours, WorkingCalendar } from './working-calendar.js';
import { vietnamPublicHolidays } from './vietnam-holidays.js';

export interface BuildWorkingCalendarInput {
  /** IANA time zone, e.g. `Asia/Ho_Chi_Minh`. */
  timezone: string;
  /** Working periods per ISO weekday; periods may be given in any order but must not overlap. */
  weeklyHours: WeeklyHours;
  /** Years whose Vietnamese public holidays are loaded: a list, or an inclusive range. */
  years: number[] | { from: number; to: number };
  /** The tenant's decisions; they win over the national holidays. Default: none. */
  overrides?: CalendarOverride[];
  /** Hours of a make-up working day. Default: Monday's hours (or the first worked weekday's). */
  makeUpDayHours?: DayHours;
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A working period as minutes after local midnight: [start, end), end may be 1440. */
export type MinuteRange = readonly [start: number, end: number];

/**
 * Parses `HH:mm` into minutes after midnight. `24:00` is accepted only as the
 * end of a period (`allowMidnightEnd`). Throws `RangeError` otherwise.
 */
export function parseClockTime(value: string, allowMidnightEnd = false): number {
  if (allowMidnightEnd && value === '24:00') return 1440;
  const match = CLOCK_TIME.exec(value);
  if (!match) throw new RangeError(`Invalid time "${value}": expected HH:mm between 00:00 and 23:59`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Parses and checks a day's periods: each must start before it ends, and no
 * two may overlap (touching is fine). Returns them sorted by start.
 * Throws `RangeError` with `label` in the message.
 */
export function parseDayHours(hours: DayHours, label: string): MinuteRange[] {
  const ranges = hours.map(([start, end]): MinuteRange => {
    const from = parseClockTime(start);
    const to = parseClockTime(end, true);
    if (to <= from) throw new RangeError(`${label}: period ${start}–${end} must end after it starts`);
    return [from, to];
  });
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i += 1) {
    const prev = ranges[i - 1];
    const cur = ranges[i];
    if (prev && cur && cur[0] < prev[1]) {
      throw new RangeError(`${label}: periods overlap (${hours.map(([s, e]) => `${s}–${e}`).join(', ')})`);
    }
  }
  return ranges;
}

function formatClock(minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${h}:${m}`;
}

function normalizeDayHours(hours: DayHours, label: string): DayHours {
  return parseDayHours(hours, label).map(([s, e]) => [formatClock(s), formatClock(e)] as const);
}

function listYears(years: BuildWorkingCalendarInput['years']): number[] {
  if (!Array.isArray(years) && !(Number.isInteger(years.from) && Number.isInteger(years.to) && years.from <= years.to)) {
    throw new RangeError(`Invalid year range ${years.from}–${years.to}`);
  }
  const list = Array.isArray(years)
    ? years
    : Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i);
  for (const y of list) {
    if (!Number.isInteger(y) || y < 1900 || y > 2199) throw new RangeError(`Invalid year ${y}: expected 1900–2199`);
  }
  return [...new Set(list)].sort((a, b) => a - b);
}

function checkOverrideDate(o: CalendarOverride): void {
  if (!LOCAL_DATE.test(o.date) || !DateTime.fromISO(o.date, { zone: 'utc' }).isValid) {
    throw new RangeError(`Invalid override date "${o.date}": expected an existing YYYY-MM-DD date`);
  }
  if (o.kind !== 'HOLIDAY' && o.kind !== 'WORKING_DAY') {
    throw new RangeError(`Invalid override kind "${String(o.kind)}" for ${o.date}`);
  }
}

/**
 * Resolves a tenant's working calendar: its weekly hours, Vietnam's public
 * holidays for the given years (see `vietnamPublicHolidays`), and its own
 * overrides, which win over the national holidays:
 * - `WORKING_DAY` takes a holiday back (the date leaves `holidays`) and/or
 *   makes a day off worked (a make-up Saturday). A weekday keeps its own hours;
 *   a day whose weekday is off gets `makeUpDayHours`.
 * - `HOLIDAY` adds a day off (e.g. a decreed substitute day).
 * Two overrides of different kinds on the same date are a contradiction.
 *
 * Dates outside the given years carry no holidays: they follow the weekly hours.
 *
 * @throws RangeError on an unknown time zone, a bad `HH:mm`, a period that ends
 * before it starts, overlapping periods, an unknown weekday key, an invalid
 * year or override.
 */
export function buildWorkingCalendar(input: BuildWorkingCalendarInput): WorkingCalendar {
  if (!IANAZone.isValidZone(input.timezone)) {
    throw new RangeError(`Unknown time zone "${input.timezone}": expected an IANA name such as Asia/Ho_Chi_Minh`);
  }

  const weeklyHours: Partial<Record<(typeof WEEKDAYS)[number], DayHours>> = {};
  for (const key of Object.keys(input.weeklyHours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw new RangeError(`Invalid weekday "${key}" in weeklyHours: expected "1" (Monday) … "7" (Sunday)`);
    }
  }
  for (const key of WEEKDAYS) {
    const hours = input.weeklyHours[key];
    if (hours) weeklyHours[key] = normalizeDayHours(hours, `weeklyHours[${key}]`);
  }

  const fallback = WEEKDAYS.map((k) => weeklyHours[k]).find((h) => h !== undefined && h.length > 0) ?? [];
  const makeUpDayHours = input.makeUpDayHours
    ? normalizeDayHours(input.makeUpDayHours, 'makeUpDayHours')
    : weeklyHours['1'] && weeklyHours['1'].length > 0
      ? weeklyHours['1']
      : fallback;

  const holidays = new Map<string, string>();
  for (const year of listYears(input.years)) {
    for (const [date, name] of vietnamPublicHolidays(year)) holidays.set(date, name);
  }

  const workingDays = new Map<string, string>();
  const kinds = new Map<string, CalendarOverride['kind']>();
  for (const o of input.overrides ?? []) {
    checkOverrideDate(o);
    const seen = kinds.get(o.date);
    if (seen !== undefined && seen !== o.kind) {
      throw new RangeError(`Contradictory overrides for ${o.date}: both HOLIDAY and WORKING_DAY`);
    }
    kinds.set(o.date, o.kind);
    if (o.kind === 'HOLIDAY') {
      holidays.set(o.date, o.name);
    } else {
      holidays.delete(o.date);
      workingDays.set(o.date, o.name);
    }
  }

  return { timezone: input.timezone, weeklyHours, makeUpDayHours, holidays, workingDays };
}
