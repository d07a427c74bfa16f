import { z } from 'zod';
import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { parseInput } from './parse-input.js';
import { UNIT_KINDS, type UnitRecord } from './units.js';

const unitChanges = z
  .object({
    name: z.string().trim().min(1).max(300),
    /** null clears the English name. */
    nameEn: z.string().trim().min(1).max(300).nullable(),
    kind: z.enum(UNIT_KINDS),
    /** Moves the unit under another one; null makes it a root of the tree. */
    parentId: z.uuid().nullable(),
    /** false deactivates the unit (it stays in history and old reports), true reactivates it. */
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'says nothing to change' });
export type UnitChanges = z.input<typeof unitChanges>;

/**
 * Renames, re-kinds, moves (in the unit tree) or (de)activates a unit. A
 * move that would put a unit under itself or under one of its own sub-units
 * is invalid; a unit with active sub-units cannot be deactivated (CONFLICT).
 * Tenant admins only; audited as `unit.update` with the values before and after.
 */
export async function updateUnit(ctx: CoreContext, tenantId: string, actor: Actor, unitId: string, input: UnitChanges): Promise<UnitRecord> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const changes = parseInput(unitChanges, input);
  if (!isUuid(unitId)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such unit');
  return withTenant(ctx.db, tenantId, async (tx) => {
    const before = await tx.unit.findUnique({ where: { id: unitId } });
    if (!before) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such unit');
    if (changes.parentId) {
      // Walk up from the new parent: reaching the unit itself would close a cycle.
      const units = await tx.unit.findMany({ select: { id: true, parentId: true } });
      const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
      if (!parentOf.has(changes.parentId)) throw validationError([{ path: 'parentId', message: 'is not a unit of this tenant' }]);
      for (let at: string | null | undefined = changes.parentId, hops = 0; at; at = parentOf.get(at), hops++) {
        if (at === unitId || hops > units.length) throw validationError([{ path: 'parentId', message: 'would put the unit under itself or one of its sub-units' }]);
      }
    }
    if (changes.active === false && before.active) {
      const activeChildren = await tx.unit.count({ where: { parentId: unitId, active: true } });
      if (activeChildren > 0) throw new DomainError(DomainErrorCode.CONFLICT, 'The unit has active sub-units; deactivate or move them first');
    }
    const row = await tx.unit.update({ where: { id: unitId }, data: changes });
    const pick = (u: typeof row) => ({ name: u.name, nameEn: u.nameEn, kind: u.kind, parentId: u.parentId, active: u.active });
    const action = changes.active === false && before.active ? 'unit.deactivate' : 'unit.update';
    await recordAudit(tx, tenantId, actor, ctx.now(), { action, subjectType: 'Unit', subjectId: unitId, data: { before: pick(before), after: pick(row) } });
    return { id: row.id, parentId: row.parentId, code: row.code, name: row.name, nameEn: row.nameEn, kind: row.kind, active: row.active };
  });
}
