import { describe, expect, it } from 'vitest';
import {
  citizenMessage,
  citizenNotices,
  notificationRetryDelayMs,
  REPORT_EVENT_TYPES,
  tenantSettingsSchema,
  withoutAddresses,
  type TenantSettings,
} from '@paht/core';

const settings = (notifications?: TenantSettings['notifications']): TenantSettings => tenantSettingsSchema.parse(notifications ? { notifications } : {});

describe('citizenNotices', () => {
  it('tells the citizen of receipt, classification, assignment, a question, the answer, closing and rejection, nothing else', () => {
    expect(Object.keys(citizenNotices).sort()).toEqual(['ASSIGN', 'CLASSIFY', 'CLOSE', 'REJECT', 'REQUEST_INFO', 'RESOLVE', 'SUBMIT']);
    for (const type of REPORT_EVENT_TYPES) {
      expect(citizenMessage(type, 'QT-12345678', settings()) !== null).toBe(type in citizenNotices);
    }
  });

  it('writes Vietnamese first, then English, with the code and the tracker link (code URL-encoded)', () => {
    const message = citizenMessage('CLASSIFY', 'QT-12345678', settings({ publicTrackerUrl: 'https://portal.example.gov.vn/tra-cuu?code={code}&lang=vi' }))!;
    expect(message.subject).toBe('[QT-12345678] Phản ánh đã được phân loại / Your report was classified');
    expect(message.body).toContain('Tra cứu: https://portal.example.gov.vn/tra-cuu?code=QT-12345678&lang=vi');
    expect(message.body.indexOf('Mã phản ánh: QT-12345678')).toBeLessThan(message.body.indexOf('Tracking code: QT-12345678'));
    expect(citizenMessage('ASSIGN', 'A B&C', settings({ publicTrackerUrl: 'https://x.example/{code}' }))!.body).toContain('https://x.example/A%20B%26C');
  });

  it('has no link without a tracker URL', () => {
    expect(citizenMessage('RESOLVE', 'QT-12345678', settings())!.body).not.toMatch(/https?:/);
  });
});

describe('notification settings', () => {
  it.each([
    [{ emailFrom: 'not an address' }, 'notifications.emailFrom'],
    [{ publicTrackerUrl: 'https://portal.example.gov.vn/tra-cuu' }, 'notifications.publicTrackerUrl'],
    [{ publicTrackerUrl: 'javascript:alert(1)//{code}' }, 'notifications.publicTrackerUrl'],
    [{ emailFromName: 'Sở\r\nBcc: x@example.com' }, 'notifications.emailFromName'],
  ])('refuses %j', (notifications, path) => {
    const result = tenantSettingsSchema.safeParse({ notifications });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});

describe('retries', () => {
  it('wait 1, 4, 16, 64 minutes, then grow to at most 6 hours', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => notificationRetryDelayMs(n) / 60_000)).toEqual([1, 4, 16, 64, 256, 360, 360]);
  });

  it('store errors without the recipient or any other address', () => {
    expect(withoutAddresses('550 5.1.1 <Hoa@Example.com>: unknown; cc a.b@x.vn', 'Hoa@Example.com')).toBe('550 5.1.1 <<recipient>>: unknown; cc <address>');
  });
});
