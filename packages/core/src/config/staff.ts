import { z } from 'zod';
import { recordAudit } from '../audit/audit-log.js';
import { STAFF_ROLES, type Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { parseInput } from './parse-input.js';

export interface StaffRecord {
  id: string;
  email: string;
  fullName: string;
  role: (typeof STAFF_ROLES)[number];
  unitId: string | null;
  active: boolean;
}

/** A staff account as an admin (or the operator, for the first admin) gives it; the one set of rules for e-mail, name and password. */
export const staffInput = z.object({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  fullName: z.string().trim().min(1).max(200),
  role: z.enum(STAFF_ROLES),
  unitId: z.uuid().optional(),
  /** Optional: staff signing in through the tenant's OpenID Connect provider have none. */
  password: z.string().min(12, 'needs at least 12 characters').max(200).optional(),
});
export type StaffInput = z.input<typeof staffInput>;

/** Creates a staff account. Unit roles need a unit. Tenant admins only. */
export async function createStaff(ctx: CoreContext, tenantId: string, actor: Actor, input: StaffInput): Promise<StaffRecord> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const data = parseInput(staffInput, input);
  const unitRole = data.role === 'UNIT_OFFICER' || data.role === 'UNIT_LEADER';
  if (unitRole && !data.unitId) throw validationError([{ path: 'unitId', message: 'a unit role needs a unit' }]);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return withTenant(ctx.db, tenantId, async (tx) => {
    if (data.unitId && !(await tx.unit.findUnique({ where: { id: data.unitId } }))) {
      throw validationError([{ path: 'unitId', message: 'is not a unit of this tenant' }]);
    }
    if (await tx.staffUser.findUnique({ where: { tenantId_email: { tenantId, email: data.email } } })) {
      throw new DomainError(DomainErrorCode.CONFLICT, 'A staff account with this e-mail exists already');
    }
    const row = await tx.staffUser.create({
      data: { tenantId, email: data.email, fullName: data.fullName, role: data.role, unitId: data.unitId ?? null, passwordHash },
    });
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'staff.create', subjectType: 'StaffUser', subjectId: row.id, data: { role: row.role, unitId: row.unitId } });
    return toStaff(row);
  });
}

/** Turns a staff account off (or on again). Signing in stops at once. Tenant admins only. */
export async function setStaffActive(ctx: CoreContext, tenantId: string, actor: Actor, staffId: string, active: boolean): Promise<StaffRecord> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  if (!isUuid(staffId)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such staff account');
  return withTenant(ctx.db, tenantId, async (tx) => {
    const { count } = await tx.staffUser.updateMany({ where: { id: staffId }, data: { active } });
    if (count === 0) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such staff account');
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: active ? 'staff.activate' : 'staff.deactivate', subjectType: 'StaffUser', subjectId: staffId });
    return toStaff(await tx.staffUser.findUniqueOrThrow({ where: { id: staffId } }));
  });
}

export async function listStaff(ctx: CoreContext, tenantId: string, actor: Actor): Promise<StaffRecord[]> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.staffUser.findMany({ orderBy: { email: 'asc' } }));
  return rows.map(toStaff);
}

function toStaff(r: StaffRecord & Record<string, unknown>): StaffRecord {
  return { id: r.id, email: r.email, fullName: r.fullName, role: r.role, unitId: r.unitId, active: r.active };
}
