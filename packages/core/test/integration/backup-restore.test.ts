// docs/deployment.md §7, performed: a pg_dump of a database with a report,
// restored with pg_restore into a fresh database; the report, its timeline,
// the citizen's secret and the isolation between tenants survive, and
// `migrate` has nothing left to apply. PostgreSQL only (PGlite has no dump).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCoreContext, migrate, openDatabase, submitReport, trackReport, withTenant, type Database } from '@paht/core';
import { createFixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, TEST_SECRET_KEY, type TestDatabase } from '../support/test-database.js';

/** The client tools of the test server's version: beside its initdb, or PG_BIN_DIR. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = [
    process.env.PG_BIN_DIR,
    existsSync('/usr/local/bin/initdb') ? dirname(realpathSync('/usr/local/bin/initdb')) : undefined,
    ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : []),
  ].filter((d): d is string => Boolean(d));
  const dir = dirs.find((d) => existsSync(join(d, name)));
  if (!dir) throw new Error(`${name} not found: set PG_BIN_DIR`);
  return join(dir, name);
}

describe.runIf(testEngine() === 'postgres')('Backup with pg_dump and restore with pg_restore', () => {
  let source: TestDatabase;
  let restored: Database | null = null;
  let restoredName: string;
  let folder: string;

  beforeAll(async () => {
    source = await openTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'paht-backup-'));
  });
  afterAll(async () => {
    await restored?.close();
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
    await admin.end();
    await source?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores a report, its timeline and its secret into a fresh database, with row-level security in force', async () => {
    const ctx = testContext(source.db, new Date('2026-11-23T02:00:00Z'));
    const t = await createFixtureTenant(ctx, 'backup', 'BK');
    const other = await createFixtureTenant(ctx, 'other', 'OT');
    const filed = await submitReport(ctx, t.tenantId, {
      title: 'Đèn đường hỏng trên đường Trần Phú',
      description: 'Cả đoạn đường tối từ số 10 đến số 80, rất nguy hiểm vào ban đêm.',
      channel: 'WEB',
      latitude: 18.34,
      longitude: 105.9,
      address: '10 Trần Phú',
      reporter: { fullName: 'Lê Thị Dân', phone: '0912 345 678' },
    });
    const before = await trackReport(ctx, t.tenantId, filed.trackingCode, filed.secret);

    // The documented commands: a custom-format dump, a fresh database, a restore without owners.
    const dump = join(folder, 'paht.dump');
    execFileSync(pgTool('pg_dump'), ['--format=custom', '--no-owner', `--file=${dump}`, source.url!]);
    const adminUrl = inject('pgAdminUrl');
    restoredName = `paht_restored_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${restoredName}`);
    await admin.end();
    const restoredUrl = adminUrl.replace(/\/[^/]*$/, `/${restoredName}`);
    execFileSync(pgTool('pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${restoredUrl}`, dump]);

    restored = await openDatabase({ url: restoredUrl, poolSize: 2 });
    expect((await migrate(restored)).applied).toEqual([]);
    const core = createCoreContext(restored, { secretKey: TEST_SECRET_KEY, now: ctx.now });
    const after = await trackReport(core, t.tenantId, filed.trackingCode, filed.secret);
    expect(after).toEqual(before);
    expect(after.report.title).toBe('Đèn đường hỏng trên đường Trần Phú');
    // The tenants stay apart: the other tenant's transaction sees none of this report.
    expect(await withTenant(restored, other.tenantId, (tx) => tx.report.count())).toBe(0);
    expect(await withTenant(restored, t.tenantId, (tx) => tx.report.count())).toBe(1);
  });
});
