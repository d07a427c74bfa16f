import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, getIndicatorFormStatus, listIndicatorForms, listIndicatorSubmissions, type PahtClient } from '@paht/client-sdk';
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
// their revisions and the audit are read back through the SDK.

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
