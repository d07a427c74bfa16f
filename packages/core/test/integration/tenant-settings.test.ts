import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, InvalidTenantSettingsError, findTenantById, findTenantBySlug, listAuditEntries, updateTenantSettings } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// A tenant's settings are read through one schema when the tenant is
// loaded, and written only after the whole object passes it.

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  t = await createFixtureTenant(ctx, 'settings', 'ST');
});
afterAll(async () => tdb?.close());

const stored = async () => (await ctx.db.prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).settings;

describe('tenant settings', () => {
  it('reach every reader parsed, defaults applied, office hours typed', async () => {
    const tenant = await findTenantBySlug(ctx, 'settings');
    expect(tenant.settings).toEqual({ trackingPrefix: 'ST', allowedOrigins: [], branding: { primaryColor: '#0b5394', accentColor: '#e69138' }, deadlines: { ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 }, workflow: { answerApproval: false } });
    expect(tenant.workingHours['1']).toEqual([['07:30', '11:30'], ['13:30', '17:00']]);
  });

  it('refuses an invalid change with a VALIDATION error naming the entry, storing and auditing nothing', async () => {
    const before = await stored();
    const audits = (await listAuditEntries(ctx, t.tenantId, t.admin, { first: 500 })).length;
    const error = await updateTenantSettings(ctx, t.tenantId, t.admin, { allowedOrigins: ['https://ok.example.gov.vn', 'ftp://files.example.gov.vn'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    expect((error as DomainError).details.fields?.map((f) => f.path)).toEqual(['allowedOrigins.1']);
    expect(await stored()).toEqual(before);
    expect(await listAuditEntries(ctx, t.tenantId, t.admin, { first: 500 })).toHaveLength(audits);
  });

  it('shows a valid change at the next load, with nothing to invalidate', async () => {
    await findTenantById(ctx, t.tenantId);
    await updateTenantSettings(ctx, t.tenantId, t.admin, { allowedOrigins: ['https://Portal.Example.gov.vn'] });
    expect((await findTenantById(ctx, t.tenantId)).settings.allowedOrigins).toEqual(['https://portal.example.gov.vn']);
    expect(await stored()).toEqual({ trackingPrefix: 'ST', allowedOrigins: ['https://portal.example.gov.vn'], branding: { primaryColor: '#0b5394', accentColor: '#e69138' }, deadlines: { ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 }, workflow: { answerApproval: false } });
  });

  it('changes only the given keys, office hours in their own column; refuses bad hours and NUL naming the field, changing nothing', async () => {
    const result = await updateTenantSettings(ctx, t.tenantId, t.admin, { officeHours: { '1': [['08:00', '12:00']] }, branding: { accentColor: '#ABCDEF' } });
    expect(result).toMatchObject({ trackingPrefix: 'ST', allowedOrigins: ['https://portal.example.gov.vn'], branding: { accentColor: '#abcdef', primaryColor: '#0b5394' } });
    const tenant = await findTenantById(ctx, t.tenantId);
    expect(tenant.workingHours).toEqual({ '1': [['08:00', '12:00']] });
    expect(tenant.settings.branding.accentColor).toBe('#abcdef');
    const before = await ctx.db.prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } });
    for (const [change, path] of [
      [{ officeHours: { '1': [['12:00', '08:00']] }, trackingPrefix: 'XX' }, 'officeHours.1'],
      [{ notifications: { emailFromName: 'Tỉnh\u0000' } }, 'notifications.emailFromName'],
    ] as const) {
      const error = await updateTenantSettings(ctx, t.tenantId, t.admin, change as never).catch((e: unknown) => e);
      expect((error as DomainError).details.fields?.map((f) => f.path)).toEqual([path]);
    }
    expect(await ctx.db.prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).toEqual(before);
  });

  it('fails loudly, naming the tenant and the field, when what is stored does not pass', async () => {
    await ctx.db.prisma.tenant.update({ where: { id: t.tenantId }, data: { settings: { trackingPrefix: 'ST', oidc: { issuer: 'https://sso.example.gov.vn' } } } });
    try {
      const error = await findTenantBySlug(ctx, 'settings').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidTenantSettingsError);
      expect((error as Error).message).toMatch(/^Tenant settings has invalid settings: settings\.oidc\.audience/);
    } finally {
      await ctx.db.prisma.tenant.update({ where: { id: t.tenantId }, data: { settings: { trackingPrefix: 'ST' } } });
    }
  });
});
