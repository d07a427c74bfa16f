import { DateTime } from 'luxon';
import type { WorkingCalendar } from './working-calendar.js';
import { parseDayHours, type MinuteRange } from './build-calendar.js';

/** An absolute working interval, epoch milliseconds, [start, end). */
type Interval = readonly [start: number, end: number];

interface CompiledCalendar {
  /** Index 1…7 = ISO weekday. */
  weekly: MinuteRange[][];
  makeUp: MinuteRange[];
  /** Working intervals by local day (days since 1970-01-01 of the local date). */
  days: Map<number, Interval[]>;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A calendar with no working time for this many consecutive days is treated as broken. */
const MAX_IDLE_DAYS = 1_000;

/**
 * Calendars are plain immutable data; what is derived from one (parsed hours,
 * the instants of each visited day) is memoised per calendar object. This is
 * a cache, not state: results do not depend on it.
 */
const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

function compile(cal: WorkingCalendar): CompiledCalendar {
  let c = compiled.get(cal);
  if (c === undefined) {
    const weekly: MinuteRange[][] = [[]];
    for (let wd = 1; wd <= 7; wd += 1) {
      const key = String(wd) as keyof WorkingCalendar['weeklyHours'];
      weekly.push(parseDayHours(cal.weeklyHours[key] ?? [], `weeklyHours[${key}]`));
    }
    c = { weekly, makeUp: parseDayHours(cal.makeUpDayHours, 'makeUpDayHours'), days: new Map() };
    compiled.set(cal, c);
  }
  return c;
}

/** The local date of an instant, as days since 1970-01-01. */
function localDay(cal: WorkingCalendar, at: Date): number {
  const local = DateTime.fromJSDate(at, { zone: cal.timezone });
  if (!local.isValid) throw new RangeError(`Invalid date or time zone "${cal.timezone}"`);
  return Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS);
}

function localInstant(cal: WorkingCalendar, day: number, minutes: number): number {
  const date = DateTime.fromMillis((day + Math.floor(minutes / 1440)) * DAY_MS, { zone: 'utc' });
  const rest = minutes % 1440;
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(rest / 60), minute: rest % 60 },
    { zone: cal.timezone },
  ).toMillis();
}

/**
 * The working intervals of one local day: none on a holiday; the weekday's
 * hours, or the make-up hours on a worked day whose weekday is off.
 */
function dayIntervals(cal: WorkingCalendar, c: CompiledCalendar, day: number): Interval[] {
  const cached = c.days.get(day);
  if (cached) return cached;
  const date = DateTime.fromMillis(day * DAY_MS, { zone: 'utc' });
  const iso = date.toISODate() ?? '';
  const weekly = c.weekly[date.weekday] ?? [];
  const ranges = cal.workingDays.has(iso)
    ? weekly.length > 0
      ? weekly
      : c.makeUp
    : cal.holidays.has(iso)
      ? []
      : weekly;
  const intervals = ranges
    .map(([s, e]): Interval => [localInstant(cal, day, s), localInstant(cal, day, e)])
    .filter(([s, e]) => e > s);
  c.days.set(day, intervals);
  return intervals;
}

/**
 * The instant at which `minutes` working minutes after `start` have elapsed.
 *
 * - Outside working hours, counting starts at the next working period.
 * - When the minutes run out exactly at the end of a period, the result is
 *   that end (e.g. 17:00 on Friday), not the start of the next period.
 * - `minutes = 0` returns an instant equal to `start`, even outside working
 *   hours (nothing has to elapse).
 * - Fractional minutes are honoured to the millisecond.
 *
 * Walks the calendar day by day (never minute by minute).
 *
 * @throws RangeError for negative or non-finite minutes, or a calendar with no
 * working time at all for ~3 years after `start`.
 */
export function addWorkingMinutes(cal: WorkingCalendar, start: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Working minutes must be a finite number >= 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  const from = start.getTime();
  if (remaining === 0) return new Date(from);
  const c = compile(cal);
  let day = localDay(cal, start);
  let idleDays = 0;
  for (;;) {
    let worked = false;
    for (const [s, e] of dayIntervals(cal, c, day)) {
      if (e <= from) continue;
      const begin = Math.max(s, from);
      const available = e - begin;
      worked = true;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
    idleDays = worked ? 0 : idleDays + 1;
    if (idleDays > MAX_IDLE_DAYS) {
      throw new RangeError(`The calendar has no working time for ${MAX_IDLE_DAYS} days after ${start.toISOString()}`);
    }
    day += 1;
  }
}

/**
 * Working minutes in [start, end): 0 when `end <= start`. May be fractional
 * (counted in milliseconds). Walks the calendar day by day.
 */
export function workingMinutesBetween(cal: WorkingCalendar, start: Date, end: Date): number {
  const from = start.getTime();
  const to = end.getTime();
  if (!(to > from)) return 0;
  const c = compile(cal);
  const last = localDay(cal, end);
  let total = 0;
  for (let day = localDay(cal, start); day <= last; day += 1) {
    for (const [s, e] of dayIntervals(cal, c, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}
