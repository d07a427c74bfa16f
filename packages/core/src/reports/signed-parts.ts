import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 of a message's parts under a key derived from the instance's
 * secret key for one purpose (`paht/attachment-link/v1`, …): what the signed
 * links (docs/adr/0006) share, so each purpose signs with its own key.
 */
export function signParts(secretKey: string, purpose: string, parts: readonly (string | number)[]): Buffer {
  const key = createHmac('sha256', secretKey).update(purpose).digest();
  return createHmac('sha256', key).update(parts.join('\n')).digest();
}

/** Whether a base64url `signature` (43 characters, as sent) is `signParts` of these parts, compared in constant time. */
export function partsSigned(secretKey: string, purpose: string, parts: readonly (string | number)[], signature: unknown): boolean {
  if (typeof signature !== 'string' || !/^[\w-]{43}$/.test(signature)) return false;
  const expected = signParts(secretKey, purpose, parts);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
