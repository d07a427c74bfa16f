import type { Database } from './db/database.js';

/**
 * What every core operation needs from its caller. `now` is the only clock:
 * tests and the demo seed inject their own.
 */
export interface CoreContext {
  db: Database;
  now: () => Date;
  /** Instance secret for deriving citizens' report secrets (≥ 32 characters). */
  secretKey: string;
}

export function createCoreContext(db: Database, options: { secretKey: string; now?: () => Date }): CoreContext {
  if (options.secretKey.length < 32) throw new RangeError('secretKey must have at least 32 characters');
  return { db, secretKey: options.secretKey, now: options.now ?? (() => new Date()) };
}

/**
 * The same context with its database switched to the side for reads that
 * tolerate replication lag (`Database.lagTolerant`: the read replica when one
 * is configured, else the same database). For whole read operations a caller
 * routes there (public lists, statistics, KPIs, exports); a write through it
 * fails on the replica, so never hand it to anything that writes.
 */
export function lagTolerant(ctx: CoreContext): CoreContext {
  return ctx.db.lagTolerant === ctx.db ? ctx : { ...ctx, db: ctx.db.lagTolerant };
}
