import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '@paht/core';
import { toOpen311Xml } from '../open311/open311-xml.js';

/** Codes of the requests refused before any GraphQL or route handler runs. */
export const SecurityErrorCode = {
  /** The `x-api-key` is malformed, unknown or revoked. HTTP 401. */
  INVALID_API_KEY: 'INVALID_API_KEY',
  /** A public key used without an `Origin`, or from an origin it does not allow. HTTP 403. */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  /** A secret key sent by a browser (the request has an `Origin`). HTTP 403. */
  SECRET_KEY_IN_BROWSER: 'SECRET_KEY_IN_BROWSER',
  /** The API key belongs to another tenant than the one the request names. HTTP 403. */
  TENANT_MISMATCH: 'TENANT_MISMATCH',
  /** Too many calls of a public mutation from this IP or key. HTTP 429 with `retry-after`. */
  RATE_LIMITED: 'RATE_LIMITED',
  /**
   * The request's parameters (GraphQL variables, an Open311 form or query)
   * hold a NUL character or are nested too deep; `reason` says which
   * (`InputProblem` of the core). HTTP 400, before anything runs. The same
   * code Apollo gives variables of the wrong type.
   */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** An anonymous caller sent a document that is not in the trusted documents. HTTP 400. */
  PERSISTED_QUERY_NOT_TRUSTED: 'PERSISTED_QUERY_NOT_TRUSTED',
} as const satisfies Partial<{ readonly [K in ErrorCode]: K }>;

export type SecurityErrorCode = (typeof SecurityErrorCode)[keyof typeof SecurityErrorCode];

/**
 * Ends a request with a typed error, in the shape of its route: GraphQL's
 * `{ errors: [{ message, extensions: { code, requestId } }] }` on /graphql,
 * the standard's `[{ code, description }]` (or `<errors>`) under /open311,
 * `{ error: { code, message } }` elsewhere (the uploads contract).
 * Messages: Vietnamese first, then English.
 */
export function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: SecurityErrorCode | ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  const requestId = String(request.id);
  if (request.url.startsWith('/open311/')) {
    // The Open311 standard's error list, in the format of the path.
    const xml = /\.xml(\?|$)/i.test(request.url);
    const entry = { code: status, description: message };
    reply.code(status).header('cache-control', 'no-store');
    return xml
      ? reply.header('content-type', 'text/xml; charset=utf-8').send(toOpen311Xml('errors', [entry]))
      : reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify([entry]));
  }
  const body = request.url.startsWith('/graphql')
    ? { errors: [{ message, extensions: { code, requestId, ...extra } }] }
    : { error: { code, message, requestId, ...extra } };
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify(body));
}
