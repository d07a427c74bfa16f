import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineIndicator, submitIndicatorValue, withTenant, type Actor, type IndicatorRecord } from '@paht/core';
import { addTwoDistricts, createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Target alerts for an indicator's owner unit that is not above the units
// reporting it (docs/indicators.md#target-alerts): the department of
// finance owns the budget revenue the districts report. Its own branch has
// no values, so it used to hear of nothing; it is now told of each
// reporting unit's figure that misses and of the tenant-wide figure when
// that misses, once per submission. An owner above the reporting unit keeps
// hearing of its own branch's figure only.

const NOW = new Date('2026-04-06T02:00:00Z');

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let districtA: string;
let districtB: string;
let officerA: Actor;
let officerB: Actor;
let revenue: IndicatorRecord;
let onTime: IndicatorRecord;

type Notice = { code: unknown; figureUnitId: unknown; value: unknown };
/** The INDICATOR_TARGET_MISSED notices of a unit's staff (one row a staff member), in a fixed order (the clock stands still). */
const missed = (unitId: string) =>
  withTenant(ctx.db, t.tenantId, async (tx) =>
    (await tx.staffNotification.findMany({ where: { kind: 'INDICATOR_TARGET_MISSED', unitId } }))
      .map((n) => {
        const d = n.data as Record<string, unknown>;
        return { staff: n.staffUserId, code: d.code, figureUnitId: d.figureUnitId, value: d.value };
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  );
/** The notices the owner's officer has (one a notice). */
const ownerNotices = async (): Promise<Notice[]> => (await missed(t.roadsUnitId)).filter((n) => 'userId' in t.roadsOfficer && n.staff === t.roadsOfficer.userId).map(({ staff: _s, ...n }) => n);
/** The owner's notices that `run` adds. */
async function added(run: () => Promise<unknown>): Promise<Notice[]> {
  const before = (await ownerNotices()).map((n) => JSON.stringify(n));
  await run();
  const after = await ownerNotices();
  for (const n of before) after.splice(after.findIndex((a) => JSON.stringify(a) === n), 1);
  return after;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'owner-alerts', 'OA');
  ({ districtA, districtB, officerA, officerB } = await addTwoDistricts(ctx, t.tenantId));
  // The owner (the fixture's department, standing in for the department of finance) is a top-level unit beside the districts.
  const def = { unitOfMeasure: 'triệu đồng', periodicity: 'MONTH', ownerUnitId: t.roadsUnitId } as const;
  revenue = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'THU', name: 'Thu ngân sách', nameEn: 'Budget revenue', aggregation: 'SUM', ...both(100), ...def });
  onTime = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'TL', name: 'Tỷ lệ', nameEn: 'Share', aggregation: 'AVERAGE', ...both(95), ...def });
});

afterAll(async () => tdb?.close());

/** A target set for the tenant-wide figure and for every unit's alike (docs/indicators.md#targets). */
const both = (target: number) => ({ target, unitTarget: target });

const submit = (actor: Actor, indicator: IndicatorRecord, unitId: string, value: number, reason?: string) =>
  submitIndicatorValue(ctx, t.tenantId, actor, { indicatorId: indicator.id, unitId, period: '2026-03', value, ...(reason ? { reason } : {}) });

describe('an owner unit that is not above the reporting units', () => {
  it('is told of a reporting unit’s figure that misses and of the tenant-wide figure when it misses', async () => {
    const first = await added(() => submit(officerA, revenue, districtA, 40));
    // District A hears of its own figure as before; the owner of it and of the tenant's 40.
    expect((await missed(districtA)).map((n) => [n.code, n.figureUnitId, n.value])).toEqual([['THU', districtA, 40]]);
    expect(first).toEqual(expect.arrayContaining([
      { code: 'THU', figureUnitId: districtA, value: 40 },
      { code: 'THU', figureUnitId: null, value: 40 },
    ]));
    expect(first).toHaveLength(2);

    // District B's 70 misses on its own; the tenant's 110 meets the target: the owner hears of B only.
    expect(await added(() => submit(officerB, revenue, districtB, 70))).toEqual([{ code: 'THU', figureUnitId: districtB, value: 70 }]);
  });

  it('hears of a ratio by the unit that misses it, not of a tenant-wide figure that meets it', async () => {
    expect(await added(() => submit(officerA, onTime, districtA, 99))).toEqual([]);
    // B misses 95; the tenant's average, 96, meets it.
    expect(await added(() => submit(officerB, onTime, districtB, 93))).toEqual([{ code: 'TL', figureUnitId: districtB, value: 93 }]);
  });

  it('is told again after a correction that still misses', async () => {
    // A's 45 misses again (revision 2); the tenant's 115 meets the target.
    expect(await added(() => submit(officerA, revenue, districtA, 45, 'Số liệu kho bạc cập nhật'))).toEqual([{ code: 'THU', figureUnitId: districtA, value: 45 }]);
    // A correction that takes the tenant under the target: both figures miss.
    const lowered = await added(() => submit(officerB, revenue, districtB, 20, 'Nhập nhầm'));
    expect(lowered).toEqual(expect.arrayContaining([
      { code: 'THU', figureUnitId: districtB, value: 20 },
      { code: 'THU', figureUnitId: null, value: 65 },
    ]));
    expect(lowered).toHaveLength(2);
  });
});

describe('an owner unit above the reporting unit', () => {
  it('hears of its own branch’s figure only, as before', async () => {
    const { commune, officer } = await withTenant(ctx.db, t.tenantId, async (tx) => {
      const c = await tx.unit.create({ data: { tenantId: t.tenantId, code: 'X-A1', name: 'Xã A1', kind: 'COMMUNE', parentId: districtA } });
      const s = await tx.staffUser.create({ data: { tenantId: t.tenantId, email: 'a1@example.gov.vn', fullName: 'a1', role: 'UNIT_OFFICER', unitId: c.id } });
      return { commune: c.id, officer: { role: 'UNIT_OFFICER', userId: s.id, unitId: c.id } as Actor };
    });
    const rice = await defineIndicator(ctx, t.tenantId, t.admin, { code: 'LUA', name: 'Lúa', nameEn: 'Rice', unitOfMeasure: 'tấn', periodicity: 'MONTH', aggregation: 'SUM', ...both(50), ownerUnitId: districtA });
    await submitIndicatorValue(ctx, t.tenantId, officer, { indicatorId: rice.id, unitId: commune, period: '2026-03', value: 30 });
    expect((await missed(districtA)).filter((n) => n.code === 'LUA').map((n) => [n.figureUnitId, n.value])).toEqual([[districtA, 30]]);
    expect((await missed(commune)).map((n) => [n.code, n.figureUnitId, n.value])).toEqual([['LUA', commune, 30]]);
  });
});
