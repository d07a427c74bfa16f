import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptReport, assignReport, classifyReport, createClient, getUnitQueueReport, listCategories, requestInfo, startReport, type PahtClient } from '@paht/client-sdk';
import type { Locator, Page, Route } from 'playwright-core';
import { seriousViolations } from './support/browser.js';
import { makePng } from './support/png.js';
import { DEMO_PASSWORD, DEMO_TENANT, openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';

// The unit queue in Debian's Chromium against the real server and the demo
// data: a report the IOC assigned to the demo department is accepted and
// started by its officer, who asks for an extension; the unit leader
// approves it; the officer answers with a photo; the unit leader approves
// the answer and the report is resolved. Each step is read back through the
// SDK.

const TENANT = DEMO_TENANT;
const PASSWORD = DEMO_PASSWORD;
const OFFICER = 'chuyenvien.quang-tri@example.gov.vn';
const UNIT_LEADER = 'truongphong.quang-tri@example.gov.vn';

let bench: StaffConsoleBench;
let api: string;
let page: Page;
let officer: PahtClient;
let leader: PahtClient;
let reportId = '';
let code = '';
/** Two more reports of the officer's unit, for the live refreshes (see the second `describe`). */
let live: { id: string; code: string };
let other: { id: string; code: string };

const staffClient = (email: string): Promise<{ client: PahtClient; unitId: string | null }> => bench.signIn(email, PASSWORD);

beforeAll(async () => {
  bench = await openStaffConsoleBench();
  ({ api, page } = bench);
  const ioc = (await staffClient('ioc.quang-tri@example.gov.vn')).client;
  const signedOfficer = await staffClient(OFFICER);
  officer = signedOfficer.client;
  leader = (await staffClient(UNIT_LEADER)).client;
  const citizen = createClient({ endpoint: `${api}/graphql`, tenant: TENANT });
  const categories = await listCategories(ioc);
  const fileAssigned = async (title: string): Promise<{ id: string; code: string }> => {
    const filed = await citizen.submitReport({
      title,
      description: 'Đèn tín hiệu giao thông ở ngã tư không hoạt động từ sáng nay.',
      address: 'Ngã tư Lê Duẩn – Hùng Vương, Đông Hà',
      reporter: { phone: '0912 345 678' },
    });
    if (filed.__typename !== 'SubmitReportSuccess') throw new Error(filed.message);
    const classified = await classifyReport(ioc, { id: filed.id, categoryId: categories[0]!.id });
    const assigned = await assignReport(ioc, { id: filed.id, unitId: signedOfficer.unitId! });
    if (classified.__typename !== 'ReportTransition' || assigned.__typename !== 'ReportTransition') throw new Error('could not assign');
    return { id: filed.id, code: filed.trackingCode };
  };
  ({ id: reportId, code } = await fileAssigned('Kiểm thử hàng đợi: đèn tín hiệu hỏng'));
  live = await fileAssigned('Kiểm thử hàng đợi: cập nhật trực tiếp');
  other = await fileAssigned('Kiểm thử hàng đợi: phản ánh khác');
}, 180_000);

afterAll(async () => {
  await bench?.close();
});

const consoleEl = (): Locator => page.locator('paht-staff-console');
const queue = (): Locator => page.locator('paht-unit-queue');
const dialog = (): Locator => queue().locator('dialog[open]');
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });

async function report() {
  const r = await getUnitQueueReport(officer, reportId);
  if (r.__typename !== 'Report') throw new Error(r.__typename);
  return r;
}

async function signInAndOpen(email: string, which = code): Promise<void> {
  await consoleEl().locator('#email').fill(email);
  await consoleEl().locator('#password').fill(PASSWORD);
  await consoleEl().locator('#password').press('Enter');
  await openReport(which);
}

async function openReport(which: string): Promise<void> {
  await poll(() => queue().locator(`li[data-code="${which}"]`).count()).toBe(1);
  await queue().locator(`li[data-code="${which}"] button`).click();
  await poll(() => queue().locator('#detail-title').textContent()).toContain(which);
}

async function step(name: string): Promise<void> {
  await queue().getByRole('button', { name, exact: true }).click();
}

/** Closes the open dialog, if any (Escape). */
async function closeDialog(): Promise<void> {
  if (await dialog().count()) await page.keyboard.press('Escape');
  await poll(() => dialog().count()).toBe(0);
}

async function handled(): Promise<void> {
  await poll(() => queue().locator('.notice.ok').textContent()).toContain('Đã xử lý');
}

const signOut = () => consoleEl().getByRole('button', { name: 'Đăng xuất' }).click();

describe('a report through the unit queue', () => {
  it('is accepted and started by the unit officer, who asks for an extension', async () => {
    await signInAndOpen(OFFICER);
    expect(await seriousViolations(page)).toEqual([]);
    await step('Tiếp nhận');
    await handled();
    await poll(async () => (await report()).status).toBe('ACCEPTED');
    await step('Bắt đầu xử lý');
    await poll(async () => (await report()).status).toBe('IN_PROGRESS');
    await step('Xin gia hạn');
    await dialog().locator('#q-hours').fill('16');
    await dialog().locator('#q-reason').fill('Chờ nhà thầu thay bộ điều khiển.');
    await dialog().getByRole('button', { name: 'Gửi' }).click();
    await poll(async () => (await report()).pendingExtension?.extensionMinutes).toBe(960);
    await poll(() => queue().locator('article').textContent()).toContain('Đang xin gia hạn thêm 16 giờ');
    await signOut();
  });

  it('has its extension approved by the unit leader, seen on the timeline', async () => {
    await signInAndOpen(UNIT_LEADER);
    await step('Duyệt gia hạn');
    await handled();
    await poll(async () => (await report()).pendingExtension).toBeNull();
    expect((await report()).timeline.some((e) => e.type === 'EXTEND')).toBe(true);
    await signOut();
  });

  it('is answered by the officer with a photo, and resolved when the unit leader approves', async () => {
    await signInAndOpen(OFFICER);
    await step('Trả lời (chờ duyệt)');
    await dialog().locator('#q-answer').fill('Đã thay bộ điều khiển, đèn hoạt động bình thường.');
    await dialog().locator('#q-photos').setInputFiles({ name: 'ket-qua.png', mimeType: 'image/png', buffer: makePng() });
    await dialog().getByRole('button', { name: 'Gửi' }).click();
    await poll(async () => (await report()).pendingAnswer?.answer).toBe('Đã thay bộ điều khiển, đèn hoạt động bình thường.');
    await signOut();

    await signInAndOpen(UNIT_LEADER);
    await poll(() => queue().locator('article').textContent()).toContain('Dự thảo trả lời chờ lãnh đạo duyệt');
    await step('Duyệt trả lời');
    await handled();
    await poll(async () => (await report()).status).toBe('RESOLVED');
    const resolved = await report();
    expect(resolved.answer).toBe('Đã thay bộ điều khiển, đèn hoạt động bình thường.');
    expect(resolved.attachments.length).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await signOut();
  });
});

// Another member of the unit takes a step while the officer has the report
// open: the session's live feed makes the queue read the report again and
// re-render it under the officer's hands (issue #12).
describe('the unit queue under a live refresh', () => {
  const action = (a: string): Locator => queue().locator(`button[data-action="${a}"]`);

  it('keeps the button the officer is on meaning the same step when the steps offered change', async () => {
    expect((await acceptReport(officer, { id: live.id })).__typename).toBe('ReportTransition');
    await signInAndOpen(OFFICER, live.code);
    await poll(() => consoleEl().locator('.live.live-connected').count()).toBe(1);
    await poll(() => action('START').count()).toBe(1);
    // The officer is on "Xin gia hạn" (the keyboard's focus; a pointer's press lands on the same element).
    await queue().getByRole('button', { name: 'Xin gia hạn', exact: true }).focus();
    expect((await startReport(leader, { id: live.id })).__typename).toBe('ReportTransition');
    // The live refresh has rendered the started report: "Bắt đầu xử lý" is gone, the steps after it moved up.
    await poll(() => action('START').count()).toBe(0);
    await page.keyboard.press('Enter');
    await poll(() => dialog().locator('#dialog-title').textContent()).toBe('Xin gia hạn');
    expect(await dialog().locator('#q-hours').count()).toBe(1);
  });

  it('keeps an open dialog and what the officer typed in it through a live refresh', async () => {
    if ((await dialog().locator('#q-hours').count()) === 0) {
      await closeDialog();
      await step('Xin gia hạn');
    }
    const open = await dialog().elementHandle();
    await dialog().locator('#q-hours').fill('16');
    await dialog().locator('#q-reason').fill('Chờ vật tư thay thế.');
    // The leader asks the citizen: the report waits, most steps go away behind the dialog.
    expect((await requestInfo(leader, { id: live.id, reason: 'Xin ảnh chụp rõ hơn.' })).__typename).toBe('ReportTransition');
    await poll(() => action('ASK').count()).toBe(0);
    expect(await open.evaluate((d) => d.isConnected && d.hasAttribute('open'))).toBe(true);
    expect(await dialog().locator('#q-hours').inputValue()).toBe('16');
    expect(await dialog().locator('#q-reason').inputValue()).toBe('Chờ vật tư thay thế.');
    await dialog().getByRole('button', { name: 'Gửi' }).click();
    await poll(async () => (await getUnitQueueReport(officer, live.id).then((r) => (r.__typename === 'Report' ? r.pendingExtension?.extensionMinutes : null)))).toBe(960);
    expect(await dialog().count()).toBe(0);
  });

  it('shows the report the officer opened last, not one whose refresh answered later', async () => {
    await closeDialog();
    await poll(() => queue().locator('#detail-title').textContent()).toContain(live.code);
    // The quiet refresh of the open report (after "Tải lại") answers only after the officer has opened another one.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    const hold = async (route: Route) => {
      const body = route.request().postDataJSON() as { query?: string; variables?: { id?: string } } | null;
      if (!body?.query?.includes('query UnitQueueReport(') || body.variables?.id !== live.id) return route.fallback();
      const response = await route.fetch();
      held();
      await released;
      await route.fulfill({ response });
    };
    await page.route('**/graphql', hold);
    try {
      await queue().getByRole('button', { name: 'Tải lại', exact: true }).click();
      await holding;
      await openReport(other.code);
      const answered = page.waitForEvent('requestfinished', (r) => (r.postData() ?? '').includes(live.id));
      release();
      await answered;
      // Whatever the late answer does to the page is done once the page has handled its response.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      await queue().evaluate((el) => (el as unknown as { updateComplete: Promise<boolean> }).updateComplete);
      expect(await queue().locator('#detail-title').textContent()).toContain(other.code);
      expect(await queue().locator('li.open').getAttribute('data-code')).toBe(other.code);
    } finally {
      await page.unroute('**/graphql', hold);
    }
  });

  it('keeps a dialog the officer opens right after closing another', async () => {
    await closeDialog();
    await openReport(other.code);
    // Cancel, then at once the same step again: both before the page runs the tasks it queued meanwhile
    // (a quick hand on a busy page), so the closed dialog's `close` event comes after the new one opened.
    const stillOpen = await queue().evaluate(async (el) => {
      const root = el.shadowRoot!;
      const rendered = () => (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
      const returnIt = () => root.querySelector<HTMLButtonElement>('button[data-action="RETURN"]')!.click();
      returnIt();
      await rendered();
      root.querySelector<HTMLButtonElement>('dialog[open] button.secondary')!.click();
      await rendered();
      returnIt();
      await rendered();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return root.querySelector<HTMLDialogElement>('#dialog')!.open;
    });
    expect(stillOpen).toBe(true);
    expect(await dialog().locator('#q-reason').count()).toBe(1);
    await closeDialog();
    await signOut();
  });
});
