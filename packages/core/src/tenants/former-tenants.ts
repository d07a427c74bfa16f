import type { CoreContext } from '../context.js';
import { validationError } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import { isUuid } from '../ids.js';
import type { TenantRecord } from './tenant-directory.js';

/** A tenant whose reports a merge moved into another (docs/tenant-merge.md). */
export interface FormerTenant {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
}

/** A merge refuses a merged target, so one hop is the rule; a few are followed for tenants merged in turn (as `findTenantBySlug`). */
const MAX_HOPS = 8;

/**
 * The tenants merged into `tenantId`, directly or through a tenant merged in
 * turn: those whose id a moved report may carry as `former_tenant_id`. The
 * directory of tenants is small (one row per province), so it is read whole.
 */
export async function formerTenantsOf(ctx: CoreContext, tenantId: string): Promise<FormerTenant[]> {
  const merged = await ctx.db.prisma.tenant.findMany({
    where: { mergedIntoId: { not: null } },
    select: { id: true, slug: true, name: true, nameEn: true, mergedIntoId: true },
    orderBy: { slug: 'asc' },
  });
  const into = new Map(merged.map((t) => [t.id, t.mergedIntoId]));
  const leadsHere = (id: string): boolean => {
    let at: string | null | undefined = into.get(id);
    for (let hops = 0; at && hops < MAX_HOPS; hops++) {
      if (at === tenantId) return true;
      at = into.get(at);
    }
    return false;
  };
  return merged.filter((t) => leadsHere(t.id)).map(({ mergedIntoId: _into, ...t }) => t);
}

/**
 * Checks a "submitted to" filter of KPIs and exports: a tenant merged into
 * `tenant` (its moved reports), or `tenant`'s own id (the reports submitted
 * to it, as `null` says). Anything else is refused with VALIDATION on `path`.
 * Answers the report condition: a former tenant's id, or `null` for the own
 * reports; `undefined` (no filter) stays `undefined`, all reports.
 */
export async function checkFormerTenantFilter(ctx: CoreContext, tenant: TenantRecord, formerTenantId: string | null | undefined, path: string): Promise<string | null | undefined> {
  if (formerTenantId === undefined || formerTenantId === null || formerTenantId === tenant.id) return formerTenantId === undefined ? undefined : null;
  if (isUuid(formerTenantId) && (await formerTenantsOf(ctx, tenant.id)).some((t) => t.id === formerTenantId)) return formerTenantId;
  throw validationError([{ path, message: 'must be the id of this tenant or of a tenant merged into it' }]);
}

/** The report condition of a checked "submitted to" filter (`checkFormerTenantFilter`): r is the reports' alias. */
export const formerTenantCondition = (formerTenantId: string | null | undefined): Prisma.Sql =>
  formerTenantId === undefined
    ? Prisma.empty
    : formerTenantId === null
      ? Prisma.sql`AND r.former_tenant_id IS NULL`
      : Prisma.sql`AND r.former_tenant_id = ${formerTenantId}::uuid`;
