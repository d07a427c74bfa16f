import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineIndicator, readIndicatorFigure, submitIndicatorValue, updateIndicator, withTenant, type Actor, type IndicatorRecord } from '@paht/core';
import { addTwoDistricts, createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Targets per level (docs/indicators.md#targets): `target` is the
// tenant-wide figure's, `unitTarget` every unit's, `unitTargets` one unit's
// or one unit kind's. A province target on a SUM indicator used to be
// compared with every district's own figure too, so each district "missed"
// it; now each figure is compared with the target that applies to it only.

const NOW = new Date('2026-04-06T02:00:00Z');

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let districtA: string;
let districtB: string;
let officerA: Actor;
let officerB: Actor;

/** The INDICATOR_TARGET_MISSED notices of an indicator: who was told of which figure, against which target. */
const notices = (code: string) =>
  withTenant(ctx.db, t.tenantId, async (tx) =>
    (await tx.staffNotification.findMany({ where: { kind: 'INDICATOR_TARGET_MISSED' } }))
      .map((n) => ({ unitId: n.unitId, data: n.data as { code: string; figureUnitId: string | null; value: number; target: number } }))
      .filter((n) => n.data.code === code)
      .map((n) => ({ to: n.unitId, figure: n.data.figureUnitId, value: n.data.value, target: n.data.target }))
      // One row per staff member of a unit: one per unit and figure is enough here.
      .filter((n, i, all) => all.findIndex((m) => JSON.stringify(m) === JSON.stringify(n)) === i)
      .sort((a, b) => a.value - b.value),
  );
const counts = () =>
  withTenant(ctx.db, t.tenantId, async (tx) => ({ indicators: await tx.indicator.count(), targets: await tx.indicatorUnitTarget.count() }));
const base = { unitOfMeasure: 'tỷ đồng', periodicity: 'MONTH', aggregation: 'SUM' } as const;
const submit = (actor: Actor, indicator: IndicatorRecord, unitId: string, value: number) =>
  submitIndicatorValue(ctx, t.tenantId, actor, { indicatorId: indicator.id, unitId, period: '2026-03', value });

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'target-levels', 'TL');
  other = await createFixtureTenant(ctx, 'target-levels-other', 'TO');
  ({ districtA, districtB, officerA, officerB } = await addTwoDistricts(ctx, t.tenantId));
});

afterAll(async () => tdb?.close());

describe('targets per level', () => {
  it('compares a province target on a SUM indicator with the tenant-wide figure only, never a district’s own', async () => {
    // Province revenue ≥ 5,000 bn, owned by the department beside the districts.
    const revenue = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'THU', name: 'Thu ngân sách', nameEn: 'Revenue', ...base, target: 5000, ownerUnitId: t.roadsUnitId });
    await submit(officerA, revenue, districtA, 1800);
    await submit(officerB, revenue, districtB, 2500);
    // The districts hear nothing; the owner hears of the tenant-wide figure after each submission that leaves it short.
    expect(await notices('THU')).toEqual([
      { to: t.roadsUnitId, figure: null, value: 1800, target: 5000 },
      { to: t.roadsUnitId, figure: null, value: 4300, target: 5000 },
    ]);
    expect(revenue).toMatchObject({ target: 5000, unitTarget: null, unitTargets: [] });
    const figure = await readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: revenue.id, period: '2026-03' });
    expect(figure).toMatchObject({ value: 4300, target: 5000, missesTarget: true });
    expect(figure.byUnit.filter((u) => u.value !== null)).toEqual(
      expect.arrayContaining([
        { unitId: districtA, value: 1800, target: null, missesTarget: null },
        { unitId: districtB, value: 2500, target: null, missesTarget: null },
      ]),
    );
  });

  it('compares a unit’s figure with its own target, else its kind’s, else the one of every unit, and alerts only the unit that misses', async () => {
    const rice = await defineIndicator(ctx, t.tenantId, t.admin, {
      code: 'LUA', name: 'Lúa', nameEn: 'Rice', ...base, unitOfMeasure: 'tấn', unitTarget: 10,
      unitTargets: [{ unitKind: 'DISTRICT', target: 40 }, { unitId: districtB, target: 80 }],
    });
    expect(rice.unitTargets).toEqual([{ unitId: null, unitKind: 'DISTRICT', target: 40 }, { unitId: districtB, target: 80, unitKind: null }]);
    await submit(officerA, rice, districtA, 45); // meets the districts' 40 (misses nothing)
    await submit(officerB, rice, districtB, 70); // meets 40, misses its own 80
    expect(await notices('LUA')).toEqual([{ to: districtB, figure: districtB, value: 70, target: 80 }]);
    // The ward (a commune: no kind's target, no own) takes unitTarget; the tenant-wide figure has none.
    const figure = await readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: rice.id, period: '2026-03' });
    expect(figure).toMatchObject({ value: 115, target: null, missesTarget: null });
    const byUnit = new Map(figure.byUnit.map((u) => [u.unitId, u]));
    expect(byUnit.get(districtA)).toEqual({ unitId: districtA, value: 45, target: 40, missesTarget: false });
    expect(byUnit.get(districtB)).toEqual({ unitId: districtB, value: 70, target: 80, missesTarget: true });
    expect(byUnit.get(t.wardUnitId)).toMatchObject({ target: 10 });

    // Replacing the list: B's own target goes, B now takes the districts' 40.
    const changed = await updateIndicator(ctx, t.tenantId, t.admin, rice.id, { unitTargets: [{ unitKind: 'DISTRICT', target: 40 }] });
    expect(changed.unitTargets).toEqual([{ unitId: null, unitKind: 'DISTRICT', target: 40 }]);
    expect((await readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: rice.id, period: '2026-03', unitId: districtB })).target).toBe(40);
  });

  it('refuses a unit of another tenant, a non-finite target and a malformed list, changing nothing', async () => {
    const otherUnit = other.roadsUnitId;
    const before = await counts();
    const define = (extra: object) => defineIndicator(ctx, t.tenantId, t.admin, { code: 'BAD', name: 'x', nameEn: 'x', ...base, ...extra });
    await expect(define({ unitTargets: [{ unitId: otherUnit, target: 1 }] })).rejects.toMatchObject({
      code: 'VALIDATION', details: { fields: [{ path: 'unitTargets.0.unitId', code: 'UNKNOWN_REFERENCE' }] },
    });
    await expect(define({ target: Number.POSITIVE_INFINITY })).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'target' }] } });
    await expect(define({ unitTargets: [{ unitId: districtA, target: Number.NaN }] })).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'unitTargets.0.target' }] } });
    await expect(define({ unitTargets: [{ unitId: districtA, unitKind: 'DISTRICT', target: 1 }, { target: 2 }] })).rejects.toMatchObject({
      code: 'VALIDATION', details: { fields: [{ path: 'unitTargets.0', code: 'INVALID' }, { path: 'unitTargets.1', code: 'INVALID' }] },
    });
    await expect(define({ unitTargets: [{ unitKind: 'COMMUNE', target: 1 }, { unitKind: 'COMMUNE', target: 2 }] })).rejects.toMatchObject({
      code: 'VALIDATION', details: { fields: [{ path: 'unitTargets.1', code: 'INVALID' }] },
    });
    const rice = (await withTenant(ctx.db, t.tenantId, (tx) => tx.indicator.findFirstOrThrow({ where: { code: 'LUA' } }))).id;
    await expect(updateIndicator(ctx, t.tenantId, t.admin, rice, { target: 1, unitTargets: [{ unitId: otherUnit, target: 1 }] })).rejects.toMatchObject({
      code: 'VALIDATION', details: { fields: [{ path: 'unitTargets.0.unitId', code: 'UNKNOWN_REFERENCE' }] },
    });
    expect(await counts()).toEqual(before);
    const kept = await readIndicatorFigure(ctx, t.tenantId, t.admin, { indicatorId: rice, period: '2026-03', unitId: districtB });
    expect(kept.indicator).toMatchObject({ target: null, unitTargets: [{ unitKind: 'DISTRICT', target: 40 }] });
  });
});
