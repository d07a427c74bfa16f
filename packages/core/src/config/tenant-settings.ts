import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { parseStoredSettings, tenantSettingsSchema, type TenantSettings } from '../tenants/tenant-settings-schema.js';
import { parseInput } from './parse-input.js';

/** What a tenant admin may change (the tracking prefix and single sign-on are the operator's, set at provisioning). */
export interface TenantSettingsChange {
  /** Replaces the web origins allowed to embed the widgets. */
  allowedOrigins: string[];
}

/**
 * Changes the tenant's own settings a tenant admin may change: the web
 * origins allowed to embed the widgets (`allowedOrigins`, besides those of
 * its public API keys). The settings after the change are validated as a
 * whole by the one settings schema; an invalid change is refused with a
 * VALIDATION error naming the fields (`allowedOrigins.2`) and changes
 * nothing. Audited as `tenant-settings.update` with the origins before and
 * after.
 */
export async function updateTenantSettings(ctx: CoreContext, tenantId: string, actor: Actor, change: TenantSettingsChange): Promise<TenantSettings> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, settings: true } });
    const before = parseStoredSettings(row.slug, row.settings);
    const settings = parseInput(tenantSettingsSchema, { ...before, allowedOrigins: change.allowedOrigins });
    await tx.tenant.update({ where: { id: tenantId }, data: { settings } });
    await recordAudit(tx, tenantId, actor, ctx.now(), {
      action: 'tenant-settings.update',
      subjectType: 'Tenant',
      subjectId: tenantId,
      data: { before: { allowedOrigins: before.allowedOrigins }, after: { allowedOrigins: settings.allowedOrigins } },
    });
    return parseStoredSettings(row.slug, settings);
  });
}
