import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { parseInput } from './parse-input.js';
import { recordAudit } from '../audit/audit-log.js';

export interface CategoryRecord {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  isPublic: boolean;
  active: boolean;
  defaultUnitId: string | null;
  slaPolicy: SlaPolicyRecord;
}

export interface SlaPolicyRecord {
  id: string;
  code: string;
  name: string;
  clock: 'WORKING' | 'CALENDAR';
  classifyMinutes: number;
  acceptMinutes: number;
  resolveMinutes: number;
  warnRatio: number;
}

const minutes = z.number().int().min(1).max(366 * 24 * 60);
const policyInput = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  clock: z.enum(['WORKING', 'CALENDAR']),
  classifyMinutes: minutes,
  acceptMinutes: minutes,
  resolveMinutes: minutes,
  warnRatio: z.number().gt(0).lt(1).default(0.8),
});
export type SlaPolicyInput = z.input<typeof policyInput>;

/**
 * Creates or updates (by code) an SLA policy. A change applies to every open
 * report of its categories from their next event or read; resolved reports
 * keep the verdict they were given. Tenant admins only.
 */
export async function upsertSlaPolicy(ctx: CoreContext, tenantId: string, actor: Actor, input: SlaPolicyInput): Promise<SlaPolicyRecord> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const { code, ...rest } = parseInput(policyInput, input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.slaPolicy.upsert({ where: { tenantId_code: { tenantId, code } }, create: { tenantId, code, ...rest }, update: rest });
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'sla-policy.upsert', subjectType: 'SlaPolicy', subjectId: row.id, data: { code, ...rest } });
    return row;
  });
}

const categoryInput = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  slaPolicyCode: z.string().trim().min(1).max(50),
  defaultUnitId: z.uuid().nullable().optional(),
  isPublic: z.boolean().default(true),
  active: z.boolean().default(true),
});
export type CategoryInput = z.input<typeof categoryInput>;

/** Creates or updates (by code) a category with its SLA policy and default unit. Tenant admins only. */
export async function upsertCategory(ctx: CoreContext, tenantId: string, actor: Actor, input: CategoryInput): Promise<CategoryRecord> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const { code, slaPolicyCode, defaultUnitId, ...rest } = parseInput(categoryInput, input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const policy = await tx.slaPolicy.findUnique({ where: { tenantId_code: { tenantId, code: slaPolicyCode } } });
    if (!policy) throw validationError([{ path: 'slaPolicyCode', message: 'is not an SLA policy of this tenant' }]);
    if (defaultUnitId && !(await tx.unit.findUnique({ where: { id: defaultUnitId } }))) {
      throw validationError([{ path: 'defaultUnitId', message: 'is not a unit of this tenant' }]);
    }
    const data = { ...rest, slaPolicyId: policy.id, defaultUnitId: defaultUnitId ?? null };
    const row = await tx.category.upsert({
      where: { tenantId_code: { tenantId, code } },
      create: { tenantId, code, ...data },
      update: data,
      include: { slaPolicy: true },
    });
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'category.upsert', subjectType: 'Category', subjectId: row.id, data: { code, slaPolicyCode, ...data } });
    return toCategory(row);
  });
}

/** The tenant's categories with their SLA policy; only public ones unless `includePrivate`. */
export async function listCategories(ctx: CoreContext, tenantId: string, options: { includePrivate?: boolean } = {}): Promise<CategoryRecord[]> {
  const rows = await withTenant(ctx.db, tenantId, (tx) =>
    tx.category.findMany({
      where: { active: true, ...(options.includePrivate ? {} : { isPublic: true }) },
      include: { slaPolicy: true },
      orderBy: { code: 'asc' },
    }),
  );
  return rows.map(toCategory);
}

function toCategory(r: Omit<CategoryRecord, 'slaPolicy'> & { slaPolicy: SlaPolicyRecord }): CategoryRecord {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    isPublic: r.isPublic,
    active: r.active,
    defaultUnitId: r.defaultUnitId,
    slaPolicy: { id: r.slaPolicy.id, code: r.slaPolicy.code, name: r.slaPolicy.name, clock: r.slaPolicy.clock, classifyMinutes: r.slaPolicy.classifyMinutes, acceptMinutes: r.slaPolicy.acceptMinutes, resolveMinutes: r.slaPolicy.resolveMinutes, warnRatio: r.slaPolicy.warnRatio },
  };
}
