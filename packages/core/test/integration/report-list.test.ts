import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, listReports, submitReport, transitionReport, type ListReportsArgs } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
const ids: Record<string, string> = {};

const file = async (key: string, title: string, extra: Record<string, unknown> = {}) => {
  ctx.advance(HOUR);
  const r = await submitReport(ctx, t.tenantId, {
    title,
    description: 'Người dân phản ánh, đề nghị kiểm tra xử lý.',
    address: 'Đông Hà, Quảng Trị',
    reporter: { phone: '0912345678' },
    ...extra,
  });
  ids[key] = r.id;
};

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'listing', 'LS');
  await file('pothole', 'Ổ gà trên đường Hùng Vương', { areaCode: '19276' });
  await file('light', 'Đèn đường Lê Duẩn không sáng');
  await file('flood', 'Ngập nước đường Trần Hưng Đạo');
  await file('spam', 'Quảng cáo bán hàng trực tuyến');
  await file('misconduct', 'Cán bộ một cửa gây phiền hà', { categoryId: t.misconductCategoryId });
  await transitionReport(ctx, t.tenantId, t.operator, ids.spam!, { type: 'REJECT', rejection: 'SPAM', reason: 'Quảng cáo' });
  for (const key of ['pothole', 'light']) {
    await transitionReport(ctx, t.tenantId, t.operator, ids[key]!, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    await transitionReport(ctx, t.tenantId, t.operator, ids[key]!, { type: 'ASSIGN', unitId: t.roadsUnitId });
  }
});
afterAll(async () => tdb?.close());

const titles = async (actor: Parameters<typeof listReports>[2], args: ListReportsArgs = {}) =>
  (await listReports(ctx, t.tenantId, actor, args)).items.map((r) => r.title);

describe('listing reports', () => {
  it('finds Vietnamese words with or without diacritics', async () => {
    expect(await titles(t.operator, { filter: { search: 'duong hung vuong' } })).toEqual(['Ổ gà trên đường Hùng Vương']);
    expect(await titles(t.operator, { filter: { search: 'ĐƯỜNG  Hùng Vương' } })).toEqual(['Ổ gà trên đường Hùng Vương']);
    // Folding drops tones, so "Hùng" also finds "Hưng": search favours recall.
    expect((await titles(t.operator, { filter: { search: 'Hùng' } })).sort()).toEqual(['Ngập nước đường Trần Hưng Đạo', 'Ổ gà trên đường Hùng Vương'].sort());
    expect(await titles(t.operator, { filter: { search: 'duong' } })).toHaveLength(3);
    expect(await titles(t.operator, { filter: { search: 'LS-' } })).toHaveLength(5);
  });

  it('shows the public only what the IOC classified into public categories (never unread, rejected or private ones), and a unit only its own', async () => {
    // Moderation first: the flooding report is public but not yet read by the IOC.
    expect((await titles(null)).sort()).toEqual(['Đèn đường Lê Duẩn không sáng', 'Ổ gà trên đường Hùng Vương'].sort());
    expect((await titles(t.roadsOfficer)).sort()).toEqual(['Đèn đường Lê Duẩn không sáng', 'Ổ gà trên đường Hùng Vương'].sort());
    expect(await titles(t.wardOfficer)).toEqual([]);
    expect(await titles(t.leader)).toHaveLength(5);
  });

  it('filters by status, unit, area and period', async () => {
    expect(await titles(t.operator, { filter: { status: ['REJECTED'] } })).toEqual(['Quảng cáo bán hàng trực tuyến']);
    expect(await titles(t.operator, { filter: { unitId: t.roadsUnitId }, sort: 'OLDEST' })).toEqual(['Ổ gà trên đường Hùng Vương', 'Đèn đường Lê Duẩn không sáng']);
    expect(await titles(t.operator, { filter: { areaCode: '19276' } })).toEqual(['Ổ gà trên đường Hùng Vương']);
    const from = new Date(MONDAY_9AM.getTime() + 2.5 * HOUR);
    expect(await titles(t.operator, { filter: { submittedFrom: from }, sort: 'OLDEST' })).toEqual([
      'Ngập nước đường Trần Hưng Đạo', 'Quảng cáo bán hàng trực tuyến', 'Cán bộ một cửa gây phiền hà',
    ]);
  });

  it('finds the reports past their deadline as time goes by', async () => {
    expect(await titles(t.operator, { filter: { overdue: true } })).toEqual([]);
    ctx.advance(30 * 24 * HOUR);
    // The two assigned reports wait for acceptance; the three others for classification (the rejected one is done).
    expect(await titles(t.operator, { filter: { overdue: true } })).toHaveLength(4);
    ctx.setNow(new Date(MONDAY_9AM.getTime() + 10 * HOUR));
  });

  it('pages through everything once, in order, with cursors', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await listReports(ctx, t.tenantId, t.operator, { first: 2, ...(after ? { after } : {}) });
      seen.push(...result.items.map((r) => r.id));
      if (!result.hasNextPage) break;
      after = result.endCursor!;
    }
    expect(seen).toEqual([ids.misconduct, ids.spam, ids.flood, ids.light, ids.pothole]);
  });

  it('refuses a forged cursor and an oversized page', async () => {
    const code = (p: Promise<unknown>) => p.then(() => null, (e: DomainError) => e.code);
    expect(await code(listReports(ctx, t.tenantId, t.operator, { after: 'bm90LWEtY3Vyc29y' }))).toBe('VALIDATION');
    expect(await code(listReports(ctx, t.tenantId, t.operator, { first: 1000 }))).toBe('VALIDATION');
  });
});
