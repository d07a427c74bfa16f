import type { FastifyInstance } from 'fastify';
import { refuse, SecurityErrorCode } from './refuse.js';

/**
 * The onRequest hook (after @fastify/cors's) answering the CORS preflights
 * that @fastify/cors left alone because their origin is not allowed: 403
 * ORIGIN_NOT_ALLOWED, without any `Access-Control-Allow-*` header, on every
 * route (@fastify/cors would hand them to the not-found handler: "Route
 * OPTIONS:/graphql not found"). Other OPTIONS requests (no Origin) get 204
 * with the methods served.
 */
export function attachRefusedPreflight(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    // An allowed preflight never gets here: @fastify/cors answered it in its own onRequest hook.
    if (request.method !== 'OPTIONS') return;
    reply.header('vary', 'Origin');
    if (request.headers.origin === undefined) return reply.code(204).header('allow', 'GET, POST, OPTIONS').send();
    return refuse(
      request,
      reply,
      403,
      SecurityErrorCode.ORIGIN_NOT_ALLOWED,
      'Trang web này không được phép gọi API của đơn vị / This origin is not allowed to call this API; add it to a public API key or the tenant’s allowed origins',
    );
  });
}
