import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultMigrationsDir, migrate, openDatabase, type Database } from '@paht/core';
import { testEngine } from '../support/test-database.js';

// Migration 0027 (docs/kpis.md, "Slots") on a database whose rollups and
// handling histograms the 0025 triggers kept: every figure stays what it
// was (the rows become slot 0), equals a rebuild's and a recount's, and the
// triggers keep it right afterwards.

const SLOTS = '0027_kpi_rollup_slots';
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

/** The repository's migrations, those before 0027 only, or all of them. */
function migrationsDir(withSlots: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'paht-slots-migration-'));
  dirs.push(dir);
  cpSync(defaultMigrationsDir(), dir, { recursive: true, filter: (src) => withSlots || !src.includes(SLOTS) });
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

let before: Awaited<ReturnType<typeof figures>>;

beforeAll(async () => {
  db = await emptyDatabase();
  await migrate(db, migrationsDir(false));
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

describe('migration 0027, rollup slots', () => {
  it('keeps every rollup and histogram cell as the 0025 triggers left it, equal to a rebuild and a recount, and kept right by the triggers', async () => {
    expect(before.rollups.length).toBeGreaterThan(20);
    expect(before.daily.length).toBeGreaterThan(10);
    expect((await migrate(db, migrationsDir(true))).applied).toEqual([SLOTS]);
    expect(await figures()).toEqual(before);
    expect(await db.query(`SELECT DISTINCT slot FROM kpi_daily_rollups UNION SELECT slot FROM kpi_monthly_handling UNION SELECT slot FROM kpi_daily_handling`))
      .toEqual([{ slot: 0 }]);
    await asTenant(`SELECT kpi_rebuild('${TENANT}'); UPDATE kpi_report_facts SET handling_minutes = extract(epoch FROM resolved_at - submitted_at) / 60
                     WHERE resolved_at IS NOT NULL AND handling_minutes IS NULL`);
    expect(await figures()).toEqual(before);
    await asTenant(`SELECT kpi_recount_handling('${TENANT}')`);
    expect(await figures()).toEqual(before);
    // The triggers after migrating: a report reopened and one rated, then their reversal, leave every cell as it was.
    await asTenant(`UPDATE reports SET status = 'IN_PROGRESS', resolved_at = NULL, resolved_on_time = NULL, resolution_outcome = NULL WHERE tracking_code = 'SM-1';
                    UPDATE reports SET rating = 5 WHERE tracking_code = 'SM-2'`);
    expect(await figures()).not.toEqual(before);
    await asTenant(`UPDATE reports SET status = 'RESOLVED', resolved_at = timestamptz '2026-04-25T02:00:00Z' + make_interval(days => 1, mins => 1, hours => 2),
                           resolved_on_time = true, resolution_outcome = 'FIXED' WHERE tracking_code = 'SM-1';
                    UPDATE kpi_report_facts SET handling_minutes = extract(epoch FROM resolved_at - submitted_at) / 60 WHERE resolved_at IS NOT NULL AND handling_minutes IS NULL;
                    UPDATE reports SET rating = NULL WHERE tracking_code = 'SM-2'`);
    expect(await figures()).toEqual(before);
  });
});
