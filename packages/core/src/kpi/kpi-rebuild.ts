import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { findTenantById } from '../tenants/tenant-directory.js';
import { fillHandlingMinutes } from './kpi-handling.js';

/**
 * Recomputes a tenant's KPI facts and daily rollups from its reports and
 * timelines (migration 0018's `kpi_rebuild`), then fills every missing
 * handling time from its working calendar. The triggers keep them correct
 * as reports change; this is for data loaded around them (bulk imports,
 * restores) and after a repair. A tenant merge rebuilds both tenants itself
 * (merge-tenants.ts). Returns the tenant's facts and the handling times filled.
 */
export async function rebuildKpiRollups(ctx: CoreContext, tenantId: string, options: { timeoutMs?: number } = {}): Promise<{ reports: number; handlingFilled: number }> {
  const tenant = await findTenantById(ctx, tenantId);
  return withTenant(
    ctx.db,
    tenant.id,
    async (tx) => {
      await tx.$executeRaw`SELECT kpi_rebuild(${tenant.id}::uuid)`;
      const handlingFilled = await fillHandlingMinutes(tx, tenant);
      const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM kpi_report_facts WHERE tenant_id = ${tenant.id}::uuid`;
      return { reports: row?.n ?? 0, handlingFilled };
    },
    { timeoutMs: options.timeoutMs ?? 600_000 },
  );
}
