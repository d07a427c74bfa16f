import { hashPassword, recordStaffSignIn, verifyPassword, withTenant, type CoreContext } from '@paht/core';
import { ForbiddenError } from '../errors/expected-errors.js';
import { signInThrottled, type SignInThrottle } from './sign-in-throttle.js';
import { issueStaffToken, staffActor, type StaffClaims } from './staff-token.js';

export interface StaffSession extends StaffClaims {
  token: string;
  expiresAt: Date;
  /** Signed in with a one-time password: the token only allows `changePassword` until it is changed. */
  passwordChangeRequired: boolean;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

// Verified against when the e-mail is unknown, so both failures take as long.
let decoyHash: Promise<string> | undefined;

/**
 * Checks a staff member's e-mail and password in the request's tenant and
 * signs a token, within the account's sign-in throttle (`throttle`). The one place this package reads a table itself: the core
 * has no staff directory yet. Every failure looks the same to the caller.
 */
export async function signInStaff(
  core: CoreContext,
  tenantId: string,
  email: string,
  password: string,
  throttle: SignInThrottle | null = null,
): Promise<StaffSession> {
  const normalized = email.trim().toLowerCase();
  // Before the account is read: a locked address is refused alike whether it has an account or not.
  const wait = await throttle?.attempt(tenantId, normalized);
  if (wait) throw signInThrottled(wait);
  const user = await withTenant(core.db, tenantId, (tx) =>
    tx.staffUser.findUnique({ where: { tenantId_email: { tenantId, email: normalized } } }),
  );
  const claims: StaffClaims | null = user ? { userId: user.id, tenantId, role: user.role, unitId: user.unitId } : null;
  const actor = claims ? staffActor(claims) : null;
  // Every attempt on an existing account is audited, refused or not. The
  // answer to a refusal does not wait for its audit write: waiting would make
  // a wrong password on a real account slower than an unknown e-mail,
  // telling an attacker which addresses have accounts.
  const audited = actor && 'userId' in actor ? actor : null;
  const auditRefusal = () => {
    if (audited) void recordStaffSignIn(core, tenantId, audited, false).catch(() => undefined);
  };
  if (!user?.passwordHash || !user.active) {
    await verifyPassword(password, await (decoyHash ??= hashPassword('decoy-password-never-matches')));
    auditRefusal();
    throw new ForbiddenError(WRONG_CREDENTIALS);
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    auditRefusal();
    throw new ForbiddenError(WRONG_CREDENTIALS);
  }
  if (!claims || !audited) throw new ForbiddenError('This account has no unit; ask the tenant admin');
  await throttle?.succeeded(tenantId, normalized);
  await recordStaffSignIn(core, tenantId, audited, true);
  return { ...claims, ...(await issueStaffToken(core.secretKey, claims, core.now())), passwordChangeRequired: user.passwordChangeRequired };
}
