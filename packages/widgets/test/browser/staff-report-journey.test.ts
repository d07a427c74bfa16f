import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffAccount, listUnits, updateTenantSettings, type PahtClient } from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { portalPage, seriousViolations } from './support/browser.js';
import { DEMO_PASSWORD, DEMO_TENANT, openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';
import { startStaticServer } from './support/static-server.js';

// One report's whole journey in Debian's Chromium, against the real server
// (PostgreSQL, HTTP and WebSocket) and the demo data, through the pages alone:
// a citizen files it with <paht-report-form>; the IOC operator classifies it
// and assigns it to the Department of Health in <paht-ioc-inbox>; the
// department's officer accepts it and forwards it to its Food Safety
// Sub-Department in <paht-unit-queue>; there, the officer asks for an
// extension, which the sub-department's leader approves, then drafts the
// answer, which the leader approves; the leader's <paht-leader-overview>
// counts it among the answered; and the citizen's <paht-report-tracker> shows
// the answer and every hop, each unit named. The test code only reads (to
// assert) and sets up what is not part of the journey: the sub-units' staff
// accounts and the tenant's `workflow.answerApproval` (the admin console has
// no control for it).

const MARK = 'Hành trình phản ánh';
const TITLE = `${MARK}: thực phẩm ôi thiu ở bếp ăn tập thể`;
const ANSWER = 'Đoàn kiểm tra đã lấy mẫu, xử phạt cơ sở và buộc tiêu hủy số thực phẩm không bảo đảm an toàn.';
const IOC = 'ioc.quang-tri@example.gov.vn';
const HEALTH_OFFICER = 'chuyenvien.syt.hanh-trinh@example.gov.vn';
const FOOD_OFFICER = 'chuyenvien.attp.hanh-trinh@example.gov.vn';
const FOOD_LEADER = 'truongphong.attp.hanh-trinh@example.gov.vn';
const HEALTH = 'Sở Y tế';
const FOOD_SAFETY = 'Chi cục An toàn vệ sinh thực phẩm';
/** The machine may be busy: server round trips get this long. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

let bench: StaffConsoleBench;
let page: Page;
let citizenPage: Page;
let site: Awaited<ReturnType<typeof startStaticServer>>;
let admin: PahtClient;
const filed = { code: '', secret: '' };

beforeAll(async () => {
  bench = await openStaffConsoleBench({ pageTimeoutMs: 30_000 });
  page = bench.page;
  admin = (await bench.signIn('admin.quang-tri@example.gov.vn')).client;
  // Setup, not the journey: staff accounts for the department and its sub-department, and answers approved by the unit leader.
  const units = await listUnits(admin);
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  for (const [email, role, unit] of [
    [HEALTH_OFFICER, 'UNIT_OFFICER', HEALTH],
    [FOOD_OFFICER, 'UNIT_OFFICER', FOOD_SAFETY],
    [FOOD_LEADER, 'UNIT_LEADER', FOOD_SAFETY],
  ] as const) {
    const created = await createStaffAccount(admin, { input: { email, fullName: email.split('@')[0]!, role, unitId: unitId(unit), password: DEMO_PASSWORD } });
    if (created.__typename !== 'StaffAccount') throw new Error(`${email}: ${created.__typename}`);
  }
  const settings = await updateTenantSettings(admin, { workflow: { answerApproval: true } });
  if (settings.__typename !== 'TenantSettings') throw new Error(settings.__typename);

  const widget = (tag: string) => `<${tag} endpoint="${bench.api}/graphql" tenant="${DEMO_TENANT}"></${tag}>`;
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: await bundleWidgets({ minify: false }) },
    '/form.html': { type: 'text/html', body: portalPage('Gửi phản ánh', widget('paht-report-form')) },
    '/tracker.html': { type: 'text/html', body: portalPage('Tra cứu phản ánh', widget('paht-report-tracker')) },
  });
  citizenPage = await page.context().newPage();
  citizenPage.on('pageerror', (error) => console.error('citizen page error:', error.message));
}, 180_000);

afterAll(async () => {
  await bench?.close();
  await site?.close();
});

const consoleEl = (): Locator => page.locator('paht-staff-console');
const inbox = (): Locator => page.locator('paht-ioc-inbox');
const queue = (): Locator => page.locator('paht-unit-queue');
const overview = (): Locator => page.locator('paht-leader-overview');
const dialogIn = (host: Locator): Locator => host.locator('dialog[open]');
const queueRow = (): Locator => queue().locator(`li[data-code="${filed.code}"]`);

async function signIn(email: string): Promise<void> {
  await consoleEl().locator('#email').fill(email);
  await consoleEl().locator('#password').fill(DEMO_PASSWORD);
  await consoleEl().locator('#password').press('Enter');
  await poll(() => consoleEl().locator('.live').textContent()).toContain('Đang cập nhật trực tiếp');
}

async function signOut(): Promise<void> {
  await consoleEl().getByRole('button', { name: 'Đăng xuất' }).click();
  await poll(() => consoleEl().locator('#email').count()).toBe(1);
}

/** Opens the journey's report in the unit queue. */
async function openInQueue(): Promise<void> {
  await poll(() => queueRow().count()).toBe(1);
  await queueRow().locator('button').click();
  await poll(() => queue().locator('#detail-title').textContent()).toContain(filed.code);
}

async function step(name: string): Promise<void> {
  await queue().locator('article').getByRole('button', { name, exact: true }).click();
}

const detail = () => queue().locator('article').textContent();
const timelineText = () => queue().locator('ol.timeline').textContent();

/** The "answered" figure of a unit's row in the leader overview. */
async function answeredBy(unit: string): Promise<number> {
  const table = overview().locator('table');
  const column = (await table.locator('thead th').allTextContents()).findIndex((t) => t.trim() === 'Đã trả lời');
  const row = table.locator('tbody tr').filter({ has: page.locator('th', { hasText: unit }) });
  if (column < 0 || (await row.count()) === 0) return -1;
  return Number((await row.locator('th, td').nth(column).textContent())!.trim().split(/\s/)[0]!.replace(/\D/g, ''));
}

describe('one report from the citizen through the IOC and two units, and back', { timeout: 120_000 }, () => {
  it('is filed by a citizen with the report form', async () => {
    await citizenPage.goto(`${site.url}/form.html`);
    const form = citizenPage.locator('paht-report-form');
    await poll(() => form.locator('#category option').count()).toBeGreaterThan(1);
    await form.locator('#title').fill(TITLE);
    await form.locator('#description').fill('Bếp ăn tập thể của công ty may dùng thịt ôi thiu, nhiều công nhân bị đau bụng sau bữa trưa.');
    await form.locator('#address').fill('Khu công nghiệp Nam Đông Hà, Đông Hà');
    await form.locator('#phone').fill('0912 345 678');
    await form.locator('input[type=checkbox]').check();
    await form.locator('button[type=submit]').click();
    await poll(() => form.locator('#done-heading').textContent()).toBe('Đã gửi phản ánh');
    filed.code = (await form.locator('#tracking-code').innerText()).replace(/\s/g, '');
    filed.secret = (await form.locator('#secret .group').allInnerTexts()).join('');
    expect(filed.code).toMatch(/^QT-\d{3}-\d{3}-\d{3}$/);
  });

  it('is classified and assigned to the Department of Health by the IOC operator', async () => {
    await signIn(IOC);
    const rows = inbox().locator('li.row');
    await inbox().locator('#f-search').fill(filed.code);
    await inbox().locator('#f-search').press('Enter');
    await poll(() => rows.count()).toBe(1);
    await poll(() => rows.nth(0).locator('.code').textContent()).toBe(filed.code);
    await inbox().locator('#row-0').focus();
    await page.keyboard.press('c');
    await poll(() => dialogIn(inbox()).locator('h2').textContent()).toBe('Phân loại phản ánh');
    await dialogIn(inbox()).locator('#d-category').selectOption({ label: 'An toàn thực phẩm' });
    await dialogIn(inbox()).locator('button[type=submit]').click();
    await poll(() => inbox().locator('.notice.ok').textContent()).toContain('Đã xử lý 1/1');
    const active = inbox().locator('li.row.active');
    await poll(() => active.locator('.meta').textContent()).toContain('Chờ chuyển đơn vị');
    await active.locator('button.open').focus();
    await page.keyboard.press('a');
    await poll(() => dialogIn(inbox()).locator('h2').textContent()).toBe('Chuyển phản ánh cho đơn vị');
    await dialogIn(inbox()).locator('#d-unit').selectOption({ label: HEALTH });
    await dialogIn(inbox()).locator('#d-note').press('Enter');
    // Assigned, it leaves the operator's inbox.
    await poll(() => rows.count()).toBe(0);
    await signOut();
  });

  it('is accepted by the department and forwarded to its sub-department', async () => {
    await signIn(HEALTH_OFFICER);
    await openInQueue();
    await poll(timelineText).toContain(`chuyển đến ${HEALTH}`);
    await step('Tiếp nhận');
    await poll(() => queue().locator('.notice.ok').textContent()).toContain('Đã xử lý');
    await poll(() => queue().locator('article .meta').first().textContent()).toContain('Đơn vị đã nhận');
    await step('Chuyển đơn vị cấp dưới');
    const dialog = dialogIn(queue());
    await dialog.locator('#q-unit').selectOption({ label: FOOD_SAFETY });
    await dialog.locator('#q-reason').fill('Thuộc thẩm quyền kiểm tra của Chi cục.');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    // The sub-department holds it now: it leaves the department's queue.
    await poll(() => queueRow().count()).toBe(0);
    await signOut();
  });

  it('gets an extension: the sub-department’s officer asks, its leader approves', async () => {
    await signIn(FOOD_OFFICER);
    await openInQueue();
    expect(await detail()).toContain(`Được chuyển từ ${HEALTH}`);
    await poll(timelineText).toContain(`bởi ${HEALTH} · chuyển đến ${FOOD_SAFETY}`);
    await step('Tiếp nhận');
    await poll(() => queue().locator('article').getByRole('button', { name: 'Bắt đầu xử lý', exact: true }).count()).toBe(1);
    await step('Bắt đầu xử lý');
    await poll(() => queue().locator('article .meta').first().textContent()).toContain('Đang xử lý');
    await step('Xin gia hạn');
    const dialog = dialogIn(queue());
    await dialog.locator('#q-hours').fill('16');
    await dialog.locator('#q-reason').fill('Chờ kết quả xét nghiệm mẫu thực phẩm.');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await poll(detail).toContain('Đang xin gia hạn thêm 16 giờ: Chờ kết quả xét nghiệm mẫu thực phẩm.');
    // An officer cannot approve their own request.
    expect(await queue().locator('article').getByRole('button', { name: 'Duyệt gia hạn', exact: true }).count()).toBe(0);
    await signOut();

    await signIn(FOOD_LEADER);
    await openInQueue();
    await step('Duyệt gia hạn');
    await poll(() => queue().locator('.notice.ok').textContent()).toContain('Đã xử lý');
    await poll(async () => (await detail())?.includes('Đang xin gia hạn')).toBe(false);
    await poll(timelineText).toContain('Chờ kết quả xét nghiệm mẫu thực phẩm.');
    await signOut();
  });

  it('is answered by the officer, and resolved when the leader approves the answer', async () => {
    await signIn(FOOD_OFFICER);
    await openInQueue();
    // The tenant requires the leader's approval: the officer only drafts.
    await step('Trả lời (chờ duyệt)');
    const dialog = dialogIn(queue());
    await dialog.locator('#q-answer').fill(ANSWER);
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await poll(detail).toContain('Dự thảo trả lời chờ lãnh đạo duyệt');
    expect(await queue().locator('article').getByRole('button', { name: 'Duyệt trả lời', exact: true }).count()).toBe(0);
    await signOut();

    await signIn(FOOD_LEADER);
    await poll(() => answeredBy(FOOD_SAFETY)).toBeGreaterThanOrEqual(0);
    const answeredBefore = await answeredBy(FOOD_SAFETY);
    await openInQueue();
    expect(await detail()).toContain(ANSWER);
    await step('Duyệt trả lời');
    await poll(() => queue().locator('.notice.ok').textContent()).toContain('Đã xử lý');
    // Answered, it waits for the IOC to publish the answer, with nothing left for the unit to do; the leader's overview counts it.
    await poll(() => queueRow().locator('.meta').textContent()).toContain('Chờ công khai kết quả');
    await poll(() => queue().locator('article .actions').count()).toBe(0);
    await poll(() => answeredBy(FOOD_SAFETY)).toBe(answeredBefore + 1);
    expect(await seriousViolations(page)).toEqual([]);
    await signOut();
  });

  it('shows the citizen the answer and every hop on the tracker, units named', async () => {
    await citizenPage.goto(`${site.url}/tracker.html`);
    const tracker = citizenPage.locator('paht-report-tracker');
    await tracker.locator('#code').fill(filed.code);
    await tracker.locator('#secret').fill(filed.secret);
    await tracker.locator('#secret').press('Enter');
    await poll(() => tracker.locator('.status').textContent()).toBe('Đã xử lý xong');
    expect(await tracker.locator('.answer').textContent()).toContain(ANSWER);
    expect(await tracker.locator('dl').textContent()).toContain(FOOD_SAFETY);
    const steps = await tracker.locator('ol[part=timeline] > li').allInnerTexts();
    const line = (type: string) => steps.find((s) => s.includes(type)) ?? '';
    expect(line('Chuyển đơn vị xử lý')).toContain(HEALTH);
    expect(line('Chuyển đơn vị cấp dưới xử lý')).toContain(FOOD_SAFETY);
    expect(line('Gia hạn thời gian xử lý')).toContain('Chờ kết quả xét nghiệm mẫu thực phẩm.');
    expect(await seriousViolations(citizenPage)).toEqual([]);
  });
});
