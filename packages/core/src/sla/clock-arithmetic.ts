import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addWorkingMinutes, workingMinutesBetween } from '../calendar/working-time.js';
import { SlaClockKind } from './sla-types.js';

const MINUTE_MS = 60_000;

/**
 * `start` plus `minutes` on the given clock: working minutes of the calendar
 * (see `addWorkingMinutes`), or plain elapsed minutes for `CALENDAR` (the
 * calendar is then ignored).
 *
 * @throws RangeError for negative or non-finite minutes.
 */
export function addClockMinutes(clock: SlaClockKind, cal: WorkingCalendar, start: Date, minutes: number): Date {
  if (clock === SlaClockKind.WORKING) return addWorkingMinutes(cal, start, minutes);
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Clock minutes must be a finite number >= 0, got ${minutes}`);
  }
  return new Date(start.getTime() + Math.round(minutes * MINUTE_MS));
}

/**
 * Minutes in [start, end) on the given clock; 0 when `end <= start`.
 * `CALENDAR` counts plain elapsed minutes (possibly fractional).
 */
export function clockMinutesBetween(clock: SlaClockKind, cal: WorkingCalendar, start: Date, end: Date): number {
  if (clock === SlaClockKind.WORKING) return workingMinutesBetween(cal, start, end);
  return Math.max(0, end.getTime() - start.getTime()) / MINUTE_MS;
}
