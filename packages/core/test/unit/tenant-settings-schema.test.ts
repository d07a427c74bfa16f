import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BRANDING,
  InvalidTenantSettingsError,
  MAX_ALLOWED_ORIGINS,
  VIETNAM_OFFICE_HOURS,
  officeHoursSchema,
  parseStoredOfficeHours,
  parseStoredSettings,
  tenantSettingsSchema,
} from '@paht/core';

// The tenant's settings have one schema: every reader gets the parsed,
// typed object (defaults applied), every writer goes through the same rules.

describe('the tenant settings schema', () => {
  it('gives every reader its defaults: no origins, no prefix, no single sign-on, the default branding', () => {
    const defaults = { allowedOrigins: [], branding: { primaryColor: DEFAULT_BRANDING.primaryColor, accentColor: DEFAULT_BRANDING.accentColor }, deadlines: { ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 }, workflow: { answerApproval: false } };
    expect(tenantSettingsSchema.parse({})).toEqual(defaults);
    expect(parseStoredSettings('qt', null)).toEqual(defaults);
  });

  it('keeps valid settings, lower-cases and de-duplicates origins, and drops keys it does not declare', () => {
    const settings = parseStoredSettings('qt', {
      trackingPrefix: 'QT',
      allowedOrigins: ['https://Portal.QuangTri.gov.vn', 'https://portal.quangtri.gov.vn', 'http://localhost:4000'],
      oidc: { issuer: 'https://sso.quangtri.gov.vn', audience: 'paht', jwksUrl: 'https://sso.quangtri.gov.vn/jwks' },
      somethingElse: true,
    });
    expect(settings).toEqual({
      trackingPrefix: 'QT',
      allowedOrigins: ['https://portal.quangtri.gov.vn', 'http://localhost:4000'],
      oidc: { issuer: 'https://sso.quangtri.gov.vn', audience: 'paht', jwksUrl: 'https://sso.quangtri.gov.vn/jwks' },
      branding: { primaryColor: '#0b5394', accentColor: '#e69138' },
      deadlines: { ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 },
      workflow: { answerApproval: false },
    });
    expect(Object.isFrozen(settings) && Object.isFrozen(settings.allowedOrigins)).toBe(true);
  });

  it.each([
    ['a prefix in lower case', { trackingPrefix: 'qt' }, 'trackingPrefix'],
    ['an origin with a path', { allowedOrigins: ['https://portal.example.gov.vn/x'] }, 'allowedOrigins.0'],
    ['an origin that is not http(s)', { allowedOrigins: ['https://a.example.gov.vn', 'javascript:alert(1)'] }, 'allowedOrigins.1'],
    ['too many origins', { allowedOrigins: Array.from({ length: MAX_ALLOWED_ORIGINS + 1 }, (_, i) => `https://p${i}.example.gov.vn`) }, 'allowedOrigins'],
    ['origins that are not a list', { allowedOrigins: 'https://a.example.gov.vn' }, 'allowedOrigins'],
    ['a provider without an audience', { oidc: { issuer: 'https://sso', jwksUrl: 'https://sso/jwks' } }, 'oidc.audience'],
    ['a colour that is not #rrggbb', { branding: { primaryColor: 'red' } }, 'branding.primaryColor'],
    ['a short colour', { branding: { accentColor: '#fff' } }, 'branding.accentColor'],
    ['a logo not at an https URL', { branding: { logoUrl: 'http://cdn.example.gov.vn/logo.png' } }, 'branding.logoUrl'],
    ['a name on two lines', { branding: { nameVi: 'Tỉnh\nX' } }, 'branding.nameVi'],
    ['a provider whose keys are not at an http(s) URL', { oidc: { issuer: 'https://sso', audience: 'a', jwksUrl: 'file:///etc/keys' } }, 'oidc.jwksUrl'],
    ['an auto-close before the rating reminder', { deadlines: { ratingReminderDays: 5, autoCloseDays: 5 } }, 'deadlines.autoCloseDays'],
    ['a fraction of a day', { deadlines: { ratingReminderDays: 2.5 } }, 'deadlines.ratingReminderDays'],
    ['no grace for focal points', { deadlines: { focalPointGraceDays: 0 } }, 'deadlines.focalPointGraceDays'],
  ])('refuses %s, naming the field', (_what, stored, path) => {
    const result = tenantSettingsSchema.safeParse(stored);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
    expect(() => parseStoredSettings('quang-tri', stored)).toThrow(InvalidTenantSettingsError);
    expect(() => parseStoredSettings('quang-tri', stored)).toThrow(new RegExp(`Tenant quang-tri has invalid settings: .*${path.replace('.', '\\.')}`));
  });

  it('parses a stored value once, and a changed value again', () => {
    const first = parseStoredSettings('qt', { trackingPrefix: 'QT', allowedOrigins: ['https://a.example.gov.vn'] });
    expect(parseStoredSettings('qt', { trackingPrefix: 'QT', allowedOrigins: ['https://a.example.gov.vn'] })).toBe(first);
    const changed = parseStoredSettings('qt', { trackingPrefix: 'QT', allowedOrigins: ['https://b.example.gov.vn'] });
    expect(changed).not.toBe(first);
    expect(changed.allowedOrigins).toEqual(['https://b.example.gov.vn']);
  });
});

describe('the office hours schema', () => {
  it('keeps the Vietnamese office week and any day left out as not worked', () => {
    expect(parseStoredOfficeHours('qt', VIETNAM_OFFICE_HOURS)).toEqual(VIETNAM_OFFICE_HOURS);
    expect(parseStoredOfficeHours('qt', { '6': [['07:30', '11:30']] })).toEqual({ '6': [['07:30', '11:30']] });
  });

  it.each([
    ['a weekday that does not exist', { '8': [['07:30', '11:30']] }],
    ['a time that is not HH:mm', { '1': [['7h30', '11:30']] }],
    ['a period that ends before it starts', { '1': [['11:30', '07:30']] }],
    ['overlapping periods', { '1': [['07:30', '11:30'], ['11:00', '17:00']] }],
  ])('refuses %s, by the calendar’s own rules', (_what, hours) => {
    expect(officeHoursSchema.safeParse(hours).success).toBe(false);
    expect(() => parseStoredOfficeHours('hue', hours)).toThrow(/Tenant hue has invalid settings: workingHours/);
  });
});
