import type { TenantTx } from '../db/with-tenant.js';
import { Prisma } from '../generated/prisma/client.js';
import { computeSla } from '../sla/compute-sla.js';
import type { SlaPolicyRule, SlaSnapshot } from '../sla/sla-types.js';
import type { CalendarOverride } from '../calendar/working-calendar.js';
import { calendarFromDays, yearsAround, type TenantCalendarSource } from '../tenants/tenant-calendar.js';
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

export interface PolicyAndDays {
  policy: SlaPolicyRule | null;
  days: CalendarOverride[] | null;
}

/**
 * The policy (`policyFor`'s rule) and the tenant's own calendar days as two
 * JSON columns, `policy` and `days`, for a report whose category id is
 * `categoryId` (a value or a column of the caller's statement).
 */
export const policyAndDaysColumns = (tenantId: string, categoryId: Prisma.Sql): Prisma.Sql => Prisma.sql`
    (SELECT json_build_object('clock', p.clock, 'classifyMinutes', p.classify_minutes, 'acceptMinutes', p.accept_minutes,
                              'resolveMinutes', p.resolve_minutes, 'warnRatio', p.warn_ratio)
       FROM sla_policies p
      WHERE ${categoryId} IS NOT NULL AND p.id = (SELECT c.sla_policy_id FROM categories c WHERE c.id = ${categoryId})
         OR ${categoryId} IS NULL
      ORDER BY p.classify_minutes, p.code
      LIMIT 1) AS policy,
    (SELECT json_agg(json_build_object('date', to_char(d.date, 'YYYY-MM-DD'), 'kind', d.kind, 'name', d.name) ORDER BY d.date)
       FROM calendar_days d WHERE d.tenant_id = ${tenantId}::uuid) AS days`;

/**
 * The policy and the tenant's own calendar days in one round trip: the two
 * reads every SLA evaluation needs, under the caller's tenant and row-level
 * security.
 */
async function loadPolicyAndDays(tx: TenantTx, tenantId: string, categoryId: string | null): Promise<PolicyAndDays> {
  const [row] = await tx.$queryRaw<PolicyAndDays[]>`SELECT ${policyAndDaysColumns(tenantId, Prisma.sql`${categoryId}::uuid`)}`;
  return row ?? { policy: null, days: null };
}

/** Computes the report's SLA snapshot from its stored timeline. */
export async function evaluateSla(
  tx: TenantTx,
  tenant: TenantCalendarSource,
  categoryId: string | null,
  events: readonly ReportEventRecord[],
  now: Date,
): Promise<SlaSnapshot | null> {
  if (!events[0]) return null;
  return slaFrom(await loadPolicyAndDays(tx, tenant.id, categoryId), tenant, events, now);
}

/** The SLA snapshot from a policy and days already read (`policyAndDaysColumns`). */
export function slaFrom({ policy, days }: PolicyAndDays, tenant: TenantCalendarSource, events: readonly ReportEventRecord[], now: Date): SlaSnapshot | null {
  const first = events[0];
  if (!first || !policy) return null;
  const calendar = calendarFromDays(tenant, days ?? [], yearsAround(first.at, now));
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
