import { randomInt } from 'node:crypto';

/**
 * Tracking codes are read out over the phone (hotline 1022), so they are
 * digits only, in groups of three, behind the tenant's prefix:
 * `QT-482-139-075`. The last digit is a Damm check digit, which catches every
 * single wrong digit and every swap of two neighbours.
 */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![Number(ch)]!;
  return interim;
}

const PREFIX = /^[A-Z]{2,4}$/;

/** A fresh random code for a tenant whose prefix is e.g. `QT`. */
export function newTrackingCode(prefix: string, random: (max: number) => number = randomInt): string {
  if (!PREFIX.test(prefix)) throw new RangeError(`Tracking code prefix must be 2–4 capital letters, got ${prefix}`);
  let body = '';
  for (let i = 0; i < 8; i++) body += String(random(10));
  const digits = body + String(dammCheckDigit(body));
  return `${prefix}-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)}`;
}

/**
 * Normalizes what a person typed or said (spaces, dots, lower case, missing
 * dashes) to the canonical form, or returns null when it cannot be a valid code.
 */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const match = /^([A-Z]{2,4})(\d{9})$/.exec(compact);
  if (!match) return null;
  const [, prefix, digits] = match as unknown as [string, string, string];
  if (dammCheckDigit(digits) !== 0) return null;
  return `${prefix}-${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)}`;
}
