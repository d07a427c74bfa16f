import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Core and server by path: they are not dependencies of the widgets package.
import { hashPassword, withTenant } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import { acceptReport, assignReport, classifyReport, createClient, publishReport, resolveReport, type PahtClient } from '@paht/client-sdk';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { launchChromium, portalPage, seriousViolations } from './support/browser.js';
import { startStaticServer } from './support/static-server.js';

// The date the unit must answer by, with the working days left or late, as
// the tracker and the public feed show it in Debian's Chromium against the
// real server (Report.answerDue, counted on the tenant's calendar).

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const WEDNESDAY_NEXT_10AM = new Date('2026-03-11T03:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: Awaited<ReturnType<typeof buildApp>>;
let api: string;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;
let context: BrowserContext;
let citizen: PahtClient;

const widget = (tag: string, attrs = '') => `<${tag} endpoint="${api}/graphql" tenant="hanchot" ${attrs}></${tag}>`;

async function staff(): Promise<{ operator: PahtClient; officer: PahtClient }> {
  const signIn = async (email: string) => {
    const client = createClient({ endpoint: `${api}/graphql`, tenant: 'hanchot' });
    const result = await client.signIn(email, PASSWORD);
    if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
    return client.withToken(result.token);
  };
  return { operator: await signIn('ioc@example.gov.vn'), officer: await signIn('officer@example.gov.vn') };
}

async function fileAndAssign(title: string) {
  const filed = await citizen.submitReport({ title, description: `${title}: cần xử lý sớm, ảnh hưởng người đi đường.`, channel: 'WEB', address: 'Đông Hà', reporter: { phone: '0912 345 678' } });
  if (filed.__typename !== 'SubmitReportSuccess') throw new Error(filed.message);
  const { operator } = await staff();
  expect(await classifyReport(operator, { id: filed.id, categoryId: t.roadsCategoryId })).toMatchObject({ __typename: 'ReportTransition' });
  expect(await assignReport(operator, { id: filed.id, unitId: t.roadsUnitId })).toMatchObject({ __typename: 'ReportTransition' });
  return filed;
}

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${path}:`, error.message));
  await page.goto(`${site.url}${path}`);
  return page;
}

async function track(page: Page, code: string): Promise<Locator> {
  const tracker = page.locator('paht-report-tracker');
  await tracker.locator('#code').fill(code);
  await tracker.locator('form[part=form] button[type=submit]').click();
  await expect.poll(() => tracker.locator('.status').count(), { timeout: 15_000 }).toBe(1);
  return tracker;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'hanchot', 'HC');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  // No public answer cache: the test moves the clock between two identical public reads.
  app = await buildApp({ core: ctx, cache: false });
  api = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createClient({ endpoint: `${api}/graphql`, tenant: 'hanchot' });
  const bundle = await bundleWidgets({ minify: true });
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: bundle },
    '/tracker.html': { type: 'text/html', body: portalPage('Tra cứu phản ánh', widget('paht-report-tracker')) },
    '/tracker-en.html': { type: 'text/html', body: portalPage('Track a report', widget('paht-report-tracker', 'lang="en"')) },
    '/stats.html': { type: 'text/html', body: portalPage('Số liệu', widget('paht-public-stats', 'from="2026-03-01" to="2026-03-31" feed-size="5"')) },
  });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
  await tdb?.close();
});

describe('the answer date a citizen reads', () => {
  it('says the working days left, then how late, in Vietnamese and English; the feed says how late an answer came', async () => {
    ctx.setNow(MONDAY_9AM);
    const open1 = await fileAndAssign('Cống thoát nước bị tắc');
    const late = await fileAndAssign('Biển báo giao thông bị đổ');

    // Assigned Monday 09:00: five working days to answer.
    let page = await open('/tracker.html');
    let due = (await track(page, open1.trackingCode)).locator('dd.answer-due');
    await expect.poll(() => due.textContent()).toMatch(/^Đơn vị phải trả lời trước \S.* \(còn 5 ngày làm việc\)$/);
    expect(await due.locator('.due-left').getAttribute('data-overdue')).toBeNull();
    expect(await seriousViolations(page), 'axe, days left').toEqual([]);
    page = await open('/tracker-en.html');
    due = (await track(page, open1.trackingCode)).locator('dd.answer-due');
    await expect.poll(() => due.textContent()).toMatch(/^The unit must answer by \S.* \(5 working days left\)$/);

    // Wednesday of the next week, 10:00, still open: three working days late.
    ctx.setNow(WEDNESDAY_NEXT_10AM);
    page = await open('/tracker.html');
    due = (await track(page, open1.trackingCode)).locator('dd.answer-due');
    await expect.poll(() => due.textContent()).toMatch(/\(đã quá hạn 3 ngày làm việc\)$/);
    expect(await due.locator('.due-left').getAttribute('data-overdue')).toBe('');
    expect(await seriousViolations(page), 'axe, overdue').toEqual([]);

    // The other report is answered and published now: the feed shows its date and how late the answer came.
    const { operator, officer } = await staff();
    for (const run of [() => acceptReport(officer, { id: late.id }), () => resolveReport(officer, { id: late.id, answer: 'Đã dựng lại biển báo.' }), () => publishReport(operator, { id: late.id })]) {
      ctx.advance(60_000);
      expect(await run()).toMatchObject({ __typename: 'ReportTransition' });
    }
    page = await open('/stats.html');
    const feedDue = page.locator('paht-public-stats').locator('.feed .answer-due');
    await expect.poll(() => feedDue.count(), { timeout: 15_000 }).toBe(1);
    expect(await feedDue.textContent()).toMatch(/^Hạn trả lời \S.* \(trả lời trễ 3 ngày làm việc\)$/);
    expect(await seriousViolations(page), 'axe, feed').toEqual([]);
  });
});
