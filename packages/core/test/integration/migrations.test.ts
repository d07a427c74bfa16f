import { mkdtempSync, cpSync, appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, FINISHED_STATUSES, migrate } from '@paht/core';
import { describeDatabase, describePrismaSchema } from '../support/schema-description.js';
import { openTestDatabase, type TestDatabase } from '../support/test-database.js';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await openTestDatabase();
});
afterAll(async () => tdb?.close());

describe('SQL migrations', () => {
  it('describe exactly the tables of the Prisma schema', async () => {
    const fromPrisma = describePrismaSchema(new URL('../../src/generated/datamodel.json', import.meta.url));
    // The bookkeeping table is not the application's; partial indexes (one
    // current focal point per unit and role, the KPIs' resolved facts and open
    // reports) cannot be written in Prisma.
    const fromDatabase = await describeDatabase(tdb.db, ['_paht_migrations'], ['focal_points_one_current', 'kpi_report_facts_resolved_idx', 'kpi_report_facts_bucket_idx', 'kpi_report_facts_unfilled_idx', 'reports_kpi_open_idx', 'reports_unit_queue_idx']);
    expect(fromDatabase.enums).toEqual(fromPrisma.enums);
    expect(Object.keys(fromDatabase.tables).sort()).toEqual(Object.keys(fromPrisma.tables).sort());
    for (const [name, table] of Object.entries(fromPrisma.tables)) {
      expect({ table: name, ...fromDatabase.tables[name] }).toEqual({ table: name, ...table });
    }
  });

  it('keep the unit queue’s partial index on the finished statuses of status-traits (its SQL writes them out to match)', async () => {
    const [index] = await tdb.db.query<{ def: string }>("SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'reports_unit_queue_idx'");
    const predicate = index?.def.split(' WHERE ')[1] ?? '';
    const statuses = [...predicate.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(statuses.sort()).toEqual([...FINISHED_STATUSES].sort());
    expect(predicate).toMatch(/status/);
  });

  it('run each migration once, however often migrate is called', async () => {
    // Every migration of the repository, in order (read from its folder, so a new one needs no edit here).
    const all = readdirSync(defaultMigrationsDir()).filter((name) => /^\d{4}_/.test(name)).sort();
    expect(all.slice(0, 5)).toEqual(['0001_init', '0002_security', '0003_report_search', '0004_audit_log', '0005_api_keys']);
    const again = await migrate(tdb.db);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toEqual(all);
    const rows = await tdb.db.query<{ name: string }>('SELECT name FROM "_paht_migrations" ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(all);
  });

  it('apply a new migration once and refuse one that changed after it was applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paht-migrations-'));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    mkdirSync(join(dir, '0003_extra'));
    writeFileSync(join(dir, '0003_extra', 'migration.sql'), 'CREATE TABLE "extra_probe" ("id" INTEGER PRIMARY KEY);');
    expect((await migrate(tdb.db, dir)).applied).toEqual(['0003_extra']);
    expect((await migrate(tdb.db, dir)).applied).toEqual([]);
    appendFileSync(join(dir, '0003_extra', 'migration.sql'), '\n-- edited');
    await expect(migrate(tdb.db, dir)).rejects.toThrow(/0003_extra was changed/);
  });

  it('leave nothing behind when a migration fails half-way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paht-migrations-'));
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    mkdirSync(join(dir, '0004_broken'));
    writeFileSync(join(dir, '0004_broken', 'migration.sql'), 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";');
    await expect(migrate(tdb.db, dir)).rejects.toThrow();
    const tables = await tdb.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`);
    expect(tables[0]?.n).toBe(0);
    const recorded = await tdb.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "_paht_migrations" WHERE name = '0004_broken'`);
    expect(recorded[0]?.n).toBe(0);
  });
});
