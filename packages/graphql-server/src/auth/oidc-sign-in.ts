import { recordStaffSignIn, type CoreContext, type TenantRecord } from '@paht/core';
import { ForbiddenError } from '../errors/expected-errors.js';
import type { OidcVerifier } from './oidc.js';
import type { StaffSession } from './staff-sign-in.js';
import { issueStaffToken } from './staff-token.js';

/**
 * Exchanges a token of the tenant's OpenID Connect provider (its ID token,
 * or an access token that is a JWT for the same audience) for a staff
 * session of this API, as `signIn` answers: the provider's signature,
 * issuer, audience and expiry are checked by the verifier, the e-mail claim
 * names an active staff account, and the sign-in is audited. The session's
 * own token then works everywhere a password sign-in's does (live updates
 * included) for its 12 hours, whatever the provider token's lifetime.
 */
export async function signInStaffWithOidc(core: CoreContext, tenant: TenantRecord, verifier: OidcVerifier | null | undefined, token: string): Promise<StaffSession> {
  if (!verifier?.providerFor(tenant)) throw new ForbiddenError('Đơn vị chưa cấu hình đăng nhập một lần / This tenant has no single sign-on provider');
  const verified = await verifier.verify(core, tenant, token);
  if (!verified.ok) {
    throw new ForbiddenError(
      verified.failure === 'NO_STAFF_ACCOUNT'
        ? 'Không có tài khoản cán bộ đang hoạt động với thư điện tử này / No active staff account of this tenant has the e-mail of this sign-in'
        : 'Phiên đăng nhập một lần không hợp lệ hoặc đã hết hạn / Invalid or expired single sign-on token',
    );
  }
  const actor = verified.actor;
  if (!('userId' in actor)) throw new ForbiddenError('No staff account');
  const claims = { userId: actor.userId, tenantId: tenant.id, role: actor.role, unitId: 'unitId' in actor ? (actor.unitId ?? null) : null };
  await recordStaffSignIn(core, tenant.id, actor, true);
  return { ...claims, ...(await issueStaffToken(core.secretKey, claims, core.now())), passwordChangeRequired: false };
}
