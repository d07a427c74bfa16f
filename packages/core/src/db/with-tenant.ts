import type { Prisma } from '../generated/prisma/client.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import type { Database } from './database.js';
import { isUuid } from '../ids.js';

/** A Prisma transaction bound to one tenant, under row-level security. */
export type TenantTx = Prisma.TransactionClient;


export interface WithTenantOptions {
  timeoutMs?: number;
  /**
   * Reads every statement from one snapshot (REPEATABLE READ). For reads of
   * several statements that must agree: under READ COMMITTED each statement
   * sees what was committed when it started, so a report's row and its
   * timeline read one after the other can straddle a step committed in
   * between (the old status with the new step). Read-only use: a write under
   * it may fail with a serialization error.
   */
  snapshot?: boolean;
  /**
   * A read that tolerates replication lag (public lists, statistics, KPIs,
   * exports): runs on `db.lagTolerant`, the read replica when one is
   * configured. Never for writes, nor for a read that must see what this
   * caller just wrote (a citizen's own report right after submitting it).
   */
  lagTolerant?: boolean;
  /**
   * Plans without JIT compilation (`withTenantSql` only). For statements that
   * read a few thousand rows whatever the data's size but whose estimated
   * cost can pass `jit_above_cost` as tables grow: compiling them took
   * ≈ 120 ms, many times the statement itself (the KPI reads at a million
   * reports, docs/performance.md).
   */
  noJit?: boolean;
}

/**
 * The one way the application touches tenant data (`withTenantSql` below is
 * the same transaction for a few known SQL statements on the hot paths):
 * opens a transaction, binds it to `tenantId` (transaction-local, so a
 * pooled connection never carries it to the next request) and drops to the
 * non-owner application role, so PostgreSQL's row-level security applies
 * even when a query forgets its own tenant filter. Hand the transaction
 * down; never nest another `$transaction` inside (it deadlocks on PGlite and
 * escapes on pg), nor a `withTenantSql`.
 */
export async function withTenant<T>(
  db: Database,
  tenantId: string,
  fn: (tx: TenantTx) => Promise<T>,
  options: WithTenantOptions = {},
): Promise<T> {
  if (!isUuid(tenantId)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Unknown tenant');
  return (options.lagTolerant ? db.lagTolerant : db).prisma.$transaction(
    async (tx) => {
      // First statement of the transaction, as PostgreSQL requires. Set here
      // rather than with Prisma's `isolationLevel`: the PGlite adapter sends
      // that before its BEGIN, where it does nothing.
      if (options.snapshot) await tx.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      // Tenant and role in one round trip: `set_config('role', …, true)` is
      // `SET LOCAL ROLE` (same membership check, undone at the transaction's end).
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'paht_app', true)`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 30_000, maxWait: 15_000 },
  );
}

export interface WithTenantSqlOptions extends WithTenantOptions {
  /**
   * `fn` sends one statement (a read of one statement, as the tracker and
   * the lists are): it goes with `BEGIN` and `COMMIT` in a single round
   * trip, as if marked `last`.
   */
  oneStatement?: boolean;
  /**
   * The first statement planned afresh on every call instead of prepared
   * once per connection (`TransactionOptions.replan`): for reads whose best
   * plan depends on their parameters' values (the KPI reads' periods).
   */
  replan?: boolean;
}

/**
 * Statements of a tenant transaction as SQL (`Prisma.sql` templates), rows
 * as the driver decodes them: json and jsonb parsed, timestamps as `Date`,
 * int4, booleans and text as such (cast a count to `int`: a bigint is a
 * string on pg). Handed out by `withTenantSql`, or by `tenantSqlOf` over a
 * Prisma tenant transaction, so the same read runs under either.
 */
export interface TenantSql {
  /**
   * `last`: the transaction's last statement; on the driver (`withTenantSql`)
   * its `COMMIT` goes in the same round trip, and the rows come back once it
   * has committed; no statement may follow. Ignored in a Prisma transaction
   * (`tenantSqlOf`), which commits when its function returns.
   */
  query<Row = Record<string, unknown>>(statement: Prisma.Sql, options?: { last?: boolean }): Promise<Row[]>;
}

/** A Prisma tenant transaction as `TenantSql`, for a read shared with code that also writes through Prisma. */
export const tenantSqlOf = (tx: TenantTx): TenantSql => ({ query: <Row>(statement: Prisma.Sql) => tx.$queryRaw<Row[]>(statement) });

/**
 * `withTenant` for the hot paths (the tracker, work lists, the unit queue,
 * submit): the same guarantees (transaction-local tenant, `SET LOCAL ROLE
 * paht_app` so row-level security applies, `snapshot`, `lagTolerant`), with
 * the statements sent straight to the driver (`Database.transaction`), not
 * through Prisma's client runtime, and fewer round trips: `BEGIN`, the
 * isolation level, tenant and role and `fn`'s first statement in one (the
 * tenant id, a checked UUID, and that statement's parameters are written
 * into that SQL as literals: `Database.transaction`), then `fn`'s other
 * statements, then `COMMIT`; on PostgreSQL that first statement is prepared
 * once per connection and sent as `EXECUTE` (`StatementCache`, db/statement-cache.ts),
 * so the database does not plan it again on every request. Each statement in Prisma's runtime cost ≈ 0.5–1 ms of CPU; here
 * a small fraction of that. Works through a transaction-mode pooler (one
 * transaction, one server connection). Use it where the work is a few
 * known SQL statements; everything else uses `withTenant`. A statement
 * running longer than `timeoutMs` is cancelled (`statement_timeout`),
 * which ends the transaction, as `withTenant`'s timeout does.
 */
export async function withTenantSql<T>(
  db: Database,
  tenantId: string,
  fn: (sql: TenantSql) => Promise<T>,
  options: WithTenantSqlOptions = {},
): Promise<T> {
  if (!isUuid(tenantId)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Unknown tenant');
  const timeoutMs = Math.max(1, Math.trunc(options.timeoutMs ?? 30_000));
  const setup =
    (options.snapshot ? 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; ' : '') +
    `SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('role', 'paht_app', true), set_config('statement_timeout', '${timeoutMs}', true)` +
    (options.noJit ? `, set_config('jit', 'off', true)` : '');
  return (options.lagTolerant ? db.lagTolerant : db).transaction(setup, (query) => {
    // On every engine alike: nothing after the statement marked last.
    let closed = false;
    return fn({
      query: <Row>(statement: Prisma.Sql, { last = options.oneStatement ?? false } = {}) => {
        if (closed) return Promise.reject(new Error('No statement may follow the one marked last: it commits the transaction'));
        closed = last;
        return query<Row>(statement.text, statement.values, { pieces: statement.strings, last });
      },
    });
  }, { replan: options.replan ?? false });
}
