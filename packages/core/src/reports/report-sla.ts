import type { TenantTx } from '../db/with-tenant.js';
import { computeSla } from '../sla/compute-sla.js';
import type { SlaPolicyRule, SlaSnapshot } from '../sla/sla-types.js';
import { loadTenantCalendar, yearsAround, type TenantCalendarSource } from '../tenants/tenant-calendar.js';
import type { ReportEventRecord } from './report-event.js';

/**
 * The SLA policy that governs a report: its category's, or before it is
 * classified, the tenant's strictest classification deadline.
 */
export async function policyFor(tx: TenantTx, categoryId: string | null): Promise<SlaPolicyRule | null> {
  const policy = categoryId
    ? (await tx.category.findUnique({ where: { id: categoryId }, include: { slaPolicy: true } }))?.slaPolicy
    : await tx.slaPolicy.findFirst({ orderBy: [{ classifyMinutes: 'asc' }, { code: 'asc' }] });
  return policy ?? null;
}

/** Computes the report's SLA snapshot from its stored timeline. */
export async function evaluateSla(
  tx: TenantTx,
  tenant: TenantCalendarSource,
  categoryId: string | null,
  events: readonly ReportEventRecord[],
  now: Date,
): Promise<SlaSnapshot | null> {
  const policy = await policyFor(tx, categoryId);
  const first = events[0];
  if (!policy || !first) return null;
  const calendar = await loadTenantCalendar(tx, tenant, yearsAround(first.at, now));
  return computeSla(
    events.map((e) => ({ type: e.type, at: e.at, toStatus: e.toStatus, extensionMinutes: e.data.extensionMinutes })),
    calendar,
    policy,
    now,
  );
}

/** The deadline to show on a report: the running stage's, else the resolution's. */
export function displayedDueAt(sla: SlaSnapshot | null): Date | null {
  return sla?.current?.dueAt ?? sla?.resolution?.dueAt ?? null;
}

export function resolvedOnTime(sla: SlaSnapshot | null): boolean | null {
  if (sla?.outcome === 'ON_TIME') return true;
  if (sla?.outcome === 'OVERDUE') return false;
  return null;
}
