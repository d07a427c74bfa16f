import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_GROUP_BYS, rebuildKpiRollups, recomputeReportKpis, reportKpis, withTenant } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

/**
 * The exact medians and 90th percentiles of the KPI rollups (migration 0022:
 * a monthly histogram of handling times locates each rank, the facts of one
 * bucket give its value) against their definition, on a few hundred answered
 * reports written straight into the table (the triggers run as for any
 * change): handling times from none to months (both kinds of bucket), runs of
 * equal times, periods made of whole months, of days at both ends, or of
 * neither, or taken away from whole months. Also: the histograms (monthly per
 * key, daily for the tenant) are the facts' own, after changes, a calendar
 * change and a rebuild.
 */

const NOW = new Date('2026-07-15T03:00:00Z');
const REPORTS = 360;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;

/** Reports submitted from 2026-01-10 over about four months; most answered after 0 minutes to 70 days, runs of identical ones. */
async function insertReports(): Promise<void> {
  await withTenant(ctx.db, t.tenantId, (tx) => tx.$executeRawUnsafe(`
    INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility,
                         area_code, submitted_at, updated_at, due_at, answer_due_at, resolved_at, resolved_on_time, resolution_outcome, rating)
    SELECT $1::uuid, 'KP-' || g.i, 'x', 'Đèn đường hỏng', 'Nội dung', CASE WHEN g.i % 3 = 0 THEN $2::uuid ELSE $3::uuid END,
           CASE WHEN g.i % 4 = 0 THEN $4::uuid ELSE $5::uuid END, s.status::"ReportStatus",
           (ARRAY['APP', 'WEB', 'ZALO']::"Channel"[])[1 + g.i % 3], (CASE WHEN g.i % 11 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END)::"Visibility",
           (19000 + g.i % 4)::text, g.at, g.at + interval '1 hour', g.at + interval '1 day', g.at + interval '10 days',
           CASE WHEN s.answered THEN g.at + g.took END, CASE WHEN s.answered THEN g.i % 5 <> 0 END,
           (CASE WHEN s.answered THEN CASE WHEN g.i % 29 = 0 THEN 'NOT_FIXED' ELSE 'FIXED' END END)::"ResolutionOutcome", NULL
      FROM (SELECT i,
                   -- Every seventh report repeats the one before it: equal handling times.
                   timestamptz '2026-01-10T01:00:00Z' + make_interval(secs => ((i - CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END) * 104729 % 360) * 31680 + (i % 13) * 977),
                   CASE WHEN (i - CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END) % 9 = 0 THEN make_interval(secs => (i % 5) * 60)
                        ELSE make_interval(secs => ((i - CASE WHEN i % 7 = 0 THEN 1 ELSE 0 END) * 7919 % 1000) * ((i % 4) * 1500 + 300)) END
              FROM generate_series(1, ${REPORTS}) i) g(i, at, took)
     CROSS JOIN LATERAL (SELECT CASE WHEN g.i % 17 = 0 THEN 'REJECTED' WHEN g.i % 13 = 0 THEN 'ASSIGNED'
                                     WHEN g.i % 2 = 0 THEN 'CLOSED' ELSE 'RESOLVED' END AS status) s0
     CROSS JOIN LATERAL (SELECT s0.status, s0.status IN ('RESOLVED', 'CLOSED') AS answered) s`,
    t.tenantId, t.roadsCategoryId, t.misconductCategoryId, t.roadsUnitId, t.wardUnitId));
}

/**
 * Whole months, days at both ends around whole months, exactly one month, part of one month (read as the month
 * without the days around it: migration 0025), a month and a day, and months whose days outside the period are
 * taken away at both ends (`histogramPlan`).
 */
const PERIODS = [
  { from: '2026-01-01', to: '2026-06-30' },
  { from: '2026-01-17', to: '2026-05-09' },
  { from: '2026-03-01', to: '2026-03-31' },
  { from: '2026-02-03', to: '2026-02-21' },
  { from: '2026-03-31', to: '2026-05-01' },
  { from: '2026-01-12', to: '2026-04-27' },
];

/** Every grouping the rollups answer over the first period given; a few over the others. */
const ROLLUP_GROUP_BYS = KPI_GROUP_BYS.filter((g) => g !== 'FORMER_TENANT');
const SOME_GROUP_BYS = ['TENANT', 'MONTH', 'UNIT', 'WEEK'] as const;

async function expectPercentilesAgree(periods = PERIODS): Promise<number> {
  let compared = 0;
  for (const period of periods) {
    for (const groupBy of period === periods[0] ? ROLLUP_GROUP_BYS : SOME_GROUP_BYS) {
      for (const includePrivate of [false, true]) {
        const query = { ...period, groupBy, includePrivate };
        const fromRollups = await reportKpis(ctx, t.tenantId, query);
        expect(fromRollups, JSON.stringify(query)).toEqual(await recomputeReportKpis(ctx, t.tenantId, query));
        compared += fromRollups.filter((r) => r.medianHandlingHours !== null).length;
      }
    }
  }
  return compared;
}

/** The histograms as kept (monthly per key, then daily for the tenant), and as counted afresh from the facts. */
const histogram = async (tenantId: string) => [
  ...(await tdb.db.query(`SELECT month::text, dim, key, is_public, bucket, n FROM kpi_monthly_handling WHERE tenant_id = $1 AND n <> 0 ORDER BY 1, 2, 3, 4, 5`, [tenantId])),
  ...(await tdb.db.query(`SELECT day::text, is_public, bucket, n FROM kpi_daily_handling WHERE tenant_id = $1 AND n <> 0 ORDER BY 1, 2, 3`, [tenantId])),
];
const RESOLVED_FACTS = `f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL`;
const histogramOfFacts = async (tenantId: string) => [
  ...(await tdb.db.query(
    `SELECT date_trunc('month', f.day)::date::text AS month, d.dim, d.key, f.is_public, kpi_handling_bucket(f.handling_minutes) AS bucket, count(*)::int AS n
       FROM kpi_report_facts f CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
      WHERE f.tenant_id = $1 AND ${RESOLVED_FACTS} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    [tenantId],
  )),
  ...(await tdb.db.query(
    `SELECT f.day::text, f.is_public, kpi_handling_bucket(f.handling_minutes) AS bucket, count(*)::int AS n FROM kpi_report_facts f
      WHERE f.tenant_id = $1 AND ${RESOLVED_FACTS} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [tenantId],
  )),
];

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'kpi-percentiles', 'KP');
  await insertReports();
});
afterAll(async () => tdb?.close());

describe('KPI percentiles from the handling histogram', () => {
  it('equal percentile_cont over the resolved reports for every grouping and period, after changes, a calendar change and a rebuild', async () => {
    // Spread enough to matter: several buckets of both kinds, and a group of equal times.
    const [spread] = await tdb.db.query<{ buckets: number; long: number; ties: number }>(
      `SELECT count(DISTINCT kpi_handling_bucket(handling_minutes))::int AS buckets, count(*) FILTER (WHERE handling_minutes >= 9600)::int AS long,
              (SELECT count(*)::int FROM (SELECT handling_minutes FROM kpi_report_facts WHERE tenant_id = $1 AND handling_minutes IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d) AS ties
         FROM kpi_report_facts WHERE tenant_id = $1 AND handling_minutes IS NOT NULL`,
      [t.tenantId],
    );
    // Handling times are filled by the first read: none yet.
    expect(spread).toMatchObject({ buckets: 0 });
    expect(await expectPercentilesAgree()).toBeGreaterThan(100);
    const [filled] = await tdb.db.query<{ buckets: number; long: number; ties: number }>(
      `SELECT count(DISTINCT kpi_handling_bucket(handling_minutes))::int AS buckets, count(*) FILTER (WHERE handling_minutes >= 9600)::int AS long,
              (SELECT count(*)::int FROM (SELECT handling_minutes FROM kpi_report_facts WHERE tenant_id = $1 AND handling_minutes IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d) AS ties
         FROM kpi_report_facts WHERE tenant_id = $1 AND handling_minutes IS NOT NULL`,
      [t.tenantId],
    );
    expect(filled!.buckets).toBeGreaterThan(20);
    expect(filled!.long).toBeGreaterThan(10);
    expect(filled!.ties).toBeGreaterThan(10);
    expect(await histogram(t.tenantId)).toEqual(await histogramOfFacts(t.tenantId));

    // Changes to reports move facts between buckets, groups and months.
    await withTenant(ctx.db, t.tenantId, async (tx) => {
      await tx.$executeRaw`UPDATE reports SET resolved_at = resolved_at + interval '3 days' WHERE tenant_id = ${t.tenantId}::uuid AND tracking_code LIKE 'KP-%3'`;
      await tx.$executeRaw`UPDATE reports SET unit_id = ${t.iocUnitId}::uuid WHERE tenant_id = ${t.tenantId}::uuid AND tracking_code LIKE 'KP-%5'`;
      await tx.$executeRaw`UPDATE reports SET status = 'IN_PROGRESS', resolved_at = NULL, resolved_on_time = NULL, resolution_outcome = NULL
                            WHERE tenant_id = ${t.tenantId}::uuid AND tracking_code LIKE 'KP-%8'`;
    });
    await expectPercentilesAgree(PERIODS.slice(0, 2));
    expect(await histogram(t.tenantId)).toEqual(await histogramOfFacts(t.tenantId));

    // A new holiday clears the handling times (and empties the histogram); the next read fills them again.
    await withTenant(ctx.db, t.tenantId, (tx) => tx.calendarDay.create({ data: { tenantId: t.tenantId, date: new Date('2026-03-10T00:00:00Z'), kind: 'HOLIDAY', name: 'Nghỉ bù' } }));
    expect(await histogram(t.tenantId)).toEqual([]);
    await expectPercentilesAgree(PERIODS.slice(0, 2));
    const kept = await histogram(t.tenantId);
    expect(kept).toEqual(await histogramOfFacts(t.tenantId));
    expect(kept.length).toBeGreaterThan(0);

    await rebuildKpiRollups(ctx, t.tenantId);
    expect(await histogram(t.tenantId)).toEqual(kept);
  }, 120_000);
});
