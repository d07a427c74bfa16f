import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Core and server by path: they are not dependencies of the widgets package.
import { updateTenantSettings } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { contrastRatio } from '../../src/shared/brand-colours.js';
import { launchChromium, portalPage, seriousViolations } from './support/browser.js';
import { makePng } from './support/png.js';
import { startStaticServer } from './support/static-server.js';

// The tenant's branding in the widgets, in Chromium against the real server:
// what the tenant admin sets (updateTenantSettings) reaches every widget
// through one `tenantBranding` request; colours as custom properties, the
// logo with the tenant's name as its text, the name in the page's language;
// a light brand colour gets dark text; the portal's own custom properties
// and the `branding` attribute win; each tenant sees only its own branding.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const LOGO = 'https://cdn.hatinh.example.gov.vn/logo.png';

let tdb: TestDatabase;
let dark: FixtureTenant;
let light: FixtureTenant;
let app: Awaited<ReturnType<typeof buildApp>>;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;
let context: BrowserContext;

const WIDGETS = ['paht-report-form', 'paht-report-tracker', 'paht-public-stats'] as const;
const widgets = (attrs = '') =>
  `<paht-report-form tile-url="" ${attrs}></paht-report-form><paht-report-tracker ${attrs}></paht-report-tracker><paht-public-stats from="2026-03-01" to="2026-03-31" ${attrs}></paht-public-stats>`;

beforeAll(async () => {
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, MONDAY_9AM);
  dark = await createFixtureTenant(ctx, 'brand-dark', 'BD');
  light = await createFixtureTenant(ctx, 'brand-light', 'BL');
  await updateTenantSettings(ctx, dark.tenantId, dark.admin, {
    branding: { nameVi: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh Province', primaryColor: '#7A1F2B', accentColor: '#f2c94c', logoUrl: LOGO },
  });
  await updateTenantSettings(ctx, light.tenantId, light.admin, { branding: { nameVi: 'Thành phố Huế', primaryColor: '#f6c945', accentColor: '#5b2c83' } });
  app = await buildApp({ core: ctx });
  const api = await app.listen({ port: 0, host: '127.0.0.1' });
  const meta = (tenant: string) => `<meta name="paht:endpoint" content="${api}/graphql" /><meta name="paht:tenant" content="${tenant}" />`;
  const page = (tenant: string, body: string, css = '', lang = 'vi') =>
    portalPage('Thương hiệu', body)
      .replace('<meta charset="utf-8" />', `<meta charset="utf-8" />${meta(tenant)}`)
      .replace('</style>', `${css}</style>`)
      .replace('<html lang="vi">', `<html lang="${lang}">`);
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: await bundleWidgets({ minify: true }) },
    '/dark.html': { type: 'text/html', body: page('brand-dark', widgets()) },
    '/dark-en.html': { type: 'text/html', body: page('brand-dark', widgets(), '', 'en') },
    '/light.html': { type: 'text/html', body: page('brand-light', widgets()) },
    '/portal-wins.html': { type: 'text/html', body: page('brand-dark', widgets(), 'main { --paht-color-primary: #116329; }') },
    '/modes.html': {
      type: 'text/html',
      body: page('brand-dark', '<paht-public-stats id="none" branding="none" from="2026-03-01" to="2026-03-31"></paht-public-stats><paht-public-stats id="colors" branding="colors" from="2026-03-01" to="2026-03-31"></paht-public-stats>'),
    },
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  // The logo's https host answers from here (the machine has no network).
  const png = makePng(96, 48);
  await context.route(`${LOGO}*`, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: png }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
  await tdb?.close();
});

/** Opens a page; counts its `tenantBranding` requests. */
async function open(path: string): Promise<{ page: Page; brandingRequests: () => number }> {
  const page = await context.newPage();
  let brandingRequests = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/graphql') && (r.postData() ?? '').includes('tenantBranding')) brandingRequests++;
  });
  await page.goto(`${site.url}${path}`);
  return { page, brandingRequests: () => brandingRequests };
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const hexOf = (color: string) => `#${(color.match(/\d+/g) ?? []).slice(0, 3).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
const style = (l: Locator, property: string) => l.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

describe('a tenant’s branding in its widgets', () => {
  it('gives every widget the tenant’s colours, logo and name, from one tenantBranding request', async () => {
    const { page, brandingRequests } = await open('/dark.html');
    for (const tag of WIDGETS) {
      const brand = page.locator(`${tag} .brand`);
      await expect.poll(() => brand.count(), { timeout: 15_000 }).toBe(1);
      expect(await brand.locator('.brand-name').textContent()).toBe('Tỉnh Hà Tĩnh');
      const logo = brand.locator('img');
      expect(await logo.getAttribute('alt')).toBe('Tỉnh Hà Tĩnh');
      expect(await logo.getAttribute('src')).toBe(LOGO);
      await expect.poll(() => logo.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBe(96);
      // The name is said once: the logo's text, the visible text hidden from screen readers.
      expect(await brand.locator('.brand-name').getAttribute('aria-hidden')).toBe('true');
      expect(await style(page.locator(tag), '--paht-tenant-primary')).toBe('#7a1f2b');
      expect(await style(brand, 'border-bottom-color')).toBe(rgb('#f2c94c'));
    }
    // Buttons in the brand colour with white text (readable on it).
    const submit = page.locator('paht-report-form button[type=submit]');
    expect(await style(submit, 'background-color')).toBe(rgb('#7a1f2b'));
    expect(await style(submit, 'color')).toBe(rgb('#ffffff'));
    expect(await style(page.locator('paht-report-tracker button[type=submit]'), 'background-color')).toBe(rgb('#7a1f2b'));
    expect(brandingRequests()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('names the tenant in English on an English page', async () => {
    const { page } = await open('/dark-en.html');
    const brand = page.locator('paht-public-stats .brand');
    await expect.poll(() => brand.locator('.brand-name').textContent(), { timeout: 15_000 }).toBe('Ha Tinh Province');
    expect(await brand.locator('img').getAttribute('alt')).toBe('Ha Tinh Province');
    await page.close();
  });

  it('puts dark text on a light brand colour and darkens text written in it, keeping WCAG AA; no logo: the name alone', async () => {
    const { page } = await open('/light.html');
    const brand = page.locator('paht-report-form .brand');
    await expect.poll(() => brand.locator('.brand-name').textContent(), { timeout: 15_000 }).toBe('Thành phố Huế');
    expect(await brand.locator('img').count()).toBe(0);
    expect(await brand.locator('.brand-name').getAttribute('aria-hidden')).toBeNull();
    const submit = page.locator('paht-report-form button[type=submit]');
    await expect.poll(() => style(submit, 'background-color'), { timeout: 10_000 }).toBe(rgb('#f6c945'));
    const text = hexOf(await style(submit, 'color'));
    expect(text).not.toBe('#ffffff');
    expect(contrastRatio(text, '#f6c945')).toBeGreaterThanOrEqual(4.5);
    // Text in the brand colour on white (the file picker) is a darker shade of it.
    const picker = hexOf(await style(page.locator('paht-report-form .pick-button'), 'color'));
    expect(picker).not.toBe('#f6c945');
    expect(contrastRatio(picker, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Each tenant its own: nothing of the other tenant's branding.
    expect(await page.content()).not.toContain('Hà Tĩnh');
    expect(await style(page.locator('paht-public-stats'), '--paht-tenant-primary')).toBe('#f6c945');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets the portal’s own --paht-color-primary win over the tenant’s colour, with its white text', async () => {
    const { page } = await open('/portal-wins.html');
    await expect.poll(() => page.locator('paht-report-form .brand').count(), { timeout: 15_000 }).toBe(1);
    const submit = page.locator('paht-report-form button[type=submit]');
    expect(await style(submit, 'background-color')).toBe(rgb('#116329'));
    expect(await style(submit, 'color')).toBe(rgb('#ffffff'));
    // The tenant's logo and name still show.
    expect(await page.locator('paht-report-form .brand img').getAttribute('alt')).toBe('Tỉnh Hà Tĩnh');
    await page.close();
  });

  it('branding="none" keeps the built-in colours and no header; branding="colors" takes the colours only', async () => {
    const { page, brandingRequests } = await open('/modes.html');
    const colours = page.locator('#colors');
    await expect.poll(() => style(colours, '--paht-tenant-primary'), { timeout: 15_000 }).toBe('#7a1f2b');
    expect(await colours.locator('.brand').count()).toBe(0);
    const none = page.locator('#none');
    await expect.poll(() => none.locator('.card, .notice').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await style(none, '--paht-tenant-primary')).toBe('');
    expect(await none.locator('.brand').count()).toBe(0);
    expect(brandingRequests()).toBe(1);
    // Switched on later, the header appears.
    await none.evaluate((el) => el.setAttribute('branding', 'tenant'));
    await expect.poll(() => none.locator('.brand .brand-name').textContent(), { timeout: 10_000 }).toBe('Tỉnh Hà Tĩnh');
    expect(await style(none, '--paht-tenant-primary')).toBe('#7a1f2b');
    await page.close();
  });
});
