import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/** How long an upload may wait to be attached to a report: 24 hours. */
export const UPLOAD_TOKEN_TTL_SECONDS = 24 * 60 * 60;
const ISSUER = 'paht';
const AUDIENCE = 'paht/upload';

/** What an upload token vouches for: a stored, checked file of one tenant. */
export interface UploadClaims {
  uploadId: string;
  tenantId: string;
  kind: 'PHOTO' | 'VIDEO';
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  /** Whether a preview was stored next to the file. */
  preview: boolean;
}

/** Its own key, derived from the instance secret (not the staff tokens' key, not the report secrets'). */
const signingKey = (secretKey: string): Uint8Array => createHmac('sha256', secretKey).update('paht/upload-token/v1').digest();

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The opaque upload id handed to the uploader: an HS256 token valid 24 hours from `now`. */
export async function issueUploadToken(secretKey: string, claims: UploadClaims, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = seconds(now);
  const expiresAt = issuedAt + UPLOAD_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ tid: claims.tenantId, k: claims.kind, mt: claims.mimeType, sz: claims.byteSize, w: claims.width, h: claims.height, pv: claims.preview })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.uploadId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(signingKey(secretKey));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

export type UploadTokenCheck =
  | { ok: true; claims: UploadClaims }
  /** INVALID: forged, damaged or not an upload token; EXPIRED: older than 24 hours; OTHER_TENANT: valid, but another tenant's. */
  | { ok: false; reason: 'INVALID' | 'EXPIRED' | 'OTHER_TENANT' };

const KINDS = ['PHOTO', 'VIDEO'] as const;
const intOrNull = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Checks an upload token against this tenant and instant. */
export async function verifyUploadToken(secretKey: string, token: string, tenantId: string | null, now: Date): Promise<UploadTokenCheck> {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'INVALID' };
  try {
    const { payload } = await jwtVerify(token, signingKey(secretKey), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now });
    const { sub, tid, k, mt, sz, w, h, pv } = payload;
    if (typeof sub !== 'string' || typeof tid !== 'string' || !KINDS.includes(k as 'PHOTO') || typeof mt !== 'string' || typeof sz !== 'number') {
      return { ok: false, reason: 'INVALID' };
    }
    if (tenantId !== null && tid !== tenantId) return { ok: false, reason: 'OTHER_TENANT' };
    return {
      ok: true,
      claims: { uploadId: sub, tenantId: tid, kind: k as 'PHOTO' | 'VIDEO', mimeType: mt, byteSize: sz, width: intOrNull(w), height: intOrNull(h), preview: pv === true },
    };
  } catch (error) {
    return { ok: false, reason: (error as { code?: unknown }).code === 'ERR_JWT_EXPIRED' ? 'EXPIRED' : 'INVALID' };
  }
}
