import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { StatementCache } from './statement-cache.js';

export type DatabaseEngine = 'postgres' | 'pglite';

/**
 * One parameterised statement (`$1`, `$2`, … in `text`) on the driver; the
 * rows as objects. `pieces`, when given, is the same statement as the text
 * around each parameter (`pieces[0]`, value 1, `pieces[1]`, …: a
 * `Prisma.Sql`'s `strings`), which lets `transaction` send it together with
 * `BEGIN` when it is the first, and with `COMMIT` when it is `last`.
 */
export type SqlQuery = <Row = Record<string, unknown>>(
  text: string,
  values: readonly unknown[],
  options?: { pieces?: readonly string[]; last?: boolean },
) => Promise<Row[]>;

export interface TransactionOptions {
  /**
   * Plan the first statement afresh every time rather than prepare it once
   * per connection (`StatementCache`): for reads whose best plan depends on
   * their parameters' values (the KPI reads' periods).
   */
  replan?: boolean;
}

/**
 * A connection to the platform's database: Prisma Client for the
 * application, plus an owner-level channel for migrations and provisioning.
 */
export interface Database {
  readonly engine: DatabaseEngine;
  readonly prisma: PrismaClient;
  /**
   * Runs a multi-statement SQL script as the connecting (owner) role. When it
   * fails, any transaction the script opened is rolled back.
   */
  execScript(sql: string): Promise<void>;
  /** Runs one parameterised statement as the connecting (owner) role. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Runs `fn` with an exclusive lock held across processes (PostgreSQL
   * advisory lock; PGlite has one process, so a plain call). The lock is
   * transaction-scoped (taken with `pg_try_advisory_xact_lock` in a
   * transaction kept open on one connection while `fn` runs on others), so it
   * holds through a transaction-mode pooler such as pgbouncer, where a session
   * lock would stay on whichever server connection took it.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a transaction on one connection, straight on the driver
   * (node-postgres or PGlite, not through Prisma): `setup`, SQL without
   * parameters, goes with `BEGIN` and `fn`'s first statement in one round
   * trip (PostgreSQL's simple protocol, the statement's parameters written
   * in as literals, as `sqlLiteral` says, after `EXECUTE` of the statement
   * prepared on that connection when it can be: `StatementCache`; on PGlite right after its
   * `BEGIN`); then `fn`'s other statements; `COMMIT` when it resolves (in
   * the same round trip as a statement marked `last`, after which no
   * statement is taken), `ROLLBACK` when it throws. No statement is sent
   * before the first round trip has succeeded, so none can run outside the
   * transaction or its setup. The primitive under `withTenantSql`
   * (`db/with-tenant.ts`): use that, never this.
   */
  transaction<T>(setup: string, fn: (query: SqlQuery) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * Where reads that tolerate replication lag go (public lists, statistics,
   * KPIs, exports): the read replica when one is configured
   * (`replicaUrl`), else this same database. Read-only: a write through it
   * fails on a replica. Everything else, and every write, uses this database.
   */
  readonly lagTolerant: Database;
  /**
   * Where writes go: this database, or, for the replica's side
   * (`lagTolerant` of a primary), its primary. For a lag-tolerant read that
   * must write first (KPIs filling the handling times they lack).
   */
  readonly writable: Database;
  /**
   * PGlite only: the whole data folder as a tarball (PGlite's
   * `dumpDataDir`), to open again with `OpenDatabaseOptions.loadDataDir`.
   * Absent on PostgreSQL (use `pg_dump` or `CREATE DATABASE … TEMPLATE`).
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string. When absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; absent = in memory. Ignored when `url` is set. */
  dataDir?: string;
  /**
   * PGlite only: start from this data folder tarball (`Database.dumpDataDir`)
   * instead of an empty cluster. Ignored when `url` is set.
   */
  loadDataDir?: Blob;
  /** Largest number of pooled connections to PostgreSQL (default 10; the replica gets as many). */
  poolSize?: number;
  /**
   * A PostgreSQL streaming replica of `url` (hot standby) for reads that
   * tolerate lag (`Database.lagTolerant`). Only with `url`.
   */
  replicaUrl?: string;
  /**
   * PostgreSQL only: the first statement of each `transaction` (the hot
   * reads) prepared once per connection and run with `EXECUTE`
   * (`StatementCache`, db/statement-cache.ts). Default true; it turns itself
   * off at the first sign of a transaction-mode pooler in between, which this
   * turns off from the start.
   */
  preparedStatements?: boolean;
}

/** Opens PostgreSQL when `url` is given, else PGlite (in `dataDir`, or in memory). */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.replicaUrl && !options.url) throw new RangeError('A read replica needs the primary PostgreSQL url too');
  if (!options.url) return openPglite(options.dataDir, options.loadDataDir);
  const poolSize = options.poolSize ?? 10;
  const prepared = options.preparedStatements ?? true;
  let primary: Database | null = null;
  const replica = options.replicaUrl ? openPostgres(options.replicaUrl, poolSize, prepared, null, () => primary!) : null;
  primary = openPostgres(options.url, poolSize, prepared, replica, null);
  return primary;
}

function openPostgres(url: string, poolSize: number, prepared: boolean, replica: Database | null, primaryOf: (() => Database) | null): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const statements = new StatementCache(prepared);
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  // Nor a checked-out one's: the pool listens only while a client is idle,
  // and a connection cut during a transaction (the server stopped) emits
  // 'error' on its client, unhandled, which ended the process. Its queries
  // fail on their own; the pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const db: Database = {
    engine: 'postgres',
    prisma,
    async execScript(sql) {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    async withLock(key, fn) {
      const client = await lockedTransaction(pool, key);
      try {
        const result = await fn();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async transaction(setup, fn, { replan = false } = {}) {
      const client = await pool.connect();
      // A connection that cannot even roll back is dropped from the pool, not reused.
      let broken: Error | undefined;
      // `BEGIN`, the setup and the first statement, once sent; every later statement waits for it to succeed.
      let opened: Promise<unknown> | null = null;
      // A statement marked last was taken (no other may follow), and once it answered, committed.
      let closing = false;
      let committed = false;
      // The simple protocol answers each statement of the text: `fn`'s is the last, or the one before `COMMIT`
      // (on a line of its own: a statement ending in a `--` comment would otherwise comment it out).
      const simple = async (text: string, last: boolean) => {
        const answered = (await client.query(last ? `${text}\n; COMMIT` : text)) as unknown as pg.QueryResult | pg.QueryResult[];
        const results = Array.isArray(answered) ? answered : [answered];
        // Whatever the text held, a transaction that did not commit is never taken for one (nor its connection pooled in it): the catch rolls back.
        if (last && results[results.length - 1]?.command !== 'COMMIT') throw new Error('The statement marked last did not commit');
        return results[results.length - (last ? 2 : 1)]!;
      };
      try {
        const result = await fn(async <Row>(text: string, values: readonly unknown[], options: { pieces?: readonly string[]; last?: boolean } = {}) => {
          if (closing) throw new Error('No statement may follow the one marked last: it commits the transaction');
          const last = !!options.last && !!options.pieces;
          closing = last;
          if (opened === null) {
            if (options.pieces) {
              const pieces = options.pieces;
              const opening = (async () => {
                // Prepared once per connection when it can be (`StatementCache`), else written out.
                const literals = values.map(sqlLiteral);
                const writtenOut = () => simple(`BEGIN; ${setup}; ${withLiterals(pieces, literals)}`, last);
                const executed = replan ? null : await statements.execute(client, text, literals, setup);
                if (executed === null) return writtenOut();
                try {
                  return await simple(`BEGIN; ${setup}; ${executed}`, last);
                } catch (error) {
                  // A pooler's other server connection, or a statement a migration made stale: nothing ran; again, written out.
                  if (!(await statements.recover(client, text, error))) throw error;
                  return writtenOut();
                }
              })();
              opened = opening;
              const rows = (await opening).rows as Row[];
              committed = last;
              return rows;
            }
            opened = client.query(`BEGIN; ${setup}`);
          }
          await opened;
          if (!last) return (await client.query(text, values as unknown[])).rows as Row[];
          const rows = (await simple(inlineParameters(options.pieces!, values), true)).rows as Row[];
          committed = true;
          return rows;
        });
        if (opened !== null && !committed) await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    get lagTolerant() {
      return replica ?? db;
    },
    get writable() {
      return primaryOf?.() ?? db;
    },
    async close() {
      await replica?.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
  return db;
}

/**
 * A parameter written into SQL text as node-postgres sends it (its text form,
 * `pg.utils.prepareValue`), as a quoted literal (`pg.escapeLiteral`): like an
 * untyped parameter, an untyped literal takes its type from where it stands
 * (or the cast written after it). NULL for null. Binary values and text
 * holding NUL (which PostgreSQL's text cannot hold either) are refused.
 */
export function sqlLiteral(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') throw new TypeError('A binary parameter cannot be written into SQL text');
  if (text.includes('\0')) throw new RangeError('A parameter holds a NUL character');
  return pg.escapeLiteral(text);
}

// node-postgres exports it (`pg.utils`), its type declarations do not.
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } }).utils;

/** A statement's text with its parameters written in (`pieces` around each value). */
function inlineParameters(pieces: readonly string[], values: readonly unknown[]): string {
  return withLiterals(pieces, values.map(sqlLiteral));
}

/** A statement's text with these literals (`sqlLiteral`'s) written in (`pieces` around each). */
function withLiterals(pieces: readonly string[], literals: readonly string[]): string {
  if (pieces.length !== literals.length + 1) throw new RangeError('A statement needs one more piece of text than parameters');
  let text = pieces[0]!;
  for (let i = 0; i < literals.length; i++) text += literals[i]! + pieces[i + 1]!;
  return text;
}

/**
 * A pooled client in an open transaction that holds the transaction-scoped
 * advisory lock `key`. Waits by trying again (25 ms, growing to 250 ms)
 * rather than blocking in `pg_advisory_xact_lock`: a blocked waiter would
 * keep a pooler's server connection the holder may need.
 */
async function lockedTransaction(pool: pg.Pool, key: number): Promise<pg.PoolClient> {
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [key]);
      if (rows[0]?.locked) return client;
      await client.query('ROLLBACK');
      client.release();
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const client = new PGlite(dataDir ?? 'memory://', loadDataDir ? { loadDataDir } : {});
  await client.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const db: Database = {
    engine: 'pglite',
    prisma,
    async execScript(sql) {
      try {
        await client.exec(sql);
      } catch (error) {
        await client.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async query(sql, params = []) {
      return (await client.query(sql, params)).rows as never[];
    },
    withLock: (_key, fn) => fn(),
    // PGlite's own transaction: it queues behind Prisma's (the adapter uses the same one) on the one connection.
    transaction: (setup, fn) =>
      client.transaction(async (tx) => {
        await tx.exec(setup);
        return fn(async (text, values) => (await tx.query(text, values as unknown[])).rows as never[]);
      }),
    get lagTolerant() {
      return db;
    },
    get writable() {
      return db;
    },
    dumpDataDir: () => client.dumpDataDir('none'),
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
  return db;
}
