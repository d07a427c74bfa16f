import { describe, expect, it } from 'vitest';
import { issueStaffToken, STAFF_TOKEN_TTL_SECONDS, verifyStaffToken, type StaffClaims } from '../../src/auth/staff-token.js';

// A staff token's signature is checked once per process and the result kept
// (src/auth/staff-token.ts). What a kept token answers must be what a fresh
// check would: the secret, the expiry and the signature still decide.

const SECRET = 'unit-secret-key-0123456789abcdef-0123456789';
const OTHER_SECRET = 'another-secret-0123456789abcdef-0123456789';
const AT = new Date('2026-03-02T02:00:00Z');
const claims: StaffClaims = { userId: crypto.randomUUID(), tenantId: crypto.randomUUID(), role: 'IOC_OPERATOR', unitId: null };
const later = (seconds: number) => new Date(AT.getTime() + seconds * 1000);

describe('verified staff tokens, kept', () => {
  it('answer the same claims on every check while the token is valid', async () => {
    const { token } = await issueStaffToken(SECRET, claims, AT);
    expect(await verifyStaffToken(SECRET, token, AT)).toEqual(claims);
    expect(await verifyStaffToken(SECRET, token, later(60))).toEqual(claims);
    expect(await verifyStaffToken(SECRET, token, later(STAFF_TOKEN_TTL_SECONDS - 1))).toEqual(claims);
  });

  it('refuse a kept token from its expiry on, as jose does, and again accept it for a clock set back', async () => {
    const { token, expiresAt } = await issueStaffToken(SECRET, claims, AT);
    expect(await verifyStaffToken(SECRET, token, AT)).toEqual(claims);
    expect(await verifyStaffToken(SECRET, token, expiresAt)).toBeNull();
    expect(await verifyStaffToken(SECRET, token, later(STAFF_TOKEN_TTL_SECONDS + 3600))).toBeNull();
    expect(await verifyStaffToken(SECRET, token, later(STAFF_TOKEN_TTL_SECONDS - 1))).toEqual(claims);
  });

  it('refuse a kept token under another secret, and a token whose signature or claims were altered', async () => {
    const { token } = await issueStaffToken(SECRET, claims, AT);
    expect(await verifyStaffToken(SECRET, token, AT)).toEqual(claims);
    expect(await verifyStaffToken(OTHER_SECRET, token, AT)).toBeNull();
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    expect(await verifyStaffToken(SECRET, `${header}.${payload}.${flipped}`, AT)).toBeNull();
    const admin = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'TENANT_ADMIN' })).toString('base64url');
    expect(await verifyStaffToken(SECRET, `${header}.${admin}.${signature}`, AT)).toBeNull();
    // The original still works: a refusal is not kept in its place.
    expect(await verifyStaffToken(SECRET, token, AT)).toEqual(claims);
  });

  it('keep a token checked under another secret apart: it is refused under ours', async () => {
    const { token } = await issueStaffToken(OTHER_SECRET, claims, AT);
    expect(await verifyStaffToken(OTHER_SECRET, token, AT)).toEqual(claims);
    expect(await verifyStaffToken(SECRET, token, AT)).toBeNull();
  });
});
