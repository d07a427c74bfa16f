import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { can, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { isUuid } from '../ids.js';
import type { FocalPointRecord } from './focal-points.js';

/**
 * Ends a focal point's term now without naming a successor (the person
 * left; the unit has no focal point of that role until one is set). The row
 * stays in the history. Closing one already closed changes nothing and is
 * not audited again. Who may: as for `setFocalPoint` (a tenant admin, or the
 * unit's own leader).
 */
export async function closeFocalPoint(ctx: CoreContext, tenantId: string, actor: Actor, focalPointId: string): Promise<FocalPointRecord> {
  const admin = actor.role === 'TENANT_ADMIN';
  const leader = actor.role === 'UNIT_LEADER' && can(actor, Permission.FOCAL_POINTS_MANAGE_OWN);
  if (!admin && !leader) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Not allowed to change focal points');
  if (!isUuid(focalPointId)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such focal point');
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.focalPoint.findUnique({ where: { id: focalPointId } });
    if (!row) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such focal point');
    if (!admin && !(actor.role === 'UNIT_LEADER' && actor.unitId === row.unitId)) {
      throw new DomainError(DomainErrorCode.FORBIDDEN, 'Not allowed to change this unit’s focal points');
    }
    const closed = row.validTo ? row : await tx.focalPoint.update({ where: { id: focalPointId }, data: { validTo: now } });
    if (!row.validTo) {
      await recordAudit(tx, tenantId, actor, now, { action: 'focal-point.close', subjectType: 'Unit', subjectId: row.unitId, data: { role: row.role, fullName: row.fullName, focalPointId } });
    }
    return {
      id: closed.id,
      unitId: closed.unitId,
      role: closed.role,
      fullName: closed.fullName,
      ...(closed.title ? { title: closed.title } : {}),
      ...(closed.phone ? { phone: closed.phone } : {}),
      ...(closed.email ? { email: closed.email } : {}),
      validFrom: closed.validFrom,
      validTo: closed.validTo,
    };
  });
}
