import { builder } from '../builder.js';
import { signInStaff, type StaffSession } from '../auth/staff-sign-in.js';
import { ForbiddenError } from '../errors/expected-errors.js';
import { StaffRoleEnum } from './enums.js';
import { DateTime } from './scalars.js';

const SignInSuccess = builder.objectRef<StaffSession>('SignInSuccess').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as `Authorization: Bearer <token>`; valid 12 hours.' }),
    expiresAt: t.field({ type: DateTime, resolve: (s) => s.expiresAt }),
    userId: t.exposeID('userId'),
    role: t.field({ type: StaffRoleEnum, resolve: (s) => s.role }),
    unitId: t.exposeID('unitId', { nullable: true }),
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
