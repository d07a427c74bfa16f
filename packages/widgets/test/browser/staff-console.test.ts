import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, createClient, getReport, listInboxReports, type PahtClient } from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/browser.js';
import { DEMO_PASSWORD, DEMO_TENANT, openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';

// The staff console in Debian's Chromium against the real server and the
// demo data: the demo IOC operator signs in, finds reports with the
// Vietnamese search (no diacritics typed), classifies and assigns one with
// the keyboard alone, classifies and assigns two at once, takes a caller's
// report with its channel, opens a reporter's contact (audited), sees a new
// report arrive live, and reads it all in English and at phone width.

const TENANT = DEMO_TENANT;
const IOC = { email: 'ioc.quang-tri@example.gov.vn', password: DEMO_PASSWORD };
const MARK = 'Kiểm thử bàn làm việc';
/** The machine may be busy: server round trips get this long. */
const SLOW = { timeout: 30_000 };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, SLOW);

let bench: StaffConsoleBench;
let api: string;
let citizen: PahtClient;
let operator: PahtClient;
let admin: PahtClient;
let page: Page;

const staffClient = async (email: string, password: string): Promise<PahtClient> => (await bench.signIn(email, password)).client;

async function file(title: string): Promise<string> {
  const result = await citizen.submitReport({
    title: `${MARK}: ${title}`,
    description: 'Nội dung phản ánh để kiểm thử bàn làm việc của Trung tâm IOC.',
    address: 'Đường Hùng Vương, Đông Hà',
    reporter: { phone: '0912 345 678', fullName: 'Nguyễn Văn Kiểm' },
  });
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result.id;
}

const statusOf = async (id: string) => {
  const report = await getReport(operator, id);
  if (report.__typename !== 'Report') throw new Error(report.__typename);
  return report;
};

beforeAll(async () => {
  bench = await openStaffConsoleBench({ pageTimeoutMs: 30_000 });
  ({ api, page } = bench);
  citizen = createClient({ endpoint: `${api}/graphql`, tenant: TENANT });
  operator = await staffClient(IOC.email, IOC.password);
  admin = await staffClient('admin.quang-tri@example.gov.vn', IOC.password);
}, 180_000);

afterAll(async () => {
  await bench?.close();
});

const consoleEl = (): Locator => page.locator('paht-staff-console');
const inbox = (): Locator => page.locator('paht-ioc-inbox');
const rows = (): Locator => inbox().locator('li.row');
const dialog = (): Locator => inbox().locator('dialog[open]');

/** Types the search (without diacritics) and waits for exactly `count` rows. */
async function search(text: string, count: number): Promise<void> {
  await inbox().locator('#f-search').fill(text);
  await inbox().locator('#f-search').press('Enter');
  await poll(() => rows().count()).toBe(count);
}

describe('the IOC operator at work', { timeout: 120_000 }, () => {
  const ids: string[] = [];

  it('signs in with the demo password and sees the role, the live connection and the queue', async () => {
    ids.push(await file('đèn đường hỏng'), await file('rác ùn ứ'), await file('cây đổ'));
    await consoleEl().locator('#email').fill(IOC.email);
    await consoleEl().locator('#password').fill(IOC.password);
    await consoleEl().locator('#password').press('Enter');
    await poll(() => consoleEl().locator('.who').textContent()).toContain('Điều phối viên IOC');
    await poll(() => consoleEl().locator('.live').textContent()).toContain('Đang cập nhật trực tiếp');
    await poll(() => rows().count()).toBeGreaterThan(3);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds the reports by the Vietnamese search typed without diacritics, soonest deadline first', async () => {
    // "/" from the list jumps to the search.
    await inbox().locator('#row-0').focus();
    await page.keyboard.press('/');
    await poll(() => inbox().locator('#f-search').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await search('kiem thu ban lam viec', 3);
    const dues = await rows().locator('.due').allTextContents();
    expect(dues.every((d) => d.includes('Hạn'))).toBe(true);
  });

  it('classifies and assigns a report with the keyboard alone', async () => {
    await inbox().locator('#row-0').focus();
    const code = (await rows().nth(0).locator('.code').textContent())!.trim();
    await page.keyboard.press('c');
    await poll(() => dialog().locator('h2').textContent()).toBe('Phân loại phản ánh');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Đúng lĩnh vực');
    await page.keyboard.press('Enter');
    await poll(() => inbox().locator('.notice.ok').textContent()).toContain('Đã xử lý 1/1');
    const classified = (await listInboxReports(operator, { search: code })) as { reports: Array<{ id: string; status: string }> };
    expect(classified.reports[0]!.status).toBe('CLASSIFIED');
    // The keyboard stays on the report (it may have moved in the order): assign it.
    const active = inbox().locator('li.row.active');
    await poll(() => active.locator('.code').textContent()).toBe(code);
    await poll(() => active.locator('.meta').textContent()).toContain('Chờ chuyển đơn vị');
    await active.locator('button.open').focus();
    await page.keyboard.press('a');
    await poll(() => dialog().locator('h2').textContent()).toBe('Chuyển phản ánh cho đơn vị');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => rows().count()).toBe(2);
    const report = await statusOf(classified.reports[0]!.id);
    expect(report.status).toBe('ASSIGNED');
    expect(report.unit).not.toBeNull();
    expect(report.timeline.map((e) => e.type)).toEqual(['SUBMIT', 'CLASSIFY', 'ASSIGN']);
  });

  it('classifies then assigns two reports at once on a selection', async () => {
    await inbox().locator('#row-0').focus();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await poll(() => inbox().locator('.bulk').textContent()).toContain('Đã chọn 2');
    await page.keyboard.press('c');
    await poll(() => dialog().locator('h2').textContent()).toBe('Phân loại 2 phản ánh');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(async () => ((await dialog().count()) ? `dialog: ${await dialog().textContent()}` : await inbox().locator('.notice.ok').textContent())).toContain('Đã xử lý 2/2');
    // The list has reloaded with both classified (live updates), so the selection below is not made on rows about to be redrawn.
    await poll(async () => (await rows().locator('.meta').allTextContents()).filter((t) => t.includes('Chờ chuyển đơn vị')).length).toBe(2);
    await inbox().locator('#row-0').focus();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    // The classifications' live updates may still reload the list: the selection is made once it holds.
    await poll(() => inbox().locator('.bulk').textContent()).toContain('Đã chọn 2');
    await page.keyboard.press('a');
    await poll(() => dialog().locator('h2').textContent()).toBe('Chuyển 2 phản ánh cho đơn vị');
    await dialog().locator('button[type=submit]').click();
    await poll(() => rows().count()).toBe(0);
    const statuses = await Promise.all(ids.map(async (id) => (await statusOf(id)).status));
    expect(statuses).toEqual(['ASSIGNED', 'ASSIGNED', 'ASSIGNED']);
  });

  it('refuses a rejection without a reason, then rejects with one', async () => {
    const id = await file('quảng cáo rao vặt');
    await search('kiem thu ban lam viec', 1);
    await inbox().locator('#row-0').focus();
    await page.keyboard.press('r');
    await poll(() => dialog().locator('h2').textContent()).toBe('Không tiếp nhận phản ánh');
    await dialog().locator('button[type=submit]').click();
    await poll(() => dialog().locator('[role=alert]').textContent()).toContain('Vui lòng nhập giải thích');
    expect((await statusOf(id)).status).toBe('SUBMITTED');
    await dialog().locator('#d-reason').fill('Nội dung quảng cáo, không phải phản ánh.');
    await dialog().locator('button[type=submit]').click();
    await poll(() => rows().count()).toBe(0);
    const report = await statusOf(id);
    expect(report.status).toBe('REJECTED');
    expect(report.timeline.at(-1)!.note).toContain('quảng cáo');
  });

  it('takes a caller’s report from Zalo with the channel recorded', async () => {
    // The list is empty now: the operator's focus is in the inbox itself.
    await inbox().locator('section.inbox').focus();
    await page.keyboard.press('i');
    await poll(() => dialog().locator('h2').textContent()).toBe('Tiếp nhận phản ánh hộ người dân');
    await dialog().getByLabel('Zalo').check();
    await dialog().locator('#i-phone').fill('0987 654 321');
    await dialog().locator('#i-title').fill(`${MARK}: ngập nước qua Zalo`);
    await dialog().locator('#i-description').fill('Người dân nhắn Zalo: đường ngập sâu sau mưa lớn.');
    // Without a place the API refuses it, and the operator reads why.
    await dialog().locator('button[type=submit]').click();
    await poll(() => dialog().locator('[role=alert]').textContent()).toContain('Bắt buộc.');
    await dialog().locator('#i-address').fill('Ngã tư Lê Lợi – Trần Hưng Đạo, Đông Hà');
    await dialog().locator('button[type=submit]').click();
    await poll(async () => (await dialog().locator('#intake-done, [role=alert]').first().textContent()) ?? '').toContain('Đã ghi nhận phản ánh');
    // The caller's number is not in the list, only in the audited contact.
    const text = (await dialog().locator('#intake-done').textContent())!;
    const code = /[A-Z]+-\d{3}-\d{3}-\d{3}/.exec(text)![0];
    await dialog().locator('button').click();
    await poll(() => rows().count()).toBe(1);
    const found = (await listInboxReports(operator, { search: code })) as { reports: Array<{ id: string; channel: string; status: string }> };
    expect(found.reports).toHaveLength(1);
    expect(found.reports[0]).toMatchObject({ channel: 'ZALO', status: 'SUBMITTED' });
  });

  it('shows the reporter’s contact only on demand, and the read is audited', async () => {
    await inbox().locator('#row-0').focus();
    await page.keyboard.press('Enter');
    await poll(() => inbox().locator('#detail-title').textContent()).toContain(MARK);
    expect(await inbox().locator('.detail-pane').textContent()).not.toContain('0987');
    await inbox().getByRole('button', { name: 'Xem liên hệ người phản ánh' }).click();
    await poll(() => dialog().textContent()).toContain('+84987654321');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await poll(() => dialog().count()).toBe(0);
    expect(await inbox().textContent()).not.toContain('+84987654321');
    const log = await auditLog(admin, { first: 5 });
    expect(JSON.stringify(log)).toContain('report.contact.read');
  });

  it('shows a new report as it arrives, without a reload', async () => {
    await file('báo mới trực tiếp');
    await poll(() => rows().count()).toBe(2);
  });

  it('reads in English with the switch, and the shortcuts list opens with ?', async () => {
    await consoleEl().getByRole('button', { name: 'Switch to English' }).click();
    await poll(() => inbox().locator('#inbox-heading').textContent()).toBe('IOC inbox');
    expect(await consoleEl().locator('.live').textContent()).toContain('Live');
    await inbox().locator('#row-0').focus();
    await page.keyboard.press('?');
    await poll(() => dialog().locator('h2').textContent()).toBe('Keyboard shortcuts');
    expect(await dialog().textContent()).toContain('Assign to a unit');
    await page.keyboard.press('Escape');
    await consoleEl().getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });

  it('fits a 375 px phone without horizontal scrolling and with no serious axe violation', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(1440);
  });

  it('signs out: the token is gone and the sign-in form is back', async () => {
    await consoleEl().getByRole('button', { name: 'Đăng xuất' }).click();
    await poll(() => consoleEl().locator('#email').count()).toBe(1);
    expect(await page.locator('paht-ioc-inbox').count()).toBe(0);
  });
});

describe('sign-in refusals', () => {
  it('says the password is wrong without saying which part', async () => {
    await consoleEl().locator('#email').fill(IOC.email);
    await consoleEl().locator('#password').fill('not-the-password');
    await consoleEl().locator('#password').press('Enter');
    await poll(() => consoleEl().locator('[role=alert]').textContent()).toBe('Thư điện tử hoặc mật khẩu không đúng.');
  });
});
