import { changeStaffPassword } from '@paht/core';
import type { GraphQLContext } from '../context.js';
import { callCore, ForbiddenError } from '../errors/expected-errors.js';
import { forgetStaff } from './current-staff.js';
import { signInThrottled } from './sign-in-throttle.js';

/**
 * `changePassword` for the request's staff member (or the account of a
 * one-time password's token), within the sign-in throttle: guessing the
 * current password here is no faster than at `signIn`.
 */
export async function changeOwnPassword(ctx: GraphQLContext, currentPassword: string, newPassword: string): Promise<{ userId: string }> {
  const userId = ctx.staff && 'userId' in ctx.staff ? ctx.staff.userId : (ctx.passwordChangeFor ?? null);
  if (!userId) throw new ForbiddenError('Sign in as staff to do this');
  const throttleKey = `password-change:${userId}`;
  const wait = await ctx.signInThrottle?.attempt(ctx.tenant.id, throttleKey);
  if (wait) throw signInThrottled(wait);
  await callCore(() => changeStaffPassword(ctx.core, ctx.tenant.id, userId, currentPassword, newPassword));
  await ctx.signInThrottle?.succeeded(ctx.tenant.id, throttleKey);
  // The next request reads the account again: the token now carries its rights.
  forgetStaff(ctx.core, ctx.tenant.id, userId);
  return { userId };
}
