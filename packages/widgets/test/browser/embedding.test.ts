import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Core and server by path: they are not dependencies of the widgets package.
import { createApiKey, ensureDemoPublicKey } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import { createClient } from '@paht/client-sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { publishVersioned, scriptTag } from '../../scripts/integrity.mjs';
import { launchChromium, portalPage } from './support/browser.js';
import { startStaticServer } from './support/static-server.js';

// The widgets as a portal team meets them, in Chromium against the real
// server: the example portal hands a filed report to its tracker; every
// attribute is live after connect; the page configures the API once
// (<meta name="paht:…">) and the language once (<html lang>); and every
// misconfiguration shows as a `paht-error` event with a console message
// naming the fix, never as an endless spinner.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');

let tdb: TestDatabase;
let t: FixtureTenant;
let app: Awaited<ReturnType<typeof buildApp>>;
let api: string;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;
let context: BrowserContext;
const reports: { trackingCode: string; secret: string }[] = [];
let foreignKey = '';
let demoKey = '';

/** A page with `<meta>` configuration (optional) and widgets. */
const page = (body: string, head = '', lang = 'vi') => portalPage('Nhúng tiện ích', body).replace('<html lang="vi">', `<html lang="${lang}">`).replace('<meta charset="utf-8" />', `<meta charset="utf-8" />${head}`);
const meta = (endpoint: string, tenant = 'embed') => `<meta name="paht:endpoint" content="${endpoint}" /><meta name="paht:tenant" content="${tenant}" />`;

beforeAll(async () => {
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'embed', 'EM');
  app = await buildApp({ core: ctx });
  api = await app.listen({ port: 0, host: '127.0.0.1' });
  const citizen = createClient({ endpoint: `${api}/graphql`, tenant: 'embed' });
  for (const title of ['Ổ gà trên đường Lê Lợi', 'Đèn đường hỏng ở ngõ 12']) {
    const result = await citizen.submitReport({ title, description: `${title}, đề nghị xử lý sớm giúp bà con đi lại an toàn.`, address: '12 Lê Lợi, Đông Hà', reporter: { phone: '0912345678' } });
    if (result.__typename !== 'SubmitReportSuccess') throw new Error(`submit failed: ${JSON.stringify(result)}`);
    reports.push({ trackingCode: result.trackingCode, secret: result.secret });
  }
  // A public key for another web site, and the demo key (localhost:8080 and friends): neither allows the test page's origin.
  foreignKey = (await createApiKey(ctx, t.tenantId, t.admin, { kind: 'PUBLIC', name: 'Cổng khác', allowedOrigins: ['https://portal.example.gov.vn'] })).key;
  demoKey = (await ensureDemoPublicKey(ctx, t.tenantId, 'embed'))!;

  const endpoint = `${api}/graphql`;
  const portal = readFileSync(new URL('../../../../examples/portal/index.html', import.meta.url), 'utf8').replaceAll('__PAHT_ENDPOINT__', endpoint).replaceAll('quang-tri', 'embed');
  const w = (tag: string, attrs = '') => `<${tag} ${attrs}></${tag}>`;
  // The versioned bundle as `pnpm build` publishes it, with the tag it prints (and one with a wrong hash).
  const bundle = await bundleWidgets({ minify: true });
  const dist = mkdtempSync(join(tmpdir(), 'paht-widgets-dist-'));
  writeFileSync(join(dist, 'paht-widgets.js'), bundle);
  const published = publishVersioned(dist, '9.8.7');
  const pinned = (integrity: string) =>
    `<!doctype html><html lang="vi"><head><meta charset="utf-8" /><title>SRI</title>${meta(endpoint)}${scriptTag(`/${published.file}`, integrity)}</head><body>${w('paht-public-stats', 'from="2026-03-01" to="2026-03-31"')}</body></html>`;
  // The Content-Security-Policy docs/embed.md gives, strict where it can be (no 'unsafe-inline' for styles).
  const apiOrigin = new URL(api).origin;
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `connect-src 'self' ${apiOrigin} ${apiOrigin.replace(/^http/, 'ws')}`,
    `img-src 'self' data: blob: ${apiOrigin}`,
    `media-src 'self' blob: ${apiOrigin}`,
    "style-src 'self'",
  ].join('; ');
  const cspPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="${csp}" /><title>CSP</title>${meta(endpoint)}<script src="/paht-widgets.js" defer></script></head><body>${w('paht-report-form', 'tile-url=""')}${w('paht-report-tracker', `tracking-code="${reports[0]!.trackingCode}" secret="${reports[0]!.secret}"`)}${w('paht-public-stats', 'from="2026-03-01" to="2026-03-31"')}</body></html>`;
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: bundle },
    '/csp.html': { type: 'text/html', body: cspPage },
    '/form-live.html': { type: 'text/html', body: page(w('paht-report-form', 'tile-url=""'), meta(endpoint)) },
    [`/${published.file}`]: { type: 'text/javascript', body: readFileSync(join(dist, published.file)) },
    '/pinned.html': { type: 'text/html', body: pinned(published.integrity) },
    '/tampered.html': { type: 'text/html', body: pinned(published.integrity.replace(/^sha384-./, (m) => (m.endsWith('A') ? 'sha384-B' : 'sha384-A'))) },
    '/portal.html': { type: 'text/html', body: portal },
    '/live.html': { type: 'text/html', body: page(`${w('paht-report-tracker', `endpoint="${endpoint}" tenant="embed"`)}${w('paht-public-stats', `endpoint="${endpoint}" tenant="embed" from="2026-03-01" to="2026-03-31"`)}`) },
    '/meta.html': { type: 'text/html', body: page(`${w('paht-public-stats', 'from="2026-03-01" to="2026-03-31"')}${w('paht-report-tracker', 'lang="vi"')}`, meta(endpoint), 'en') },
    '/override.html': { type: 'text/html', body: page(w('paht-public-stats', `endpoint="${endpoint}" from="2026-03-01" to="2026-03-31"`), meta('http://127.0.0.1:1/graphql')) },
    '/bare.html': { type: 'text/html', body: page(`${w('paht-report-form', 'tile-url=""')}${w('paht-report-tracker')}${w('paht-public-stats')}`) },
    '/bad-key.html': { type: 'text/html', body: page(`${w('paht-report-form', 'tile-url=""')}${w('paht-public-stats')}`, `${meta(endpoint)}<meta name="paht:api-key" content="pk_${'x'.repeat(32)}" />`) },
    '/foreign-key.html': { type: 'text/html', body: page(w('paht-public-stats'), `${meta(endpoint)}<meta name="paht:api-key" content="${foreignKey}" />`) },
    '/bad-tenant.html': { type: 'text/html', body: page(w('paht-public-stats'), meta(endpoint, 'khong-co')) },
    '/no-answer.html': { type: 'text/html', body: page(w('paht-public-stats'), meta('http://127.0.0.1:1/graphql')) },
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  // Every page records the widgets' paht-error events.
  await context.addInitScript(() => {
    const w = window as unknown as { pahtErrors: unknown[] };
    w.pahtErrors = [];
    document.addEventListener('paht-error', (e) => w.pahtErrors.push({ tag: (e.target as Element).localName, ...(e as CustomEvent).detail }));
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
  await tdb?.close();
});

interface Opened {
  page: Page;
  consoleErrors: string[];
  graphqlRequests: () => number;
  errors: () => Promise<Array<{ tag: string; code: string; message: string }>>;
}

async function open(path: string): Promise<Opened> {
  const p = await context.newPage();
  const consoleErrors: string[] = [];
  let requests = 0;
  p.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  p.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  p.on('request', (r) => {
    if (r.url().includes('/graphql') && r.method() === 'POST') requests += 1;
  });
  await p.goto(`${site.url}${path}`);
  return { page: p, consoleErrors, graphqlRequests: () => requests, errors: () => p.evaluate(() => (window as unknown as { pahtErrors: Array<{ tag: string; code: string; message: string }> }).pahtErrors) };
}

const codes = async (o: Opened) => (await o.errors()).map((e) => `${e.tag} ${e.code}`).sort();

describe('the example portal', () => {
  it('opens a filed report in its tracker, in the citizen’s own view', async () => {
    const { page: p, consoleErrors } = await open('/portal.html');
    const form = p.locator('paht-report-form');
    const tracker = p.locator('paht-report-tracker');
    await expect.poll(() => form.locator('#category option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const submitted = p.evaluate(
      () => new Promise<{ trackingCode: string; secret: string }>((resolve) => document.addEventListener('paht-report-submitted', (e) => resolve((e as CustomEvent).detail), { once: true })),
    );
    await form.locator('#title').fill('Cây đổ chắn ngang đường Nguyễn Huệ');
    await form.locator('#description').fill('Cây xanh bị đổ sau mưa lớn, chắn hết lối đi, xe máy không qua được. Đề nghị dọn sớm.');
    await form.locator('#address').fill('8 Nguyễn Huệ, Đông Hà');
    await form.locator('#phone').fill('0912 345 678');
    await form.locator('input[type=checkbox]').check();
    await form.locator('button[type=submit]').click();
    const detail = await submitted;
    expect(detail.trackingCode).toMatch(/^EM-\d{3}-\d{3}-\d{3}$/);
    expect(detail.secret.length).toBeGreaterThanOrEqual(16);
    reports.push(detail);
    // No click on the tracker: the portal set code and secret, the tracker looked it up.
    await expect.poll(() => tracker.locator('.status').textContent(), { timeout: 15_000 }).toBe('Đã tiếp nhận');
    expect(await tracker.locator('#code').inputValue()).toBe(detail.trackingCode);
    await expect.poll(() => tracker.locator('.live').textContent(), { timeout: 15_000 }).toContain('Đang cập nhật trực tiếp');
    expect(await tracker.locator('#report-title').textContent()).toContain('Cây đổ chắn ngang đường Nguyễn Huệ');
    expect(consoleErrors.filter((e) => !/tile|Failed to load resource/i.test(e))).toEqual([]);
    await p.close();
  });
});

describe('every attribute is live after connect', () => {
  it('looks up again when tracking-code, trackingCode, secret or tenant change on a tracker already on the page', async () => {
    const o = await open('/live.html');
    const tracker = o.page.locator('paht-report-tracker');
    const stats = o.page.locator('paht-public-stats');
    await expect.poll(() => stats.locator('.card .figure').first().textContent(), { timeout: 15_000 }).toBe(String(reports.length));
    const [first, second] = reports as [(typeof reports)[0], (typeof reports)[0]];

    await tracker.evaluate((el, code) => el.setAttribute('tracking-code', code), first.trackingCode);
    await expect.poll(() => tracker.locator('#code').inputValue(), { timeout: 10_000 }).toBe(first.trackingCode);
    await expect.poll(() => tracker.locator('.status').textContent(), { timeout: 10_000 }).toBe('Đã tiếp nhận');
    expect(await tracker.locator('.live').count()).toBe(0); // public view: no secret, no live updates

    await tracker.evaluate((el, code) => ((el as unknown as { trackingCode: string }).trackingCode = code), second.trackingCode);
    await expect.poll(() => tracker.locator('#code').inputValue(), { timeout: 10_000 }).toBe(second.trackingCode);
    await expect.poll(() => tracker.locator('#report-title').textContent(), { timeout: 10_000 }).toBe('Đèn đường hỏng ở ngõ 12');

    await tracker.evaluate((el, secret) => el.setAttribute('secret', secret), second.secret);
    await expect.poll(() => tracker.locator('.live').textContent(), { timeout: 15_000 }).toContain('Đang cập nhật trực tiếp');

    const before = o.graphqlRequests();
    await tracker.evaluate((el) => el.setAttribute('tenant', 'khong-co'));
    await expect.poll(() => codes(o), { timeout: 10_000 }).toEqual(['paht-report-tracker TENANT_NOT_FOUND']);
    expect(o.graphqlRequests()).toBeGreaterThan(before);
    expect(o.consoleErrors.join('\n')).toContain('TENANT_NOT_FOUND');

    // The statistics reload when their period, grouping or tenant change.
    const loads = o.graphqlRequests();
    await stats.evaluate((el) => el.setAttribute('group-by', 'CATEGORY'));
    await expect.poll(() => o.graphqlRequests(), { timeout: 10_000 }).toBeGreaterThan(loads);
    // feed-size set later: the recent answers appear (none published here).
    await stats.evaluate((el) => el.setAttribute('feed-size', '3'));
    await expect.poll(() => stats.locator('.feed').textContent(), { timeout: 10_000 }).toContain('Chưa có phản ánh nào được công khai kết quả.');
    await stats.evaluate((el) => (el.setAttribute('from', '2026-04-01'), el.setAttribute('to', '2026-04-30')));
    await expect.poll(() => stats.locator('.notice').textContent(), { timeout: 10_000 }).toContain('Chưa có phản ánh');
    await o.page.close();
  });
});

describe('the form’s map inputs are live too', () => {
  it('moves the map when map-center changes and speaks the page’s new language', async () => {
    const o = await open('/form-live.html');
    const form = o.page.locator('paht-report-form');
    await expect.poll(() => form.locator('.leaflet-control-zoom-in').getAttribute('title'), { timeout: 15_000 }).toBe('Phóng to');
    await form.evaluate((el) => el.setAttribute('map-center', '10.5,105.5'));
    await expect
      .poll(
        async () => {
          await form.getByRole('button', { name: 'Ghim tại tâm bản đồ' }).click();
          return form.locator('.coords').textContent();
        },
        { timeout: 10_000 },
      )
      .toContain('vĩ độ 10.50000, kinh độ 105.50000');
    await o.page.evaluate(() => (document.documentElement.lang = 'en'));
    await expect.poll(() => form.locator('.leaflet-control-zoom-in').getAttribute('title'), { timeout: 10_000 }).toBe('Zoom in');
    // The pin stays where the citizen put it.
    expect(await form.locator('.coords').textContent()).toContain('latitude 10.50000, longitude 105.50000');
    expect(await o.errors()).toEqual([]);
    await o.page.close();
  });
});

describe('page-level configuration', () => {
  it('reads endpoint and tenant from <meta name="paht:…">, follows <html lang>, and an attribute wins over the page', async () => {
    const o = await open('/meta.html');
    const stats = o.page.locator('paht-public-stats');
    await expect.poll(() => stats.locator('.card .figure').first().textContent(), { timeout: 15_000 }).toBe(String(reports.length));
    // <html lang="en"> and no lang attribute: English; the tracker's own lang="vi" stays.
    expect(await stats.locator('h2').textContent()).toMatch(/^[A-Za-z ]+$/);
    const english = await stats.locator('h2').textContent();
    expect(await o.page.locator('paht-report-tracker').locator('h2').textContent()).toBe('Tra cứu phản ánh');
    await o.page.evaluate(() => (document.documentElement.lang = 'vi'));
    await expect.poll(() => stats.locator('h2').textContent()).not.toBe(english);
    expect(await stats.getAttribute('lang')).toBeNull(); // the host inherits the page's language
    expect(await o.errors()).toEqual([]);
    await o.page.close();

    // The page's endpoint answers nothing; the element's attribute wins.
    const over = await open('/override.html');
    await expect.poll(() => over.page.locator('paht-public-stats').locator('.card .figure').first().textContent(), { timeout: 15_000 }).toBe(String(reports.length));
    expect(await over.errors()).toEqual([]);
    await over.page.close();
  });
});

describe('misconfiguration is visible', () => {
  it('with no endpoint: each widget says so (no endless spinner), emits paht-error NO_ENDPOINT and tells the console the fix', async () => {
    const o = await open('/bare.html');
    const stats = o.page.locator('paht-public-stats');
    const tracker = o.page.locator('paht-report-tracker');
    await expect.poll(() => codes(o), { timeout: 10_000 }).toEqual(['paht-public-stats NO_ENDPOINT', 'paht-report-form NO_ENDPOINT']);
    expect(await stats.locator('[role=alert]').textContent()).toContain('NO_ENDPOINT');
    expect(await stats.locator('section').getAttribute('aria-busy')).toBe('false');
    expect(await stats.locator('.skeleton').count()).toBe(0);
    expect(await o.page.locator('paht-report-form').locator('#category option').count()).toBeLessThanOrEqual(1);

    await tracker.locator('#code').fill(reports[0]!.trackingCode);
    await tracker.locator('button[type=submit]').click();
    await expect.poll(() => tracker.locator('[role=alert]').textContent()).toContain('NO_ENDPOINT');
    expect(await codes(o)).toContain('paht-report-tracker NO_ENDPOINT');
    const [event] = await o.errors();
    expect(event!.message).toContain('endpoint attribute');
    expect(event!.message).toContain('paht:endpoint');
    expect(o.consoleErrors.filter((e) => e.includes('NO_ENDPOINT') && e.includes('paht:endpoint'))).toHaveLength(3);
    expect(o.graphqlRequests()).toBe(0);

    // Configured late (a framework setting properties): the widget loads.
    await stats.evaluate((el, endpoint) => Object.assign(el, { endpoint, tenant: 'embed', from: '2026-03-01', to: '2026-03-31' }), `${api}/graphql`);
    await expect.poll(() => stats.locator('.card .figure').first().textContent(), { timeout: 15_000 }).toBe(String(reports.length));
    const form = o.page.locator('paht-report-form');
    await form.evaluate((el, endpoint) => (el.setAttribute('endpoint', endpoint), el.setAttribute('tenant', 'embed')), `${api}/graphql`);
    await expect.poll(() => form.locator('#category option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await o.page.close();
  });

  it.each([
    ['/bad-key.html', ['paht-public-stats INVALID_API_KEY', 'paht-report-form INVALID_API_KEY'], 'copy the public key'],
    ['/foreign-key.html', ['paht-public-stats ORIGIN_NOT_ALLOWED'], 'scheme://host[:port]'],
    ['/bad-tenant.html', ['paht-public-stats TENANT_NOT_FOUND'], 'check the tenant attribute'],
    ['/no-answer.html', ['paht-public-stats NETWORK'], 'check the endpoint URL'],
  ])('%s: paht-error %j, and the console names the fix', async (path, expected, fix) => {
    const o = await open(path);
    await expect.poll(() => codes(o), { timeout: 15_000 }).toEqual(expected);
    const stats = o.page.locator('paht-public-stats');
    await expect.poll(() => stats.locator('[role=alert]').count()).toBe(1);
    expect(await stats.locator('.skeleton').count()).toBe(0);
    expect(o.consoleErrors.some((e) => e.includes(expected[0]!.split(' ')[1]!) && e.includes(fix))).toBe(true);
    await o.page.close();
  });

  it('the demo public key works from its own origins only', async () => {
    const o = await open('/live.html');
    const status = await o.page.evaluate(
      async ([endpoint, key]) => (await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: '{"query":"{ __typename }"}' })).json(),
      [`${api}/graphql`, demoKey] as const,
    );
    expect(JSON.stringify(status)).toContain('ORIGIN_NOT_ALLOWED');
    await o.page.close();
    // From the example portal's origin, the same key is let through.
    const fromPortal = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': demoKey, origin: 'http://localhost:8080' }, body: '{"query":"{ __typename }"}' });
    expect(await fromPortal.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the versioned bundle', () => {
  it('loads with the integrity hash the build prints, and the browser refuses it under any other hash', async () => {
    const pinned = await open('/pinned.html');
    await expect.poll(() => pinned.page.locator('paht-public-stats').locator('.card .figure').first().textContent(), { timeout: 15_000 }).toBe(String(reports.length));
    await pinned.page.close();

    const tampered = await open('/tampered.html');
    await expect.poll(() => tampered.consoleErrors.join('\n'), { timeout: 10_000 }).toContain('integrity');
    expect(await tampered.page.evaluate(() => Boolean(customElements.get('paht-public-stats')))).toBe(false);
    await tampered.page.close();
  });
});

describe('under the Content-Security-Policy of docs/embed.md', () => {
  it('loads, goes live over WebSocket, and breaks no directive (no inline script or style needed)', async () => {
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const o = await open('/csp.html');
    await expect.poll(() => o.page.locator('paht-public-stats').locator('.card .figure').first().textContent(), { timeout: 15_000 }).toBe(String(reports.length));
    await expect.poll(() => o.page.locator('paht-report-form').locator('#category option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expect.poll(() => o.page.locator('paht-report-tracker').locator('.live').textContent(), { timeout: 15_000 }).toContain('Đang cập nhật trực tiếp');
    const violations = await o.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    expect(await o.errors()).toEqual([]);
    await o.page.close();
  });
});
