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
}

/**
 * The one way the application touches tenant data: opens a transaction,
 * binds it to `tenantId` (transaction-local, so a pooled connection never
 * carries it to the next request) and drops to the non-owner application
 * role, so PostgreSQL's row-level security applies even when a query forgets
 * its own tenant filter. Hand the transaction down; never nest another
 * `$transaction` inside (it deadlocks on PGlite and escapes on pg).
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
