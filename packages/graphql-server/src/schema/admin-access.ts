import {
  createApiKey,
  createStaff,
  listApiKeys,
  listStaff,
  revokeApiKey,
  setStaffActive,
  type ApiKeyRecord,
  type StaffRecord,
} from '@paht/core';
import { forgetStaff } from '../auth/current-staff.js';
import { builder } from '../builder.js';
import { ADMIN_ERRORS, ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';
import { StaffRoleEnum } from './enums.js';
import { DateTime } from './scalars.js';

// Who may use the tenant's API: staff accounts and API keys (tenant admins).

const StaffAccount = builder.objectRef<StaffRecord>('StaffAccount').implement({
  description: 'A staff member’s account.',
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    fullName: t.exposeString('fullName'),
    role: t.field({ type: StaffRoleEnum, resolve: (s) => s.role }),
    unitId: t.exposeID('unitId', { nullable: true }),
    active: t.exposeBoolean('active', { description: 'false: cannot sign in.' }),
  }),
});

const ApiKeyKindEnum = builder.enumType('ApiKeyKind', {
  description: 'PUBLIC (`pk_…`): for widgets in browsers, only from its allowed origins. SECRET (`sk_…`): for servers.',
  values: ['PUBLIC', 'SECRET'] as const,
});

const ApiKey = builder.objectRef<ApiKeyRecord>('ApiKey').implement({
  description: 'A tenant API key as listed: never the key itself (only its hash is stored).',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: ApiKeyKindEnum, resolve: (k) => k.kind }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The key’s first characters, to recognise it.' }),
    allowedOrigins: t.exposeStringList('allowedOrigins'),
    createdAt: t.field({ type: DateTime, resolve: (k) => k.createdAt }),
    revokedAt: t.field({ type: DateTime, nullable: true, resolve: (k) => k.revokedAt }),
  }),
});

const NewApiKey = builder.objectRef<{ key: string; record: ApiKeyRecord }>('NewApiKey').implement({
  description: 'A key just created. `key` is shown this once: store it now.',
  fields: (t) => ({
    key: t.exposeString('key'),
    apiKey: t.field({ type: ApiKey, resolve: (k) => k.record }),
  }),
});

const CreateStaffAccountInput = builder.inputType('CreateStaffAccountInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    fullName: t.string({ required: true }),
    role: t.field({ type: StaffRoleEnum, required: true }),
    unitId: t.id({ description: 'Required for UNIT_OFFICER and UNIT_LEADER.' }),
    password: t.string({ description: 'At least 12 characters; omit for single sign-on accounts.' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    kind: t.field({ type: ApiKeyKindEnum, required: true }),
    name: t.string({ required: true }),
    allowedOrigins: t.stringList({ description: 'Web origins (`https://portal.example.gov.vn`); at least one for a PUBLIC key.' }),
  }),
});

builder.queryFields((t) => ({
  staffAccounts: t.field({
    type: [StaffAccount],
    description: 'Tenant admin: every staff account, by e-mail.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) => asAdmin(ctx, (actor) => listStaff(ctx.core, ctx.tenant.id, actor)),
  }),
  apiKeys: t.field({
    type: [ApiKey],
    description: 'Tenant admin: the API keys, revoked ones included, oldest first.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) => asAdmin(ctx, (actor) => listApiKeys(ctx.core, ctx.tenant.id, actor)),
  }),
}));

builder.mutationFields((t) => ({
  createStaffAccount: t.field({
    type: StaffAccount,
    description: 'Tenant admin: a new staff account (ConflictError if the e-mail is taken). Audited (`staff.create`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: CreateStaffAccountInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, (actor) =>
        createStaff(ctx.core, ctx.tenant.id, actor, {
          email: input.email,
          fullName: input.fullName,
          role: input.role,
          unitId: input.unitId ?? undefined,
          password: input.password ?? undefined,
        }),
      ),
  }),
  setStaffAccountActive: t.field({
    type: StaffAccount,
    description:
      'Tenant admin: deactivate a staff account (signing in stops at once, and tokens already issued stop working within seconds) or reactivate it. Audited (`staff.deactivate` / `staff.activate`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: (_r, { id, active }, ctx) =>
      asAdmin(ctx, async (actor) => {
        const account = await setStaffActive(ctx.core, ctx.tenant.id, actor, id, active);
        forgetStaff(ctx.core, ctx.tenant.id, account.id);
        return account;
      }),
  }),
  createApiKey: t.field({
    type: NewApiKey,
    description: 'Tenant admin: a new API key, returned in clear this once. Audited (`api-key.create`, without the key).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, (actor) => createApiKey(ctx.core, ctx.tenant.id, actor, { kind: input.kind, name: input.name, allowedOrigins: input.allowedOrigins ?? undefined })),
  }),
  revokeApiKey: t.field({
    type: ApiKey,
    description: 'Tenant admin: revoke a key at once. Audited (`api-key.revoke`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => asAdmin(ctx, (actor) => revokeApiKey(ctx.core, ctx.tenant.id, actor, id)),
  }),
}));
