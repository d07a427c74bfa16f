import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import base32Encode from 'base32-encode';

/**
 * The private secret that lets a citizen follow, complete and rate their
 * report without an account. It is read out over the phone, so it is 16
 * characters of Crockford's base 32 (digits and capital letters without
 * I, L, O and U: no case, no look-alikes), 80 bits, in groups of four:
 * `7KQ2-M9XD-4HBT-0WRE`. Typed or said back, case, spaces and dashes do not
 * matter, and O, I and L are read as 0, 1 and 1.
 *
 * It is derived from the instance's secret key and the report id, so a
 * faithful retry of a submission (same idempotency key) can hand back the
 * same secret; only the SHA-256 of its canonical form is stored.
 */
export function reportSecret(secretKey: string, reportId: string): string {
  const bytes = createHmac('sha256', secretKey).update(`report-secret:v2:${reportId}`).digest().subarray(0, SECRET_BYTES);
  return group(base32Encode(bytes, 'Crockford'));
}

/** 10 bytes: 80 bits, exactly 16 characters of base 32. */
const SECRET_BYTES = 10;
const SECRET_LENGTH = 16;
const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;

const group = (compact: string): string => compact.match(/.{1,4}/g)!.join('-');

/**
 * What a person typed or said, as the canonical secret (`XXXX-XXXX-XXXX-XXXX`),
 * or null when it cannot be one: upper-cased, spaces and dashes dropped,
 * O read as 0, I and L as 1.
 */
export function normalizeSecret(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== SECRET_LENGTH || !CROCKFORD.test(compact)) return null;
  return group(compact);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** The stored form of a secret: the SHA-256 (hex) of its canonical form. */
export function hashSecret(secret: string): string {
  return sha256(normalizeSecret(secret) ?? secret).toString('hex');
}

const equalDigests = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/**
 * The hashes (hex) a secret as given may be stored under: of its readable
 * canonical form, and, for a secret of the first format (32 characters,
 * mixed case, before readable secrets), of it exactly as given, so the
 * citizens and demo data that hold one keep access. None for input longer
 * than 200 characters. A read can compare these with `secret_hash` in SQL.
 */
export function secretHashes(secret: string): string[] {
  if (secret.length > 200) return [];
  const canonical = normalizeSecret(secret);
  const legacy = sha256(secret.trim()).toString('hex');
  return canonical === null ? [legacy] : [sha256(canonical).toString('hex'), legacy];
}

/** Whether `secret` is the one whose hash is stored (`secretHashes`), in constant time. */
export const secretMatches = (secret: string, storedHash: string): boolean => hashesMatch(secretHashes(secret), storedHash);

/** `secretMatches` for the hashes `secretHashes` already gave (a caller that also sent them to SQL hashes once). */
export function hashesMatch(hashes: readonly string[], storedHash: string): boolean {
  const stored = Buffer.from(storedHash, 'hex');
  // Every candidate compared (no early exit), each in constant time.
  return hashes.reduce((found, hash) => equalDigests(Buffer.from(hash, 'hex'), stored) || found, false);
}
