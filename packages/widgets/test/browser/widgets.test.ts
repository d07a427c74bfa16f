import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Core and server by path: they are not dependencies of the widgets package
// (vitest maps the package names to the same source files).
import { hashPassword, withTenant } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import { createClient, type PahtClient, type TypedDocument } from '@paht/client-sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { ACCEPT, ASSIGN, CLASSIFY, PUBLISH, RESOLVE, type TransitionResult } from '../../../graphql-server/test/integration/staff-documents.js';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { launchChromium, portalPage, SCREENSHOTS, seriousViolations } from './support/browser.js';
import { makePng } from './support/png.js';
import { startStaticServer } from './support/static-server.js';

// The three widgets, bundled from source as the script-tag bundle, in
// Debian's Chromium, against the real server on the test database: a
// citizen files (with a photo), an operator moves the report through the
// workflow over the API, the tracker follows live, the figures move.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const TRACKING_CODE = /^WG-\d{3}-\d{3}-\d{3}$/;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: Awaited<ReturnType<typeof buildApp>>;
let api: string;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;
let context: BrowserContext;
let photoSupported = false;
const filed: { trackingCode: string; secret: string }[] = [];

const widget = (tag: string, attrs = '') => `<${tag} endpoint="${api}/graphql" tenant="widgets" ${attrs}></${tag}>`;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'widgets', 'WG');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx });
  api = await app.listen({ port: 0, host: '127.0.0.1' });

  // Photos need the upload route and `uploadIds` on submissions (built alongside).
  const route = await fetch(`${api}/uploads`, { method: 'POST', headers: { 'x-tenant': 'widgets', 'content-type': 'image/png' }, body: new Uint8Array() });
  const introspection = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'widgets' },
    body: JSON.stringify({ query: '{ __type(name: "SubmitReportInput") { inputFields { name } } }' }),
  }).then((r) => r.json() as Promise<{ data?: { __type?: { inputFields: { name: string }[] } } }>);
  photoSupported = route.status !== 404 && Boolean(introspection.data?.__type?.inputFields.some((f) => f.name === 'uploadIds'));
  if (!photoSupported) console.warn('widgets browser test: no upload route or uploadIds yet, filing without the photo');

  const bundle = await bundleWidgets({ minify: true });
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: bundle },
    '/form.html': { type: 'text/html', body: portalPage('Gửi phản ánh', widget('paht-report-form', 'tile-url="/tiles/{z}/{x}/{y}.png"')) },
    '/tracker.html': { type: 'text/html', body: portalPage('Tra cứu phản ánh', widget('paht-report-tracker')) },
    '/stats.html': { type: 'text/html', body: portalPage('Kết quả xử lý', widget('paht-public-stats', 'from="2026-03-01" to="2026-03-31" group-by="UNIT" feed-size="5"')) },
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write', 'geolocation'], { origin: site.url });
  await context.setGeolocation({ latitude: 16.8163, longitude: 107.1003 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
  await tdb?.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${path}:`, error.message));
  await page.goto(`${site.url}${path}`);
  return page;
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `axe on ${state}`).toEqual([]);
}

/** Screenshots of the widget at phone and desktop widths. */
async function screenshots(page: Page, tag: string, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator(tag).screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signedIn(email: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${api}/graphql`, tenant: 'widgets' });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
  return client.withToken(result.token);
}

async function step<V>(client: PahtClient, document: TypedDocument<Record<string, TransitionResult>, V>, variables: V): Promise<void> {
  ctx.advance(HOUR);
  const { result } = await client.request(document, variables);
  expect(result).toMatchObject({ __typename: 'ReportTransition' });
}

const reportCount = () => withTenant(ctx.db, t.tenantId, (tx) => tx.report.count());
const reportId = async (trackingCode: string) =>
  (await withTenant(ctx.db, t.tenantId, (tx) => tx.report.findFirstOrThrow({ where: { trackingCode }, select: { id: true } }))).id;

async function fillForm(page: Page, title: string): Promise<void> {
  const form = page.locator('paht-report-form');
  await form.locator('#category').selectOption({ label: 'Giao thông' });
  await form.locator('#title').fill(title);
  await form.locator('#description').fill('Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm. Đề nghị sửa chữa sớm.');
  await form.locator('#phone').fill('0912 345 678');
  await form.locator('#fullName').fill('Nguyễn Văn Dân');
  await form.locator('input[type=checkbox]').check();
}

describe('<paht-report-form> in Chromium', () => {
  it('shows inline errors, files a report with a pin and a photo, and ends with codes to copy and read out', async () => {
    const page = await open('/form.html');
    const form = page.locator('paht-report-form');
    await expect.poll(() => form.locator('#category option').count()).toBe(2);
    await expectAccessible(page, 'form, empty');
    // Shadow DOM both ways: the page's button rule stays out, the widget's .hint rule stays in.
    expect(await form.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(11, 83, 148)'); // the tenant's default primary, #0b5394
    expect(await page.locator('#outside').evaluate((p) => getComputedStyle(p).color)).toBe('rgb(0, 0, 0)');
    expect(await form.locator('.leaflet-control-zoom-in').getAttribute('title')).toBe('Phóng to');

    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[role=alert]').first().textContent()).toContain('Vui lòng sửa 5 mục');
    expect(await form.locator('#title').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#title').getAttribute('aria-describedby')).toBe('title-hint title-error');
    expect(await form.locator('#title-error').textContent()).toContain('5 đến 200 ký tự');
    expect(await form.locator('#phone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.querySelector('paht-report-form')?.shadowRoot?.activeElement?.id)).toBe('title');
    await expectAccessible(page, 'form, with errors');
    await screenshots(page, 'paht-report-form', 'report-form-errors');

    // The map works without tiles (none load here): a click drops the pin; "use my position" moves it.
    await form.locator('.map').click({ position: { x: 120, y: 90 } });
    await expect.poll(() => form.locator('.coords').textContent()).toMatch(/Đã ghim: vĩ độ 16\.\d+, kinh độ 107\.\d+/);
    await form.getByRole('button', { name: 'Dùng vị trí của tôi' }).click();
    await expect.poll(() => form.locator('.coords').textContent()).toContain('vĩ độ 16.81630, kinh độ 107.10030');
    await form.locator('#ward').fill('Phường Đông Hà');

    await fillForm(page, 'Ổ gà lớn trên đường Hùng Vương');
    expect(await form.locator('#phone').getAttribute('aria-invalid')).toBe('false'); // an edited field's error goes
    // The e-mail (for progress notices) is optional, and checked when given.
    await form.locator('#email').fill('an@');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('#email').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#email-error').textContent()).toContain('Địa chỉ thư điện tử chưa đúng');
    expect(await form.locator('#email').getAttribute('type')).toBe('email');
    await form.locator('#email').fill('an@example.com');
    expect(await form.locator('#email').getAttribute('aria-invalid')).toBe('false');
    if (photoSupported) {
      await form.locator('#media').setInputFiles({ name: 'o-ga.png', mimeType: 'image/png', buffer: makePng() });
      await expect.poll(() => form.locator('.previews li').textContent(), { timeout: 15_000 }).toContain('Đã tải lên');
      expect(await form.locator('.previews img').count()).toBe(1);
    }
    await screenshots(page, 'paht-report-form', 'report-form-filled');

    const before = await reportCount();
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('#done-heading').textContent(), { timeout: 20_000 }).toBe('Đã gửi phản ánh');
    const trackingCode = (await form.locator('#tracking-code').innerText()).replace(/\s/g, '');
    const secretGroups = await form.locator('#secret .group').allInnerTexts();
    const secret = secretGroups.join('');
    expect(trackingCode).toMatch(TRACKING_CODE);
    expect(secretGroups.every((g) => g.length <= 4)).toBe(true);
    expect(await form.locator('.done .visually-hidden').first().textContent()).toMatch(/Đọc theo nhóm: W G, \d \d \d, \d \d \d, \d \d \d/);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(await reportCount()).toBe(before + 1);
    expect(await page.evaluate(() => document.querySelector('paht-report-form')?.shadowRoot?.activeElement?.id)).toBe('done-heading');

    await form.getByRole('button', { name: 'Sao chép' }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(trackingCode);
    await expectAccessible(page, 'form, done');
    await screenshots(page, 'paht-report-form', 'report-form-done');
    filed.push({ trackingCode, secret });

    const citizen = await createClient({ endpoint: `${api}/graphql`, tenant: 'widgets' }).trackReport(trackingCode, secret);
    expect(citizen).toMatchObject({ __typename: 'TrackedReport', report: { title: 'Ổ gà lớn trên đường Hùng Vương', category: { code: 'ROADS' }, latitude: 16.8163, longitude: 107.1003 } });
    if (photoSupported) {
      const id = await reportId(trackingCode);
      const attachments = await withTenant(ctx.db, t.tenantId, (tx) => (tx as unknown as { attachment: { count(a: object): Promise<number> } }).attachment.count({ where: { reportId: id } }));
      expect(attachments).toBe(1);
    }
    await page.close();
  });

  it('keeps a submission made offline and sends it once when the network is back', async () => {
    const page = await open('/form.html');
    const form = page.locator('paht-report-form');
    await expect.poll(() => form.locator('#category option').count()).toBe(2);
    await fillForm(page, 'Đèn đường hỏng trên đường Lê Duẩn');
    await form.locator('#address').fill('45 Lê Duẩn');
    const before = await reportCount();

    await context.setOffline(true);
    await expect.poll(() => form.locator('.notice').first().textContent()).toContain('ngoại tuyến');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[role=status]').allTextContents()).toContainEqual(expect.stringContaining('sẽ tự động gửi khi có mạng'));
    await expectAccessible(page, 'form, offline queued');
    await screenshots(page, 'paht-report-form', 'report-form-offline');
    expect(await reportCount()).toBe(before);

    await context.setOffline(false);
    await expect.poll(() => form.locator('#done-heading').textContent(), { timeout: 20_000 }).toBe('Đã gửi phản ánh');
    expect(await reportCount()).toBe(before + 1);
    filed.push({ trackingCode: (await form.locator('#tracking-code').innerText()).replace(/\s/g, ''), secret: (await form.locator('#secret .group').allInnerTexts()).join('') });
    await page.close();
  });
});

describe('<paht-report-form> when answers are lost', () => {
  it('sends again with the same idempotency key and files the report once', async () => {
    const page = await open('/form.html');
    const form = page.locator('paht-report-form');
    await expect.poll(() => form.locator('#category option').count()).toBe(2);
    await fillForm(page, 'Cống thoát nước bị tắc trên đường Trần Hưng Đạo');
    await form.locator('#address').fill('12 Trần Hưng Đạo');

    // Every submission reaches the server, but its answers are lost until `failing` ends.
    let failing = true;
    const keys: string[] = [];
    await page.route(`${api}/graphql`, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || !request.postData()?.includes('submitReport')) return route.continue();
      keys.push((request.postDataJSON() as { variables: { input: { idempotencyKey: string } } }).variables.input.idempotencyKey);
      const response = await route.fetch();
      return failing ? route.abort('connectionreset') : route.fulfill({ response });
    });
    const before = await reportCount();
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[role=alert]').last().textContent(), { timeout: 20_000 }).toContain('Chưa gửi được phản ánh');
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(await reportCount()).toBe(before + 1);
    await expectAccessible(page, 'form, send failed');

    failing = false;
    await form.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => form.locator('#done-heading').textContent(), { timeout: 20_000 }).toBe('Đã gửi phản ánh');
    expect(new Set(keys).size).toBe(1);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(await reportCount()).toBe(before + 1);
    await page.close();
  });
});

describe('<paht-report-tracker> and <paht-public-stats> in Chromium', () => {
  it('follows each step live while the operator moves the report, takes the rating, and the figures move', async () => {
    const stats = await open('/stats.html');
    const statsEl = stats.locator('paht-public-stats');
    await expect.poll(() => statsEl.locator('.figure').first().textContent(), { timeout: 15_000 }).toBe('3');
    expect(await statsEl.locator('.ranking').textContent()).toContain('Chưa có đơn vị nào xử lý xong phản ánh.');
    await expect.poll(() => statsEl.locator('.feed').textContent()).toContain('Chưa có phản ánh nào được công khai kết quả.');

    const { trackingCode, secret } = filed[0]!;
    const page = await open('/tracker.html');
    const tracker = page.locator('paht-report-tracker');
    await tracker.locator('#code').fill(trackingCode);
    await tracker.locator('#secret').fill(secret);
    await tracker.locator('button[type=submit]').click();
    const status = () => tracker.locator('.status').textContent();
    await expect.poll(status, { timeout: 15_000 }).toBe('Đã tiếp nhận');
    await expect.poll(() => tracker.locator('.live').textContent(), { timeout: 15_000 }).toContain('Đang cập nhật trực tiếp');
    if (photoSupported) {
      // The citizen sees their photo (the secret opens the private file).
      const photo = tracker.locator('.files img');
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    await expectAccessible(page, 'tracker, submitted');

    const operator = await signedIn('ioc@example.gov.vn');
    const officer = await signedIn('officer@example.gov.vn');
    const id = await reportId(trackingCode);
    const steps: Array<[() => Promise<void>, string, string]> = [
      [() => step(operator, CLASSIFY, { id, categoryId: t.roadsCategoryId }), 'Đã phân loại', 'Trung tâm IOC phân loại'],
      [() => step(operator, ASSIGN, { id, unitId: t.roadsUnitId }), 'Đã chuyển đơn vị xử lý', 'Chuyển đơn vị xử lý'],
      [() => step(officer, ACCEPT, { id }), 'Đơn vị đã nhận xử lý', 'Đơn vị nhận xử lý'],
      [() => step(officer, RESOLVE, { id, answer: 'Đã vá ổ gà ngày 02/3/2026.' }), 'Đã xử lý xong', 'Đơn vị báo cáo kết quả'],
      [() => step(operator, PUBLISH, { id }), 'Đã công khai kết quả', 'Công khai kết quả'],
    ];
    for (const [run, statusText, eventText] of steps) {
      await run();
      // No reload, no click: the subscription brings each step.
      await expect.poll(status, { timeout: 10_000 }).toBe(statusText);
      expect(await tracker.locator('ol[part=timeline] li').last().textContent()).toContain(eventText);
    }
    expect(await tracker.locator('.answer').textContent()).toContain('Đã vá ổ gà ngày 02/3/2026.');
    expect(await tracker.locator('dl').textContent()).toContain('Sở Giao thông vận tải');
    expect(await tracker.locator('.timeliness').textContent()).toBe('Xử lý đúng hạn');
    await expectAccessible(page, 'tracker, published with rating form');
    await screenshots(page, 'paht-report-tracker', 'report-tracker-published');

    await tracker.locator('button[type=submit]', { hasText: 'Gửi đánh giá' }).click();
    await expect.poll(() => tracker.locator('#stars-error').textContent()).toBe('Vui lòng chọn số sao.');
    await tracker.getByLabel('5 sao').check();
    await tracker.locator('#comment').fill('Xử lý nhanh, cảm ơn.');
    await tracker.locator('button[type=submit]', { hasText: 'Gửi đánh giá' }).click();
    await expect.poll(status, { timeout: 10_000 }).toBe('Đã đóng');
    expect(await tracker.locator('.notice.ok').textContent()).toContain('Bạn đã đánh giá 5/5 sao');
    await expectAccessible(page, 'tracker, rated');

    // The public view (no secret): no live updates, no rating.
    await tracker.locator('#secret').fill('');
    await tracker.locator('button[type=submit]', { hasText: 'Tra cứu' }).click();
    await expect.poll(() => tracker.locator('.live').count()).toBe(0);
    expect(await tracker.locator('.status').textContent()).toBe('Đã đóng');
    expect(await tracker.locator('paht-report-tracker').count()).toBe(0);
    expect(await page.content()).not.toMatch(/0912|Nguyễn Văn Dân/);
    await page.close();

    // The figures moved: 3 received, 1 resolved on time, rated 5; the unit is ranked.
    await statsEl.evaluate((el) => (el as unknown as { load(): Promise<void> }).load());
    await expect.poll(() => statsEl.locator('.card .figure').allTextContents(), { timeout: 15_000 }).toEqual(['3', '1', expect.stringMatching(/^100\s?%$/), '2', '4 giờ', expect.stringMatching(/^100\s?%$/)]);
    expect(await statsEl.locator('.ranking li').first().textContent()).toContain('Sở Giao thông vận tải');
    await expect.poll(() => statsEl.locator('.feed li').allTextContents()).toEqual([expect.stringContaining('Ổ gà lớn trên đường Hùng Vương')]);
    expect(await statsEl.locator('.feed').textContent()).toContain('Đã vá ổ gà ngày 02/3/2026.');
    expect(await statsEl.locator('.bar-row').count()).toBeGreaterThanOrEqual(1);
    await statsEl.getByRole('button', { name: 'Xem dạng bảng' }).click();
    expect(await statsEl.locator('table tbody').textContent()).toContain('Sở Giao thông vận tải');
    expect(await statsEl.locator('table').isVisible()).toBe(true);
    await expectAccessible(stats, 'statistics with table');
    await screenshots(stats, 'paht-public-stats', 'public-stats');
    await statsEl.getByRole('button', { name: 'Tháng' }).click();
    await expect.poll(() => statsEl.locator('.bar-label').first().textContent()).toContain('2026');
    await stats.close();
  });
});
