import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError, KPI_GROUP_BYS, listReports, openDeadlines, reportKpis, reportKpisMany, SLA_RUNNING_STATUSES, type Actor, type KpiQuery, type KpiRow, type ReportPage } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { insertPageReports } from '../support/kpi-page-reports.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

/**
 * Issue 13, a page's KPI reads: `reportKpisMany` (the `kpis` fields of one
 * GraphQL request, read in one transaction and one statement) answers each
 * query exactly as `reportKpis` answers it alone, its refusals included,
 * the first time too (when it fills the handling times); and
 * `openDeadlines` (the leader overview's open reports by deadline) counts
 * what the work list lists, for the whole tenant and for a unit.
 */

const NOW = new Date('2026-07-15T03:00:00Z');
const DAY = 86_400_000;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'kpi-page', 'KG');
  other = await createFixtureTenant(ctx, 'kpi-page-other', 'KH');
  await insertPageReports(ctx, t, 'KG', 240, NOW);
  await insertPageReports(ctx, other, 'KH', 60, NOW);
}, 120_000);
afterAll(async () => tdb?.close());

/** An answer compared as data: rows, or a refusal's code and fields. */
const comparable = (answer: unknown) => (isDomainError(answer) ? { refused: answer.code, fields: answer.details.fields } : answer);

describe('a page of KPI reads at once', () => {
  it('answers every query as reportKpis alone, refusals included, in one batch', async () => {
    const queries: KpiQuery[] = [
      // The pages' own reads: the statistics year to date, the leader overview's two periods.
      ...(['TENANT', 'MONTH', 'UNIT'] as const).map((groupBy) => ({ from: '2026-01-01', to: '2026-07-15', groupBy, includePrivate: false })),
      ...[{ from: '2026-06-16', to: '2026-07-15' }, { from: '2026-05-17', to: '2026-06-15' }].flatMap((p) =>
        (['TENANT', 'UNIT', 'CATEGORY'] as const).map((groupBy) => ({ ...p, groupBy, includePrivate: true })),
      ),
      // Every other grouping, days at both ends of whole months; the per-former-tenant figures (recomputed).
      ...KPI_GROUP_BYS.map((groupBy) => ({ from: '2026-02-27', to: '2026-06-03', groupBy, includePrivate: groupBy === 'AREA' })),
      { from: '2026-03-01', to: '2026-03-31', formerTenantId: null },
      // Refused, each alone: a bad day, a reversed range, an unknown grouping, a tenant not merged into this one.
      { from: '2026-02-30', to: '2026-03-31' },
      { from: '2026-04-01', to: '2026-03-01' },
      { from: '2026-03-01', to: '2026-03-31', groupBy: 'HOUR' as never },
      { from: '2026-03-01', to: '2026-03-31', formerTenantId: other.tenantId },
    ];
    // First: the handling times are not filled yet, the batch fills them.
    const [unfilled] = await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_report_facts WHERE tenant_id = $1 AND handling_minutes IS NULL AND resolved_at IS NOT NULL`, [t.tenantId]);
    expect(unfilled!.n).toBeGreaterThan(0);
    const batched = await reportKpisMany(ctx, t.tenantId, queries);
    expect(batched).toHaveLength(queries.length);
    const alone = await Promise.all(queries.map((q) => reportKpis(ctx, t.tenantId, q).catch((error: unknown) => error)));
    expect(batched.map(comparable)).toEqual(alone.map(comparable));
    // Something was compared: rows with figures and percentiles, and the four refusals with their fields.
    const rows = batched.filter((a): a is KpiRow[] => !isDomainError(a)).flat();
    expect(rows.filter((r) => r.medianHandlingHours !== null && r.openOverdue > 0).length).toBeGreaterThan(10);
    expect(batched.slice(-4).map((a) => (isDomainError(a) ? a.details.fields?.[0]?.path : 'rows'))).toEqual(['from', 'to', 'groupBy', 'formerTenantId']);
    // The same again, read from filled handling times, and another tenant's page sees none of these reports.
    expect((await reportKpisMany(ctx, t.tenantId, queries)).map(comparable)).toEqual(alone.map(comparable));
    const wholeYear = { from: '2026-01-01', to: '2026-12-31', includePrivate: true };
    const received = async (tenantId: string) => ((await reportKpisMany(ctx, tenantId, [wholeYear]))[0] as { received: number }[])[0]!.received;
    expect([await received(t.tenantId), await received(other.tenantId)]).toEqual([240, 60]);
    expect(await reportKpisMany(ctx, t.tenantId, [])).toEqual([]);
  }, 120_000);
});

/** The open reports the work list gives `actor`, counted by deadline as the overview counted them in the browser. */
async function countedFromTheList(actor: Actor, days = 7) {
  const items: ReportPage['items'] = [];
  for (let after: string | undefined; ; ) {
    const page = await listReports(ctx, t.tenantId, actor, { filter: { status: [...SLA_RUNNING_STATUSES] }, first: 100, ...(after ? { after } : {}) });
    items.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor!;
  }
  const tally = (key: (i: (typeof items)[number]) => string | null) => {
    const groups = new Map<string, { open: number; overdue: number; dueSoon: number }>();
    for (const item of items) {
      const k = key(item) ?? '';
      const g = groups.get(k) ?? { open: 0, overdue: 0, dueSoon: 0 };
      const due = item.dueAt?.getTime();
      g.open += 1;
      if (due !== undefined && due < NOW.getTime()) g.overdue += 1;
      else if (due !== undefined && due < NOW.getTime() + days * DAY) g.dueSoon += 1;
      groups.set(k, g);
    }
    return [...groups].map(([k, g]) => ({ key: k, ...g })).sort((a, b) => (a.key < b.key ? -1 : 1));
  };
  return { total: tally(() => t.tenantId), units: tally((i) => i.unit?.id ?? null), categories: tally((i) => i.category?.id ?? null) };
}

const figures = (rows: { key: string; open: number; overdue: number; dueSoon: number }[]) => rows.map(({ key, open, overdue, dueSoon }) => ({ key, open, overdue, dueSoon }));

describe('open reports by deadline (the leader overview)', () => {
  it('counts what the work list lists, for the tenant and for a unit, with names and a window', async () => {
    for (const actor of [t.leader, t.roadsLeader]) {
      for (const days of [7, 1, 31]) {
        const counted = await openDeadlines(ctx, t.tenantId, actor, { dueWithinDays: days });
        const expected = await countedFromTheList(actor, days);
        expect(figures([counted.total])).toEqual(expected.total);
        expect(figures(counted.units)).toEqual(expected.units);
        expect(figures(counted.categories)).toEqual(expected.categories);
        expect(counted).toMatchObject({ countedAt: NOW, dueWithinDays: days });
      }
    }
    const all = await openDeadlines(ctx, t.tenantId, t.leader);
    // Enough of each kind to matter, all three groups of each grouping, names from the units and categories.
    expect(all.total.open).toBeGreaterThan(100);
    expect(all.total.overdue).toBeGreaterThan(20);
    expect(all.total.dueSoon).toBeGreaterThan(10);
    expect(all.total.open).toBeGreaterThan(all.total.overdue + all.total.dueSoon);
    expect(all.units.map((u) => u.key).sort()).toEqual(['', t.roadsUnitId, t.wardUnitId].sort());
    expect(all.units.find((u) => u.key === t.roadsUnitId)).toMatchObject({ label: 'Sở Giao thông vận tải' });
    expect(all.categories.find((c) => c.key === t.misconductCategoryId)).toMatchObject({ label: 'Cán bộ gây phiền hà', labelEn: 'MISCONDUCT' });
    // A unit leader counts their unit's only.
    const unit = await openDeadlines(ctx, t.tenantId, t.roadsLeader);
    expect(unit.units.map((u) => u.key)).toEqual([t.roadsUnitId]);
    expect(unit.total.open).toBe(all.units.find((u) => u.key === t.roadsUnitId)!.open);
  }, 60_000);

  it('refuses a window outside 1–31 whole days, and an empty tenant counts nothing', async () => {
    for (const dueWithinDays of [0, 32, 1.5, Number.NaN]) {
      await expect(openDeadlines(ctx, t.tenantId, t.leader, { dueWithinDays })).rejects.toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'dueWithinDays' }] } });
    }
    const empty = await createFixtureTenant(ctx, 'kpi-page-empty', 'KE');
    expect(await openDeadlines(ctx, empty.tenantId, empty.leader)).toEqual({
      countedAt: NOW,
      dueWithinDays: 7,
      total: { key: empty.tenantId, label: null, labelEn: null, open: 0, overdue: 0, dueSoon: 0 },
      units: [],
      categories: [],
    });
  });
});
