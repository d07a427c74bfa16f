import pg from 'pg';
import { inject } from 'vitest';
import { createCoreContext, openDatabase, type CoreContext, type Database } from '@paht/core';
import { createFromTemplate, pgliteSnapshot, type DatabaseFill } from './database-templates.js';

export type { DatabaseFill } from './database-templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL server (test/setup/postgres-global.ts). */
    pgAdminUrl: string;
    /** Names the run's template databases on that server (test/setup/postgres-global.ts). */
    pgRunId: string;
    /** The run's folder for PGlite data-folder snapshots (test/setup/pglite-global.ts); absent outside the pglite project. */
    pgliteSnapshotDir: string | undefined;
  }
}

export type TestEngine = 'postgres' | 'pglite';

/** Which engine this vitest project runs the integration suite on. */
export const testEngine = (): TestEngine => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export interface TestDatabase {
  db: Database;
  /** The connection string (PostgreSQL only). */
  url: string | null;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, of its own: a new database
 * on the run's PostgreSQL server, or an in-memory PGlite; with `fill`'s data
 * too. The migrations (and the fill) run once per test run: each file gets a
 * copy (`CREATE DATABASE … TEMPLATE` on PostgreSQL, a data-folder snapshot
 * on PGlite), as if it had run them itself.
 */
export async function openTestDatabase(fill?: DatabaseFill): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const db = await openDatabase({ loadDataDir: await pgliteSnapshot(inject('pgliteSnapshotDir'), fill) });
    return { db, url: null, close: () => db.close() };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = await createFromTemplate(adminUrl, inject('pgRunId'), fill);
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ url, poolSize: 5 });
  return {
    db,
    url,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef-0123456789';

/** A core context whose clock the test moves by hand. */
export function testContext(db: Database, start: Date): CoreContext & { setNow(d: Date): void; advance(ms: number): void } {
  let now = start;
  const ctx = createCoreContext(db, { secretKey: TEST_SECRET_KEY, now: () => now });
  return Object.assign(ctx, {
    setNow(d: Date) {
      now = d;
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  });
}
