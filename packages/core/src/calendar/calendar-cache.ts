import { buildWorkingCalendar, type BuildWorkingCalendarInput } from './build-calendar.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * `buildWorkingCalendar`, remembered by its whole input: a tenant's calendar
 * is built once per process and reused by every request until its time zone,
 * office hours, own days or the years asked for change. The key is the
 * input itself (read from the database by each caller), so an admin's change
 * takes effect on the next request, in every process, with nothing to
 * invalidate. Calendars are read-only data; callers must not change them.
 */
export function cachedWorkingCalendar(input: BuildWorkingCalendarInput): WorkingCalendar {
  const key = JSON.stringify([input.timezone, input.weeklyHours, input.years, input.overrides ?? [], input.makeUpDayHours ?? null]);
  const hit = calendars.get(key);
  if (hit) {
    // Most recently used last: Map keeps insertion order.
    calendars.delete(key);
    calendars.set(key, hit);
    return hit;
  }
  const calendar = buildWorkingCalendar(input);
  calendars.set(key, calendar);
  if (calendars.size > MAX_CALENDARS) calendars.delete(calendars.keys().next().value!);
  return calendar;
}

/** A few per tenant (year ranges differ near New Year and for old reports): 34 provinces fit many times over. */
const MAX_CALENDARS = 512;
const calendars = new Map<string, WorkingCalendar>();
