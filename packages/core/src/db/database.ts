import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';

export type DatabaseEngine = 'postgres' | 'pglite';

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
   * advisory lock; PGlite has one process, so a plain call).
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string. When absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; absent = in memory. Ignored when `url` is set. */
  dataDir?: string;
  /** Largest number of pooled connections to PostgreSQL (default 10). */
  poolSize?: number;
}

/** Opens PostgreSQL when `url` is given, else PGlite (in `dataDir`, or in memory). */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options.dataDir);
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => undefined);
  // Nor a checked-out one's: the pool listens only while a client is idle,
  // and a connection cut during a transaction (the server stopped) emits
  // 'error' on its client, unhandled, which ended the process. Its queries
  // fail on their own; the pool drops the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
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
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const client = new PGlite(dataDir ?? 'memory://');
  await client.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
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
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}
