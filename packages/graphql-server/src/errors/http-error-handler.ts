import { ErrorCode, httpStatusOf, isDatabaseUnavailable } from '@paht/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { refuse } from '../security/refuse.js';
import { SERVICE_UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from './format-error.js';
import { describeUnexpected } from './redact.js';

/**
 * The app's error handler, for every route without one of its own (uploads
 * and Open311 have theirs): Fastify's own refusals (4xx: unreadable or too
 * large a body) go on to Fastify's answer unchanged; anything else is
 * unexpected, logged with the request id, and answered as
 * `INTERNAL_SERVER_ERROR` in the route's shape, never with its message;
 * or, when the database is away for now (the tenant lookup of a request
 * fails so), `SERVICE_UNAVAILABLE` (503, `retry-after`), which clients retry.
 */
export function handleHttpError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) throw error;
  request.log.error({ requestId: request.id, error: describeUnexpected(error) }, 'request failed');
  if (isDatabaseUnavailable(error)) {
    reply.header('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
    return refuse(request, reply, httpStatusOf(ErrorCode.SERVICE_UNAVAILABLE), ErrorCode.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE);
  }
  return refuse(request, reply, httpStatusOf(ErrorCode.INTERNAL_SERVER_ERROR), ErrorCode.INTERNAL_SERVER_ERROR, 'Lỗi máy chủ / Internal server error');
}
