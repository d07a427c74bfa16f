import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The private secret that lets a citizen follow, complete and rate their
 * report without an account. It is derived from the instance's secret key
 * and the report id, so a retried submission (same idempotency key) can hand
 * back the same secret; only its SHA-256 is stored.
 */
export function reportSecret(secretKey: string, reportId: string): string {
  return createHmac('sha256', secretKey).update(`report-secret:${reportId}`).digest('base64url').slice(0, 32);
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
