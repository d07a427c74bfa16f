import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, withTenantSql, type Database } from '@paht/core';
import { StatementCache } from '../../src/db/statement-cache.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../support/test-database.js';

// The first statement of a tenant transaction prepared once per connection
// (`StatementCache`, db/statement-cache.ts) under what happens to a running
// server: migrations, lock waits, failing statements. PostgreSQL only (PGlite
// binds every statement).

let tdb: TestDatabase;
let a: FixtureTenant;
let b: FixtureTenant;

beforeAll(async () => {
  if (testEngine() !== 'postgres') return;
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  a = await createFixtureTenant(ctx, 'cache-a', 'CA');
  b = await createFixtureTenant(ctx, 'cache-b', 'CB');
});
afterAll(async () => tdb?.close());

/** A database of one connection, so every transaction and every check lands on the same server connection. */
async function onOneConnection<T>(fn: (one: Database) => Promise<T>, url = tdb.url!): Promise<T> {
  const one = await openDatabase({ url, poolSize: 1 });
  try {
    return await fn(one);
  } finally {
    await one.close();
  }
}

const preparedOn = async (one: Database) =>
  (await one.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE 'paht\\_%'")).length;

/** The next transaction on that connection: no tenant, not the application role, no transaction left open. */
const expectClean = async (one: Database) => {
  const [row] = await one.query<{ tenant: string | null; who: string; fresh: boolean }>(
    "SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant, current_user AS who, now() = statement_timestamp() AS fresh",
  );
  expect(row).toEqual({ tenant: null, who: expect.not.stringMatching(/^paht_app$/), fresh: true });
};

const unitNames = (one: Database, tenantId: string, timeoutMs?: number) =>
  withTenantSql(one, tenantId, (sql) => sql.query<{ tenant: string; code: string; name: string }>(Prisma.sql`SELECT tenant_id::text AS tenant, code, name FROM units WHERE code <> ${''} ORDER BY code`), {
    oneStatement: true,
    timeoutMs,
  });

describe.skipIf(testEngine() !== 'postgres')('statements prepared once per connection', () => {
  it('keep answering after a migration changes what they return: the stale statement is prepared again (0A000)', async () => {
    await onOneConnection(async (one) => {
      const before = await unitNames(one, a.tenantId);
      expect(before.length).toBeGreaterThan(0);
      expect(await unitNames(one, a.tenantId)).toEqual(before);
      expect(await preparedOn(one)).toBe(1);
      // Another process migrates: the column's type changes, so the prepared statement's result type does.
      await tdb.db.query('ALTER TABLE units ALTER COLUMN name TYPE varchar(300)');
      try {
        expect(await unitNames(one, a.tenantId)).toEqual(before);
        expect(await unitNames(one, b.tenantId)).not.toEqual(before);
        await expectClean(one);
        // Prepared again for the new schema, not sent written out for ever.
        expect(await preparedOn(one)).toBe(1);
      } finally {
        await tdb.db.query('ALTER TABLE units ALTER COLUMN name TYPE text');
      }
      expect(await unitNames(one, a.tenantId)).toEqual(before);
    });
  });

  it('prepare a statement again after its PREPARE failed for a passing reason (a lock wait cut short)', async () => {
    const lockTimeout = `${tdb.url!}${tdb.url!.includes('?') ? '&' : '?'}options=${encodeURIComponent('-c lock_timeout=150')}`;
    await onOneConnection(async (one) => {
      // A migration holds the table: the PREPARE (parse analysis locks it) gives up, and so does the request.
      const locker = new pg.Client({ connectionString: tdb.url! });
      await locker.connect();
      try {
        await locker.query('BEGIN; LOCK TABLE units IN ACCESS EXCLUSIVE MODE');
        await expect(unitNames(one, a.tenantId)).rejects.toMatchObject({ code: '55P03' });
        await locker.query('COMMIT');
      } finally {
        await locker.end();
      }
      await expectClean(one);
      expect((await unitNames(one, a.tenantId)).length).toBeGreaterThan(0);
      expect(await preparedOn(one)).toBe(1);
    }, lockTimeout);
  });

  it('are prepared under the transaction’s statement timeout: a table a migration holds fails the request after timeoutMs, as written out', async () => {
    await onOneConnection(async (one) => {
      const locker = new pg.Client({ connectionString: tdb.url! });
      await locker.connect();
      // Let go in any case, so a PREPARE that waits past the timeout ends the wait rather than the test.
      let release: NodeJS.Timeout | undefined;
      try {
        await locker.query('BEGIN; LOCK TABLE units IN ACCESS EXCLUSIVE MODE');
        release = setTimeout(() => void locker.query('COMMIT'), 3000);
        await expect(unitNames(one, a.tenantId, 200)).rejects.toMatchObject({ code: '57014' });
      } finally {
        clearTimeout(release);
        await locker.end();
      }
      await expectClean(one);
      expect((await unitNames(one, a.tenantId)).length).toBeGreaterThan(0);
      expect(await preparedOn(one)).toBe(1);
    });
  });

  it('leave the connection clean when the prepared statement fails (statement timeout, error in the statement)', async () => {
    await onOneConnection(async (one) => {
      const slow = (ms: number) =>
        withTenantSql(one, a.tenantId, (sql) => sql.query(Prisma.sql`SELECT pg_sleep(${ms}::int / 1000.0), (SELECT count(*)::int FROM units) AS n`), {
          oneStatement: true,
          timeoutMs: 100,
        });
      expect(await slow(0)).toHaveLength(1);
      await expect(slow(2000)).rejects.toMatchObject({ code: '57014' });
      await expectClean(one);
      const divide = (d: number) =>
        withTenantSql(one, b.tenantId, (sql) => sql.query(Prisma.sql`SELECT 1 / ${d}::int AS q, (SELECT count(*)::int FROM units) AS n`), { oneStatement: true });
      expect(await divide(1)).toHaveLength(1);
      await expect(divide(0)).rejects.toMatchObject({ code: '22012' });
      await expectClean(one);
      expect(await divide(1)).toHaveLength(1);
      expect(await preparedOn(one)).toBe(2);
    });
  });

  it('read the right tenant’s rows on a connection whose server process was replaced', async () => {
    await onOneConnection(async (one) => {
      const first = await unitNames(one, a.tenantId);
      const [{ pid }] = (await one.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
      await tdb.db.query('SELECT pg_terminate_backend($1::int)', [pid]);
      // The pool drops the dead connection (its first use may fail) and opens another, which holds nothing prepared.
      await unitNames(one, b.tenantId).catch(() => undefined);
      expect(await unitNames(one, a.tenantId)).toEqual(first);
      expect(await unitNames(one, b.tenantId)).not.toEqual(first);
      expect(await preparedOn(one)).toBe(1);
    });
  });
});

describe.skipIf(testEngine() !== 'postgres')('the bounds on prepared statements', () => {
  it('keep preparing the statements in use after many others were seen (a page size or filter in the text): the least recently used make room', async () => {
    await onOneConnection(async (one) => {
      const hot = () => unitNames(one, a.tenantId);
      // First seen on this connection after all the others.
      const expected = await unitNames(tdb.db, a.tenantId);
      // More statement texts than the cache remembers, and than one connection holds, each seen once.
      for (let i = 0; i < 300; i++) {
        const rows = await withTenantSql(one, b.tenantId, (sql) => sql.query<{ n: number }>(Prisma.sql`SELECT count(*)::int + ${Prisma.raw(String(i))} AS n FROM units WHERE code <> ${''}`), {
          oneStatement: true,
        });
        expect(rows[0]!.n).toBeGreaterThanOrEqual(i);
      }
      expect(await hot()).toEqual(expected);
      expect(await hot()).toEqual(expected);
      const held = await one.query<{ statement: string; runs: number }>(
        "SELECT statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements WHERE name LIKE 'paht\\_%'",
      );
      expect(held.length).toBeLessThanOrEqual(64);
      expect(held.filter((s) => s.statement.includes('SELECT tenant_id::text AS tenant, code, name FROM units')).map((s) => s.runs)).toEqual([2]);
    });
  });
});

describe.skipIf(testEngine() !== 'postgres')('what the cache takes from PostgreSQL', () => {
  it('a DEALLOCATE stands when the PREPARE sent after it in the same round trip fails', async () => {
    const client = new pg.Client({ connectionString: tdb.url! });
    await client.connect();
    try {
      await client.query('PREPARE paht_evicted AS SELECT 1');
      await expect(client.query('DEALLOCATE paht_evicted; PREPARE paht_new AS SELECT $1 IS NULL')).rejects.toMatchObject({ code: '42P18' });
      expect((await client.query("SELECT name FROM pg_prepared_statements WHERE name LIKE 'paht\\_%'")).rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

describe.skipIf(testEngine() !== 'postgres')('StatementCache on a real connection', () => {
  it('sends a statement that cannot be prepared written out from then on, without trying to prepare it again', async () => {
    const client = new pg.Client({ connectionString: tdb.url! });
    await client.connect();
    try {
      const sent: string[] = [];
      const counting = { query: (text: string) => (sent.push(text), client.query(text)) };
      const cache = new StatementCache(true);
      // Nothing gives `$1` a type: PostgreSQL refuses to prepare it (42P18); written out, the literal is text.
      for (let i = 0; i < 3; i++) expect(await cache.execute(counting, 'SELECT $1 IS NULL AS v', ["'x'"], 'SELECT 1')).toBeNull();
      expect(sent.filter((s) => s.includes('PREPARE'))).toHaveLength(1);
      expect(await cache.execute(counting, 'SELECT $1::int + 1 AS v', ['41'], 'SELECT 1')).toMatch(/^EXECUTE paht_[0-9a-f]{32}\(41\)$/);
      expect(cache.enabled).toBe(true);
    } finally {
      await client.end();
    }
  });
});
