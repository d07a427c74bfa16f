import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rebuildKpiRollups, recomputeReportKpis, reportKpis, withTenant } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../support/test-database.js';

/**
 * The KPI rollups under concurrent writers (migration 0027), on PostgreSQL
 * only (PGlite has one connection):
 *
 * - no hot row: a transaction that changes a report's rollup rows and both
 *   handling histograms (a reopen, an answer, its handling time filled) does
 *   not wait for another, still open, that changed another report of the
 *   same day, channel, unit, category, area and bucket (`lock_timeout`: a
 *   wait is an error, never a slow pass); with migration 0025 every one of
 *   these waited until the first committed;
 * - a rebuild meeting a writer that changes its report twice (a new day's
 *   rows, then the rows of a day the rebuild had already locked) waits for
 *   the writer instead of deadlocking with it (0025: 40P01), and a rebuild
 *   during a burst of submits and steps loses nothing.
 *
 * Afterwards the rollups always equal the recomputation, and the histograms
 * a count of the facts afresh.
 */

const NOW = new Date('2026-05-20T03:00:00Z');
/** Reports of the same day, unit, category, area and channel, answered after the same handling time. */
const TWINS = 6;
const WRITERS = 12;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let clients: pg.Client[] = [];

const connect = async (): Promise<pg.Client> => {
  const c = new pg.Client({ connectionString: tdb.url! });
  await c.connect();
  clients.push(c);
  return c;
};
const begin = async (c: pg.Client): Promise<void> => {
  await c.query('BEGIN');
  await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [t.tenantId]);
};

const insertReports = (prefix: string, count: number, status: string, submittedAt: string, areaCode = '19000') =>
  withTenant(ctx.db, t.tenantId, async (tx) =>
    (await tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility,
                            area_code, submitted_at, updated_at, resolved_at, resolved_on_time, resolution_outcome)
       SELECT $1::uuid, $4 || i, 'x', 'Ổ gà', 'Nội dung', $2::uuid, $3::uuid, $5::"ReportStatus", 'WEB', 'PUBLIC', $7,
              $6::timestamptz, $6::timestamptz + interval '1 day',
              CASE WHEN $5 = 'RESOLVED' THEN $6::timestamptz + interval '1 day' END, CASE WHEN $5 = 'RESOLVED' THEN true END,
              CASE WHEN $5 = 'RESOLVED' THEN 'FIXED'::"ResolutionOutcome" END
         FROM generate_series(1, ${count}) i RETURNING id::text AS id`,
      t.tenantId, t.roadsCategoryId, t.roadsUnitId, prefix, status, submittedAt, areaCode,
    )).map((r) => r.id),
  );

/** Every grouping of May read from the rollups equals the recomputation; both histograms equal a count of the facts. */
async function expectRollupsExact(): Promise<void> {
  for (const groupBy of ['TENANT', 'DAY', 'UNIT', 'CATEGORY', 'AREA', 'CHANNEL'] as const) {
    for (const includePrivate of [true, false]) {
      const query = { from: '2026-05-01', to: '2026-05-31', groupBy, includePrivate };
      expect(await reportKpis(ctx, t.tenantId, query), JSON.stringify(query)).toEqual(await recomputeReportKpis(ctx, t.tenantId, query));
    }
  }
  const resolved = `standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND resolved_at IS NOT NULL AND handling_minutes IS NOT NULL`;
  expect(await tdb.db.query(`SELECT day::text, is_public, bucket, sum(n)::int AS n FROM kpi_daily_handling WHERE tenant_id = $1
                              GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`, [t.tenantId]))
    .toEqual(await tdb.db.query(`SELECT day::text, is_public, handling_bucket AS bucket, count(*)::int AS n FROM kpi_report_facts
                                  WHERE tenant_id = $1 AND ${resolved} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, [t.tenantId]));
  expect(await tdb.db.query(`SELECT month::text, dim, key, is_public, bucket, sum(n)::int AS n FROM kpi_monthly_handling WHERE tenant_id = $1
                              GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5`, [t.tenantId]))
    .toEqual(await tdb.db.query(
      `SELECT date_trunc('month', f.day)::date::text AS month, d.dim, d.key, f.is_public, f.handling_bucket AS bucket, count(*)::int AS n
         FROM kpi_report_facts f CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
        WHERE f.tenant_id = $1 AND ${resolved} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`, [t.tenantId]));
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'kpi-rollup-contention', 'KC');
});
/** Connections closed after each test (one that failed mid-transaction releases its locks). */
const closeClients = async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  clients = [];
};
afterEach(closeClients);
afterAll(async () => {
  await closeClients();
  await tdb?.close();
});

describe.runIf(testEngine() === 'postgres')('KPI rollups under concurrent writers', () => {
  it('let a transaction change the rollup and histogram rows of a day and bucket that another, still open, changed for another report', async () => {
    const ids = await insertReports('KC-T', TWINS, 'RESOLVED', '2026-05-05T02:00:00Z');
    await rebuildKpiRollups(ctx, t.tenantId); // every handling time filled: the twins share a day and a bucket
    const reopen = `UPDATE reports SET status = 'IN_PROGRESS', resolved_at = NULL, resolved_on_time = NULL, resolution_outcome = NULL WHERE id = $1`;
    const answer = `UPDATE reports SET status = 'RESOLVED', resolved_at = submitted_at + interval '1 day', resolved_on_time = true, resolution_outcome = 'FIXED' WHERE id = $1`;
    const fill = `UPDATE kpi_report_facts SET handling_minutes = $2 WHERE report_id = $1`;
    const [a, b] = [await connect(), await connect()];
    // Each step twice, the second transaction on the other twin while the first is still open.
    for (const [step, first, second] of [[reopen, ids[0], ids[1]], [answer, ids[0], ids[1]], [reopen, ids[2], ids[3]], [answer, ids[2], ids[3]]] as const) {
      await begin(a);
      await a.query(step, [first]);
      await begin(b);
      await b.query(`SET LOCAL lock_timeout = '2s'`);
      await expect(b.query(step, [second]), step).resolves.toBeDefined();
      await b.query('COMMIT');
      await a.query('COMMIT');
    }
    // Two twins' handling times cleared, then filled again by two transactions at once, as core fills them (the tenant's lock
    // shared, then the facts): cells that exist (the other twins keep theirs).
    const [{ m }] = (await a.query<{ m: number }>(`SELECT handling_minutes AS m FROM kpi_report_facts WHERE report_id = $1`, [ids[4]])).rows as [{ m: number }];
    await a.query(`UPDATE kpi_report_facts SET handling_minutes = NULL WHERE report_id = ANY($1::uuid[])`, [[ids[0], ids[1]]]);
    await begin(a);
    await a.query(`SELECT kpi_lock_tenant($1::uuid, false)`, [t.tenantId]);
    await a.query(fill, [ids[0], m]);
    await begin(b);
    await b.query(`SET LOCAL lock_timeout = '2s'`);
    await b.query(`SELECT kpi_lock_tenant($1::uuid, false)`, [t.tenantId]);
    await expect(b.query(fill, [ids[1], m])).resolves.toBeDefined();
    await b.query('COMMIT');
    await a.query('COMMIT');
    // The waits avoided went to spill rows, in all three tables.
    for (const table of ['kpi_daily_rollups', 'kpi_monthly_handling', 'kpi_daily_handling']) {
      expect((await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND slot > 0`, [t.tenantId]))[0]!.n, table).toBeGreaterThan(0);
    }
    // The tenant's own rows (dimension T, migration 0030) too: the ones every change of the tenant that day shares.
    for (const table of ['kpi_daily_rollups', 'kpi_monthly_handling']) {
      expect((await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND dim = 'T' AND slot > 0`, [t.tenantId]))[0]!.n, table)
        .toBeGreaterThan(0);
    }
    await expectRollupsExact();
  }, 60_000);

  it('let a rebuild wait for a writer that changes its report twice instead of deadlocking with it', async () => {
    // Reports of 7 and 8 May: the rollup rows of both days exist.
    await insertReports('KC-D', 2, 'RESOLVED', '2026-05-07T02:00:00Z');
    await insertReports('KC-E', 2, 'RESOLVED', '2026-05-08T02:00:00Z');
    const [w, r, watcher] = [await connect(), await connect(), await connect()];
    // A submit of 8 May: it holds that day's rows (area, category, channel, unit) until it commits.
    await begin(w);
    const [{ id }] = (await w.query<{ id: string }>(
      `INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility,
                            area_code, submitted_at, updated_at)
       VALUES ($1, 'KC-DW', 'x', 'Ổ gà', 'Nội dung', $2, $3, 'SUBMITTED', 'WEB', 'PUBLIC', '19000', '2026-05-08T03:00:00Z', '2026-05-08T03:00:00Z')
       RETURNING id::text AS id`, [t.tenantId, t.roadsCategoryId, t.roadsUnitId])).rows as [{ id: string }];
    // A rebuild meanwhile. Its DELETE of the rollup rows goes through the key index (as with many rows; forced here so that
    // the order is known): with migration 0025 it locks 7 May's area row, then waits for the submit's 8 May area row.
    await begin(r);
    await r.query('SET LOCAL enable_seqscan = off');
    const rebuilt = r.query(`SELECT kpi_rebuild($1::uuid)`, [t.tenantId]).then(() => r.query('COMMIT'), async (error: unknown) => {
      await r.query('ROLLBACK');
      throw error;
    });
    await expect.poll(async () => (await watcher.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'SELECT kpi_rebuild%'`,
    )).rows[0].n, { timeout: 10_000, interval: 50 }).toBe(1);
    // The same transaction moves its report to 7 May (0025: rows the rebuild holds, so deadlock), then commits.
    await expect(w.query(`UPDATE reports SET submitted_at = '2026-05-07T03:00:00Z' WHERE id = $1`, [id])).resolves.toBeDefined();
    await w.query('COMMIT');
    await expect(rebuilt).resolves.toBeDefined();
    await expectRollupsExact();
  }, 60_000);

  it('let a rebuild run during a burst of submits and steps without deadlock or loss', async () => {
    const open = await insertReports('KC-B', WRITERS, 'IN_PROGRESS', '2026-05-12T02:00:00Z');
    const failures: unknown[] = [];
    const attempt = async (change: () => Promise<unknown>) => {
      try {
        await change();
      } catch (error) {
        failures.push(error);
      }
    };
    const writer = async (i: number) => {
      for (let round = 0; round < 3; round++) {
        // A submit whose report is routed in a second statement of the same transaction, then a step of an older report.
        await attempt(() => withTenant(ctx.db, t.tenantId, async (tx) => {
          const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(
            `INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, status, channel, visibility, area_code, submitted_at, updated_at)
             VALUES ($1::uuid, $2, 'x', 'Ổ gà', 'Nội dung', $3::uuid, 'SUBMITTED', 'APP', 'PUBLIC', $4, $5::timestamptz, $5::timestamptz) RETURNING id::text AS id`,
            t.tenantId, `KC-S${i}-${round}`, t.roadsCategoryId, `1900${i % 3}`, `2026-05-${String(10 + ((i + round) % 8)).padStart(2, '0')}T02:00:00Z`,
          );
          await tx.$executeRawUnsafe(`UPDATE reports SET unit_id = $2::uuid, status = 'ASSIGNED' WHERE id = $1::uuid`, row!.id, i % 2 ? t.roadsUnitId : t.wardUnitId);
        }));
        await attempt(() => withTenant(ctx.db, t.tenantId, (tx) => tx.$executeRawUnsafe(
          round % 2 === 0
            ? `UPDATE reports SET status = 'RESOLVED', resolved_at = submitted_at + interval '${1 + i} hours', resolved_on_time = true, resolution_outcome = 'FIXED' WHERE id = $1::uuid`
            : `UPDATE reports SET status = 'IN_PROGRESS', resolved_at = NULL, resolved_on_time = NULL, resolution_outcome = NULL WHERE id = $1::uuid`,
          open[i]!,
        )));
      }
    };
    const rebuilds = async () => {
      for (let i = 0; i < 3; i++) await attempt(() => rebuildKpiRollups(ctx, t.tenantId));
    };
    await Promise.all([...Array.from({ length: WRITERS }, (_, i) => writer(i)), rebuilds()]);
    expect(failures).toEqual([]);
    await expectRollupsExact();
  }, 120_000);
});
