import { actorId, type Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { validationError } from '../errors.js';

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * Records a staff action in the same transaction as the change itself, so
 * there is no change without its entry. `data` says what changed; it must
 * not hold contact data of reporters.
 */
export async function recordAudit(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  at: Date,
  entry: { action: string; subjectType: string; subjectId: string; data?: Record<string, unknown> },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      tenantId,
      actorId: actorId(actor),
      actorRole: actor.role,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      at,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed: Prisma's JSON input takes `object`, not Record<string, unknown> (the rule misreads the contextual type)
      data: (entry.data ?? {}) as object,
    },
  });
}

/** The newest audit entries first; tenant admins and leaders only. */
export async function listAuditEntries(ctx: CoreContext, tenantId: string, actor: Actor, options: { first?: number; before?: Date } = {}): Promise<AuditEntry[]> {
  if (actor.role !== 'TENANT_ADMIN' && actor.role !== 'LEADER') assertCan(actor, Permission.CONFIG_MANAGE);
  const take = options.first ?? 50;
  if (!Number.isInteger(take) || take < 1 || take > 500) throw validationError([{ path: 'first', message: 'must be from 1 to 500' }]);
  const rows = await withTenant(ctx.db, tenantId, (tx) =>
    tx.auditEntry.findMany({
      where: options.before ? { at: { lt: options.before } } : {},
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take,
    }),
  );
  return rows.map((r) => ({ ...r, id: r.id.toString(), data: (r.data ?? {}) as Record<string, unknown> }));
}
