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
