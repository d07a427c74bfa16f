import { addWorkingMinutes } from '../calendar/working-time.js';
import { parseDayHours } from '../calendar/build-calendar.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';

/** Minutes of a full working day: the longest day of the tenant's office week (450 for 07:30–11:30, 13:30–17:00). */
export function workingDayMinutes(cal: WorkingCalendar): number {
  let longest = 0;
  for (const hours of Object.values(cal.weeklyHours)) {
    const minutes = parseDayHours(hours ?? [], 'weeklyHours').reduce((sum, [start, end]) => sum + end - start, 0);
    longest = Math.max(longest, minutes);
  }
  return longest;
}

/**
 * `start` plus `days` working days of the calendar: that many full working
 * days of working time, so weekends, holidays (Tết) and nights do not count
 * and a decreed make-up Saturday does. A report published on Friday at 10:00
 * with 3 days is due on Wednesday at 10:00.
 */
export function addWorkingDays(cal: WorkingCalendar, start: Date, days: number): Date {
  return addWorkingMinutes(cal, start, days * workingDayMinutes(cal));
}
