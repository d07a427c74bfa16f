import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defineIndicator,
  listAuditEntries,
  listIndicators,
  listStaffNotifications,
  readIndicatorFigure,
  readPublicIndicatorFigures,
  submitIndicatorValue,
  updateIndicator,
  withTenant,
  type Actor,
  type DefineIndicatorInput,
  type IndicatorRecord,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Socio-economic indicators on a real database: definitions, submissions and
// audited corrections, formulas (and the ones refused), aggregation up a
// district's communes and over periods by each rule, target alerts, and
// isolation between tenants and between units.

const NOW = new Date('2026-04-06T02:00:00Z');

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let districtId: string;
let communeA: string;
let communeB: string;
let officerA: Actor;
let officerB: Actor;
const ind: Record<string, IndicatorRecord> = {};

const base = (code: string, extra: Partial<DefineIndicatorInput> = {}): DefineIndicatorInput => ({
  code,
  name: `Chỉ tiêu ${code}`,
  nameEn: `Indicator ${code}`,
  unitOfMeasure: 'tấn',
  periodicity: 'MONTH',
  aggregation: 'SUM',
  ...extra,
});

async function submit(actor: Actor, code: string, unitId: string, period: string, value: number, reason?: string) {
  return submitIndicatorValue(ctx, t.tenantId, actor, { indicatorId: ind[code]!.id, unitId, period, value, ...(reason ? { reason } : {}) });
}
const figure = (code: string, period: string, unitId: string | null = districtId) =>
  readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: ind[code]!.id, period, unitId });
const counts = () =>
  withTenant(ctx.db, t.tenantId, async (tx) => ({ indicators: await tx.indicator.count(), values: await tx.indicatorValue.count(), revisions: await tx.indicatorValueRevision.count() }));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'indicators', 'IN');
  other = await createFixtureTenant(ctx, 'other-indicators', 'OI');
  ({ districtId, communeA, communeB, officerA, officerB } = await withTenant(ctx.db, t.tenantId, async (tx) => {
    const district = await tx.unit.create({ data: { tenantId: t.tenantId, code: 'H-CAMLO', name: 'Huyện Cam Lộ', kind: 'DISTRICT' } });
    const a = await tx.unit.create({ data: { tenantId: t.tenantId, code: 'X-CAMTHANH', name: 'Xã Cam Thành', kind: 'COMMUNE', parentId: district.id } });
    const b = await tx.unit.create({ data: { tenantId: t.tenantId, code: 'X-CAMHIEU', name: 'Xã Cam Hiếu', kind: 'COMMUNE', parentId: district.id } });
    const staff = async (unitId: string, email: string) => (await tx.staffUser.create({ data: { tenantId: t.tenantId, email, fullName: email, role: 'UNIT_OFFICER', unitId } })).id;
    const districtLeader = await tx.staffUser.create({ data: { tenantId: t.tenantId, email: 'camlo@example.gov.vn', fullName: 'Lãnh đạo huyện', role: 'UNIT_LEADER', unitId: district.id } });
    void districtLeader;
    return {
      districtId: district.id,
      communeA: a.id,
      communeB: b.id,
      officerA: { role: 'UNIT_OFFICER', userId: await staff(a.id, 'camthanh@example.gov.vn'), unitId: a.id } as Actor,
      officerB: { role: 'UNIT_OFFICER', userId: await staff(b.id, 'camhieu@example.gov.vn'), unitId: b.id } as Actor,
    };
  }));
  ind.RICE = await defineIndicator(ctx, t.tenantId, t.admin, base('RICE', { target: 100, unitTarget: 100, ownerUnitId: districtId, isPublic: true }));
  ind.AREA = await defineIndicator(ctx, t.tenantId, t.admin, base('AREA', { unitOfMeasure: 'ha', aggregation: 'LAST' }));
  ind.POP = await defineIndicator(ctx, t.tenantId, t.admin, base('POP', { unitOfMeasure: 'người', periodicity: 'YEAR', aggregation: 'LAST' }));
  ind.INCOME = await defineIndicator(ctx, t.tenantId, t.admin, base('INCOME', { unitOfMeasure: 'triệu đồng/người', periodicity: 'YEAR', aggregation: 'WEIGHTED_AVERAGE', weightIndicatorId: ind.POP.id }));
  ind.SCHOOL = await defineIndicator(ctx, t.tenantId, t.admin, base('SCHOOL', { unitOfMeasure: '%', periodicity: 'YEAR', aggregation: 'AVERAGE' }));
});

afterAll(async () => tdb?.close());

describe('socio-economic indicators', () => {
  it('are defined by tenant admins only, with their rule, target and owner', async () => {
    expect(ind.RICE).toMatchObject({ code: 'RICE', periodicity: 'MONTH', aggregation: 'SUM', target: 100, higherIsBetter: true, ownerUnitId: districtId, isPublic: true, formula: null });
    await expect(defineIndicator(ctx, t.tenantId, officerA, base('NOPE'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(defineIndicator(ctx, t.tenantId, t.admin, base('BAD', { aggregation: 'WEIGHTED_AVERAGE' }))).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'weightIndicatorId', code: 'REQUIRED' }] } });
    await expect(defineIndicator(ctx, t.tenantId, t.admin, base('RICE'))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('take a unit’s value with who and when; a correction needs a reason, keeps the history and is audited', async () => {
    const first = await submit(officerA, 'RICE', communeA, '2026-03', 40);
    expect(first).toMatchObject({ value: 40, revision: 1, submittedBy: 'userId' in officerA ? officerA.userId : '', submittedAt: NOW });
    const before = await counts();
    await expect(submit(officerA, 'RICE', communeA, '2026-03', 45)).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'reason', code: 'REQUIRED' }] } });
    await expect(submit(officerA, 'RICE', communeA, '2026-Q1', 45, 'sai kỳ')).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'period' }] } });
    expect(await counts()).toEqual(before);
    const corrected = await submit(officerA, 'RICE', communeA, '2026-03', 45, 'Số liệu thống kê cập nhật');
    expect(corrected).toMatchObject({ id: first.id, value: 45, revision: 2 });
    expect(corrected.history.map((h) => [h.revision, h.value, h.reason])).toEqual([[1, 40, null], [2, 45, 'Số liệu thống kê cập nhật']]);
    const audit = await listAuditEntries(ctx, t.tenantId, t.admin, { first: 20 });
    const entries = audit.filter((e) => e.subjectId === first.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['indicator-value.correct', 'indicator-value.submit']);
    expect(entries.find((e) => e.action === 'indicator-value.correct')!.data).toMatchObject({ value: 45, previousValue: 40, revision: 2 });
  });

  it('refuse a unit submitting for another unit, and values for a computed indicator, writing nothing', async () => {
    const before = await counts();
    await expect(submit(officerA, 'RICE', communeB, '2026-03', 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submit(t.leader, 'RICE', communeA, '2026-03', 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);
  });

  it('alert the responsible units’ staff when a figure misses its target', async () => {
    // RICE 2026-03: commune A 45 (< 100 target) → commune A and the owner (district, 45 so far) are alerted.
    const notices = (await listStaffNotifications(ctx, t.tenantId, officerA, { first: 20 })).items;
    const missed = notices.filter((n) => n.kind === 'INDICATOR_TARGET_MISSED');
    expect(missed.length).toBeGreaterThan(0);
    expect(missed[0]).toMatchObject({ unitId: communeA, data: { code: 'RICE', period: '2026-03', target: 100 } });
    const notB = (await listStaffNotifications(ctx, t.tenantId, officerB, { first: 20 })).items;
    expect(notB.filter((n) => n.kind === 'INDICATOR_TARGET_MISSED')).toEqual([]);
    const districtNotices = await withTenant(ctx.db, t.tenantId, (tx) => tx.staffNotification.findMany({ where: { kind: 'INDICATOR_TARGET_MISSED', unitId: districtId } }));
    expect(districtNotices.length).toBeGreaterThan(0);
    // Above target: no new alert.
    const countBefore = await withTenant(ctx.db, t.tenantId, (tx) => tx.staffNotification.count({ where: { kind: 'INDICATOR_TARGET_MISSED' } }));
    await submit(officerB, 'RICE', communeB, '2026-04', 150);
    expect(await withTenant(ctx.db, t.tenantId, (tx) => tx.staffNotification.count({ where: { kind: 'INDICATOR_TARGET_MISSED' } }))).toBe(countBefore);
  });

  it('aggregate up the hierarchy and over periods with each indicator’s rule', async () => {
    await submit(officerB, 'RICE', communeB, '2026-03', 60);
    await submit(officerA, 'RICE', communeA, '2026-01', 10);
    // SUM: the district is its communes added up; a quarter its months added up.
    expect((await figure('RICE', '2026-03')).value).toBe(105);
    expect((await figure('RICE', '2026-03')).byUnit).toEqual(
      expect.arrayContaining([{ unitId: communeA, value: 45, target: 100, missesTarget: true }, { unitId: communeB, value: 60, target: 100, missesTarget: true }]),
    );
    expect((await figure('RICE', '2026-Q1')).value).toBe(115);
    expect((await figure('RICE', '2026')).value).toBe(265);
    expect((await figure('RICE', '2026-03', communeA)).missesTarget).toBe(true);
    // LAST: each commune's latest month, communes added up.
    await submit(officerA, 'AREA', communeA, '2026-01', 20);
    await submit(officerA, 'AREA', communeA, '2026-03', 22);
    await submit(officerB, 'AREA', communeB, '2026-02', 30);
    expect((await figure('AREA', '2026-Q1')).value).toBe(52);
    // AVERAGE: the mean of the communes' values.
    await submit(officerA, 'SCHOOL', communeA, '2026', 90);
    await submit(officerB, 'SCHOOL', communeB, '2026', 80);
    expect((await figure('SCHOOL', '2026')).value).toBe(85);
    // WEIGHTED_AVERAGE: income per head weighted by population.
    await submit(officerA, 'POP', communeA, '2026', 1000);
    await submit(officerB, 'POP', communeB, '2026', 3000);
    await submit(officerA, 'INCOME', communeA, '2026', 40);
    await submit(officerB, 'INCOME', communeB, '2026', 60);
    expect((await figure('INCOME', '2026')).value).toBe(55);
    // A period finer than the indicator's is refused.
    await expect(figure('POP', '2026-03')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('compute formulas: ratios, sums and growth against the same period last year', async () => {
    ind.YIELD = await defineIndicator(ctx, t.tenantId, t.admin, base('YIELD', { unitOfMeasure: 'tấn/ha', formula: 'RICE / AREA', aggregation: 'AVERAGE' }));
    ind.BOTH = await defineIndicator(ctx, t.tenantId, t.admin, base('BOTH', { formula: 'sum(RICE, AREA) * 2' }));
    ind.GROWTH = await defineIndicator(ctx, t.tenantId, t.admin, base('GROWTH', { unitOfMeasure: '%', formula: 'yoy(RICE)', aggregation: 'AVERAGE', target: 0, unitTarget: 0 }));
    // A ratio of sums, not a sum of ratios: (45 + 60) / (22 + 0 in March for B) for March.
    expect((await figure('YIELD', '2026-03', communeA)).value).toBeCloseTo(45 / 22);
    expect((await figure('BOTH', '2026-03', communeA)).value).toBe((45 + 22) * 2);
    expect((await figure('GROWTH', '2026-03')).value).toBeNull(); // no 2025 figure yet
    await submit(t.admin, 'RICE', communeA, '2025-03', 50);
    await submit(t.admin, 'RICE', communeB, '2025-03', 50);
    expect((await figure('GROWTH', '2026-03')).value).toBeCloseTo(5); // 105 against 100
    expect((await figure('GROWTH', '2026-03', communeA)).value).toBeCloseTo(-10);
    await expect(submit(t.admin, 'GROWTH', communeA, '2026-03', 1)).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'indicatorId' }] } });
  });

  it('refuse a formula naming itself, a cycle, a missing indicator or other syntax, writing nothing', async () => {
    const before = await counts();
    const refused = async (code: string, formula: string, issue: string) =>
      expect(defineIndicator(ctx, t.tenantId, t.admin, base(code, { formula }))).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'formula', code: issue }] } });
    await refused('SELF', 'SELF + 1', 'FORMULA_CYCLE');
    await refused('MISSING', 'RICE / NOT_THERE', 'FORMULA_UNKNOWN_INDICATOR');
    await refused('TERNARY', 'RICE > 1 ? RICE : 0', 'FORMULA_SYNTAX');
    await refused('MEMBER', 'RICE.constructor', 'FORMULA_SYNTAX');
    await refused('CALL', 'eval(RICE)', 'FORMULA_SYNTAX');
    await refused('STRING', '"1" + RICE', 'FORMULA_SYNTAX');
    expect(await counts()).toEqual(before);
    // YIELD ← BOTH ← YIELD: a cycle through another formula.
    await updateIndicator(ctx, t.tenantId, t.admin, ind.BOTH!.id, { formula: 'YIELD * 2' });
    await expect(updateIndicator(ctx, t.tenantId, t.admin, ind.YIELD!.id, { formula: 'BOTH / 2' })).rejects.toMatchObject({ details: { fields: [{ path: 'formula', code: 'FORMULA_CYCLE' }] } });
    expect((await listIndicators(ctx, t.tenantId)).find((i) => i.code === 'YIELD')!.formula).toBe('RICE / AREA');
    const issue = await defineIndicator(ctx, t.tenantId, t.admin, base('LOOP', { formula: 'LOOP' })).catch((e: { details: { fields: Array<{ messageVi: string; messageEn: string }> } }) => e.details.fields[0]);
    expect(issue).toMatchObject({ messageVi: expect.stringContaining('chính chỉ tiêu'), messageEn: expect.stringContaining('its own indicator') });
  });

  it('keep a submitted indicator’s periodicity, and give a weighting loop no figure instead of hanging', async () => {
    await expect(updateIndicator(ctx, t.tenantId, t.admin, ind.RICE!.id, { periodicity: 'YEAR' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(updateIndicator(ctx, t.tenantId, t.admin, ind.RICE!.id, { formula: 'AREA * 2' })).rejects.toMatchObject({ code: 'CONFLICT' });
    // POP weighted by INCOME while INCOME is weighted by POP.
    await updateIndicator(ctx, t.tenantId, t.admin, ind.POP!.id, { aggregation: 'WEIGHTED_AVERAGE', weightIndicatorId: ind.INCOME!.id });
    expect((await figure('INCOME', '2026')).value).toBeNull();
    await updateIndicator(ctx, t.tenantId, t.admin, ind.POP!.id, { aggregation: 'LAST', weightIndicatorId: null });
    expect((await figure('INCOME', '2026')).value).toBe(55);
  });

  it('show the public indicators only, tenant-wide, to anyone', async () => {
    const figures = await readPublicIndicatorFigures(ctx, t.tenantId, '2026-03');
    expect(figures.map((f) => [f.indicator.code, f.value])).toEqual([['RICE', 105]]);
  });

  it('show another tenant nothing and refuse its ids', async () => {
    expect(await listIndicators(ctx, other.tenantId)).toEqual([]);
    expect(await readPublicIndicatorFigures(ctx, other.tenantId, '2026-03')).toEqual([]);
    await expect(readIndicatorFigure(ctx, other.tenantId, other.admin, { indicatorId: ind.RICE!.id, period: '2026-03' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const before = await counts();
    await expect(submitIndicatorValue(ctx, other.tenantId, other.admin, { indicatorId: ind.RICE!.id, unitId: communeA, period: '2026-05', value: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(updateIndicator(ctx, other.tenantId, other.admin, ind.RICE!.id, { isPublic: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(defineIndicator(ctx, other.tenantId, other.admin, base('X', { formula: 'RICE * 2' }))).rejects.toMatchObject({ details: { fields: [{ code: 'FORMULA_UNKNOWN_INDICATOR' }] } });
    expect(await counts()).toEqual(before);
  });
});
