import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUnits, auditLog, tenantSettings, type PahtClient } from '@paht/client-sdk';
import Provider from 'oidc-provider';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/browser.js';
import { openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';

// The tenant admin console's unit editing, its settings form (fields and
// checks from the server's settings schema) and the staff console's single
// sign-on, in Debian's Chromium against the real server and the demo data.
// The OpenID Connect provider is a real one (panva's oidc-provider, its
// development login pages) on this machine: the console leaves for it,
// comes back with a code, exchanges it (PKCE) for an ID token and the API
// exchanges that for its own session.

const ADMIN = 'admin.quang-tri@example.gov.vn';
const CLIENT_ID = 'paht-console';

let bench: StaffConsoleBench;
let page: Page;
let admin: PahtClient;
let sso: { issuer: string; server: Server } | null = null;

beforeAll(async () => {
  bench = await openStaffConsoleBench();
  page = bench.page;
  admin = (await bench.signIn(ADMIN)).client;
}, 180_000);

afterAll(async () => {
  sso?.server.close();
  await bench?.close();
});

const consoleEl = (): Locator => page.locator('paht-staff-console');
const adminEl = (): Locator => page.locator('paht-admin-console');
const dialog = (): Locator => adminEl().locator('dialog[open]');
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });

async function settings() {
  const s = await tenantSettings(admin);
  if (s.__typename !== 'TenantSettings') throw new Error(s.__typename);
  return s;
}

async function actionsLogged(): Promise<string[]> {
  const log = await auditLog(admin, { first: 50 });
  if (log.__typename !== 'AuditLogPage') throw new Error(log.__typename);
  return log.entries.map((e) => e.action);
}

/** A real OpenID Connect provider on 127.0.0.1 whose one client is the console page; any login is an e-mail it vouches for. */
async function startProvider(redirectUri: string): Promise<{ issuer: string; server: Server }> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => unknown) | null = null;
  const server = createServer((req, res) => {
    void handler?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: false,
    clientBasedCORS: () => true,
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: id, email_verified: true }) }),
  });
  handler = provider.callback();
  return { issuer, server };
}

describe('the tenant admin console', () => {
  it('signs in with a password; the single sign-on button is not offered without a provider', async () => {
    await consoleEl().locator('#email').fill(ADMIN);
    await consoleEl().locator('#password').fill('demo-quang-tri');
    expect(await consoleEl().locator('[part~="sso"]').count()).toBe(0);
    await consoleEl().locator('#password').press('Enter');
    await poll(() => adminEl().locator('li.unit').count()).toBeGreaterThan(10);
  });

  it('renames a unit and moves it under another, never under its own branch', async () => {
    const before = await adminUnits(admin);
    if (before.__typename !== 'AdminUnitsSuccess') throw new Error(before.__typename);
    const units = before.data;
    const parent = units.find((u) => u.active && units.some((c) => c.parentId === u.id))!;
    const child = units.find((u) => u.parentId === parent.id)!;
    // The parent's own sub-unit is not offered as its new parent.
    await adminEl().locator(`li.unit[data-code="${parent.code}"]`).getByRole('button', { name: /^Sửa/ }).click();
    const offered = await dialog().locator('#d-parent option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).not.toContain(parent.id);
    expect(offered).not.toContain(child.id);
    await dialog().getByRole('button', { name: 'Hủy' }).click();

    const target = units.find((u) => u.active && u.id !== child.parentId && u.id !== child.id && u.parentId !== child.id)!;
    await adminEl().locator(`li.unit[data-code="${child.code}"]`).getByRole('button', { name: /^Sửa/ }).click();
    await dialog().locator('#d-name').fill(`${child.name} (đổi tên)`);
    await dialog().locator('#d-name-en').fill('Renamed unit');
    await dialog().locator('#d-parent').selectOption(target.id);
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await poll(() => adminEl().locator('.notice.ok').count()).toBe(1);
    const after = await adminUnits(admin);
    if (after.__typename !== 'AdminUnitsSuccess') throw new Error(after.__typename);
    const moved = after.data.find((u) => u.id === child.id)!;
    expect(moved).toMatchObject({ name: `${child.name} (đổi tên)`, nameEn: 'Renamed unit', parentId: target.id });
    expect((await actionsLogged()).filter((a) => a === 'unit.update').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses settings the schema does not allow at their fields, changing nothing, then saves valid ones', async () => {
    const stored = await settings();
    await adminEl().getByRole('button', { name: 'Cài đặt và nhận diện' }).click();
    await poll(() => adminEl().locator('#s-deadlines-ratingReminderDays').count()).toBe(1);
    // Bounds and the SMS sender's rule come from the schema, as does the SMS choice.
    expect(await adminEl().locator('#s-deadlines-ratingReminderDays').getAttribute('max')).toBe('60');
    expect(await adminEl().locator('#s-notifications-sms option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['', 'OFF', 'WHEN_NO_EMAIL', 'ALWAYS']);
    await adminEl().locator('#s-deadlines-ratingReminderDays').fill('0');
    await adminEl().locator('#s-notifications-smsSender').fill('Tên quá dài cho SMS');
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    await poll(() => adminEl().locator('#s-deadlines-ratingReminderDays[aria-invalid="true"]').count()).toBe(1);
    expect(await adminEl().locator('#s-deadlines-ratingReminderDays-error').textContent()).toContain('1–60');
    expect(await adminEl().locator('#s-notifications-smsSender-error').textContent()).toContain('brandname');
    expect(await settings()).toEqual(stored);

    // A rule across fields is the server's: refused at its field, nothing changed.
    await adminEl().locator('#s-deadlines-ratingReminderDays').fill('9');
    await adminEl().locator('#s-deadlines-autoCloseDays').fill('8');
    await adminEl().locator('#s-notifications-smsSender').fill('QUANGTRI');
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    await poll(() => adminEl().locator('#s-deadlines-autoCloseDays-error').count()).toBe(1);
    expect(await settings()).toEqual(stored);

    await adminEl().locator('#s-deadlines-ratingReminderDays').fill('4');
    await adminEl().locator('#s-deadlines-autoCloseDays').fill('10');
    await adminEl().locator('#s-notifications-sms').selectOption('OFF');
    await adminEl().locator('#s-workflow-answerApproval').check();
    await adminEl().locator('#s-officeHours-6').fill('07:30-11:30');
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    await poll(() => adminEl().locator('.notice.ok').count()).toBe(1);
    const saved = await settings();
    expect(saved.deadlines).toMatchObject({ ratingReminderDays: 4, autoCloseDays: 10 });
    expect(saved.notifications).toMatchObject({ sms: 'OFF', smsSender: 'QUANGTRI' });
    expect(saved.workflow.answerApproval).toBe(true);
    expect(saved.officeHours.find((d) => d.weekday === 6)?.periods).toEqual([{ start: '07:30', end: '11:30' }]);
    expect(saved.officeHours.filter((d) => d.weekday !== 6)).toEqual(stored.officeHours.filter((d) => d.weekday !== 6));
    expect(await actionsLogged()).toContain('tenant-settings.update');
  });

  it('edits the monthly report’s recipients, one address a line, refusing a bad one at its line', async () => {
    const field = adminEl().locator('#s-monthlyReport-recipients');
    await poll(() => field.count()).toBe(1);
    const stored = await settings();
    await field.fill('lanh.dao@quangtri.gov.vn\nkhông phải địa chỉ');
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    await poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const error = await adminEl().locator('#s-monthlyReport-recipients-error').textContent();
    expect(error).toContain('Dòng 2');
    expect(error).toContain('must be an e-mail address');
    expect(await field.getAttribute('aria-describedby')).toContain('s-monthlyReport-recipients-error');
    expect(await settings()).toEqual(stored);

    await field.fill('Lanh.Dao@QuangTri.gov.vn\n\nvanphong@quangtri.gov.vn');
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    await poll(async () => (await settings()).monthlyReportRecipients).toEqual(['lanh.dao@quangtri.gov.vn', 'vanphong@quangtri.gov.vn']);
    await poll(() => field.getAttribute('aria-invalid')).toBe('false');
    const { monthlyReportRecipients: _recipients, ...rest } = await settings();
    const { monthlyReportRecipients: _before, ...restBefore } = stored;
    expect(rest).toEqual(restBefore);
  });

  it('previews the branding on the report form and the tracker before saving', async () => {
    await adminEl().getByRole('radio', { name: 'Biểu mẫu phản ánh' }).check();
    await adminEl().locator('#s-branding-accentColor').fill('#5b2c83');
    const form = adminEl().locator('paht-report-form');
    await poll(() => form.evaluate((el) => getComputedStyle(el).getPropertyValue('--paht-tenant-accent').trim())).toBe('#5b2c83');
    await adminEl().getByRole('radio', { name: 'Tra cứu phản ánh' }).check();
    const tracker = adminEl().locator('paht-report-tracker');
    await poll(() => tracker.evaluate((el) => getComputedStyle(el).getPropertyValue('--paht-tenant-accent').trim())).toBe('#5b2c83');
    expect((await settings()).branding.accentColor).not.toBe('#5b2c83');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('single sign-on', () => {
  it('the admin sets the tenant’s OpenID Connect provider in the settings form', async () => {
    sso = await startProvider(page.url().replace(/[?#].*$/, ''));
    await adminEl().getByRole('button', { name: 'Tải lại' }).click();
    await poll(() => adminEl().locator('#s-oidc-issuer').count()).toBe(1);
    await adminEl().locator('#s-oidc-issuer').fill(sso.issuer);
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    // The schema requires the audience and the key set with the issuer.
    await poll(() => adminEl().locator('#s-oidc-audience-error').count()).toBe(1);
    expect((await settings()).oidc).toBeNull();
    await adminEl().locator('#s-oidc-audience').fill(CLIENT_ID);
    await adminEl().locator('#s-oidc-jwksUrl').fill(`${sso.issuer}/jwks`);
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    await poll(async () => (await settings()).oidc?.issuer).toBe(sso.issuer);
    expect((await settings()).oidc).toMatchObject({ issuer: sso.issuer, audience: CLIENT_ID });
  });

  it('signs a staff member in through the provider and back, as their own account', async () => {
    await consoleEl().getByRole('button', { name: 'Đăng xuất' }).click();
    await page.reload();
    const button = consoleEl().locator('[part~="sso"]');
    await poll(() => button.count()).toBe(1);
    await button.click();
    await page.waitForURL((url) => url.href.startsWith(sso!.issuer));
    await page.locator('input[name="login"]').fill(ADMIN);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // consent
    await page.waitForURL((url) => !url.href.startsWith(sso!.issuer));
    await poll(() => adminEl().locator('li.unit').count()).toBeGreaterThan(10);
    expect(page.url()).not.toContain('code=');
    expect(await consoleEl().locator('.who').textContent()).toContain(ADMIN);
    const log = await auditLog(admin, { first: 5, filter: { actions: ['staff.sign-in'] } });
    if (log.__typename !== 'AuditLogPage') throw new Error(log.__typename);
    expect(log.entries.length).toBeGreaterThan(0);
  });

  it('refuses an identity with no staff account of the tenant', async () => {
    await consoleEl().getByRole('button', { name: 'Đăng xuất' }).click();
    // The provider would remember the last login: forget its session.
    await page.context().clearCookies();
    await consoleEl().locator('[part~="sso"]').click();
    await page.waitForURL((url) => url.href.startsWith(sso!.issuer));
    await page.locator('input[name="login"]').fill('nguoi.ngoai@example.com');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.href.startsWith(sso!.issuer));
    await poll(() => consoleEl().locator('.notice.error-box').count()).toBe(1);
    expect(await consoleEl().locator('.notice.error-box').textContent()).toContain('chưa gắn với tài khoản cán bộ');
    expect(await adminEl().count()).toBe(0);
  });
});
