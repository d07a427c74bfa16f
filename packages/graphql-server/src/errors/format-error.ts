import { ErrorCode, isDatabaseUnavailable, isDomainError } from '@paht/core';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';

/** The one code of every masked, unexpected failure, on every route (core's error registry). */
export const INTERNAL_SERVER_ERROR = ErrorCode.INTERNAL_SERVER_ERROR;
/** The database is away for now: the request may be repeated (HTTP 503, `retry-after`). */
export const SERVICE_UNAVAILABLE = ErrorCode.SERVICE_UNAVAILABLE;
/** What a caller reads when the database is away; the driver's own message (host, port) stays in the log. */
export const SERVICE_UNAVAILABLE_MESSAGE = 'Dịch vụ tạm thời gián đoạn, vui lòng thử lại sau giây lát / Service temporarily unavailable, please retry shortly';
/** Seconds a client is asked to wait before repeating a request refused with SERVICE_UNAVAILABLE. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

/**
 * By class name along the prototype chain, not `instanceof`: a bundler or
 * test runner can load graphql-js twice (ESM and CJS), Apollo's errors come
 * from its own copy, and Apollo's own errors (validation, syntax, bad
 * request) are subclasses with names of their own.
 */
function isGraphQLError(e: unknown): e is GraphQLError {
  if (!(e instanceof Error)) return false;
  for (let proto = Object.getPrototypeOf(e) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    if ((proto as { constructor?: { name?: string } }).constructor?.name === 'GraphQLError') return true;
  }
  return false;
}

/** The error a resolver threw, out of the GraphQLError that graphql-js wrapped it in (Apollo's `unwrapResolverError`, copy-proof). */
export function unwrapResolverError(error: unknown): unknown {
  if (isGraphQLError(error) && error.path && error.originalError) return error.originalError;
  return error;
}

/** Whether `error` (as Apollo hands it to plugins and `formatError`) is a failure nobody planned for. */
export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (isDomainError(original)) return false;
  if (isGraphQLError(original)) return (original.extensions?.code ?? INTERNAL_SERVER_ERROR) === INTERNAL_SERVER_ERROR;
  return true;
}

/**
 * Apollo's `formatError`, the one place errors are masked. Errors the server
 * raised on purpose (GraphQLErrors with a code: parse and validation
 * failures, unknown tenant, bad token) pass with their code; a core
 * DomainError that reached here keeps its code and its message (which never
 * holds contact data); anything else is unexpected and becomes
 * `INTERNAL_SERVER_ERROR`. The request id is added, and the unexpected error
 * logged, by the request-id plugin.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (isDomainError(original)) return { message: original.message, ...where, extensions: { code: original.code } };
  if (isUnexpected(error)) {
    const requestId = formatted.extensions?.requestId;
    // Still logged as unexpected, but the caller learns it may try again.
    if (isDatabaseUnavailable(original)) {
      return { message: SERVICE_UNAVAILABLE_MESSAGE, ...where, extensions: { code: SERVICE_UNAVAILABLE, ...(typeof requestId === 'string' ? { requestId } : {}) } };
    }
    return { message: 'Internal server error', ...where, extensions: { code: INTERNAL_SERVER_ERROR, ...(typeof requestId === 'string' ? { requestId } : {}) } };
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  // Apollo re-wraps a context error it does not recognise as its own
  // GraphQLError (another copy of graphql-js) behind "Context creation
  // failed: "; the message we wrote is the original's.
  const inner = (original as { originalError?: unknown } | null)?.originalError;
  const message = isGraphQLError(inner) ? inner.message : formatted.message;
  return { ...formatted, message, extensions };
}
