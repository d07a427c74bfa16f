import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import { tenantSettingsSchema } from '../../src/tenants/tenant-settings-schema.js';
import { monthlyReportDedupeKey, monthlyReportDue, monthlyReportExportId, monthlyReportMail } from '../../src/exports/monthly-report.js';

const VN = 'Asia/Ho_Chi_Minh';
const at = (local: string): Date => DateTime.fromISO(local, { zone: VN }).toJSDate();
const cal = buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: [2026, 2027], overrides: [] });

describe('the monthly report', () => {
  it('is due from the first working day of the month, on the tenant’s calendar (New Year and a weekend push it to Monday 4 January 2027)', () => {
    expect(monthlyReportDue(cal, at('2027-01-01T10:00'))).toBeNull(); // New Year's Day, a holiday
    expect(monthlyReportDue(cal, at('2027-01-02T10:00'))).toBeNull(); // Saturday
    expect(monthlyReportDue(cal, at('2027-01-04T07:29'))).toBeNull(); // Monday, before office hours
    const due = { month: '2026-12', from: '2026-12-01', to: '2026-12-31', opensAt: at('2027-01-04T07:30') };
    expect(monthlyReportDue(cal, at('2027-01-04T07:30'))).toEqual(due);
    expect(monthlyReportDue(cal, at('2027-01-20T15:00'))).toEqual(due); // later in the month: still last month's (sent once by its key)
    expect(monthlyReportDue(cal, at('2026-03-02T08:00'))).toMatchObject({ month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
  });

  it('is queued once per recipient and month, under a key that does not spell the address', () => {
    const key = monthlyReportDedupeKey('2026-12', 'Lanh.Dao@Example.gov.vn');
    expect(key).toBe(monthlyReportDedupeKey('2026-12', 'lanh.dao@example.gov.vn'));
    expect(key).not.toContain('example');
    expect(key).not.toBe(monthlyReportDedupeKey('2027-01', 'lanh.dao@example.gov.vn'));
    expect(key).not.toBe(monthlyReportDedupeKey('2026-12', 'khac@example.gov.vn'));
  });

  it('writes its file under one export id per tenant and month', () => {
    const tenant = '0b6f1d5e-8a43-4c1e-9a51-0d9f4c6a7b21';
    const id = monthlyReportExportId(tenant, '2026-12');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(monthlyReportExportId(tenant, '2026-12')).toBe(id);
    expect(monthlyReportExportId(tenant, '2027-01')).not.toBe(id);
  });

  it('says the figures in Vietnamese and English, with the link and its expiry', () => {
    const period = { month: '2026-12', from: '2026-12-01', to: '2026-12-31', opensAt: at('2027-01-04T07:30') };
    const mail = monthlyReportMail({ name: 'Quảng Trị', nameEn: 'Quang Tri' }, period, { received: 120, resolved: 100, resolvedOnTime: 90, resolvedLate: 10 }, { url: 'https://api.example/x', expiresAt: new Date('2027-02-03T00:00:00Z') });
    expect(mail.subject).toBe('Báo cáo phản ánh tháng 12/2026 – Quảng Trị / Monthly report 2026-12 – Quang Tri');
    expect(mail.body).toContain('- Tiếp nhận / Received: 120');
    expect(mail.body).toContain('- Giải quyết đúng hạn / Resolved on time: 90');
    expect(mail.body).toContain('- Tỷ lệ hài lòng / Satisfied share: –');
    expect(mail.body).toContain('https://api.example/x');
    expect(mail.body).toContain('2027-02-03');
  });
});

describe('the monthly report setting', () => {
  it('lists recipients (lower-cased, once each), none by default, and refuses what is not an address', () => {
    expect(tenantSettingsSchema.parse({}).monthlyReport).toBeUndefined();
    expect(tenantSettingsSchema.parse({ monthlyReport: {} }).monthlyReport).toEqual({ recipients: [] });
    expect(tenantSettingsSchema.parse({ monthlyReport: { recipients: ['A@x.vn', 'a@x.vn', 'b@x.vn'] } }).monthlyReport).toEqual({ recipients: ['a@x.vn', 'b@x.vn'] });
    const bad = tenantSettingsSchema.safeParse({ monthlyReport: { recipients: ['a@x.vn', 'not an address'] } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['monthlyReport', 'recipients', 1]);
    expect(tenantSettingsSchema.safeParse({ monthlyReport: { recipients: Array.from({ length: 21 }, (_, i) => `u${i}@x.vn`) } }).success).toBe(false);
  });
});
