import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCategories,
  adminUnits,
  apiKeys,
  auditLog,
  calendarDays,
  createClient,
  focalPoints,
  getStatistics,
  getTenantBranding,
  listInboxReports,
  overviewKpis,
  type PahtClient,
} from '@paht/client-sdk';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/browser.js';
import { DEMO_PASSWORD, DEMO_TENANT, openStaffConsoleBench, type StaffConsoleBench } from './support/staff-console-bench.js';

// The staff console's workspaces in Debian's Chromium against the real
// server and the demo data. The demo tenant admin creates a unit and gives
// it a focal point, an SLA policy and a category on it, an API key seen
// once, and a new brand colour previewed before saving: each read back
// through the SDK and found in the audit log. The demo provincial leader
// sees the overview, whose figures are the KPI API's, and whose open reports
// by deadline are the server's exact count (`openReportDeadlines`): the same
// as counting the work list's open reports.

const TENANT = DEMO_TENANT;
const PASSWORD = DEMO_PASSWORD;
const ADMIN = 'admin.quang-tri@example.gov.vn';
const LEADER = 'lanhdao.quang-tri@example.gov.vn';

let bench: StaffConsoleBench;
let api: string;
let admin: PahtClient;
let leader: PahtClient;
let page: Page;

const staffClient = async (email: string): Promise<PahtClient> => (await bench.signIn(email, PASSWORD)).client;

beforeAll(async () => {
  bench = await openStaffConsoleBench();
  ({ api, page } = bench);
  admin = await staffClient(ADMIN);
  leader = await staffClient(LEADER);
}, 180_000);

afterAll(async () => {
  await bench?.close();
});

const consoleEl = (): Locator => page.locator('paht-staff-console');
const adminEl = (): Locator => page.locator('paht-admin-console');
const overview = (): Locator => page.locator('paht-leader-overview');
const dialog = (): Locator => adminEl().locator('dialog[open]');
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 10_000 });

async function signIn(email: string): Promise<void> {
  await consoleEl().locator('#email').fill(email);
  await consoleEl().locator('#password').fill(PASSWORD);
  await consoleEl().locator('#password').press('Enter');
}

async function saved(): Promise<void> {
  await poll(() => adminEl().locator('.notice.ok').count()).toBe(1);
  expect(await adminEl().locator('.notice.ok').textContent()).toContain('Đã lưu');
}

async function actionsLogged(): Promise<string[]> {
  const page = await auditLog(admin, { first: 50 });
  if (page.__typename !== 'AuditLogPage') throw new Error(page.__typename);
  return page.entries.map((e) => e.action);
}

describe('the tenant admin', () => {
  it('signs in to the admin console, which shows the unit tree', async () => {
    await signIn(ADMIN);
    await poll(() => adminEl().locator('li.unit').count()).toBeGreaterThan(10);
    expect(await consoleEl().locator('.who').textContent()).toContain('Quản trị hệ thống');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates a unit under another and gives it a focal point, both audited', async () => {
    await adminEl().getByRole('button', { name: 'Thêm đơn vị' }).click();
    await dialog().locator('#d-code').fill('KT-DONVI');
    await dialog().locator('#d-name').fill('Tổ kiểm thử bàn làm việc');
    await dialog().locator('#d-name-en').fill('Workspace test team');
    await dialog().locator('#d-kind').selectOption('AGENCY');
    const parent = await dialog().locator('#d-parent option').nth(2).getAttribute('value');
    await dialog().locator('#d-parent').selectOption(parent);
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await saved();
    await poll(() => adminEl().locator('li.unit[data-code="KT-DONVI"]').count()).toBe(1);
    const units = await adminUnits(admin);
    if (units.__typename !== 'AdminUnitsSuccess') throw new Error(units.__typename);
    const unit = units.data.find((u) => u.code === 'KT-DONVI')!;
    expect(unit).toMatchObject({ name: 'Tổ kiểm thử bàn làm việc', kind: 'AGENCY', active: true, parentId: parent });
    // Shown in the tree under its parent, indented.
    expect(await adminEl().locator('li.unit[data-code="KT-DONVI"]').getAttribute('style')).not.toContain('--depth:0');

    await adminEl().locator('li.unit[data-code="KT-DONVI"]').getByRole('button', { name: /^Đầu mối/ }).click();
    await poll(() => adminEl().locator('#focal-heading').textContent()).toContain('Tổ kiểm thử bàn làm việc');
    expect(await adminEl().locator('.focal').textContent()).toContain('Đơn vị chưa có đầu mối');
    await adminEl().getByRole('button', { name: 'Đổi đầu mối' }).click();
    await dialog().locator('#d-full-name').fill('Ngô Thị Kiểm');
    await dialog().locator('#d-email').fill('kiem.nt@example.gov.vn');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await saved();
    await poll(() => adminEl().locator('.focal').textContent()).toContain('Ngô Thị Kiểm');
    const points = await focalPoints(admin, unit.id, true);
    expect(points.__typename === 'FocalPointsSuccess' && points.data.map((p) => p.fullName)).toEqual(['Ngô Thị Kiểm']);
    expect(await actionsLogged()).toEqual(expect.arrayContaining(['unit.create', 'focal-point.set']));
  });

  it('creates an SLA policy and a category on it; a refused change says why and changes nothing', async () => {
    await adminEl().getByRole('button', { name: 'Lĩnh vực và thời hạn' }).click();
    await poll(() => adminEl().locator('table').count()).toBe(2);
    await adminEl().getByRole('button', { name: 'Thêm chính sách SLA' }).click();
    await dialog().locator('#d-code').fill('KT-SLA');
    await dialog().locator('#d-name').fill('Kiểm thử: 3 ngày làm việc');
    await dialog().locator('#d-resolve').fill('1440');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await saved();
    await poll(() => adminEl().locator('tr[data-code="KT-SLA"]').count()).toBe(1);

    await adminEl().getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    await dialog().locator('#d-code').fill('KT-LV');
    await dialog().locator('#d-name').fill('Lĩnh vực kiểm thử');
    await dialog().locator('#d-name-en').fill('Test category');
    await dialog().locator('#d-policy').selectOption('KT-SLA');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await saved();
    await poll(() => adminEl().locator('tr[data-code="KT-LV"]').textContent()).toContain('Kiểm thử: 3 ngày làm việc');
    const categories = await adminCategories(admin);
    if (categories.__typename !== 'AdminCategoriesSuccess') throw new Error(categories.__typename);
    expect(categories.data.find((c) => c.code === 'KT-LV')).toMatchObject({ nameEn: 'Test category', isPublic: true, active: true, slaPolicy: { code: 'KT-SLA', resolveMinutes: 1440 } });

    // A policy with a negative allowance is refused in the dialog, and nothing is stored.
    await adminEl().getByRole('button', { name: 'Thêm chính sách SLA' }).click();
    await dialog().locator('#d-code').fill('KT-SAI');
    await dialog().locator('#d-name').fill('Sai');
    await dialog().locator('#d-resolve').fill('-5');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await poll(() => dialog().locator('[role=alert]').textContent()).toContain('Không lưu được');
    await dialog().getByRole('button', { name: 'Hủy' }).click();
    expect(await adminEl().locator('tr[data-code="KT-SAI"]').count()).toBe(0);
    expect(await actionsLogged()).toEqual(expect.arrayContaining(['sla-policy.upsert', 'category.upsert']));
  });

  it('creates an API key and sees it once, never again', async () => {
    await adminEl().getByRole('button', { name: 'Khóa API' }).click();
    await adminEl().getByRole('button', { name: 'Tạo khóa API' }).click();
    await dialog().locator('#d-name').fill('Cổng kiểm thử');
    await dialog().locator('#d-origins').fill('https://kiemthu.example.gov.vn');
    await dialog().getByRole('button', { name: 'Tạo khóa API' }).click();
    await poll(() => dialog().locator('#d-new-key').count()).toBe(1);
    const key = await dialog().locator('#d-new-key').inputValue();
    expect(key).toMatch(/^pk_/);
    expect(await dialog().textContent()).toContain('lần duy nhất');
    expect(await seriousViolations(page)).toEqual([]);
    const keys = await apiKeys(admin);
    if (keys.__typename !== 'ApiKeysSuccess') throw new Error(keys.__typename);
    const stored = keys.data.find((k) => k.name === 'Cổng kiểm thử')!;
    expect(key.startsWith(stored.prefix)).toBe(true);
    expect(stored.allowedOrigins).toEqual(['https://kiemthu.example.gov.vn']);

    await dialog().getByRole('button', { name: 'Tôi đã lưu khóa' }).click();
    await poll(() => adminEl().locator('dialog[open]').count()).toBe(0);
    await poll(() => adminEl().locator(`tr[data-key="${stored.id}"]`).count()).toBe(1);
    const shown = await adminEl().evaluate((el) => el.shadowRoot!.innerHTML);
    expect(shown).not.toContain(key);
    expect(await adminEl().locator(`tr[data-key="${stored.id}"]`).textContent()).toContain(stored.prefix);
    expect(await actionsLogged()).toContain('api-key.create');
    expect(JSON.stringify((await auditLog(admin, { first: 50 })) as unknown)).not.toContain(key);
  });

  it('previews a brand colour on the citizen widget before saving it', async () => {
    await adminEl().getByRole('button', { name: 'Cài đặt và nhận diện' }).click();
    await poll(() => adminEl().locator('#s-branding-primaryColor').count()).toBe(1);
    await adminEl().locator('#s-branding-primaryColor').fill('#116329');
    const preview = adminEl().locator('paht-public-stats');
    await poll(() => preview.evaluate((el) => getComputedStyle(el).getPropertyValue('--paht-tenant-primary').trim())).toBe('#116329');
    await adminEl().getByRole('button', { name: 'Lưu cài đặt' }).click();
    await saved();
    const branding = await getTenantBranding(createClient({ endpoint: `${api}/graphql`, tenant: TENANT }));
    expect(branding.primaryColor).toBe('#116329');
    expect(await actionsLogged()).toContain('tenant-settings.update');
  });

  it('reads the audit log, filtered by action', async () => {
    await adminEl().getByRole('button', { name: 'Nhật ký thay đổi' }).click();
    await poll(() => adminEl().locator('li[data-action]').count()).toBeGreaterThan(4);
    await adminEl().locator('#a-action').fill('api-key.create');
    await adminEl().getByRole('button', { name: 'Lọc' }).click();
    await poll(() => adminEl().locator('li[data-action]').evaluateAll((items) => [...new Set(items.map((i) => i.getAttribute('data-action')))])).toEqual(['api-key.create']);
  });

  it('imports days off and a make-up day from an iCalendar file, previewed first', async () => {
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kiem thu//VI',
      'BEGIN:VEVENT', 'UID:a', 'DTSTAMP:20261101T000000Z', 'DTSTART;VALUE=DATE:20270322', 'DTEND;VALUE=DATE:20270324', 'SUMMARY:Nghỉ lễ địa phương', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:b', 'DTSTAMP:20261101T000000Z', 'DTSTART;VALUE=DATE:20270327', 'SUMMARY:Làm bù ngày lễ địa phương', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n');
    await adminEl().getByRole('button', { name: 'Lịch làm việc' }).click();
    await adminEl().locator('#c-feed').setInputFiles({ name: 'le.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await poll(() => dialog().locator('h2').textContent()).toBe('Nhập 3 ngày từ tệp lịch');
    await dialog().getByRole('button', { name: 'Nhập 3 ngày' }).click();
    await poll(() => adminEl().locator('.notice.ok').textContent()).toContain('Đã nhập 3/3 ngày');
    const days = await calendarDays(admin);
    if (days.__typename !== 'CalendarDaysSuccess') throw new Error(days.__typename);
    expect(days.data.filter((d) => d.date.startsWith('2027-03')).map((d) => [d.date, d.kind])).toEqual([
      ['2027-03-22', 'HOLIDAY'],
      ['2027-03-23', 'HOLIDAY'],
      ['2027-03-27', 'WORKING_DAY'],
    ]);
    // Not a calendar: nothing to import, said so.
    await adminEl().locator('#c-feed').setInputFiles({ name: 'sai.ics', mimeType: 'text/calendar', buffer: Buffer.from('không phải lịch') });
    await poll(() => adminEl().locator('.notice.error-box').textContent()).toContain('không phải lịch iCalendar');
  });

  it('fits a 375 px phone', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await adminEl().getByRole('button', { name: 'Lĩnh vực và thời hạn' }).click();
    await poll(() => adminEl().locator('tr[data-code="KT-LV"]').count()).toBe(1);
    await poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await consoleEl().getByRole('button', { name: 'Đăng xuất' }).click();
  });
});

describe('the provincial leader', () => {
  it('sees the overview with the KPI API’s figures, per unit too, updated live, at 1440 and 375 px', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(LEADER);
    await poll(() => overview().locator('[data-kpi=answered-late] .figure').count()).toBe(1);
    // A long period reaches the demo history (2021–2023), so the figures are not all zero.
    await overview().evaluate((el) => ((el as unknown as { periodDays: number }).periodDays = 1500));
    await poll(() => overview().locator('.period').textContent()).toContain('1500');
    // The figures of the long period have arrived (not those of the default 30 days).
    const spanDays = () =>
      overview().evaluate((el) => {
        const period = (el as unknown as { state: { data?: { period: { from: string; to: string } } } }).state.data?.period;
        return period ? (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1 : 0;
      });
    await poll(spanDays).toBe(1500);
    const period = await overview().evaluate((el) => (el as unknown as { state: { data: { period: { from: string; to: string } } } }).state.data.period);
    const kpi = async (groupBy: 'TENANT' | 'UNIT') => {
      const result = await getStatistics(leader, { from: period.from, to: period.to, groupBy, includePrivate: true });
      if (result.__typename !== 'KpisSuccess') throw new Error(result.__typename);
      return result.data;
    };
    const [total] = await kpi('TENANT');
    expect(total!.overdue).toBeGreaterThan(0);
    const number = async (id: string) => Number((await overview().locator(`[data-kpi=${id}] .figure`).textContent())!.replace(/\D/g, ''));
    await poll(() => number('answered-late')).toBe(total!.overdue);
    expect(await number('received')).toBe(total!.received);
    expect(await number('resolved')).toBe(total!.resolved);
    const busiest = (await kpi('UNIT')).filter((u) => u.key).sort((a, b) => b.received - a.received)[0]!;
    const row = overview().locator(`tr[data-key="${busiest.key}"]`);
    const cell = async (r: Locator, i: number) => Number((await r.locator('td').nth(i).textContent())!.split(' ')[0]!.replace(/\D/g, ''));
    expect(await cell(row, 2)).toBe(busiest.received);
    expect(await cell(row, 3)).toBe(busiest.overdue);
    // Overdue now and due within 7 days: the server's count, tiles and rows; the same as the work list's open reports against their stage deadline.
    const counted = (await overviewKpis(leader, period as Parameters<typeof overviewKpis>[1])).openDeadlines;
    if (counted.__typename !== 'OpenReportDeadlines') throw new Error(counted.__typename);
    expect(await number('overdue-now')).toBe(counted.total.overdue);
    expect(await number('due-week')).toBe(counted.total.dueSoon);
    const mostOverdue = [...counted.units].sort((a, b) => b.overdue - a.overdue)[0]!;
    expect(mostOverdue.overdue).toBeGreaterThan(0);
    const overdueRow = overview().locator(`tr[data-key="${mostOverdue.key}"]`);
    expect([await cell(overdueRow, 0), await cell(overdueRow, 1)]).toEqual([mostOverdue.overdue, mostOverdue.dueSoon]);
    const listed = await listInboxReports(leader, { status: ['SUBMITTED', 'CLASSIFIED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN'] }, { limit: 5000 });
    if (listed.__typename !== 'InboxReports') throw new Error(listed.__typename);
    expect(listed.truncated).toBe(false);
    const at = Date.parse(counted.countedAt);
    expect(listed.reports.filter((r) => r.dueAt && Date.parse(r.dueAt) < at).length).toBe(counted.total.overdue);
    expect(listed.reports.length).toBe(counted.total.open);
    expect(await seriousViolations(page)).toEqual([]);
    // Live: a report filed now is counted without reloading the page.
    const filed = await createClient({ endpoint: `${api}/graphql`, tenant: TENANT }).submitReport({
      title: 'Kiểm thử tổng quan trực tiếp',
      description: 'Phản ánh mới để kiểm tra số liệu tự cập nhật.',
      address: 'Đông Hà',
      reporter: { phone: '0912 345 678' },
    });
    expect(filed.__typename).toBe('SubmitReportSuccess');
    await poll(() => number('received')).toBe(total!.received + 1);
    await page.setViewportSize({ width: 375, height: 800 });
    await poll(() => page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
