import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyReport,
  createClient,
  getReport,
  intakeReport,
  listInboxReports,
  listStaffCategories,
  nearbyReports,
  rejectReport,
  suggestClassification,
  type Category,
  type PahtClient,
  type SubmitReportInput,
} from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
import { bundleWidgets } from '../../scripts/bundle.mjs';
import { portalPage, seriousViolations } from './support/browser.js';
import { DEMO_PASSWORD, DEMO_TENANT, openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';
import { startStaticServer } from './support/static-server.js';

// The IOC inbox's triage help and the citizen form's "me too" in Debian's
// Chromium against the real server and the demo data: a new report's
// suggested category and unit (the API's own) with its confidence, accepted
// with one key; a possible duplicate beside the open report, merged, the
// original then counting two people affected; the channel filter applied by
// the server and private categories in the staff list; and the citizen form
// offering a nearby report of the same topic to join instead of a duplicate.

const SLOW = { timeout: 30_000 };
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, SLOW);
/** A place in Đông Hà the reports of these tests share (the form's map opens there). */
const PLACE = { latitude: 16.8171, longitude: 107.0988 };

let bench: StaffConsoleBench;
let page: Page;
let citizen: PahtClient;
let operator: PahtClient;
let categories: Category[];
let site: Awaited<ReturnType<typeof startStaticServer>>;

const inbox = (): Locator => page.locator('paht-ioc-inbox');
const rows = (): Locator => inbox().locator('li.row');

async function file(title: string, description: string, extra: Partial<SubmitReportInput> = {}): Promise<{ id: string; trackingCode: string }> {
  const result = await citizen.submitReport({ title, description, address: 'Đường Lê Lợi, phường Đông Hà', reporter: { phone: '0912 345 678' }, ...extra });
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return { id: result.id, trackingCode: result.trackingCode };
}

const report = async (id: string) => {
  const r = await getReport(operator, id);
  if (r.__typename !== 'Report') throw new Error(r.__typename);
  return r;
};

async function search(text: string, count: number): Promise<void> {
  await inbox().locator('#f-search').fill(text);
  await inbox().locator('#f-search').press('Enter');
  await poll(() => rows().count()).toBe(count);
}

beforeAll(async () => {
  bench = await openStaffConsoleBench({ pageTimeoutMs: 30_000 });
  page = bench.page;
  citizen = createClient({ endpoint: `${bench.api}/graphql`, tenant: DEMO_TENANT });
  operator = (await bench.signIn(`ioc.${DEMO_TENANT}@example.gov.vn`)).client;
  const staffCategories = await listStaffCategories(operator);
  if (staffCategories.__typename !== 'StaffCategoriesSuccess') throw new Error(staffCategories.__typename);
  categories = staffCategories.data;
  const console = page.locator('paht-staff-console');
  await console.locator('#email').fill(`ioc.${DEMO_TENANT}@example.gov.vn`);
  await console.locator('#password').fill(DEMO_PASSWORD);
  await console.locator('#password').press('Enter');
  await inbox().waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await site?.close();
  await bench?.close();
});

describe('the IOC inbox helps triage', { timeout: 120_000 }, () => {
  it("shows a new report's suggested category and unit with its confidence, and accepts it with one key", async () => {
    const filed = await file(
      'Goi y kiem thu: mặt đường hư hỏng, nhiều ổ gà tại đường Lê Lợi',
      'Đoạn đường Lê Lợi xuất hiện nhiều ổ gà lớn, trời mưa đọng nước, đã có người đi xe máy bị ngã. Đề nghị sửa chữa.',
    );
    const suggested = await suggestClassification(operator, filed.id);
    if (suggested.__typename !== 'ClassificationSuggestionsSuccess') throw new Error(suggested.__typename);
    const best = suggested.data[0]!;
    expect(best.category.code).toBe('ROADS');

    await search('goi y kiem thu', 1);
    const chip = rows().first().locator('.chip.suggestion');
    await poll(() => chip.textContent()).toContain(`Gợi ý: ${best.category.name}${best.unit ? ` → ${best.unit.name}` : ''}`);
    expect(await chip.textContent()).toContain(`độ tin cậy ${Math.round(best.confidence * 100)} %`);

    // Opened: every suggestion with its confidence beside the report.
    await rows().first().locator('button.open').click();
    const list = inbox().locator('.suggestion-list li');
    await poll(() => list.count()).toBe(suggested.data.length);

    await rows().first().locator('button.open').focus();
    await page.keyboard.press('s');
    await poll(async () => (await report(filed.id)).status).toBe(best.unit ? 'ASSIGNED' : 'CLASSIFIED');
    const after = await report(filed.id);
    expect(after.category?.id).toBe(best.category.id);
    expect(after.unit?.id ?? null).toBe(best.unit?.id ?? null);
    await poll(() => inbox().locator('.notice.ok').textContent()).toContain(`${filed.trackingCode}: đã phân loại ${best.category.name}`);
  });

  it('shows a possible duplicate beside the open report, merges it, and counts the people affected on the original', async () => {
    const text = 'Cống thoát nước trên đường Lê Lợi bị vỡ nắp, nước thải tràn lên mặt đường, mùi hôi nồng nặc.';
    const first = await file('Trung lap kiem thu: cống vỡ nắp đường Lê Lợi', text, PLACE);
    const second = await file('Trung lap kiem thu: cống vỡ nắp, nước tràn đường Lê Lợi', text, { ...PLACE, latitude: PLACE.latitude + 0.0002 });

    await search('trung lap kiem thu', 2);
    const at = (await rows().locator('.code').allTextContents()).indexOf(second.trackingCode);
    await rows().nth(at).locator('button.open').click();
    const pair = inbox().locator(`.duplicates li.pair[data-code="${first.trackingCode}"]`);
    await poll(() => pair.count()).toBe(1);
    expect(await pair.locator('.side').count()).toBe(2);
    expect(await pair.locator('.side').first().textContent()).toContain(second.trackingCode);
    expect((await seriousViolations(page)).map((v) => v.id)).toEqual([]);

    await pair.locator('button.merge').click();
    const dialog = inbox().locator('dialog[open]');
    await poll(() => dialog.locator('h2').textContent()).toContain('Gộp phản ánh trùng');
    await dialog.locator('button[type=submit]').click();
    await poll(() => inbox().locator('.notice.ok').textContent()).toContain('2 người cùng phản ánh');

    // The server's merge: the later one (same instant here: the larger code) closed as a duplicate of the other.
    const [later, original] = second.trackingCode > first.trackingCode ? [second, first] : [first, second];
    await poll(async () => (await report(later.id)).status).toBe('REJECTED');
    await poll(() => rows().count()).toBe(1);
    expect(await rows().first().locator('.code').textContent()).toBe(original.trackingCode);
    expect(await rows().first().locator('.chip.people').textContent()).toBe('2 người cùng phản ánh');
  });

  it('filters by channel on the server and lists private categories for staff only', async () => {
    const taken = await intakeReport(operator, {
      channel: 'ZALO',
      title: 'Kenh kiem thu: đèn đường tắt',
      description: 'Đèn đường tại ngã tư Lê Lợi tắt cả tuần nay.',
      address: 'Ngã tư Lê Lợi, Đông Hà',
      reporter: { phone: '0912 345 679' },
    });
    if (taken.__typename !== 'SubmitReportSuccess') throw new Error(taken.message);
    const zalo = await listInboxReports(operator, { channel: ['ZALO'] });
    if (zalo.__typename !== 'InboxReports') throw new Error(zalo.__typename);
    expect(zalo.reports.map((r) => r.trackingCode)).toContain(taken.trackingCode);
    expect(new Set(zalo.reports.map((r) => r.channel))).toEqual(new Set(['ZALO']));

    const misconduct = categories.find((c) => c.code === 'MISCONDUCT')!;
    expect(misconduct).toBeDefined();
    await poll(() => inbox().locator('#f-category option').allTextContents()).toContain(misconduct.name);
    expect((await listStaffCategories(citizen)).__typename).toBe('ForbiddenError');
    // Another province's operator token, sent to this province: refused, nothing listed.
    const signedIn = await createClient({ endpoint: `${bench.api}/graphql`, tenant: 'quang-nam' }).signIn('ioc.quang-nam@example.gov.vn', 'demo-quang-nam');
    if (signedIn.__typename !== 'SignInSuccess') throw new Error(signedIn.message);
    await expect(listStaffCategories(citizen.withToken(signedIn.token))).rejects.toThrow('Invalid or expired token for this tenant');
  });
});

describe('the citizen form offers a nearby report to join', { timeout: 120_000 }, () => {
  it('lists an open report of the topic near the pin and records "me too" instead of a duplicate', async () => {
    const roads = categories.find((c) => c.code === 'ROADS')!;
    const open = await file('Ổ gà sâu trước chợ Đông Hà', 'Ổ gà sâu giữa đường trước cổng chợ Đông Hà, xe máy đi qua rất nguy hiểm.', { ...PLACE, categoryId: roads.id });
    expect((await classifyReport(operator, { id: open.id, categoryId: roads.id })).__typename).toBe('ReportTransition');

    const bundle = await bundleWidgets({ minify: true });
    const form = `<paht-report-form endpoint="${bench.api}/graphql" tenant="${DEMO_TENANT}" tile-url="" map-center="${PLACE.latitude},${PLACE.longitude}"></paht-report-form>`;
    site = await startStaticServer({
      '/paht-widgets.js': { type: 'text/javascript', body: bundle },
      '/form.html': { type: 'text/html', body: portalPage('Gửi phản ánh', form) },
    });
    const citizenPage = await page.context().newPage();
    await citizenPage.goto(`${site.url}/form.html`);
    const el = citizenPage.locator('paht-report-form');
    await poll(() => el.locator(`#category option[value="${roads.id}"]`).count()).toBe(1);
    await el.locator('#category').selectOption(roads.id);
    await el.getByRole('button', { name: 'Ghim tại tâm bản đồ' }).click();

    const item = el.locator(`.nearby li[data-code="${open.trackingCode}"]`);
    await poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('1 người cùng phản ánh');
    expect((await seriousViolations(citizenPage)).map((v) => v.id)).toEqual([]);

    await item.getByRole('button', { name: /Tôi cũng gặp vấn đề này/ }).click();
    await poll(() => item.locator('[role=status]').textContent()).toContain(`Đã ghi nhận bạn cùng phản ánh ${open.trackingCode}: 2 người cùng phản ánh`);
    const after = await nearbyReports(citizen, { categoryId: roads.id, latitude: PLACE.latitude, longitude: PLACE.longitude });
    if (after.__typename !== 'NearbyReportsSuccess') throw new Error(after.__typename);
    expect(after.data.find((d) => d.report.id === open.id)?.report.supporterCount).toBe(1);
    // The citizen may still send their own.
    expect(await el.locator('button[type=submit]').isEnabled()).toBe(true);
    await citizenPage.close();
  });
});

// A live refresh (here: a citizen's new report on the feed) re-reads the list
// while the operator is on a row; the rows move under the keyboard (issue #12).
describe('the inbox under a live refresh', () => {
  it('opens the report whose row the operator is on, though a refresh took a row away above it', async () => {
    const text = 'Đèn đường tắt cả dãy phố từ tối qua, đi lại rất nguy hiểm.';
    const filed = [await file('Hang loi kiem thu: mot', text), await file('Hang loi kiem thu: hai', text), await file('Hang loi kiem thu: ba', text)];
    await search('hang loi kiem thu', 3);
    const codes = () => rows().locator('.code').allTextContents();
    await poll(async () => (await codes()).sort()).toEqual(filed.map((r) => r.trackingCode).sort());
    const [top, , last] = await codes();
    await rows().nth(2).locator('button.open').focus();
    // Another operator rejects the top one (the feed does not tell of it), then a citizen's report
    // elsewhere comes in on the feed and the inbox reads its list again: two rows left.
    const topId = filed.find((r) => r.trackingCode === top)!.id;
    expect((await rejectReport(operator, { id: topId, rejection: 'SPAM', reason: 'Kiểm thử.' })).__typename).toBe('ReportTransition');
    await file('Cây đổ chắn ngang đường', 'Cây lớn đổ chắn ngang đường sau cơn mưa.');
    await poll(() => rows().count()).toBe(2);
    // The keyboard is still on that report's row (not lost, not on another report's).
    expect(await inbox().evaluate((el) => el.shadowRoot!.activeElement?.querySelector('.code')?.textContent ?? null)).toBe(last);
    await page.keyboard.press('Enter');
    await poll(() => inbox().locator('#detail-title').textContent()).toContain(last);
  });
});
