import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { STAFF_ROLES, type Actor, type StaffRole } from '@paht/core';

/** How long a staff sign-in lasts: one long working day. */
export const STAFF_TOKEN_TTL_SECONDS = 12 * 60 * 60;
const ISSUER = 'paht';

export interface StaffClaims {
  userId: string;
  tenantId: string;
  role: StaffRole;
  unitId: string | null;
}

/**
 * The signing key: derived from the instance secret, so the key that signs
 * tokens is not the one that derives citizens' report secrets.
 */
const signingKey = (secretKey: string): Uint8Array =>
  createHmac('sha256', secretKey).update('paht/staff-token/v1').digest();

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** Signs a staff token (HS256) valid for 12 hours from `now`. */
export async function issueStaffToken(secretKey: string, claims: StaffClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = seconds(now);
  const expiresAt = issuedAt + STAFF_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ tid: claims.tenantId, role: claims.role, unit: claims.unitId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setSubject(claims.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(signingKey(secretKey));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * Tokens whose signature was checked, by the whole token (signature
 * included), with the secret they were checked against and their expiry
 * (`exp`, seconds): a signed-in client sends the same token with every
 * request, and its HMAC is checked once per process, not on every request.
 * What the check decided depends only on the token, the secret and the
 * clock, and the clock is compared again on every hit; whether the account
 * may still act is `current-staff.ts`'s business, read apart. Refused
 * tokens are not kept (a flood of made-up ones must not push out real ones).
 */
const verified = new LRUCache<string, { secretKey: string; claims: StaffClaims; exp: number }>({ max: 10_000 });

/** The claims of a valid, unexpired token; null for anything else. */
export async function verifyStaffToken(secretKey: string, token: string, now: Date): Promise<StaffClaims | null> {
  const known = verified.get(token);
  if (known && known.secretKey === secretKey) return seconds(now) < known.exp ? known.claims : null;
  try {
    const { payload } = await jwtVerify(token, signingKey(secretKey), { issuer: ISSUER, algorithms: ['HS256'], currentDate: now });
    const { sub, tid, role, unit, exp, nbf } = payload;
    if (typeof sub !== 'string' || typeof tid !== 'string' || !STAFF_ROLES.includes(role as StaffRole)) return null;
    const claims: StaffClaims = { userId: sub, tenantId: tid, role: role as StaffRole, unitId: typeof unit === 'string' ? unit : null };
    // Ours always expire and never carry `nbf`: only such tokens are kept, so a hit is checked exactly as jose would.
    if (typeof exp === 'number' && nbf === undefined) verified.set(token, { secretKey, claims, exp });
    return claims;
  } catch {
    return null;
  }
}

/** The core Actor a staff member's claims stand for; null when a unit role lacks its unit. */
export function staffActor(claims: StaffClaims): Actor | null {
  switch (claims.role) {
    case 'UNIT_OFFICER':
    case 'UNIT_LEADER':
      return claims.unitId ? { role: claims.role, userId: claims.userId, unitId: claims.unitId } : null;
    default:
      return { role: claims.role, userId: claims.userId };
  }
}
