import { isSupportedInstant } from '@paht/core';

/**
 * Open311 dates: ISO 8601 with the tenant's own UTC offset
 * (`2026-03-02T09:00:00+07:00`), so a client shows local times without
 * knowing the zone.
 */
export function formatDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const zone = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${zone}`;
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses an ISO 8601 date or date-time parameter; null when it is not one,
 * or is outside the supported range (years 1900 to 9999).
 * A date alone is midnight UTC, and so is a time without an offset (never
 * the server's own zone).
 */
export function parseDateTime(value: string): Date | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, date, time, zone] = match;
  const offset = !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const at = new Date(time ? `${date}T${time}${offset}` : `${date}T00:00:00Z`);
  return isSupportedInstant(at) ? at : null;
}
