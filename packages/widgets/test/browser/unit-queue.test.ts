import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignReport, classifyReport, createClient, getUnitQueueReport, listCategories, type PahtClient } from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
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
let reportId = '';
let code = '';

const staffClient = (email: string): Promise<{ client: PahtClient; unitId: string | null }> => bench.signIn(email, PASSWORD);

beforeAll(async () => {
  bench = await openStaffConsoleBench();
  ({ api, page } = bench);
  const ioc = (await staffClient('ioc.quang-tri@example.gov.vn')).client;
  const signedOfficer = await staffClient(OFFICER);
  officer = signedOfficer.client;
  const citizen = createClient({ endpoint: `${api}/graphql`, tenant: TENANT });
  const filed = await citizen.submitReport({
    title: 'Kiểm thử hàng đợi: đèn tín hiệu hỏng',
    description: 'Đèn tín hiệu giao thông ở ngã tư không hoạt động từ sáng nay.',
    address: 'Ngã tư Lê Duẩn – Hùng Vương, Đông Hà',
    reporter: { phone: '0912 345 678' },
  });
  if (filed.__typename !== 'SubmitReportSuccess') throw new Error(filed.message);
  reportId = filed.id;
  code = filed.trackingCode;
  const categories = await listCategories(ioc);
  const classified = await classifyReport(ioc, { id: reportId, categoryId: categories[0]!.id });
  const assigned = await assignReport(ioc, { id: reportId, unitId: signedOfficer.unitId! });
  if (classified.__typename !== 'ReportTransition' || assigned.__typename !== 'ReportTransition') throw new Error('could not assign');
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

async function signInAndOpen(email: string): Promise<void> {
  await consoleEl().locator('#email').fill(email);
  await consoleEl().locator('#password').fill(PASSWORD);
  await consoleEl().locator('#password').press('Enter');
  await poll(() => queue().locator(`li[data-code="${code}"]`).count()).toBe(1);
  await queue().locator(`li[data-code="${code}"] button`).click();
  await poll(() => queue().locator('#detail-title').textContent()).toContain(code);
}

async function step(name: string): Promise<void> {
  await queue().getByRole('button', { name, exact: true }).click();
}

/**
 * Opens a step's dialog. A live reload (the queue re-reads itself on every
 * change of its reports) may re-render the detail as the click lands; the
 * dialog is then asked for again until it is open.
 */
async function openDialog(name: string): Promise<void> {
  await poll(async () => {
    if ((await dialog().count()) === 0) await step(name);
    return dialog().count();
  }).toBe(1);
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
    // The queue shows the started report (its reload after the step has rendered).
    await poll(() => queue().getByRole('button', { name: 'Bắt đầu xử lý', exact: true }).count()).toBe(0);
    await openDialog('Xin gia hạn');
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
    await openDialog('Trả lời (chờ duyệt)');
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
  });
});
