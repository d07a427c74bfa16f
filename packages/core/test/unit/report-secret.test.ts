import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachmentLinkValid, normalizeSecret, signAttachmentLink } from '@paht/core';
import { hashSecret, reportSecret, secretMatches } from '../../src/reports/report-secret.js';

const KEY = 'test-instance-secret-key-0123456789';
const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('the citizen secret', () => {
  it('is 16 characters of Crockford base 32 in four groups: no lower case, no I, L, O or U', () => {
    for (const id of ids) expect(reportSecret(KEY, id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // 80 bits: 2000 reports, 2000 different secrets, and every one of the 32 symbols in use.
    const secrets = ids.map((id) => reportSecret(KEY, id));
    expect(new Set(secrets).size).toBe(ids.length);
    expect(new Set(secrets.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('is derived from the instance key and the report, so a faithful retry can give it again', () => {
    expect(reportSecret(KEY, ids[0]!)).toBe(reportSecret(KEY, ids[0]!));
    expect(reportSecret(KEY, ids[0]!)).not.toBe(reportSecret(`${KEY}-other`, ids[0]!));
  });

  it('matches however it is typed or read out: case, spaces, dashes, O for 0, I or L for 1', () => {
    const secret = '7KQ2-M9XD-4HB1-0WRE';
    const stored = hashSecret(secret);
    for (const typed of ['7KQ2-M9XD-4HB1-0WRE', '7kq2m9xd4hb10wre', ' 7KQ2 M9XD 4HB1 0WRE ', '7KQ2-M9XD-4HBI-OWRE', '7kq2-m9xd-4hbl-owre']) {
      expect(normalizeSecret(typed), typed).toBe(secret);
      expect(secretMatches(typed, stored), typed).toBe(true);
    }
  });

  it('refuses what cannot be the secret', () => {
    const stored = hashSecret('7KQ2-M9XD-4HB1-0WRE');
    for (const wrong of ['7KQ2-M9XD-4HB1-0WRF', '7KQ2-M9XD-4HB1', '7KQ2-M9XD-4HB1-0WRE-0000', '7KQ2-M9XD-4HB1-0WRU', '', 'x'.repeat(10_000)]) {
      expect(secretMatches(wrong, stored), wrong.slice(0, 30)).toBe(false);
    }
    expect(normalizeSecret('7KQ2-M9XD-4HB1-0WRU')).toBeNull();
  });

  it('still accepts a secret of the first format (32 mixed-case characters) exactly as given, for reports filed before', () => {
    const legacy = createHmac('sha256', KEY).update(`report-secret:${ids[0]}`).digest('base64url').slice(0, 32);
    const stored = createHash('sha256').update(legacy).digest('hex');
    expect(secretMatches(legacy, stored)).toBe(true);
    expect(secretMatches(legacy.toLowerCase(), stored)).toBe(legacy === legacy.toLowerCase());
  });
});

describe('signed attachment links', () => {
  const now = new Date('2026-03-02T02:01:00Z');
  const tenant = '11111111-1111-4111-8111-111111111111';
  const file = '22222222-2222-4222-8222-222222222222';
  const asInUrl = (g: { expires: number; signature: string }) => ({ expires: String(g.expires), signature: g.signature });

  it('open one file of one tenant for 15 to 20 minutes, the same link within five minutes', () => {
    const grant = signAttachmentLink(KEY, tenant, file, now);
    expect(grant.expires * 1000 - now.getTime()).toBeGreaterThanOrEqual(15 * 60_000);
    expect(grant.expires * 1000 - now.getTime()).toBeLessThanOrEqual(20 * 60_000);
    expect(signAttachmentLink(KEY, tenant, file, new Date(now.getTime() + 60_000))).toEqual(grant);
    expect(attachmentLinkValid(KEY, tenant, file, asInUrl(grant), new Date(now.getTime() + 14 * 60_000))).toBe(true);
    expect(attachmentLinkValid(KEY, tenant, file, asInUrl(grant), new Date(grant.expires * 1000))).toBe(false);
  });

  it('open nothing else: another file, another tenant, another key, a moved expiry, a forged or malformed signature', () => {
    const grant = asInUrl(signAttachmentLink(KEY, tenant, file, now));
    const other = '33333333-3333-4333-8333-333333333333';
    expect(attachmentLinkValid(KEY, tenant, other, grant, now)).toBe(false);
    expect(attachmentLinkValid(KEY, other, file, grant, now)).toBe(false);
    expect(attachmentLinkValid(`${KEY}-other`, tenant, file, grant, now)).toBe(false);
    expect(attachmentLinkValid(KEY, tenant, file, { ...grant, expires: String(Number(grant.expires) + 300) }, now)).toBe(false);
    expect(attachmentLinkValid(KEY, tenant, file, { ...grant, signature: 'A'.repeat(43) }, now)).toBe(false);
    for (const bad of [{}, { expires: grant.expires }, { expires: ['1'], signature: grant.signature }, { expires: '1e99', signature: grant.signature }]) {
      expect(attachmentLinkValid(KEY, tenant, file, bad, now)).toBe(false);
    }
  });
});
