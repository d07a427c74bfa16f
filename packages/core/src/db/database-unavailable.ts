// Whether a failure means "the database is away for now" (stopped,
// restarting, unreachable, connection cut) rather than a fault of the
// request: such a request may be repeated once the database is back, so
// the API answers it SERVICE_UNAVAILABLE (503), which clients retry.

/** Prisma's codes for a database it cannot reach or lost: can't reach, timed out, closed the connection, pool timeout. */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
/** The driver adapter's kinds of the same (`@prisma/driver-adapter-utils`). */
const ADAPTER_UNAVAILABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** Socket errors of a connection refused, reset or cut. */
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
/** node-postgres' own messages for a connection that ended under it. */
const PG_MESSAGES = [/^Connection terminated/, /not queryable/, /^timeout exceeded when trying to connect/];

/**
 * SQLSTATE classes and codes of an unavailable server: 08 connection
 * exception, 53300 too many connections, 57P01–57P03 shut down by the
 * administrator, crash shutdown, cannot connect now (starting up).
 */
const isUnavailableSqlState = (code: string): boolean => code.startsWith('08') || code === '53300' || /^57P0[123]$/.test(code);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  kind?: unknown;
  cause?: unknown;
  originalError?: unknown;
  meta?: { driverAdapterError?: unknown };
}

function unavailable(error: ErrorLike): boolean {
  const code = typeof error.code === 'string' ? error.code : null;
  if (code && (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code))) return true;
  if (code && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('P') && isUnavailableSqlState(code)) return true;
  if (typeof error.kind === 'string') {
    if (ADAPTER_UNAVAILABLE.has(error.kind)) return true;
    if (error.kind === 'postgres' && typeof error.code === 'string' && isUnavailableSqlState(error.code)) return true;
  }
  return typeof error.message === 'string' && PG_MESSAGES.some((m) => m.test(error.message as string));
}

/**
 * Whether `error` (a Prisma error, a driver adapter error, a node-postgres
 * or socket error, anywhere along its `cause` or GraphQL `originalError` chain) says the database is
 * unreachable or restarting, not that the request was wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const e = next as ErrorLike;
    if (unavailable(e)) return true;
    queue.push(e.cause, e.originalError, e.meta?.driverAdapterError);
    if (next instanceof AggregateError) queue.push(...(next.errors as unknown[]));
  }
  return false;
}
