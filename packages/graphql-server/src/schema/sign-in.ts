import { builder } from '../builder.js';
import { signInStaff, type StaffSession } from '../auth/staff-sign-in.js';
import { changeOwnPassword } from '../auth/change-password.js';
import { ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { StaffRoleEnum } from './enums.js';
import { DateTime } from './scalars.js';

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
    description: "Staff sign-in to the request's tenant. Wrong e-mail or password: ForbiddenError.",
    errors: { types: [ForbiddenError] },
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => signInStaff(ctx.core, ctx.tenant.id, args.email, args.password, ctx.signInThrottle ?? null),
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
    description:
      'The signed-in staff member changes their own password (also with the token of a one-time password sign-in, which allows nothing else). ' +
      'The new password needs at least 12 characters and must differ from the current one (ValidationError); a wrong current password is a ForbiddenError. ' +
      'Clears `passwordChangeRequired`: the same token then carries the account\'s rights. Audited (`staff.password-change`).',
    errors: { types: [ForbiddenError, ValidationError] },
    args: { currentPassword: t.arg.string({ required: true }), newPassword: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => changeOwnPassword(ctx, args.currentPassword, args.newPassword),
  }),
);
