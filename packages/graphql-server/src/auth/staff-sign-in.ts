import { hashPassword, verifyPassword, withTenant, type CoreContext } from '@paht/core';
import { ForbiddenError } from '../errors/expected-errors.js';
import { issueStaffToken, staffActor, type StaffClaims } from './staff-token.js';

export interface StaffSession extends StaffClaims {
  token: string;
  expiresAt: Date;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

// Verified against when the e-mail is unknown, so both failures take as long.
let decoyHash: Promise<string> | undefined;

/**
 * Checks a staff member's e-mail and password in the request's tenant and
 * signs a token. The one place this package reads a table itself: the core
 * has no staff directory yet. Every failure looks the same to the caller.
 */
export async function signInStaff(core: CoreContext, tenantId: string, email: string, password: string): Promise<StaffSession> {
  const normalized = email.trim().toLowerCase();
  const user = await withTenant(core.db, tenantId, (tx) =>
    tx.staffUser.findUnique({ where: { tenantId_email: { tenantId, email: normalized } } }),
  );
  if (!user?.passwordHash || !user.active) {
    await verifyPassword(password, await (decoyHash ??= hashPassword('decoy-password-never-matches')));
    throw new ForbiddenError(WRONG_CREDENTIALS);
  }
  if (!(await verifyPassword(password, user.passwordHash))) throw new ForbiddenError(WRONG_CREDENTIALS);
  const claims: StaffClaims = { userId: user.id, tenantId, role: user.role, unitId: user.unitId };
  if (!staffActor(claims)) throw new ForbiddenError('This account has no unit; ask the tenant admin');
  return { ...claims, ...(await issueStaffToken(core.secretKey, claims, core.now())) };
}
