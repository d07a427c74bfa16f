import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultMigrationsDir, migrate, openDatabase, type Database } from '@paht/core';
import { testEngine } from '../support/test-database.js';

// Migration 0027 (docs/kpis.md, "Slots") on a database whose rollups and
// handling histograms the 0025 triggers kept: every figure stays what it
// was (the rows become slot 0), equals a rebuild's and a recount's, and the
// triggers keep it right afterwards. Then migration 0030 (the tenant
// dimension T) on that database with spill rows: its tenant rows add up
// every slot of the channel rows, equal a rebuild's, and the triggers keep
// them right.

const BEFORE_SLOTS = '0026_indicator_target_levels';
const SLOTS = '0027_kpi_rollup_slots';
const TENANT_DIM = '0030_kpi_tenant_dimension';
const TENANT = '5b1d2c64-0000-4000-8000-000000000027';

let db: Database;
let drop: () => Promise<void> = async () => undefined;
const dirs: string[] = [];

/** An empty database of the project's engine (no template: the migrations run here, up to a point). */
async function emptyDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') return openDatabase();
  const adminUrl = inject('pgAdminUrl');
  const name = `slots_migration_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  drop = async () => {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  return openDatabase({ url: adminUrl.replace(/\/[^/]*$/, `/${name}`), poolSize: 2 });
}

/** The repository's migrations up to `last` (by name, so by number), or all of them. */
function migrationsDir(last?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'paht-slots-migration-'));
  dirs.push(dir);
  const root = defaultMigrationsDir();
  cpSync(root, dir, { recursive: true, filter: (src) => last === undefined || relative(root, src).split(sep)[0]! <= last });
  return dir;
}

/** The tenant's rollups and both histograms, each cell summed over its slots (no slot column before 0027). */
const figures = async () => ({
  rollups: await db.query(`SELECT day::text, dim, key, is_public, sum(received)::int AS received, sum(resolved_on_time)::int AS on_time, sum(ratings)::int AS ratings,
                                  sum(rating_sum)::int AS rating_sum, sum(published)::int AS published, sum(handled)::int AS handled, sum(wall_ms)::text AS wall_ms
                             FROM kpi_daily_rollups WHERE tenant_id = '${TENANT}' GROUP BY 1, 2, 3, 4 HAVING sum(received) <> 0 ORDER BY 1, 2, 3, 4`),
  monthly: await db.query(`SELECT month::text, dim, key, is_public, bucket, sum(n)::int AS n FROM kpi_monthly_handling WHERE tenant_id = '${TENANT}'
                            GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5`),
  daily: await db.query(`SELECT day::text, is_public, bucket, sum(n)::int AS n FROM kpi_daily_handling WHERE tenant_id = '${TENANT}'
                          GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`),
});

/** Runs statements as the tenant (the test connects as the database's superuser: row-level security does not filter it). */
const asTenant = (sql: string) => db.execScript(`BEGIN; SELECT set_config('app.tenant_id', '${TENANT}', true); ${sql}; COMMIT;`);

/** A report reopened and one rated change the figures, and their reversal through the triggers leaves every cell as `expected`. */
async function expectTriggersKeep(expected: Awaited<ReturnType<typeof figures>>): Promise<void> {
    await asTenant(`UPDATE reports SET status = 'IN_PROGRESS', resolved_at = NULL, resolved_on_time = NULL, resolution_outcome = NULL WHERE tracking_code = 'SM-1';
                    UPDATE reports SET rating = 5 WHERE tracking_code = 'SM-2'`);
    expect(await figures()).not.toEqual(before);
    await asTenant(`UPDATE reports SET status = 'RESOLVED', resolved_at = timestamptz '2026-04-25T02:00:00Z' + make_interval(days => 1, mins => 1, hours => 2),
                           resolved_on_time = true, resolution_outcome = 'FIXED' WHERE tracking_code = 'SM-1';
                    UPDATE kpi_report_facts SET handling_minutes = extract(epoch FROM resolved_at - submitted_at) / 60 WHERE resolved_at IS NOT NULL AND handling_minutes IS NULL;
                    UPDATE reports SET rating = NULL WHERE tracking_code = 'SM-2'`);
  expect(await figures()).toEqual(expected);
}

let before: Awaited<ReturnType<typeof figures>>;

beforeAll(async () => {
  db = await emptyDatabase();
  await migrate(db, migrationsDir(BEFORE_SLOTS));
  await db.execScript(`
    INSERT INTO tenants (id, slug, name, name_en, kind, province_code, timezone, working_hours)
      VALUES ('${TENANT}', 'slots-migration', 'Tỉnh thử', 'Test province', 'PROVINCE', '44', 'Asia/Ho_Chi_Minh', '{}');`);
  // Reports over ten days and three areas, most answered, some rated and published; their handling times filled as core fills them.
  await asTenant(`
    INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, status, channel, visibility, area_code,
                         submitted_at, updated_at, resolved_at, resolved_on_time, resolution_outcome, rating)
    SELECT '${TENANT}', 'SM-' || i, 'x', 'Ổ gà', 'Nội dung', CASE WHEN i % 5 = 0 THEN 'IN_PROGRESS' WHEN i % 3 = 0 THEN 'PUBLISHED' ELSE 'RESOLVED' END::"ReportStatus",
           CASE WHEN i % 2 = 0 THEN 'WEB' ELSE 'APP' END::"Channel", CASE WHEN i % 7 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END::"Visibility", (19000 + i % 3)::text,
           timestamptz '2026-04-25T02:00:00Z' + make_interval(days => i % 10, mins => i), now(),
           CASE WHEN i % 5 <> 0 THEN timestamptz '2026-04-25T02:00:00Z' + make_interval(days => i % 10, mins => i, hours => 1 + i % 40) END,
           CASE WHEN i % 5 <> 0 THEN i % 4 <> 0 END, CASE WHEN i % 5 <> 0 THEN 'FIXED' END::"ResolutionOutcome", CASE WHEN i % 4 = 0 THEN 1 + i % 5 END
      FROM generate_series(1, 120) i;
    UPDATE kpi_report_facts SET handling_minutes = extract(epoch FROM resolved_at - submitted_at) / 60 WHERE resolved_at IS NOT NULL`);
  before = await figures();
});

afterAll(async () => {
  await db?.close();
  await drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('migrations 0027 and 0030, rollup slots and the tenant dimension', () => {
  it('keeps every rollup and histogram cell as the 0025 triggers left it, equal to a rebuild and a recount, and kept right by the triggers', async () => {
    expect(before.rollups.length).toBeGreaterThan(20);
    expect(before.daily.length).toBeGreaterThan(10);
    expect((await migrate(db, migrationsDir(SLOTS))).applied).toEqual([SLOTS]);
    expect(await figures()).toEqual(before);
    expect(await db.query(`SELECT DISTINCT slot FROM kpi_daily_rollups UNION SELECT slot FROM kpi_monthly_handling UNION SELECT slot FROM kpi_daily_handling`))
      .toEqual([{ slot: 0 }]);
    await asTenant(`SELECT kpi_rebuild('${TENANT}'); UPDATE kpi_report_facts SET handling_minutes = extract(epoch FROM resolved_at - submitted_at) / 60
                     WHERE resolved_at IS NOT NULL AND handling_minutes IS NULL`);
    expect(await figures()).toEqual(before);
    await asTenant(`SELECT kpi_recount_handling('${TENANT}')`);
    expect(await figures()).toEqual(before);
    await expectTriggersKeep(before);
  });

  it('0030 adds the tenant rows, every slot of the channel rows added up, equal to a rebuild, kept by the triggers', async () => {
    // Spill rows as concurrent writers leave them: one report of each channel cell moved from slot 0 to a spill row.
    await asTenant(`INSERT INTO kpi_daily_rollups (tenant_id, day, dim, key, is_public, slot, received, handled, wall_ms)
                    SELECT tenant_id, day, dim, key, is_public, 3, 1, 1, 1000 FROM kpi_daily_rollups WHERE dim = 'H' AND slot = 0 AND handled > 0;
                    UPDATE kpi_daily_rollups SET received = received - 1, handled = handled - 1, wall_ms = wall_ms - 1000 WHERE dim = 'H' AND slot = 0 AND handled > 0;
                    INSERT INTO kpi_monthly_handling (tenant_id, month, dim, key, is_public, bucket, slot, n)
                    SELECT tenant_id, month, dim, key, is_public, bucket, 5, 1 FROM kpi_monthly_handling WHERE dim = 'H' AND slot = 0 AND n > 1;
                    UPDATE kpi_monthly_handling SET n = n - 1 WHERE dim = 'H' AND slot = 0 AND n > 1`);
    expect(await db.query(`SELECT (SELECT count(*) FROM kpi_daily_rollups WHERE slot <> 0) > 0 AND (SELECT count(*) FROM kpi_monthly_handling WHERE slot <> 0) > 0 AS spilled`))
      .toEqual([{ spilled: true }]);
    expect(await figures()).toEqual(before);
    expect((await migrate(db, migrationsDir())).applied).toContain(TENANT_DIM);
    const after = await figures();
    const tenantRows = (rows: Record<string, unknown>[]) => rows.filter((r) => r.dim === 'T');
    expect(after.rollups.filter((r) => r.dim !== 'T')).toEqual(before.rollups);
    expect(after.monthly.filter((r) => r.dim !== 'T')).toEqual(before.monthly);
    expect(tenantRows(after.rollups).length).toBeGreaterThan(5);
    expect(tenantRows(after.monthly).length).toBeGreaterThan(5);
    // The tenant rows are what a rebuild counts from the facts (slot 0 only afterwards).
    await asTenant(`SELECT kpi_rebuild('${TENANT}'); UPDATE kpi_report_facts SET handling_minutes = extract(epoch FROM resolved_at - submitted_at) / 60
                     WHERE resolved_at IS NOT NULL AND handling_minutes IS NULL`);
    expect(await figures()).toEqual(after);
    expect(await db.query(`SELECT DISTINCT slot FROM kpi_daily_rollups UNION SELECT slot FROM kpi_monthly_handling`)).toEqual([{ slot: 0 }]);
    await expectTriggersKeep(after);
  });
});
