import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Core and server by path: they are not dependencies of the widgets package.
import { hashPassword, withTenant } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import {
  acceptReport,
  assignReport,
  classifyReport,
  createClient,
  provideInfo,
  publishReport,
  requestInfo,
  resolveReport,
  startReport,
  type PahtClient,
} from '@paht/client-sdk';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { launchChromium, portalPage, seriousViolations } from './support/browser.js';
import { startStaticServer } from './support/static-server.js';

// The tracker's citizen steps in Debian's Chromium against the real server:
// the answer deadline as a citizen reads it, answering the unit's question,
// reopening and rating — each offered only when the API lists it — and the
// English names (units, categories, areas) in English pages.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const QUESTION = 'Đề nghị ông/bà cho biết chính xác số nhà gần nhất.';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: Awaited<ReturnType<typeof buildApp>>;
let api: string;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;
let context: BrowserContext;
let citizen: PahtClient;

const widget = (tag: string, attrs = '') => `<${tag} endpoint="${api}/graphql" tenant="steps" ${attrs}></${tag}>`;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'steps', 'ST');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, async (tx) => {
    await tx.staffUser.updateMany({ data: { passwordHash } });
    await tx.unit.update({ where: { id: t.roadsUnitId }, data: { nameEn: 'Department of Transport' } });
    await tx.category.update({ where: { id: t.roadsCategoryId }, data: { nameEn: 'Roads and traffic' } });
  });
  app = await buildApp({ core: ctx });
  api = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createClient({ endpoint: `${api}/graphql`, tenant: 'steps' });

  const bundle = await bundleWidgets({ minify: true });
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: bundle },
    '/tracker.html': { type: 'text/html', body: portalPage('Tra cứu phản ánh', widget('paht-report-tracker')) },
    '/tracker-en.html': { type: 'text/html', body: portalPage('Track a report', widget('paht-report-tracker', 'lang="en"')) },
    '/form-en.html': { type: 'text/html', body: portalPage('Send a report', widget('paht-report-form', 'lang="en" tile-url="/tiles/{z}/{x}/{y}.png"')) },
    '/stats-en.html': {
      type: 'text/html',
      body: portalPage('Figures', widget('paht-public-stats', 'lang="en" from="2026-03-01" to="2026-03-31" group-by="AREA" feed-size="0"')),
    },
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

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error on ${path}:`, error.message));
  await page.goto(`${site.url}${path}`);
  return page;
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${state}`).toEqual([]);
}

/** Staff signed in now (the test clock moves; tokens last hours). */
async function staff(): Promise<{ operator: PahtClient; officer: PahtClient }> {
  const signIn = async (email: string) => {
    const client = createClient({ endpoint: `${api}/graphql`, tenant: 'steps' });
    const result = await client.signIn(email, PASSWORD);
    if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
    return client.withToken(result.token);
  };
  return { operator: await signIn('ioc@example.gov.vn'), officer: await signIn('officer@example.gov.vn') };
}

/** Runs a staff step ten minutes later and checks it went through. */
async function step(run: () => Promise<{ __typename: string }>): Promise<void> {
  ctx.advance(600_000);
  expect(await run()).toMatchObject({ __typename: 'ReportTransition' });
}

async function file(title: string, areaCode?: string) {
  const result = await citizen.submitReport({
    title,
    description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
    channel: 'WEB',
    address: '120 Hùng Vương, Đông Hà',
    ...(areaCode ? { areaCode } : {}),
    reporter: { phone: '0912 345 678' },
  });
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

async function track(page: Page, code: string, secret: string): Promise<Locator> {
  const tracker = page.locator('paht-report-tracker');
  await tracker.locator('#code').fill(code);
  await tracker.locator('#secret').fill(secret);
  await tracker.locator('form[part=form] button[type=submit]').click();
  await expect.poll(() => tracker.locator('.status').count(), { timeout: 15_000 }).toBe(1);
  return tracker;
}

/** The id of the element focused inside the tracker's shadow root. */
const focused = (tracker: Locator) => tracker.evaluate((el) => el.shadowRoot?.activeElement?.id ?? null);

describe('<paht-report-tracker>: the citizen answers, reopens and rates from the widget', () => {
  it('shows the answer deadline once it exists, and offers each step the API allows, with accessible errors', async () => {
    ctx.setNow(MONDAY_9AM);
    const report = await file('Ổ gà lớn trên đường Hùng Vương');
    let { operator, officer } = await staff();
    const id = report.id;
    const page = await open('/tracker.html');
    const tracker = await track(page, report.trackingCode, report.secret);
    const status = () => tracker.locator('.status').textContent();
    await expect.poll(() => tracker.locator('.live').textContent(), { timeout: 15_000 }).toContain('Đang cập nhật trực tiếp');

    // Right after filing: no answer deadline, said so; no internal stage deadline.
    const due = tracker.locator('dd.answer-due');
    expect(await tracker.locator('dl').textContent()).toContain('Hạn trả lời');
    expect(await tracker.locator('dl').textContent()).not.toContain('Hạn xử lý');
    expect(await due.textContent()).toBe('Chưa có — phản ánh đang được phân loại, chuyển đơn vị xử lý');
    expect(await due.locator('time').count()).toBe(0);
    expect(await tracker.locator('form[part=reply], form[part=reopen], form[part=rating]').count()).toBe(0);

    // Classified and assigned: the date the unit must answer by, as the API gives it.
    await step(() => classifyReport(operator, { id, categoryId: t.roadsCategoryId }));
    await step(() => assignReport(operator, { id, unitId: t.roadsUnitId }));
    await expect.poll(status, { timeout: 20_000 }).toBe('Đã chuyển đơn vị xử lý');
    const tracked = await citizen.trackReport(report.trackingCode, report.secret);
    if (tracked.__typename !== 'TrackedReport') throw new Error('not tracked');
    const answerDueAt = tracked.report.answerDueAt;
    expect(answerDueAt).not.toBeNull();
    expect(answerDueAt).not.toBe(tracked.report.dueAt);
    await expect.poll(() => due.locator('time').getAttribute('datetime')).toBe(answerDueAt);
    expect(await due.textContent()).toMatch(/^Đơn vị phải trả lời trước \S/);
    await expectAccessible(page, 'tracker, assigned');

    // The unit asks a question: the reply form, with the question.
    await step(() => acceptReport(officer, { id }));
    await step(() => startReport(officer, { id }));
    await step(() => requestInfo(officer, { id, reason: QUESTION }));
    await expect.poll(status, { timeout: 20_000 }).toBe('Chờ người dân bổ sung thông tin');
    const reply = tracker.locator('form[part=reply]');
    await expect.poll(() => reply.count()).toBe(1);
    expect(await reply.locator('blockquote').textContent()).toBe(QUESTION);
    expect(await tracker.locator('form[part=reopen], form[part=rating]').count()).toBe(0);
    await expectAccessible(page, 'tracker, waiting for the citizen');

    // Empty: an error tied to the field, and the focus on it.
    const text = reply.locator('#reply-text');
    await reply.locator('button[type=submit]').click();
    await expect.poll(() => reply.locator('#reply-error').textContent()).toBe('Vui lòng nhập thông tin bổ sung.');
    expect(await text.getAttribute('aria-invalid')).toBe('true');
    expect((await text.getAttribute('aria-describedby'))?.split(' ')).toContain('reply-error');
    expect(await focused(tracker)).toBe('reply-text');
    await expectAccessible(page, 'tracker, reply missing');

    // Refused by the server (too long): its Vietnamese words, tied to the field; nothing changed.
    const tooLong = 'x'.repeat(10_001);
    const refusal = await provideInfo(citizen, { trackingCode: report.trackingCode, secret: report.secret, reason: tooLong });
    if (refusal.__typename !== 'ValidationError') throw new Error(`expected a validation error, got ${refusal.__typename}`);
    await text.evaluate((el: HTMLTextAreaElement, value) => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }, tooLong);
    await reply.locator('button[type=submit]').click();
    await expect.poll(() => reply.locator('#reply-error').textContent()).toBe(refusal.messageVi);
    expect(refusal.messageVi).not.toBe(refusal.messageEn);
    expect(await reply.locator('#reply-error').getAttribute('role')).toBe('alert');
    expect(await focused(tracker)).toBe('reply-text');
    expect(await status()).toBe('Chờ người dân bổ sung thông tin');

    // Answered: the report moves on, the form goes, the confirmation takes the focus.
    await text.fill('Trước số nhà 120, cạnh cột điện.');
    await reply.locator('button[type=submit]').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('Đang xử lý');
    await expect.poll(() => tracker.locator('#action-done').textContent()).toBe('Đã gửi thông tin bổ sung. Đơn vị tiếp tục xử lý phản ánh.');
    await expect.poll(() => focused(tracker)).toBe('action-done');
    expect(await reply.count()).toBe(0);
    expect(await tracker.locator('ol[part=timeline] li').last().textContent()).toContain('Người dân bổ sung thông tin');
    await expectAccessible(page, 'tracker, information sent');

    // Published: rate or reopen. Reopen needs a reason.
    ({ operator, officer } = await staff());
    await step(() => resolveReport(officer, { id, answer: 'Đã vá ổ gà ngày 02/3/2026.' }));
    await step(() => publishReport(operator, { id }));
    await expect.poll(status, { timeout: 20_000 }).toBe('Đã công khai kết quả');
    const reopen = tracker.locator('form[part=reopen]');
    await expect.poll(() => reopen.count()).toBe(1);
    expect(await tracker.locator('form[part=rating]').count()).toBe(1);
    await expectAccessible(page, 'tracker, published: rate or reopen');
    await reopen.locator('button[type=submit]').click();
    await expect.poll(() => reopen.locator('#reopen-error').textContent()).toBe('Vui lòng nêu lý do đề nghị xử lý lại.');
    expect(await focused(tracker)).toBe('reopen-text');
    await reopen.locator('#reopen-text').fill('Ổ gà vẫn còn, chỉ đổ đá tạm.');
    await reopen.locator('button[type=submit]').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('Đang xử lý');
    await expect.poll(() => tracker.locator('#action-done').textContent()).toBe('Đã gửi đề nghị xử lý lại. Phản ánh được chuyển lại cho đơn vị.');
    expect(await tracker.locator('form[part=reopen], form[part=rating]').count()).toBe(0);
    expect(await tracker.locator('ol[part=timeline] li').last().textContent()).toContain('Người dân chưa hài lòng, xử lý lại');

    // Answered again and published: rated 4 with a comment; closed, nothing more to do.
    ({ operator, officer } = await staff());
    await step(() => resolveReport(officer, { id, answer: 'Đã thảm lại mặt đường ngày 05/3/2026.' }));
    await step(() => publishReport(operator, { id }));
    await expect.poll(() => tracker.locator('form[part=rating]').count(), { timeout: 20_000 }).toBe(1);
    await tracker.getByLabel('4 sao').check();
    await tracker.locator('#comment').fill('Lần này đã ổn.');
    await tracker.locator('form[part=rating] button[type=submit]').click();
    await expect.poll(status, { timeout: 20_000 }).toBe('Đã đóng');
    expect(await tracker.locator('.notice.ok').last().textContent()).toContain('Bạn đã đánh giá 4/5 sao');
    expect(await tracker.locator('form[part=reply], form[part=reopen], form[part=rating]').count()).toBe(0);
    await expectAccessible(page, 'tracker, closed');

    // Without the secret: no step is offered.
    await track(page, report.trackingCode, '');
    await expect.poll(() => tracker.locator('.live').count()).toBe(0);
    expect(await tracker.locator('form[part=reply], form[part=reopen], form[part=rating]').count()).toBe(0);
    await page.close();
  });
});

describe('<paht-report-tracker> when live steps come quickly', () => {
  it('shows the latest state even when an earlier refresh answers last', async () => {
    ctx.setNow(MONDAY_9AM);
    const report = await file('Cống thoát nước bị tắc');
    const { operator } = await staff();
    const page = await open('/tracker.html');
    const tracker = await track(page, report.trackingCode, report.secret);
    const status = () => tracker.locator('.status').textContent();
    await expect.poll(() => tracker.locator('.live').textContent(), { timeout: 20_000 }).toContain('Đang cập nhật trực tiếp');

    // The network holds back the answer of the next lookup (the refresh after CLASSIFY) until the refresh after ASSIGN has been answered.
    let held: (() => void) | null = null;
    const heldIssued = new Promise<void>((issued) => {
      void page.route(`${api}/graphql`, async (route) => {
        const body = route.request().postData() ?? '';
        if (held || !body.includes('TrackReport')) return route.continue();
        const response = await route.fetch();
        const released = new Promise<void>((release) => (held = release));
        issued();
        await released;
        await route.fulfill({ response });
      });
    });
    await step(() => classifyReport(operator, { id: report.id, categoryId: t.roadsCategoryId }));
    await heldIssued;
    await step(() => assignReport(operator, { id: report.id, unitId: t.roadsUnitId }));
    await expect.poll(status, { timeout: 20_000 }).toBe('Đã chuyển đơn vị xử lý');
    (held as unknown as () => void)();
    await page.waitForTimeout(500);
    expect(await status()).toBe('Đã chuyển đơn vị xử lý');
    await page.close();
  });
});

describe('English pages', () => {
  it('name units, categories and areas in English, and areas by name, not by code', async () => {
    ctx.setNow(MONDAY_9AM);
    const report = await file('Đèn đường hỏng', '19333');
    const { operator } = await staff();
    await step(() => classifyReport(operator, { id: report.id, categoryId: t.roadsCategoryId }));
    await step(() => assignReport(operator, { id: report.id, unitId: t.roadsUnitId }));

    const page = await open('/tracker-en.html');
    const tracker = await track(page, report.trackingCode, report.secret);
    const summary = await tracker.locator('dl').textContent();
    expect(summary).toContain('Department of Transport');
    expect(summary).toContain('Roads and traffic');
    expect(summary).not.toContain('Sở Giao thông vận tải');
    expect(await tracker.locator('dd.answer-due').textContent()).toMatch(/^The unit must answer by \S/);
    await page.close();

    const form = (await open('/form-en.html')).locator('paht-report-form');
    await expect.poll(() => form.locator('#category option').allTextContents(), { timeout: 15_000 }).toContain('Roads and traffic');
    expect(await form.locator('#category option').allTextContents()).not.toContain('Giao thông');

    const stats = await open('/stats-en.html');
    const el = stats.locator('paht-public-stats');
    await expect.poll(() => el.locator('.bar-label').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining('Đông Hà Ward'));
    const labels = (await el.locator('.bar-label').allTextContents()).join(' | ');
    expect(labels).not.toMatch(/19333/);
    await el.getByRole('button', { name: 'Show as a table' }).click();
    expect(await el.locator('table tbody').textContent()).toContain('Đông Hà Ward');
    await el.getByRole('button', { name: 'Unit', exact: true }).click();
    await expect.poll(() => el.locator('.bar-label').allTextContents()).toContainEqual(expect.stringContaining('Department of Transport'));
    expect(await el.locator('table tbody').textContent()).toContain('Department of Transport');
    expect(await el.locator('table tbody').textContent()).not.toContain('Sở Giao thông vận tải');
    await el.getByRole('button', { name: 'Topic', exact: true }).click();
    await expect.poll(() => el.locator('.bar-label').allTextContents()).toContainEqual(expect.stringContaining('Roads and traffic'));
    await expectAccessible(stats, 'statistics in English');
    await stats.close();
  });
});
