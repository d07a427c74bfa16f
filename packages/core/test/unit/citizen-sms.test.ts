import { describe, expect, it } from 'vitest';
import {
  citizenNotices,
  citizenReminders,
  citizenSms,
  gsm7Septets,
  maskPhone,
  SMS_SEGMENT_SEPTETS,
  smsPolicyOf,
  tenantSettingsSchema,
  withoutAddresses,
  withoutDiacritics,
  type TenantSettings,
} from '@paht/core';

const settings = (notifications?: TenantSettings['notifications']): TenantSettings => tenantSettingsSchema.parse(notifications ? { notifications } : {});
const CODE = 'QT-2026-12345678';

describe('citizenSms', () => {
  it('writes every notice and reminder in GSM-7 (no diacritics), Vietnamese first, code first, within one segment without a link', () => {
    for (const kind of [...Object.keys(citizenNotices), ...Object.keys(citizenReminders)] as Array<keyof typeof citizenNotices>) {
      const text = citizenSms(kind, CODE, settings())!;
      expect(text.startsWith(`${CODE}: `)).toBe(true);
      expect(gsm7Septets(text)).not.toBeNull();
      expect(gsm7Septets(text)!).toBeLessThanOrEqual(SMS_SEGMENT_SEPTETS);
      expect(text).toMatch(/ \/ [A-Z]/); // the English sentence follows
    }
    expect(citizenSms('ACCEPT', CODE, settings())).toBeNull();
  });

  it('adds the tracker link, and drops the English when both would not fit one segment', () => {
    const short = citizenSms('RESOLVE', CODE, settings({ publicTrackerUrl: 'https://pa.example.vn/{code}' }))!;
    expect(short).toBe(`${CODE}: Phan anh da duoc tra loi. Tra cuu: https://pa.example.vn/${CODE} / Your report was answered.`);
    const long = citizenSms('REQUEST_INFO', CODE, settings({ publicTrackerUrl: `https://portal.example.gov.vn/${'a'.repeat(60)}?code={code}` }))!;
    expect(long).toMatch(/^QT-2026-12345678: Don vi xu ly can them thong tin, vui long tra loi tren trang tra cuu\. Tra cuu: https:\/\/\S+$/);
    expect(long).not.toContain('More information');
  });

  it('counts GSM-7 septets: extension characters twice, Vietnamese letters not at all', () => {
    expect(gsm7Septets('abc')).toBe(3);
    expect(gsm7Septets('a[b]')).toBe(6);
    expect(gsm7Septets('Phản ánh')).toBeNull();
    expect(withoutDiacritics('Đơn vị xử lý Phản ánh')).toBe('Don vi xu ly Phan anh');
  });
});

describe('SMS settings and privacy helpers', () => {
  it('defaults to WHEN_NO_EMAIL and refuses an unknown rule or a bad brandname', () => {
    expect(smsPolicyOf(settings())).toBe('WHEN_NO_EMAIL');
    expect(smsPolicyOf(settings({ sms: 'ALWAYS' }))).toBe('ALWAYS');
    for (const notifications of [{ sms: 'SOMETIMES' }, { smsSender: 'A very long brandname' }, { smsSender: 'Sở GTVT' }]) {
      const result = tenantSettingsSchema.safeParse({ notifications });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path[0]).toBe('notifications');
    }
    expect(tenantSettingsSchema.parse({ notifications: { smsSender: 'QUANGTRI' } }).notifications?.smsSender).toBe('QUANGTRI');
  });

  it('masks a phone to its last 3 digits', () => {
    expect(maskPhone('+84912345678')).toBe('+********678');
    expect(maskPhone('+84912345678')).not.toContain('912345');
  });

  it('removes the phone in any spelling from error texts', () => {
    const text = 'gateway: bad number +84912345678 (0912345678, 84 912 345 678) for x@example.com at 2026-03-02';
    const safe = withoutAddresses(text, '+84912345678');
    expect(safe).not.toMatch(/912\s?345\s?678/);
    expect(safe).not.toContain('example.com');
    expect(safe).toContain('2026-03-02');
  });
});
