import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createCoreContext, migrate, openDatabase, type CoreContext, type Database } from '@paht/core';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's PostgreSQL server (test/setup/postgres-global.ts). */
    pgAdminUrl: string;
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
 * A fresh, migrated database for one test file: a new database on the run's
 * PostgreSQL server, or an in-memory PGlite.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const db = await openDatabase({});
    await migrate(db);
    return { db, url: null, close: () => db.close() };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `paht_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const db = await openDatabase({ url, poolSize: 5 });
  await migrate(db);
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
