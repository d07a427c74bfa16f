import { DateTime } from 'luxon';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CalendarOverride } from '../calendar/working-calendar.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { recordAudit } from '../audit/audit-log.js';
import { isSupportedInstant } from '../calendar/supported-dates.js';

function checkDate(date: string): Date {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid || !isSupportedInstant(d.toJSDate())) {
    throw validationError([{ path: 'date', message: 'must be a date YYYY-MM-DD from 1900 to 9999' }]);
  }
  return d.toJSDate();
}

/**
 * Adds (or replaces) a tenant's own calendar day: a decreed substitute day
 * off (HOLIDAY) or a make-up working day (WORKING_DAY), or takes back a
 * national holiday (WORKING_DAY on that date). Tenant admins only.
 */
export async function setCalendarDay(ctx: CoreContext, tenantId: string, actor: Actor, day: CalendarOverride): Promise<CalendarOverride> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const date = checkDate(day.date);
  if (day.kind !== 'HOLIDAY' && day.kind !== 'WORKING_DAY') throw validationError([{ path: 'kind', message: 'must be HOLIDAY or WORKING_DAY' }]);
  const name = day.name?.trim() ?? '';
  if (!name || name.length > 200) throw validationError([{ path: 'name', message: 'is required (at most 200 characters)' }]);
  await withTenant(ctx.db, tenantId, async (tx) => {
    await tx.calendarDay.upsert({
      where: { tenantId_date: { tenantId, date } },
      create: { tenantId, date, kind: day.kind, name },
      update: { kind: day.kind, name },
    });
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'calendar-day.set', subjectType: 'CalendarDay', subjectId: day.date, data: { kind: day.kind, name } });
  });
  return { date: day.date, kind: day.kind, name };
}

/** Removes a tenant's own calendar day, restoring the national rule for it. Returns whether one existed. */
export async function removeCalendarDay(ctx: CoreContext, tenantId: string, actor: Actor, date: string): Promise<boolean> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const d = checkDate(date);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const { count } = await tx.calendarDay.deleteMany({ where: { date: d } });
    if (count > 0) await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'calendar-day.remove', subjectType: 'CalendarDay', subjectId: date });
    return count > 0;
  });
}

export async function listCalendarDays(ctx: CoreContext, tenantId: string): Promise<CalendarOverride[]> {
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.calendarDay.findMany({ orderBy: { date: 'asc' } }));
  return rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), kind: r.kind, name: r.name }));
}
