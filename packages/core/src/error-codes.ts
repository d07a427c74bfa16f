// No imports: the client SDK's build copies this registry (`pnpm sdk:generate`).

/** How one error code travels: its HTTP status and, for refusals of a live connection, its WebSocket close code. */
export interface ErrorCodeSpec {
  /** The HTTP status of an answer that carries this code (GraphQL request errors, uploads, Open311, refusals). */
  status: number;
  /** The WebSocket close code (4000–4999) a live connection ends with, when it can end this way. */
  closeCode?: number;
  /** What it means, for the API reference and the SDK. */
  meaning: string;
}

/**
 * Every error code the platform answers with, one registry for all of it:
 * the code is the GraphQL `extensions.code` (or, for core's expected
 * failures, the result type's `code`), the uploads' `error.code`, the name
 * behind an Open311 error's status and behind a WebSocket close code, and
 * the SDK's `PahtError.code`. Each protocol derives from here.
 */
export const ERROR_CODES = {
  // Expected failures of the core (GraphQL result unions; DomainErrorCode).
  VALIDATION: { status: 400, meaning: 'The input is malformed or incomplete; `fields` says where.' },
  FORBIDDEN: { status: 403, closeCode: 4403, meaning: 'The caller’s role or unit does not allow this (a live connection: its role or unit changed).' },
  ILLEGAL_TRANSITION: { status: 409, meaning: 'The report’s state does not allow this action.' },
  NOT_FOUND: { status: 404, meaning: 'Nothing with that id exists for this tenant.' },
  CONFLICT: { status: 409, meaning: 'Changed by someone else at the same time, or an idempotency key reused for another request.' },
  ANSWER_LINK_REFUSED: { status: 403, meaning: 'An answer link that is expired, tampered with, for another report or tenant, or already used (`reason`).' },
  TENANT_MERGED: { status: 409, meaning: 'An operator’s tenant merge refused: a tenant it names was merged already (`mergedInto` names the tenant it was merged into); nothing changed.' },

  // The request cannot run at all.
  TENANT_NOT_FOUND: { status: 404, closeCode: 4404, meaning: 'No tenant named (x-tenant, ?tenant=, host name, API key), or none with that slug.' },
  UNAUTHENTICATED: { status: 401, closeCode: 4401, meaning: 'The bearer token is malformed, expired, for another tenant, or its account is inactive.' },
  INVALID_API_KEY: { status: 401, meaning: 'The x-api-key is malformed, unknown or revoked.' },
  ORIGIN_NOT_ALLOWED: { status: 403, meaning: 'A public key used without an Origin, or from an origin it does not allow.' },
  SECRET_KEY_IN_BROWSER: { status: 403, meaning: 'A secret key sent by a browser (the request has an Origin).' },
  TENANT_MISMATCH: { status: 403, meaning: 'The API key belongs to another tenant than the one the request names.' },
  RATE_LIMITED: { status: 429, meaning: 'Too many calls; retry after the `retry-after` seconds.' },
  PERSISTED_QUERY_NOT_TRUSTED: { status: 400, meaning: 'An anonymous caller sent a document that is not among the trusted documents.' },
  QUERY_TOO_COSTLY: { status: 400, meaning: 'The operation’s estimated cost is over the caller’s budget (anonymous callers have a smaller one than staff); `maximum` and `actual` say by how much.' },
  BAD_REQUEST: { status: 400, meaning: 'The request is malformed (body, parameters, or a query over WebSocket).' },
  BAD_USER_INPUT: { status: 400, meaning: 'A value of the request (variables, arguments) is refused before any resolver runs.' },
  GRAPHQL_PARSE_FAILED: { status: 400, meaning: 'The GraphQL document does not parse.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, meaning: 'The GraphQL document is not valid against the schema, or exceeds a depth, cost or size limit.' },

  // Uploads.
  UNSUPPORTED_TYPE: { status: 415, meaning: 'Not a photo or video type the uploads accept, or a file that cannot be read.' },
  TOO_LARGE: { status: 413, meaning: 'The file or image is larger than allowed.' },
  EMPTY: { status: 400, meaning: 'The file is empty.' },
  TIMEOUT: { status: 408, meaning: 'The upload was too slow and was stopped.' },

  // The database is away for now (stopped, restarting, unreachable): safe to try again shortly.
  SERVICE_UNAVAILABLE: {
    status: 503,
    // WebSocket's own "Try Again Later": graphql-ws clients reconnect after it (a 45xx code would end them).
    closeCode: 1013,
    meaning:
      'The service cannot reach its database right now. Retry after the `retry-after` seconds (the SDK does for what is safe to repeat: queries, and mutations with an idempotency key); a live connection refused so, or a subscription, is tried again by the SDK.',
  },

  // Anything nobody planned for: masked, logged with the request id.
  INTERNAL_SERVER_ERROR: { status: 500, meaning: 'Unexpected; quote the request id when reporting it.' },
} as const satisfies Readonly<Record<string, ErrorCodeSpec>>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Each code by name (`ErrorCode.TENANT_NOT_FOUND`), as an `as const` object. */
export const ErrorCode = Object.fromEntries(Object.keys(ERROR_CODES).map((code) => [code, code])) as { readonly [K in ErrorCode]: K };

/** The HTTP status an answer with `code` carries. */
export const httpStatusOf = <C extends ErrorCode>(code: C): (typeof ERROR_CODES)[C]['status'] => ERROR_CODES[code].status;

type WithCloseCode = { [K in ErrorCode]: (typeof ERROR_CODES)[K] extends { closeCode: number } ? K : never }[ErrorCode];

/** The WebSocket close code of each code a live connection can end with. */
export const LIVE_CLOSE_CODES = Object.fromEntries(
  Object.entries(ERROR_CODES).flatMap(([code, spec]) => ('closeCode' in spec ? [[code, spec.closeCode]] : [])),
) as { readonly [K in WithCloseCode]: Extract<(typeof ERROR_CODES)[K], { closeCode: number }>['closeCode'] };

/** The codes the upload routes answer with (docs/uploads.md). */
export const UPLOAD_ERROR_CODES = [
  'UNSUPPORTED_TYPE',
  'TOO_LARGE',
  'EMPTY',
  'TIMEOUT',
  'TENANT_NOT_FOUND',
  'RATE_LIMITED',
  'BAD_REQUEST',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
] as const satisfies readonly ErrorCode[];
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];
