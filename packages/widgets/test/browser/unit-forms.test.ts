import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, getIndicatorFormEntry, getIndicatorFormStatus, listIndicatorForms, listIndicatorSubmissions, type PahtClient } from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/browser.js';
import { DEMO_PASSWORD, openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';

// The unit's indicator forms in the staff console, in Debian's Chromium
// against the real server and Quảng Trị's demo data: the demo district's
// officer (canbo) finds the monthly form with the unit's state in each
// recent period as the API counts it, opens a period with no values, is
// refused at the fields (a period of another periodicity, a value that is
// not a number, a required value missing, a value below the form's
// minimum: nothing stored), submits, then corrects one value, first
// without a reason (refused at the reason), then with one; the values,
// their revisions and the audit are read back through the SDK. Then the
// draft: what is typed is saved on the server once typing pauses (announced
// in a live region), nothing submitted, and restored after a reload; a
// submission whose answer is lost on the way back (the request fails at the
// edge, after the server applied it) is retried by the officer with the
// same idempotency key and applied once; "back to the list" returns the focus to the row.

const OFFICER = 'canbo.quang-tri@example.gov.vn';
const ADMIN = 'admin.quang-tri@example.gov.vn';
const FORM = 'BC_KTXH_THANG';
/** Before the demo's 15 months of history: nothing submitted. */
const PERIOD = '2025-03';

let bench: StaffConsoleBench;
let page: Page;
let officer: PahtClient;
let admin: PahtClient;
let unitId = '';
let formId = '';
let ids = new Map<string, string>();

beforeAll(async () => {
  bench = await openStaffConsoleBench();
  page = bench.page;
  const signed = await bench.signIn(OFFICER);
  officer = signed.client;
  unitId = signed.unitId!;
  admin = (await bench.signIn(ADMIN)).client;
  const forms = await listIndicatorForms(officer);
  if (forms.__typename !== 'IndicatorFormsSuccess') throw new Error(forms.__typename);
  const form = forms.data.find((f) => f.code === FORM)!;
  formId = form.id;
  ids = new Map(form.items.map((i) => [i.code, i.indicatorId]));
}, 180_000);

afterAll(async () => {
  await bench?.close();
});

const section = (): Locator => page.locator('paht-unit-forms');
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });

/** The unit's current value of an indicator for PERIOD, with its history (undefined: none). */
async function stored(code: string) {
  const result = await listIndicatorSubmissions(officer, { indicatorId: ids.get(code)!, period: PERIOD });
  if (result.__typename !== 'IndicatorSubmissionsSuccess') throw new Error(result.__typename);
  return result.data.find((v) => v.unitId === unitId);
}
async function unitState(period: string) {
  const status = await getIndicatorFormStatus(officer, { formId, period });
  if (status.__typename !== 'IndicatorFormStatusReport') throw new Error(status.__typename);
  return status.units.find((u) => u.unitId === unitId)!;
}
const fill = async (values: Record<string, string>) => {
  for (const [code, value] of Object.entries(values)) await section().locator(`#v-${code}`).fill(value);
};
const submit = () => section().locator('form.values button[type="submit"]').click();

describe('the unit’s indicator forms', () => {
  it('lists the forms due from the unit with its state in each recent period, as the API counts it', async () => {
    const console_ = page.locator('paht-staff-console');
    await console_.locator('#email').fill(OFFICER);
    await console_.locator('#password').fill(DEMO_PASSWORD);
    await console_.locator('#password').press('Enter');
    const rows = section().locator(`tr[data-code="${FORM}"]`);
    await poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) {
      const period = (await row.getAttribute('data-period'))!;
      expect(await row.getAttribute('data-state')).toBe((await unitState(period)).state);
    }
    expect(await section().locator('h2').textContent()).toBe('Biểu mẫu chỉ tiêu');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens another period afresh, refuses a period of another periodicity at the period field, then opens a period with no values', async () => {
    await section().locator(`tr[data-code="${FORM}"]`).first().getByRole('button', { name: /^Mở/ }).click();
    await poll(() => section().locator('form.values').count()).toBe(1);
    // What was typed for one period never carries over to another.
    await section().locator('#v-HS_TIEP_NHAN').fill('777');
    await section().locator('#f-period').fill('2025-04');
    await section().getByRole('button', { name: 'Mở kỳ này' }).click();
    await poll(() => section().locator('section.entry[data-period="2025-04"] form.values').count()).toBe(1);
    expect(await section().locator('#v-HS_TIEP_NHAN').inputValue()).toBe('');
    await section().locator('#f-period').fill('2025-Q1');
    await section().getByRole('button', { name: 'Mở kỳ này' }).click();
    await poll(() => section().locator('#f-period-error').count()).toBe(1);
    expect(await section().locator('#f-period-error').textContent()).toMatch(/.+ \/ .+/);
    expect(await section().locator('#f-period').getAttribute('aria-invalid')).toBe('true');

    await section().locator('#f-period').fill(PERIOD);
    await section().getByRole('button', { name: 'Mở kỳ này' }).click();
    await poll(() => section().locator(`section.entry[data-period="${PERIOD}"] form.values`).count()).toBe(1);
    expect(await section().locator('.facts').textContent()).toContain('Quá hạn, chưa nộp');
    // Each indicator with its unit of measure; a target with its direction where it has one.
    const hint = await section().locator('#v-HS_TIEP_NHAN-hint').textContent();
    expect(hint).toContain('Đơn vị tính: hồ sơ');
    expect(hint).toContain('từ 0');
    expect(await section().locator('#f-reason').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a value that is not a number, a missing required value and one below the minimum at their fields, storing nothing', async () => {
    await fill({ HS_TIEP_NHAN: 'năm trăm', HS_DUNG_HAN: '480', THU_NSNN: '12000' });
    await submit();
    await poll(() => section().locator('#v-HS_TIEP_NHAN-error').count()).toBe(1);
    expect(await section().locator('#v-HS_TIEP_NHAN-error').textContent()).toBe('Giá trị phải là một số / The value must be a number');

    await fill({ HS_TIEP_NHAN: '500', HS_DUNG_HAN: '', THU_NSNN: '-5' });
    await submit();
    await poll(() => section().locator('#v-HS_DUNG_HAN-error').count()).toBe(1);
    // The server's words at each field, Vietnamese then English; the summary above the button.
    expect(await section().locator('#v-HS_DUNG_HAN-error').textContent()).toMatch(/.+ \/ .+/);
    expect(await section().locator('#v-THU_NSNN-error').textContent()).toMatch(/.+ \/ .+/);
    expect(await section().locator('#v-HS_TIEP_NHAN-error').count()).toBe(0);
    expect(await section().locator('#v-THU_NSNN').getAttribute('aria-describedby')).toBe('v-THU_NSNN-hint v-THU_NSNN-error');
    expect(await section().locator('form.values [role="alert"]').textContent()).toContain('2 mục chưa hợp lệ');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await stored('HS_TIEP_NHAN')).toBeUndefined();
    expect((await unitState(PERIOD)).state).toBe('OVERDUE');
  });

  it('submits the form: each value stored with its first revision, the unit late for the period', async () => {
    await fill({ HS_TIEP_NHAN: '500', HS_DUNG_HAN: '480', THU_NSNN: '12000,5', DN_THANH_LAP: '' });
    await submit();
    await poll(() => section().locator('.notice.ok').textContent()).toBe('Đã nộp biểu mẫu.');
    await poll(() => section().locator('.facts').textContent()).toContain('Đã nộp muộn');
    const [files, onTime, revenue, firms] = await Promise.all(['HS_TIEP_NHAN', 'HS_DUNG_HAN', 'THU_NSNN', 'DN_THANH_LAP'].map(stored));
    expect([files?.value, onTime?.value, revenue?.value, firms]).toEqual([500, 480, 12000.5, undefined]);
    expect(files).toMatchObject({ revision: 1, history: [{ revision: 1, value: 500, reason: null }] });
    expect(files!.submittedBy).toBeTruthy();
    expect(await unitState(PERIOD)).toMatchObject({ state: 'LATE', revision: 1 });
    expect(await section().locator('#f-reason').count()).toBe(1);
  });

  it('corrects a value only with a reason, keeping its history, and shows the revisions', async () => {
    await fill({ HS_DUNG_HAN: '490' });
    await submit();
    await poll(() => section().locator('#f-reason-error').count()).toBe(1);
    expect(await section().locator('#f-reason-error').textContent()).toMatch(/.+ \/ .+/);
    expect((await stored('HS_DUNG_HAN'))?.revision).toBe(1);

    await section().locator('#f-reason').fill('Bổ sung 10 hồ sơ sau rà soát');
    await submit();
    await poll(() => section().locator('.notice.ok').textContent()).toBe('Đã nộp số liệu điều chỉnh (lần 2).');
    const corrected = await stored('HS_DUNG_HAN');
    expect(corrected).toMatchObject({ value: 490, revision: 2 });
    expect(corrected!.history.map((h) => [h.revision, h.value, h.reason])).toEqual([
      [1, 480, null],
      [2, 490, 'Bổ sung 10 hồ sơ sau rà soát'],
    ]);
    // Only the changed value was revised.
    expect((await stored('HS_TIEP_NHAN'))?.revision).toBe(1);
    expect(await unitState(PERIOD)).toMatchObject({ state: 'LATE', revision: 2 });
    const log = await auditLog(admin, { first: 10, filter: { actions: ['indicator-form.correct', 'indicator-value.correct'] } });
    if (log.__typename !== 'AuditLogPage') throw new Error(log.__typename);
    expect(log.entries.map((e) => e.action).sort()).toEqual(['indicator-form.correct', 'indicator-value.correct']);

    const history = section().locator('.item[data-code="HS_DUNG_HAN"] details.history');
    await history.locator('summary').click();
    await poll(() => history.locator('tbody tr').count()).toBe(2);
    const latest = await history.locator('tbody tr').first().locator('th, td').allTextContents();
    expect([latest[0], latest[1], latest[3], latest[4]]).toEqual(['2', '490', 'Bạn', 'Bổ sung 10 hồ sơ sau rà soát']);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

/** A period of the demo form with nothing submitted, for the draft. */
const DRAFT_PERIOD = '2025-05';

async function entryOf(period: string) {
  const entry = await getIndicatorFormEntry(officer, { formId, unitId, period });
  if (entry.__typename !== 'IndicatorFormEntry') throw new Error(entry.__typename);
  return entry;
}
const openPeriod = async (period: string) => {
  await section().locator('#f-period').fill(period);
  await section().getByRole('button', { name: 'Mở kỳ này' }).click();
  await poll(() => section().locator(`section.entry[data-period="${period}"] form.values`).count()).toBe(1);
};
/** The element that has the focus, inside shadow roots. */
const focused = () =>
  page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const row = active?.closest('tr');
    return { tag: active?.tagName ?? null, code: row?.getAttribute('data-code') ?? null, period: row?.getAttribute('data-period') ?? null };
  });

describe('the unit’s form drafts, retries and focus', () => {
  it('saves what is typed as a draft once typing pauses, announced, counted nowhere, and restores it after a reload', async () => {
    await openPeriod(DRAFT_PERIOD);
    // Out of the form's limits: a draft keeps it, the submission would refuse it.
    await fill({ HS_TIEP_NHAN: '321', THU_NSNN: '-5' });
    const status = section().locator('.draft-status');
    expect(await status.getAttribute('role')).toBe('status');
    await poll(() => status.textContent()).toMatch(/^Đã lưu nháp lúc /);
    const saved = await entryOf(DRAFT_PERIOD);
    expect(saved.draft?.values.map((v) => [v.code, v.value])).toEqual([['HS_TIEP_NHAN', 321], ['THU_NSNN', -5]]);
    expect(saved.values).toEqual([]);
    expect((await unitState(DRAFT_PERIOD)).state).toBe('OVERDUE');
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    const console_ = page.locator('paht-staff-console');
    await console_.locator('#email').fill(OFFICER);
    await console_.locator('#password').fill(DEMO_PASSWORD);
    await console_.locator('#password').press('Enter');
    await poll(() => section().locator(`tr[data-code="${FORM}"]`).count()).toBe(2);
    await section().locator(`tr[data-code="${FORM}"]`).first().getByRole('button', { name: /^Mở/ }).click();
    await openPeriod(DRAFT_PERIOD);
    expect(await section().locator('#v-HS_TIEP_NHAN').inputValue()).toBe('321');
    expect(await section().locator('#v-THU_NSNN').inputValue()).toBe('-5');
    expect(await section().locator('#v-HS_DUNG_HAN').inputValue()).toBe('');
    expect(await status.textContent()).toMatch(/^Đã khôi phục bản nháp lưu lúc /);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('retries a submission whose answer was lost with the same idempotency key, applying it once', async () => {
    await fill({ THU_NSNN: '12000', HS_DUNG_HAN: '300' });
    const keys: string[] = [];
    let cut = true;
    await page.route('**/graphql', async (route) => {
      const request = route.request();
      const body = (request.method() === 'POST' ? request.postDataJSON() : null) as { query?: string; variables?: { input?: { idempotencyKey?: string } } } | null;
      if (!body?.query?.includes('submitIndicatorForm')) return route.continue();
      keys.push(body.variables!.input!.idempotencyKey!);
      if (!cut) return route.continue();
      cut = false;
      // The server applies the submission; a proxy on the way back answers an error instead. (The SDK itself retries
      // transient faults, no answer or 502–504, with the same key; this one it does not, so the officer retries.)
      await route.fetch();
      await route.fulfill({ status: 500, contentType: 'text/plain', body: 'upstream connection reset' });
    });
    try {
      await submit();
      await poll(() => section().locator('form.values [role="alert"]').count()).toBe(1);
      expect(await unitState(DRAFT_PERIOD)).toMatchObject({ state: 'LATE', revision: 1 });
      await submit();
      await poll(() => section().locator('.notice.ok').textContent()).toBe('Số liệu không đổi: giữ lần nộp 1.');
    } finally {
      await page.unroute('**/graphql');
    }
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await unitState(DRAFT_PERIOD)).toMatchObject({ state: 'LATE', revision: 1 });
    const entry = await entryOf(DRAFT_PERIOD);
    expect(entry.draft).toBeNull();
    expect(entry.values.map((v) => [v.value, v.revision])).toEqual([[321, 1], [300, 1], [12000, 1]]);
  });

  it('returns the focus to the row of the form just left', async () => {
    await section().getByRole('button', { name: 'Về danh sách' }).click();
    await poll(() => section().locator(`tr[data-code="${FORM}"]`).count()).toBe(2);
    // The period left has no row (an older one): the focus goes to the form's first row.
    await poll(focused).toMatchObject({ tag: 'BUTTON', code: FORM });
    const period = await section().locator(`tr[data-code="${FORM}"]`).nth(1).getAttribute('data-period');
    await section().locator(`tr[data-code="${FORM}"][data-period="${period}"]`).getByRole('button', { name: /^Mở/ }).press('Enter');
    await poll(() => section().locator(`section.entry[data-period="${period}"] form.values`).count()).toBe(1);
    await section().getByRole('button', { name: 'Về danh sách' }).press('Enter');
    await poll(focused).toEqual({ tag: 'BUTTON', code: FORM, period });
  });
});
