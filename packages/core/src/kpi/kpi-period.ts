import { DateTime } from 'luxon';
import { EARLIEST_SUPPORTED_INSTANT, LATEST_SUPPORTED_INSTANT } from '../calendar/supported-dates.js';
import { validationError, type FieldIssueInput } from '../errors.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The supported range (calendar/supported-dates.ts) as local days. */
const EARLIEST_DAY = EARLIEST_SUPPORTED_INSTANT.toISOString().slice(0, 10);
const LATEST_DAY = LATEST_SUPPORTED_INSTANT.toISOString().slice(0, 10);

/** The issues of a period's `from` and `to` days (`YYYY-MM-DD`, within the supported range), added to `issues`. */
export function periodDayIssues(query: { from: unknown; to: unknown }, issues: FieldIssueInput[]): void {
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (typeof value !== 'string' || !DATE.test(value)) issues.push({ path: key, message: 'must be a date YYYY-MM-DD' });
    // Luxon, JavaScript and PostgreSQL disagree on years before 1900 (local mean time) and outside 1–9999.
    else if (value < EARLIEST_DAY || value > LATEST_DAY) issues.push({ path: key, message: `must be a day from ${EARLIEST_DAY} to ${LATEST_DAY}` });
  }
}

/**
 * The instants of a period of local days, `from` inclusive to the end of
 * `to`, in the tenant's time zone. Call once `periodDayIssues` found none;
 * VALIDATION for a day that does not exist or a reversed range.
 */
export function periodInstants(query: { from: string; to: string }, timezone: string): { start: Date; end: Date } {
  const issues: FieldIssueInput[] = [];
  const start = DateTime.fromISO(query.from, { zone: timezone }).startOf('day');
  const end = DateTime.fromISO(query.to, { zone: timezone }).plus({ days: 1 }).startOf('day');
  if (!start.isValid) issues.push({ path: 'from', message: 'must be a real day' });
  if (!end.isValid) issues.push({ path: 'to', message: 'must be a real day' });
  if (issues.length) throw validationError(issues);
  if (end <= start) throw validationError([{ path: 'to', message: 'must not be before from' }]);
  return { start: start.toJSDate(), end: end.toJSDate() };
}
