import { builder } from '../builder.js';
import { signInStaff, type StaffSession } from '../auth/staff-sign-in.js';
import { changeOwnPassword } from '../auth/change-password.js';
import { signInStaffWithOidc } from '../auth/oidc-sign-in.js';
import { ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { StaffRoleEnum } from './enums.js';
import { DateTime } from './scalars.js';
import { changesNothingPublic } from '../cache/public-facets.js';

const SignInSuccess = builder.objectRef<StaffSession>('SignInSuccess').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`; valid 12 hours.' }),
    expiresAt: t.field({ type: DateTime, resolve: (s) => s.expiresAt }),
    userId: t.exposeID('userId'),
    role: t.field({ type: StaffRoleEnum, resolve: (s) => s.role }),
    unitId: t.exposeID('unitId', { nullable: true }),
    passwordChangeRequired: t.exposeBoolean('passwordChangeRequired', {
      description:
        'True after signing in with a one-time password (a new tenant\'s first admin): the token only allows `changePassword` until the password is changed; every other staff field answers ForbiddenError.',
    }),
  }),
});

builder.mutationField('signIn', (t) =>
  t.field({
    type: SignInSuccess,
    extensions: changesNothingPublic,
    description: "Staff sign-in to the request's tenant. Wrong e-mail or password: ForbiddenError.",
    errors: { types: [ForbiddenError] },
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => signInStaff(ctx.core, ctx.tenant.id, args.email, args.password, ctx.signInThrottle ?? null),
  }),
);

builder.mutationField('signInWithOidc', (t) =>
  t.field({
    type: SignInSuccess,
    extensions: changesNothingPublic,
    description:
      "Staff sign-in through the tenant's OpenID Connect provider (`staffSignInOptions.oidc`): give the provider's ID token; its signature, issuer, audience and expiry are checked and its e-mail claim (verified) must name an active staff account. Answers the same session as `signIn` (this API's own 12-hour token, usable for live updates too). Audited (`staff.sign-in`). No provider, an invalid token or no such account: ForbiddenError.",
    errors: { types: [ForbiddenError] },
    args: { idToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => signInStaffWithOidc(ctx.core, ctx.tenant, ctx.oidc, args.idToken),
  }),
);

const StaffOidcSignIn = builder.objectRef<{ issuer: string; clientId: string }>('StaffOidcSignIn').implement({
  description: "The tenant's OpenID Connect provider, as a browser starts a sign-in with it (authorization code with PKCE). No secret.",
  fields: (t) => ({
    issuer: t.exposeString('issuer', { description: 'The provider’s issuer; its discovery document is at `<issuer>/.well-known/openid-configuration`.' }),
    clientId: t.exposeString('clientId', { description: 'The client id to ask the provider for (the audience its ID tokens carry).' }),
  }),
});

const StaffSignInOptions = builder.objectRef<{ oidc: { issuer: string; clientId: string } | null }>('StaffSignInOptions').implement({
  description: 'How staff of the tenant may sign in. Public: a sign-in page reads it before anyone is signed in.',
  fields: (t) => ({
    password: t.boolean({ description: 'E-mail and password (`signIn`): always.', resolve: () => true }),
    oidc: t.field({ type: StaffOidcSignIn, nullable: true, description: "The tenant's OpenID Connect provider (`signInWithOidc`), or null when it has none.", resolve: (o) => o.oidc }),
  }),
});

builder.queryField('staffSignInOptions', (t) =>
  t.field({
    type: StaffSignInOptions,
    description: "How the tenant's staff may sign in: password always, and the OpenID Connect provider (issuer and client id) when one is configured (the operator's or the tenant's `settings.oidc`).",
    resolve: (_root, _args, ctx) => {
      const provider = ctx.oidc?.providerFor(ctx.tenant) ?? null;
      return { oidc: provider ? { issuer: provider.issuer, clientId: provider.audience } : null };
    },
  }),
);

const PasswordChanged = builder.objectRef<{ userId: string }>('PasswordChanged').implement({
  description: 'The password was changed; the token that asked now carries the account\'s rights.',
  fields: (t) => ({
    userId: t.exposeID('userId'),
    passwordChangeRequired: t.boolean({ description: 'Always false after a change.', resolve: () => false }),
  }),
});

builder.mutationField('changePassword', (t) =>
  t.field({
    type: PasswordChanged,
    extensions: changesNothingPublic,
    description:
      'The signed-in staff member changes their own password (also with the token of a one-time password sign-in, which allows nothing else). ' +
      'The new password needs at least 12 characters and must differ from the current one (ValidationError); a wrong current password is a ForbiddenError. ' +
      'Clears `passwordChangeRequired`: the same token then carries the account\'s rights. Audited (`staff.password-change`).',
    errors: { types: [ForbiddenError, ValidationError] },
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => changeOwnPassword(ctx, args.currentPassword, args.newPassword),
  }),
);
