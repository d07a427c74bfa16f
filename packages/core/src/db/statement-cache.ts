import { createHash } from 'node:crypto';

/** The two errors that say a connection does not hold what this process prepared on it: a pooler hands out server connections. */
const NOT_HELD = new Set(['26000', '42P05']);
/** "cached plan must not change result type": a migration changed what a prepared statement returns (a column's type, a `*`). */
const STALE = '0A000';
/**
 * The classes of error a `PREPARE` meets in its text itself, the same every time (42: syntax, names, a parameter's
 * type that nothing gives; 22: a constant; 0A; 54: too complex). Anything else (a lock or statement timeout, a lost
 * connection, a server shutting down) passes: the statement is prepared again next time.
 */
const IN_THE_TEXT = /^(42|22|0A|54)/;

/** A statement's name on every connection: the hash of its text. */
const nameOf = (text: string): string => `paht_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Most statements prepared on one connection, and most statement texts remembered: past either, the least
 * recently used makes room (deallocated on the connection in the same round trip as the new `PREPARE`), so
 * statement texts seen once (a page size or a filter in the text) never keep the ones in use from being prepared.
 */
const PER_CONNECTION = 64;
const TEXTS = 256;

/** A connection the cache can prepare on: node-postgres's client. */
export interface PreparingClient {
  query(text: string): Promise<unknown>;
}

/**
 * The statements a tenant transaction sends with its `BEGIN` (the tracker,
 * the lists, the unit queue, submit's read: `Database.transaction`'s first
 * statement), prepared once per connection (`PREPARE`) and run with
 * `EXECUTE`, so PostgreSQL parses, rewrites (row-level security included) and
 * plans each of them once per connection instead of on every request: their
 * planning cost the database more CPU than running them (docs/performance.md,
 * round seven). Still one round trip per transaction: `EXECUTE` with the
 * parameters written in as literals goes in the same simple-protocol text as
 * `BEGIN` and the setup; the `PREPARE` itself is one round trip of its own
 * the first time a connection sees a statement, after the same setup in an
 * implicit transaction (its role, its statement timeout: a table a migration
 * holds fails the request after `timeoutMs`, as the statement written out
 * would, rather than keep it waiting).
 *
 * Safe whoever the statement is for: the name is the hash of the text, the
 * plan reads the tenant from `app.tenant_id` when it runs (the policies'
 * `app_current_tenant()`, a STABLE function, never folded into a plan), and
 * PostgreSQL rewrites a statement again for row-level security when the role
 * that runs it is not the one it was rewritten for.
 *
 * A migration that changes what a prepared statement returns makes
 * PostgreSQL refuse it on that connection for good (0A000, "cached plan must
 * not change result type"): it is deallocated and the transaction sent again
 * written out (`recover`), then prepared afresh.
 *
 * Behind a transaction-mode pooler (pgbouncer before 1.21) a session's
 * prepared statement is on whichever server connection took it: the first
 * `EXECUTE` of a statement another server connection does not hold (26000),
 * or a `PREPARE` of one it already holds (42P05), turns the cache off for
 * the database, and the transaction is sent again with the statement
 * written out, as before (nothing ran: the failed `EXECUTE` was the first
 * statement after `BEGIN`). `preparedStatements: false` turns it off from
 * the start.
 */
export class StatementCache {
  private on: boolean;
  /** Text → its name, or null when it cannot be prepared (its parameters' types are not known from the text); most recently used last. */
  private readonly names = new Map<string, string | null>();
  private readonly held = new WeakMap<object, Set<string>>();

  constructor(enabled: boolean) {
    this.on = enabled;
  }

  get enabled(): boolean {
    return this.on;
  }

  /**
   * `EXECUTE` of `text` (`$1`, `$2`, …) with these literals (`sqlLiteral`'s,
   * in order), once `client` holds it prepared (sent now, after the
   * transaction's `setup`, if it does not); or null: send the statement
   * written out. Rejects with the `PREPARE`'s error when it failed for a
   * passing reason (a statement or lock timeout, a lost connection).
   */
  async execute(client: PreparingClient, text: string, literals: readonly string[], setup: string): Promise<string | null> {
    if (!this.on) return null;
    let name = this.names.get(text);
    if (name === undefined) name = nameOf(text);
    // Most recently used last (a Map and a Set keep their insertion order).
    this.names.delete(text);
    this.names.set(text, name);
    if (this.names.size > TEXTS) this.names.delete(this.names.keys().next().value!);
    if (name === null) return null;
    let held = this.held.get(client);
    if (!held) this.held.set(client, (held = new Set()));
    if (held.delete(name)) held.add(name);
    else {
      // A prepared statement is no transaction's: deallocated even if the PREPARE after it fails.
      const evicted = held.size >= PER_CONNECTION ? held.values().next().value : undefined;
      if (evicted !== undefined) held.delete(evicted);
      try {
        // After the transaction's setup, in the implicit transaction of one simple-protocol text: under its statement timeout (a table a migration holds), as its role.
        await client.query(`${setup}; ${evicted === undefined ? '' : `DEALLOCATE ${evicted}; `}PREPARE ${name} AS ${text}`);
      } catch (error) {
        if (this.notHeld(error)) return null;
        // A passing failure (a timeout, a lost connection) is the transaction's: prepared again next time.
        if (!IN_THE_TEXT.test(codeOf(error) ?? '')) throw error;
        // Not preparable (a parameter whose type only a literal gives): sent written out from now on.
        this.names.set(text, null);
        return null;
      }
      held.add(name);
    }
    return literals.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${literals.join(', ')})`;
  }

  /**
   * After a transaction whose first statement was `execute`'s `EXECUTE` of `text` on `client` failed with
   * `error`: whether to send it again with the statement written out, having rolled it back (nothing ran: the
   * `EXECUTE` was the first statement after the setup). Yes when the connection does not hold the statement
   * (`notHeld`: a pooler), or holds it stale (a migration changed its result type: PostgreSQL refuses it on
   * that connection for good); a stale one is deallocated, so the connection's next use prepares it afresh.
   */
  async recover(client: PreparingClient, text: string, error: unknown): Promise<boolean> {
    const stale = codeOf(error) === STALE;
    if (!stale && !this.notHeld(error)) return false;
    await client.query('ROLLBACK');
    const name = nameOf(text);
    if (stale && this.held.get(client)?.delete(name)) {
      // Behind a pooler, on another server connection: nothing to deallocate there, and the cache is off.
      await client.query(`DEALLOCATE ${name}`).catch((deallocating: unknown) => {
        if (!this.notHeld(deallocating)) throw deallocating;
      });
    }
    return true;
  }

  /** Whether `error` says a connection does not hold what was prepared on it; if so, the cache is off from now on. */
  private notHeld(error: unknown): boolean {
    const code = codeOf(error);
    if (code === undefined || !NOT_HELD.has(code)) return false;
    this.on = false;
    return true;
  }
}
