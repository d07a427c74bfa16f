import { ErrorCode } from '@paht/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The answer to a path no route serves: 404 `{ error: { code: 'NOT_FOUND',
 * message, requestId } }` (the uploads' shape), Vietnamese then English.
 * Fastify's own handler echoes the URL into the body and logs it raw
 * ("Route GET:/x?email=… not found"), query string and all; this one does
 * neither: the request's log lines keep only its redacted URL
 * (`requestLogSerializer`).
 */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .header('cache-control', 'no-store')
    .send({ error: { code: ErrorCode.NOT_FOUND, message: 'Không có đường dẫn này / No such route', requestId: String(request.id) } });
}
