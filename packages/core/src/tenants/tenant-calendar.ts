import { cachedWorkingCalendar } from '../calendar/calendar-cache.js';
import type { CalendarOverride, WorkingCalendar } from '../calendar/working-calendar.js';
import type { TenantTx } from '../db/with-tenant.js';
import { parseStoredOfficeHours } from './tenant-settings-schema.js';

export interface TenantCalendarSource {
  id: string;
  slug: string;
  timezone: string;
  /** As stored (parsed here, once per distinct value) or already parsed. */
  workingHours: unknown;
}

/**
 * The tenant's working calendar for the years `from`–`to`: national holidays
 * plus the tenant admin's own days (substitute days off, make-up working days).
 */
export async function loadTenantCalendar(
  tx: TenantTx,
  tenant: TenantCalendarSource,
  years: { from: number; to: number },
): Promise<WorkingCalendar> {
  const days = await tx.calendarDay.findMany({ where: { tenantId: tenant.id }, orderBy: { date: 'asc' } });
  return calendarFromDays(
    tenant,
    days.map((d) => ({ date: d.date.toISOString().slice(0, 10), kind: d.kind, name: d.name })),
    years,
  );
}

/**
 * The tenant's working calendar from its own days as just read (sorted by
 * date). Built once per distinct input (calendar/calendar-cache.ts): the
 * days are read by every caller, so an admin's change shows at once.
 */
export function calendarFromDays(tenant: TenantCalendarSource, overrides: CalendarOverride[], years: { from: number; to: number }): WorkingCalendar {
  return cachedWorkingCalendar({
    timezone: tenant.timezone,
    weeklyHours: parseStoredOfficeHours(tenant.slug, tenant.workingHours),
    years,
    overrides,
  });
}

/** The years a timeline spans, one either side for deadlines that cross New Year. */
export function yearsAround(...instants: Date[]): { from: number; to: number } {
  const years = instants.map((d) => d.getUTCFullYear());
  return { from: Math.min(...years) - 1, to: Math.max(...years) + 1 };
}
