import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminUnits,
  auditLog,
  getIndicatorFormStatus,
  listIndicatorForms,
  listIndicators,
  submitIndicatorForm,
  type PahtClient,
} from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/browser.js';
import { openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';

// The tenant admin console's indicators and report forms section, in
// Debian's Chromium against the real server and Quảng Trị's demo data: the
// admin defines an indicator and one computed by a formula, a formula that
// names its own indicator is refused at its field and changes nothing, a
// form is refused at the indicator of another period and then defined and
// edited, and the unit officer finds the form and submits it (through the
// SDK; the unit's own form page is tested in unit-forms.test.ts).

const ADMIN = 'admin.quang-tri@example.gov.vn';
const OFFICER = 'canbo.quang-tri@example.gov.vn';

let bench: StaffConsoleBench;
let page: Page;
let admin: PahtClient;

beforeAll(async () => {
  bench = await openStaffConsoleBench();
  page = bench.page;
  admin = (await bench.signIn(ADMIN)).client;
}, 180_000);

afterAll(async () => {
  await bench?.close();
});

const adminEl = (): Locator => page.locator('paht-admin-console');
const dialog = (): Locator => adminEl().locator('dialog[open]');
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });

async function indicators() {
  const result = await listIndicators(admin);
  if (result.__typename !== 'IndicatorsSuccess') throw new Error(result.__typename);
  return result.data;
}
async function forms(client: PahtClient = admin) {
  const result = await listIndicatorForms(client);
  if (result.__typename !== 'IndicatorFormsSuccess') throw new Error(result.__typename);
  return result.data;
}
/** The codes of the latest audit entries of `action` (`indicator.define` …). */
async function codesLogged(action: string): Promise<string[]> {
  const log = await auditLog(admin, { first: 50, filter: { actions: [action] } });
  if (log.__typename !== 'AuditLogPage') throw new Error(log.__typename);
  return log.entries.map((e) => (JSON.parse(e.data) as { code?: string }).code ?? '');
}
/** Saves the open dialog and waits for it to close with the console's "saved" notice. */
async function save(): Promise<void> {
  await dialog().getByRole('button', { name: 'Lưu' }).click();
  await poll(() => dialog().count()).toBe(0);
  await poll(() => adminEl().locator('.notice.ok').count()).toBe(1);
}

describe('the indicators and report forms section', () => {
  it('lists the tenant’s indicators and forms with their definitions', async () => {
    const staffConsole = page.locator('paht-staff-console');
    await staffConsole.locator('#email').fill(ADMIN);
    await staffConsole.locator('#password').fill('demo-quang-tri');
    await staffConsole.locator('#password').press('Enter');
    await poll(() => adminEl().locator('li.unit').count()).toBeGreaterThan(10);
    await adminEl().getByRole('button', { name: 'Chỉ tiêu & biểu mẫu' }).click();
    const ratio = adminEl().locator('tr[data-code="TL_HS_DUNG_HAN"]');
    await poll(() => ratio.count()).toBe(1);
    const cells = await ratio.locator('td, th').allTextContents();
    expect(cells.slice(1, 9)).toEqual(['Tỷ lệ hồ sơ giải quyết đúng hạn', '%', 'Tháng', 'Bình quân', 'Toàn tỉnh/thành: ≥ 95 (tối thiểu)Mỗi đơn vị: ≥ 95 (tối thiểu)', 'Văn phòng UBND tỉnh', 'Có', 'HS_DUNG_HAN * 100 / HS_TIEP_NHAN']);
    expect(await adminEl().locator('tr[data-code="TL_HO_NGHEO"] td').nth(4).textContent()).toContain('≤ 5,5');
    expect(await adminEl().locator('table.forms tr[data-code="BC_KTXH_THANG"] td').nth(2).textContent()).toBe('5 ngày sau cuối kỳ');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('defines an indicator and one computed by a formula', async () => {
    const units = await adminUnits(admin);
    if (units.__typename !== 'AdminUnitsSuccess') throw new Error(units.__typename);
    const finance = units.data.find((u) => u.code === 'STC')!;
    const district = units.data.find((u) => u.kind === 'DISTRICT')!;
    await adminEl().getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await dialog().locator('#d-code').fill('VON_DAU_TU');
    await dialog().locator('#d-name').fill('Vốn đầu tư công giải ngân');
    await dialog().locator('#d-name-en').fill('Public investment disbursed');
    await dialog().locator('#d-uom').fill('triệu đồng');
    // The province's target only (a sum over the districts), then 300 for each district and 800 for one of them.
    await dialog().locator('#d-target').fill('5000');
    await dialog().locator('#d-kind-target-DISTRICT').fill('300');
    await dialog().locator('#d-own-unit-0').selectOption(district.id);
    await dialog().locator('#d-own-target-0').fill('800');
    await dialog().locator('#d-owner').selectOption(finance.id);
    await dialog().getByLabel('Công khai').check();
    await save();

    await adminEl().getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await dialog().locator('#d-code').fill('VON_DAU_TU_TY');
    await dialog().locator('#d-name').fill('Vốn đầu tư công giải ngân (tỷ đồng)');
    await dialog().locator('#d-name-en').fill('Public investment disbursed (billion đồng)');
    await dialog().locator('#d-uom').fill('tỷ đồng');
    await dialog().locator('#d-formula').fill('VON_DAU_TU / 1000');
    await save();
    await poll(() => adminEl().locator('tr[data-code="VON_DAU_TU_TY"] code').textContent()).toBe('VON_DAU_TU / 1000');

    const defined = new Map((await indicators()).map((i) => [i.code, i]));
    expect(defined.get('VON_DAU_TU')).toMatchObject({ unitOfMeasure: 'triệu đồng', periodicity: 'MONTH', aggregation: 'SUM', target: 5000, higherIsBetter: true, ownerUnitId: finance.id, isPublic: true, formula: null });
    expect(defined.get('VON_DAU_TU')).toMatchObject({ unitTarget: null, unitTargets: [{ unitId: null, unitKind: 'DISTRICT', target: 300 }, { unitId: district.id, unitKind: null, target: 800 }] });
    expect(defined.get('VON_DAU_TU_TY')).toMatchObject({ formula: 'VON_DAU_TU / 1000', target: null, isPublic: false });
    expect(await codesLogged('indicator.define')).toEqual(expect.arrayContaining(['VON_DAU_TU', 'VON_DAU_TU_TY']));
  });

  it('refuses a formula naming its own indicator, and a bad code, at their fields, changing nothing', async () => {
    const before = await indicators();
    await adminEl().locator('tr[data-code="VON_DAU_TU_TY"]').getByRole('button', { name: /^Sửa/ }).click();
    await dialog().locator('#d-formula').fill('VON_DAU_TU_TY * 2');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await poll(() => dialog().locator('#d-formula[aria-invalid="true"]').count()).toBe(1);
    // The server's words at the field, Vietnamese then English; the summary above the buttons.
    expect(await dialog().locator('#d-formula-error').textContent()).toBe('Công thức tham chiếu vòng tới chính chỉ tiêu này / refers back to its own indicator');
    expect(await dialog().locator('#d-formula').getAttribute('aria-describedby')).toBe('d-formula-hint d-formula-error');
    expect(await dialog().locator('[role="alert"]').textContent()).toContain('1 mục chưa hợp lệ');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Hủy' }).click();

    await adminEl().getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await dialog().locator('#d-code').fill('von dau tu');
    await dialog().locator('#d-name').fill('Mã sai');
    await dialog().locator('#d-name-en').fill('Bad code');
    await dialog().locator('#d-uom').fill('tấn');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await poll(() => dialog().locator('#d-code-error').count()).toBe(1);
    expect(await dialog().locator('#d-code-error').textContent()).toMatch(/.+ \/ .+/);
    expect(await dialog().locator('#d-formula-error').count()).toBe(0);
    await dialog().getByRole('button', { name: 'Hủy' }).click();
    expect(await indicators()).toEqual(before);
  });

  it('refuses a form holding an indicator of another period at that indicator, then defines and edits the form', async () => {
    const ids = new Map((await indicators()).map((i) => [i.code, i.id]));
    await adminEl().getByRole('button', { name: 'Thêm biểu mẫu' }).click();
    await dialog().locator('#d-code').fill('BC_DAU_TU');
    await dialog().locator('#d-name').fill('Báo cáo giải ngân vốn đầu tư công');
    await dialog().locator('#d-name-en').fill('Public investment report');
    await dialog().locator('#d-due').fill('10');
    await dialog().locator('input[name="unitKinds"][value="DISTRICT"]').check();
    await dialog().locator(`input[name="items"][value="${ids.get('VON_DAU_TU')}"]`).check();
    await dialog().locator(`input[name="items"][value="${ids.get('SO_HO')}"]`).check();
    // A computed indicator is not offered.
    expect(await dialog().locator(`input[name="items"][value="${ids.get('VON_DAU_TU_TY')}"]`).count()).toBe(0);
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await poll(() => dialog().locator('#d-item-SO_HO-error').count()).toBe(1);
    expect(await dialog().locator('#d-item-SO_HO-error').textContent()).toContain('SO_HO: ');
    expect(await dialog().locator(`input[name="items"][value="${ids.get('VON_DAU_TU')}"]`).getAttribute('aria-invalid')).toBe('false');
    expect((await forms()).map((f) => f.code)).toEqual(['BC_KTXH_THANG']);

    await dialog().locator(`input[name="items"][value="${ids.get('SO_HO')}"]`).uncheck();
    await save();
    await poll(() => adminEl().locator('table.forms tr[data-code="BC_DAU_TU"]').count()).toBe(1);
    const [form] = (await forms()).filter((f) => f.code === 'BC_DAU_TU');
    expect(form).toMatchObject({ periodicity: 'MONTH', deadlineDays: 10, unitKinds: ['DISTRICT'], unitIds: [], version: 1 });
    expect(form!.items.map((i) => [i.code, i.required])).toEqual([['VON_DAU_TU', true]]);

    await adminEl().locator('table.forms tr[data-code="BC_DAU_TU"]').getByRole('button', { name: /^Sửa/ }).click();
    expect(await dialog().locator('#d-code').getAttribute('readonly')).not.toBeNull();
    await dialog().locator('#d-due').fill('12');
    await save();
    expect((await forms()).find((f) => f.code === 'BC_DAU_TU')).toMatchObject({ deadlineDays: 12, version: 2 });
    expect(await codesLogged('indicator-form.define')).toContain('BC_DAU_TU');
    expect((await codesLogged('indicator-form.update')).length).toBe(1);
  });

  it('puts the form before the officer of a district, who submits it', async () => {
    const officer = await bench.signIn(OFFICER);
    const form = (await forms(officer.client)).find((f) => f.code === 'BC_DAU_TU')!;
    expect(form.items.map((i) => i.code)).toEqual(['VON_DAU_TU']);
    const submitted = await submitIndicatorForm(officer.client, { input: { formId: form.id, unitId: officer.unitId!, period: '2026-11', values: [{ indicatorId: form.items[0]!.indicatorId, value: 4200 }] } });
    expect(submitted.__typename).toBe('IndicatorFormSubmission');
    const status = await getIndicatorFormStatus(admin, { formId: form.id, period: '2026-11' });
    if (status.__typename !== 'IndicatorFormStatusReport') throw new Error(status.__typename);
    expect(status.units.find((u) => u.unitId === officer.unitId)).toMatchObject({ state: 'ON_TIME', revision: 1 });
  });
});
