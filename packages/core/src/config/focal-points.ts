import type { Actor } from '../auth/actor.js';
import { can, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { recordAudit } from '../audit/audit-log.js';

export interface FocalPointInput {
  role: 'LEADER' | 'STAFF';
  fullName: string;
  title?: string;
  phone?: string;
  email?: string;
}

export interface FocalPointRecord extends FocalPointInput {
  id: string;
  unitId: string;
  validFrom: Date;
  validTo: Date | null;
}

/**
 * Registers a unit's new focal point (đầu mối): closes the current one of
 * that role and opens the new one from now, keeping the history. Decision
 * 878/QĐ-UBND requires a change to be registered within 3 days. A tenant
 * admin may do it for any unit; a unit leader for their own unit.
 */
export async function setFocalPoint(ctx: CoreContext, tenantId: string, actor: Actor, unitId: string, input: FocalPointInput): Promise<FocalPointRecord> {
  const allowed =
    actor.role === 'TENANT_ADMIN' || (actor.role === 'UNIT_LEADER' && actor.unitId === unitId && can(actor, Permission.FOCAL_POINTS_MANAGE_OWN));
  if (!allowed) throw new DomainError(DomainErrorCode.FORBIDDEN, 'Not allowed to change this unit’s focal points');
  const issues = [];
  if (input.role !== 'LEADER' && input.role !== 'STAFF') issues.push({ path: 'role', message: 'must be LEADER or STAFF' });
  if (!input.fullName?.trim() || input.fullName.length > 200) issues.push({ path: 'fullName', message: 'is required (at most 200 characters)' });
  if (issues.length) throw validationError(issues);
  if (!isUuid(unitId)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such unit');
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: unitId } });
    if (!unit) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such unit');
    await tx.focalPoint.updateMany({ where: { unitId, role: input.role, validTo: null }, data: { validTo: now } });
    const row = await tx.focalPoint.create({
      data: {
        tenantId,
        unitId,
        role: input.role,
        fullName: input.fullName.trim(),
        title: input.title?.trim() || null,
        phone: input.phone?.trim() || null,
        email: input.email?.trim() || null,
        validFrom: now,
      },
    });
    // Focal points are staff, not reporters: their names may be logged.
    await recordAudit(tx, tenantId, actor, now, { action: 'focal-point.set', subjectType: 'Unit', subjectId: unitId, data: { role: input.role, fullName: row.fullName, focalPointId: row.id } });
    return toRecord(row);
  });
}

/** A unit's focal points: current ones, or every one that was ever registered. */
export async function listFocalPoints(ctx: CoreContext, tenantId: string, unitId: string, options: { history?: boolean } = {}): Promise<FocalPointRecord[]> {
  if (!isUuid(unitId)) return [];
  return withTenant(ctx.db, tenantId, async (tx) => {
    const rows = await tx.focalPoint.findMany({
      where: { unitId, ...(options.history ? {} : { validTo: null }) },
      orderBy: [{ role: 'asc' }, { validFrom: 'desc' }],
    });
    return rows.map(toRecord);
  });
}

function toRecord(row: { id: string; unitId: string; role: 'LEADER' | 'STAFF'; fullName: string; title: string | null; phone: string | null; email: string | null; validFrom: Date; validTo: Date | null }): FocalPointRecord {
  return {
    id: row.id,
    unitId: row.unitId,
    role: row.role,
    fullName: row.fullName,
    ...(row.title ? { title: row.title } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.email ? { email: row.email } : {}),
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}
