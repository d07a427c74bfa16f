import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import type { TenantSettings } from '../tenants/tenant-directory.js';

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;
const MAX_ORIGINS = 50;

/**
 * Changes the tenant's own settings a tenant admin may change: the web
 * origins allowed to embed the widgets (`allowedOrigins`, besides those of
 * its public API keys). The tracking prefix and a tenant's single sign-on
 * provider are the operator's (set at provisioning). Audited as
 * `tenant-settings.update` with the origins before and after.
 */
export async function updateTenantSettings(ctx: CoreContext, tenantId: string, actor: Actor, input: { allowedOrigins: string[] }): Promise<TenantSettings> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const origins = input.allowedOrigins;
  if (!Array.isArray(origins) || origins.length > MAX_ORIGINS || origins.some((o) => typeof o !== 'string' || !ORIGIN.test(o))) {
    throw validationError([{ path: 'allowedOrigins', message: `must be at most ${MAX_ORIGINS} origins like https://portal.quangtri.gov.vn` }]);
  }
  const allowedOrigins = [...new Set(origins.map((o) => o.toLowerCase()))];
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
    const before = (row.settings ?? {}) as TenantSettings;
    const settings: TenantSettings = { ...before, allowedOrigins };
    await tx.tenant.update({ where: { id: tenantId }, data: { settings: settings as object } });
    await recordAudit(tx, tenantId, actor, ctx.now(), {
      action: 'tenant-settings.update',
      subjectType: 'Tenant',
      subjectId: tenantId,
      data: { before: { allowedOrigins: before.allowedOrigins ?? [] }, after: { allowedOrigins } },
    });
    return settings;
  });
}
