import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptReport, assignReport, auditLog, classifyReport, createClient, getUnitQueueReport, listCategories, type PahtClient } from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { portalPage, seriousViolations } from './support/browser.js';
import { makePng } from './support/png.js';
import { DEMO_NOW, DEMO_PASSWORD, DEMO_TENANT, openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';
import { openStaffStories, type StaffStoryHarness } from './support/staff-story-harness.js';
import { startStaticServer } from './support/static-server.js';

// A contractor without an account answers one report through a unit's
// signed, expiring link, in Debian's Chromium against the real server and
// the demo data: the unit officer creates the link in <paht-unit-queue>
// (shown once, with its expiry, copied), the contractor opens it in
// <paht-answer-link> (the report without the reporter's contact), answers
// with a photo once, and the unit's queue shows the draft for the leader.
// A tampered link or one for another report is refused. Setup through the
// SDK: the report filed, classified, assigned and accepted.

const OFFICER = 'chuyenvien.quang-tri@example.gov.vn';
const ANSWER = 'Nhà thầu đã thay bộ điều khiển đèn tín hiệu lúc 15 giờ, đèn hoạt động bình thường.';
const REPORTER = { phone: '0912 345 678', fullName: 'Lê Thị Liên Kết' };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

let bench: StaffConsoleBench;
let page: Page;
let contractor: Page;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let officer: PahtClient;
let admin: PahtClient;
let reportId = '';
let otherId = '';
let code = '';
let link = '';

async function fileAndAccept(title: string): Promise<{ id: string; trackingCode: string }> {
  const citizen = createClient({ endpoint: `${bench.api}/graphql`, tenant: DEMO_TENANT });
  const filed = await citizen.submitReport({
    title,
    description: 'Đèn tín hiệu giao thông ở ngã tư không hoạt động từ sáng nay, xe cộ đi lại lộn xộn.',
    address: 'Ngã tư Lê Duẩn – Hùng Vương, Đông Hà',
    reporter: REPORTER,
  });
  if (filed.__typename !== 'SubmitReportSuccess') throw new Error(filed.message);
  const ioc = (await bench.signIn('ioc.quang-tri@example.gov.vn')).client;
  const categories = await listCategories(ioc);
  const unitId = (await bench.signIn(OFFICER)).unitId!;
  for (const step of [
    () => classifyReport(ioc, { id: filed.id, categoryId: categories[0]!.id }),
    () => assignReport(ioc, { id: filed.id, unitId }),
    () => acceptReport(officer, { id: filed.id }),
  ]) {
    const result = await step();
    if (result.__typename !== 'ReportTransition') throw new Error(result.__typename);
  }
  return { id: filed.id, trackingCode: filed.trackingCode };
}

beforeAll(async () => {
  bench = await openStaffConsoleBench({ pageTimeoutMs: 30_000 });
  page = bench.page;
  officer = (await bench.signIn(OFFICER)).client;
  admin = (await bench.signIn('admin.quang-tri@example.gov.vn')).client;
  const filed = await fileAndAccept('Liên kết trả lời: đèn tín hiệu hỏng');
  reportId = filed.id;
  code = filed.trackingCode;
  otherId = (await fileAndAccept('Liên kết trả lời: biển báo bị đổ')).id;
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: await bundleWidgets({ minify: false }) },
    '/answer.html': { type: 'text/html', body: portalPage('Trả lời phản ánh', `<paht-answer-link endpoint="${bench.api}/graphql" tenant="${DEMO_TENANT}"></paht-answer-link>`) },
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  contractor = await page.context().newPage();
  contractor.on('pageerror', (error) => console.error('contractor page error:', error.message));
}, 180_000);

afterAll(async () => {
  await bench?.close();
  await site?.close();
});

const consoleEl = (): Locator => page.locator('paht-staff-console');
const queue = (): Locator => page.locator('paht-unit-queue');
const dialog = (): Locator => queue().locator('dialog[open]');
const answerLink = (): Locator => contractor.locator('paht-answer-link');

describe('an answer link', { timeout: 120_000 }, () => {
  it('is created by the unit officer in the queue, shown once with its expiry, and copied', async () => {
    await consoleEl().locator('#email').fill(OFFICER);
    await consoleEl().locator('#password').fill(DEMO_PASSWORD);
    await consoleEl().locator('#password').press('Enter');
    await poll(() => queue().locator(`li[data-code="${code}"]`).count()).toBe(1);
    await queue().locator(`li[data-code="${code}"] button`).click();
    await poll(() => queue().locator('#detail-title').textContent()).toContain(code);
    await queue().locator('article').getByRole('button', { name: 'Liên kết trả lời cho nhà thầu, xã' }).click();
    await poll(() => dialog().locator('h2').textContent()).toBe('Liên kết trả lời cho nhà thầu, xã');
    await dialog().locator('#q-days').selectOption({ label: '3 ngày' });
    await dialog().getByRole('button', { name: 'Tạo liên kết' }).click();
    await poll(() => dialog().locator('#q-link').inputValue()).toContain('#report=');
    link = await dialog().locator('#q-link').inputValue();
    // Valid three days from the server's clock; the page says until when.
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
    const [linkReport, , expires] = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as [string, string, number];
    expect(linkReport).toBe(reportId);
    expect(expires * 1000).toBe(DEMO_NOW.getTime() + 72 * 3_600_000);
    expect(await dialog().locator('#q-link-expiry').textContent()).toMatch(/^Hết hạn lúc .*30.*11.*2026\.$/);
    expect(await dialog().textContent()).toContain('Liên kết chỉ hiện một lần');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Sao chép' }).click();
    await poll(() => dialog().locator('[role=status]').textContent()).toBe('Đã sao chép.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // Closed, the link is gone from the page; the creation is audited, without the token.
    await dialog().getByRole('button', { name: 'Đóng' }).click();
    await poll(() => dialog().count()).toBe(0);
    expect(await queue().evaluate((el) => el.shadowRoot!.innerHTML)).not.toContain(token);
    const log = JSON.stringify(await auditLog(admin, { first: 5 }));
    expect(log).toContain('report.answer-link');
    expect(log).not.toContain(token);
  });

  it('opens the report for the contractor, without the reporter’s contact, and answers once with a photo', async () => {
    await openContractorPage(new URL(link).hash);
    await poll(() => answerLink().locator('#report-title').textContent()).toBe('Liên kết trả lời: đèn tín hiệu hỏng');
    const text = (await answerLink().locator('section').textContent())!;
    expect(text).toContain(code);
    expect(text).toMatch(/Liên kết hết hạn lúc .*30.*11.*2026/);
    expect(text).not.toContain(REPORTER.fullName);
    expect(text).not.toContain('345 678');
    expect(await seriousViolations(contractor)).toEqual([]);
    // Nothing written: the answer is required.
    await answerLink().getByRole('button', { name: 'Gửi kết quả' }).click();
    await poll(() => answerLink().locator('[role=alert]').textContent()).toBe('Vui lòng nhập kết quả xử lý.');
    expect((await report()).pendingAnswer).toBeNull();
    await answerLink().locator('#answer').fill(ANSWER);
    await answerLink().locator('#photos').setInputFiles({ name: 'ket-qua.png', mimeType: 'image/png', buffer: makePng() });
    await answerLink().getByRole('button', { name: 'Gửi kết quả' }).click();
    await poll(() => answerLink().locator('#sent').textContent()).toContain('Đã gửi kết quả xử lý');
    // Opened again, the link shows the report but answers no more.
    await contractor.reload();
    await poll(() => answerLink().locator('[role=status]').textContent()).toContain('Liên kết này đã được dùng để trả lời');
    expect(await answerLink().locator('#answer').count()).toBe(0);
  });

  it('puts the answer in the unit’s queue as a draft for the leader', async () => {
    await poll(() => queue().locator('article').textContent()).toContain('Dự thảo trả lời chờ lãnh đạo duyệt');
    expect(await queue().locator('article').textContent()).toContain(ANSWER);
    const r = await report();
    expect(r.pendingAnswer).toMatchObject({ answer: ANSWER, throughLink: true });
    expect(r.attachments.length).toBeGreaterThan(0);
  });

  it('is refused tampered with, or for another report, in the contractor’s words', async () => {
    const hash = new URLSearchParams(new URL(link).hash.slice(1));
    const token = hash.get('token')!;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    await openContractorPage(`#report=${reportId}&token=${tampered}`);
    await poll(() => answerLink().locator('[role=alert]').textContent()).toBe('Liên kết không hợp lệ. Vui lòng mở đúng liên kết đơn vị đã gửi.');
    await openContractorPage(`#report=${otherId}&token=${token}`);
    await poll(() => answerLink().locator('[role=alert]').textContent()).toBe('Liên kết này không dành cho phản ánh này.');
    await openContractorPage('');
    await poll(() => answerLink().locator('[role=alert]').textContent()).toContain('Liên kết không đầy đủ');
    expect((await report(otherId)).pendingAnswer).toBeNull();
  });
});

/** Opens the contractor's page at a fragment (a new document each time: the widget reads the fragment when it starts). */
async function openContractorPage(hash: string): Promise<void> {
  await contractor.goto('about:blank');
  await contractor.goto(`${site.url}/answer.html${hash}`);
}

async function report(id = reportId) {
  const r = await getUnitQueueReport(officer, id);
  if (r.__typename !== 'Report') throw new Error(r.__typename);
  return r;
}

describe('every <paht-answer-link> story in Chromium', () => {
  let stories: StaffStoryHarness;
  beforeAll(async () => {
    stories = await openStaffStories(['answer-link/answer-link.stories.ts'], 'paht-answer-link');
  }, 120_000);
  afterAll(async () => {
    await stories?.close();
  });
  for (const width of [1280, 375]) {
    it(`renders each state with no serious or critical axe-core violation at ${width} px`, async () => {
      expect(await stories.checkEveryStory(width, 10)).toEqual({});
    }, 120_000);
  }
});
