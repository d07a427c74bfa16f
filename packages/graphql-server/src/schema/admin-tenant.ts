import { assertCan, Permission, updateTenantSettings, type TenantSettings } from '@paht/core';
import { builder } from '../builder.js';
import { forgetTenant } from '../security/request-tenant.js';
import { ADMIN_ERRORS, ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';

const TenantSettingsView = builder.objectRef<TenantSettings>('TenantSettings').implement({
  description: 'The tenant’s own settings.',
  fields: (t) => ({
    trackingPrefix: t.string({ nullable: true, description: 'Prefix of tracking codes (set at provisioning).', resolve: (s) => s.trackingPrefix ?? null }),
    allowedOrigins: t.stringList({
      description: 'Web origins allowed to embed the widgets, besides those of the public API keys.',
      resolve: (s) => s.allowedOrigins,
    }),
    singleSignOn: t.boolean({ description: 'Whether staff may sign in through the tenant’s own OpenID Connect provider (set by the operator).', resolve: (s) => Boolean(s.oidc) }),
  }),
});

const TenantSettingsInput = builder.inputType('TenantSettingsInput', {
  fields: (t) => ({
    allowedOrigins: t.stringList({ required: true, description: 'Replaces the list; at most 50 origins like `https://portal.example.gov.vn`.' }),
  }),
});

builder.queryField('tenantSettings', (t) =>
  t.field({
    type: TenantSettingsView,
    description: 'Tenant admin: the tenant’s settings.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) =>
      asAdmin(ctx, async (actor) => {
        assertCan(actor, Permission.CONFIG_MANAGE);
        return ctx.tenant.settings;
      }),
  }),
);

builder.mutationField('updateTenantSettings', (t) =>
  t.field({
    type: TenantSettingsView,
    description: 'Tenant admin: replace the origins allowed to embed the widgets. Audited (`tenant-settings.update`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: TenantSettingsInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, async (actor) => {
        const settings = await updateTenantSettings(ctx.core, ctx.tenant.id, actor, { allowedOrigins: input.allowedOrigins });
        forgetTenant(ctx.core, ctx.tenant.slug);
        return settings;
      }),
  }),
);
