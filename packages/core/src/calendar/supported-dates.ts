/**
 * The instants the platform accepts from callers: from 1900-01-01 to the end
 * of 9999 (UTC). Outside it, JavaScript, Luxon and PostgreSQL disagree
 * (year 0, negative years, 275760, local mean time offsets of year 1) and
 * no report can be dated there. Every date a caller sends — DateTime
 * arguments, KPI periods, cursors, Open311 parameters — is checked here.
 */
export const EARLIEST_SUPPORTED_INSTANT = new Date('1900-01-01T00:00:00.000Z');
export const LATEST_SUPPORTED_INSTANT = new Date('9999-12-31T23:59:59.999Z');

/** Whether `date` is a valid instant within the supported range. */
export function isSupportedInstant(date: Date): boolean {
  const time = date.getTime();
  return !Number.isNaN(time) && time >= EARLIEST_SUPPORTED_INSTANT.getTime() && time <= LATEST_SUPPORTED_INSTANT.getTime();
}
