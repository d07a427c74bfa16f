import { workingMinutesBetween } from '../calendar/working-time.js';
import type { TenantTx } from '../db/with-tenant.js';
import { loadTenantCalendar, yearsAround, type TenantCalendarSource } from '../tenants/tenant-calendar.js';

/** The calendar covers 1900–2199 (national holidays); stored instants lie within it. */
export const calendarYears = (years: { from: number; to: number }): { from: number; to: number } => ({
  from: Math.max(1900, Math.min(years.from, 2199)),
  to: Math.min(2199, Math.max(years.to, 1900)),
});

/** Facts filled per statement: bounds the parameters of one UPDATE. */
const BATCH = 5_000;

/**
 * Fills the handling time (working minutes from submission to the answer,
 * on the tenant's calendar) of the resolved facts that have none yet
 * (migration 0018 leaves it null when a report is answered, and clears it
 * when the tenant's calendar changes): those submitted in `[start, end)`,
 * or all of the tenant's without a period. Returns how many it filled.
 */
export async function fillHandlingMinutes(tx: TenantTx, tenant: TenantCalendarSource, period?: { start: Date; end: Date }): Promise<number> {
  let filled = 0;
  // Keyset pages in index order: each page starts where the last ended (an OFFSET, or a scan from the start, would be quadratic).
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const params: unknown[] = [tenant.id];
    const where = [`tenant_id = $1::uuid`, `standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE')`, `resolved_at IS NOT NULL`, `handling_minutes IS NULL`];
    if (period) where.push(`submitted_at >= $${params.push(period.start)}`, `submitted_at < $${params.push(period.end)}`);
    if (after) where.push(`(submitted_at, report_id) > ($${params.push(after.at)}, $${params.push(after.id)}::uuid)`);
    const rows = await tx.$queryRawUnsafe<{ id: string; submitted_at: Date; resolved_at: Date }[]>(
      `SELECT report_id::text AS id, submitted_at, resolved_at FROM kpi_report_facts
        WHERE ${where.join(' AND ')} ORDER BY submitted_at, report_id LIMIT ${BATCH}`,
      ...params,
    );
    if (rows.length === 0) return filled;
    let first = rows[0]!.submitted_at;
    let last = rows[0]!.resolved_at;
    for (const r of rows) {
      if (r.submitted_at < first) first = r.submitted_at;
      if (r.resolved_at > last) last = r.resolved_at;
    }
    const calendar = await loadTenantCalendar(tx, tenant, calendarYears(yearsAround(first, last)));
    const minutes = rows.map((r) => workingMinutesBetween(calendar, r.submitted_at, r.resolved_at));
    // The tenant's KPI lock first, shared (migration 0027: a rebuild takes it exclusive), then the facts in report id order
    // as whoever changes several (migration 0024).
    await tx.$queryRawUnsafe(`SELECT kpi_lock_tenant($1::uuid, false)::text AS locked`, tenant.id);
    await tx.$queryRawUnsafe(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM kpi_report_facts WHERE report_id = ANY($1::uuid[]) ORDER BY report_id FOR UPDATE) locked`,
      rows.map((r) => r.id),
    );
    await tx.$executeRawUnsafe(
      `UPDATE kpi_report_facts f SET handling_minutes = v.m FROM unnest($1::uuid[], $2::float8[]) AS v(id, m) WHERE f.report_id = v.id`,
      rows.map((r) => r.id),
      minutes,
    );
    filled += rows.length;
    if (rows.length < BATCH) return filled;
    const end = rows[rows.length - 1]!;
    after = { at: end.submitted_at, id: end.id };
  }
}
