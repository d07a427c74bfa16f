import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { parseInput } from './parse-input.js';
import { recordAudit } from '../audit/audit-log.js';

export const UNIT_KINDS = ['IOC', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'AGENCY'] as const;

export interface UnitRecord {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  nameEn: string | null;
  kind: (typeof UNIT_KINDS)[number];
  active: boolean;
}

const unitInput = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300).optional(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().optional(),
});
export type UnitInput = z.input<typeof unitInput>;

/** Creates a handling unit under an optional parent. Tenant admins only. */
export async function createUnit(ctx: CoreContext, tenantId: string, actor: Actor, input: UnitInput): Promise<UnitRecord> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const data = parseInput(unitInput, input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    if (data.parentId && !(await tx.unit.findUnique({ where: { id: data.parentId } }))) {
      throw new DomainError(DomainErrorCode.VALIDATION, 'Invalid input: parentId: is not a unit of this tenant', { fields: [{ path: 'parentId', message: 'is not a unit of this tenant' }] });
    }
    if (await tx.unit.findUnique({ where: { tenantId_code: { tenantId, code: data.code } } })) {
      throw new DomainError(DomainErrorCode.CONFLICT, `A unit with code ${data.code} exists already`);
    }
    const row = await tx.unit.create({ data: { tenantId, code: data.code, name: data.name, nameEn: data.nameEn ?? null, kind: data.kind, parentId: data.parentId ?? null } });
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'unit.create', subjectType: 'Unit', subjectId: row.id, data: { ...data } });
    return toUnit(row);
  });
}

/** Every unit of the tenant, ordered by code (the tree is in `parentId`). */
export async function listUnits(ctx: CoreContext, tenantId: string): Promise<UnitRecord[]> {
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.unit.findMany({ orderBy: { code: 'asc' } }));
  return rows.map(toUnit);
}

function toUnit(r: UnitRecord & Record<string, unknown>): UnitRecord {
  return { id: r.id, parentId: r.parentId, code: r.code, name: r.name, nameEn: r.nameEn, kind: r.kind, active: r.active };
}
