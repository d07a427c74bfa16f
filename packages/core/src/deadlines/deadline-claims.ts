import type { Actor } from '../auth/actor.js';
import type { TenantTx } from '../db/with-tenant.js';

/** The scheduled jobs act as this system actor (audit log, timeline). */
export const DEADLINE_ACTOR: Actor = { role: 'SYSTEM', name: 'deadlines' };

/** First key of pg_advisory_xact_lock(int, int) per job; the second is the tenant's hash. */
export const DeadlineLock = { RATING_REMINDERS: 0xd1, FOCAL_POINTS: 0xd2 } as const;

/** Serialises one job's claims for one tenant across processes until the transaction ends. */
export async function lockDeadlineJob(tx: TenantTx, lock: number, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lock}::int, hashtext(${tenantId}))`;
}

/**
 * The claims a job already made: audit entries of `action` on these
 * subjects, as `subjectId|key` (the key read from the entry's data).
 */
export async function claimedKeys(tx: TenantTx, action: string, subjectIds: string[], keyOf: (data: Record<string, unknown>) => string): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set();
  const rows = await tx.auditEntry.findMany({ where: { action, subjectId: { in: subjectIds } }, select: { subjectId: true, data: true } });
  return new Set(rows.map((r) => `${r.subjectId}|${keyOf((r.data ?? {}) as Record<string, unknown>)}`));
}

/** Records claims as SYSTEM audit entries, in the claiming transaction. */
export async function recordClaims(
  tx: TenantTx,
  tenantId: string,
  at: Date,
  action: string,
  subjectType: string,
  claims: Array<{ subjectId: string; data: Record<string, string | number | string[]> }>,
): Promise<void> {
  if (claims.length === 0) return;
  await tx.auditEntry.createMany({
    data: claims.map((c) => ({ tenantId, actorId: null, actorRole: DEADLINE_ACTOR.role, action, subjectType, subjectId: c.subjectId, at, data: c.data })),
  });
}
