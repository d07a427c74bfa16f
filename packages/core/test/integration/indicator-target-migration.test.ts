import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultMigrationsDir, migrate, openDatabase, type Database } from '@paht/core';
import { testEngine } from '../support/test-database.js';

// Migration 0026 (docs/indicators.md#targets) on a database that has
// indicators already: an old target was compared with every figure, so it
// stays the tenant-wide target and becomes each unit's too; an indicator
// without one gets none.

const TARGETS = '0026_indicator_target_levels';
const TENANT = '5b1d2c64-0000-4000-8000-000000000026';

let db: Database;
let drop: () => Promise<void> = async () => undefined;
const dirs: string[] = [];

/** An empty database of the project's engine (no template: the migrations run here, up to a point). */
async function emptyDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') return openDatabase();
  const adminUrl = inject('pgAdminUrl');
  const name = `target_migration_${process.pid}_${Date.now()}`;
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

/** The repository's migrations, those before 0026 only, or all of them. */
function migrationsDir(withTargets: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'paht-target-migration-'));
  dirs.push(dir);
  cpSync(defaultMigrationsDir(), dir, { recursive: true, filter: (src) => withTargets || !src.includes(TARGETS) });
  return dir;
}

beforeAll(async () => {
  db = await emptyDatabase();
  await migrate(db, migrationsDir(false));
  await db.execScript(`
    INSERT INTO tenants (id, slug, name, name_en, kind, province_code, timezone, working_hours)
      VALUES ('${TENANT}', 'target-migration', 'Tỉnh thử', 'Test province', 'PROVINCE', '44', 'Asia/Ho_Chi_Minh', '{}');
    BEGIN;
    SELECT set_config('app.tenant_id', '${TENANT}', true);
    INSERT INTO indicators (tenant_id, code, name, name_en, unit_of_measure, periodicity, target, higher_is_better, aggregation, created_at, updated_at) VALUES
      ('${TENANT}', 'TL', 'Tỷ lệ', 'Share', '%', 'MONTH', 95, true, 'AVERAGE', now(), now()),
      ('${TENANT}', 'SO_HO', 'Số hộ', 'Households', 'hộ', 'YEAR', NULL, true, 'LAST', now(), now());
    COMMIT;`);
});

afterAll(async () => {
  await db?.close();
  await drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0026, targets per level', () => {
  it('keeps an existing target for the tenant-wide figure and gives it to every unit, the meaning it had', async () => {
    expect((await migrate(db, migrationsDir(true))).applied).toEqual([TARGETS]);
    // The test connects as the database's superuser, which row-level security does not filter.
    const rows = await db.query<{ code: string; target: number | null; unit_target: number | null; unit_targets: number }>(
      `SELECT i.code, i.target, i.unit_target, (SELECT count(*)::int FROM indicator_unit_targets u WHERE u.indicator_id = i.id) AS unit_targets
         FROM indicators i WHERE i.tenant_id = '${TENANT}' ORDER BY i.code`,
    );
    expect(rows).toEqual([
      { code: 'SO_HO', target: null, unit_target: null, unit_targets: 0 },
      { code: 'TL', target: 95, unit_target: 95, unit_targets: 0 },
    ]);
  });
});
