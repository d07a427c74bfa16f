import type { ServerErrorCode } from './generated/error-codes.js';

/** The SDK's own codes: no usable answer came (`NETWORK_ERROR`, `ABORTED`) or it could not be read (`BAD_RESPONSE`). */
export type ClientErrorCode = 'NETWORK_ERROR' | 'ABORTED' | 'BAD_RESPONSE';

/**
 * A PahtError's code: the server's (generated from the platform's one
 * registry) or the SDK's; any other string a newer server may send.
 */
export type PahtErrorCode = ServerErrorCode | ClientErrorCode | (string & {});

/**
 * Everything the SDK throws is a PahtError. Expected refusals (invalid
 * input, not allowed, wrong state) are not thrown: they come back as typed
 * results to switch on by `__typename`.
 */
export class PahtError extends Error {
  override readonly name: string = 'PahtError';
  /** A machine-readable code: the server's (`TENANT_NOT_FOUND`, `UNAUTHENTICATED`, `INTERNAL_SERVER_ERROR`, …) or the SDK's (`NETWORK_ERROR`, `BAD_RESPONSE`). */
  readonly code: PahtErrorCode;
  /** The server's id for the request (quote it when reporting a problem); null when no answer came. */
  readonly requestId: string | null;
  /** The HTTP status, when an answer came. */
  readonly statusCode: number | null;
  /** How long the server asked to wait before repeating the request (its `retry-after` header, e.g. with SERVICE_UNAVAILABLE or RATE_LIMITED), in milliseconds; else null. */
  readonly retryAfterMs: number | null;

  constructor(message: string, details: { code: PahtErrorCode; requestId?: string | null; statusCode?: number | null; retryAfterMs?: number | null; cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.requestId = details.requestId ?? null;
    this.statusCode = details.statusCode ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

/** The request did not get an answer (offline, DNS, refused, aborted). Safe to retry a submission with the same idempotency key. */
export class NetworkError extends PahtError {
  override readonly name = 'NetworkError';
}

/** One error as the GraphQL response lists it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; requestId?: string; [key: string]: unknown };
}

/**
 * The server answered with errors instead of data: the request could not run
 * (unknown tenant, bad token, malformed document) or failed unexpectedly
 * (`INTERNAL_SERVER_ERROR`, with a request id to quote).
 */
export class ServerError extends PahtError {
  override readonly name = 'ServerError';
  constructor(
    message: string,
    details: { code: string; requestId?: string | null; statusCode?: number | null; retryAfterMs?: number | null; errors?: readonly GraphQLErrorEntry[]; cause?: unknown },
  ) {
    super(message, details);
    this.errors = details.errors ?? [];
  }
  /** Every error of the response. */
  readonly errors: readonly GraphQLErrorEntry[];
}
