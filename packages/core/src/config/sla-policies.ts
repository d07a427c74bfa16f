import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import type { SlaPolicyRecord } from './categories.js';

/** The tenant's SLA policies by code. Tenant admins only. */
export async function listSlaPolicies(ctx: CoreContext, tenantId: string, actor: Actor): Promise<SlaPolicyRecord[]> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.slaPolicy.findMany({ orderBy: { code: 'asc' } }));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    clock: r.clock,
    classifyMinutes: r.classifyMinutes,
    acceptMinutes: r.acceptMinutes,
    resolveMinutes: r.resolveMinutes,
    warnRatio: r.warnRatio,
  }));
}
