import type { CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { describeUnexpected } from '../errors/redact.js';

/** `GET /healthz`: 200 `{ status: 'ok', database }` once the database answers a `SELECT 1`, else 503. */
export function registerHealthRoute(app: FastifyInstance, core: CoreContext): void {
  app.get('/healthz', async (request, reply) => {
    try {
      await core.db.query('SELECT 1');
      return { status: 'ok', database: core.db.engine };
    } catch (error) {
      request.log.error({ requestId: request.id, error: describeUnexpected(error) }, 'health check failed');
      return reply.code(503).send({ status: 'unavailable', database: core.db.engine });
    }
  });
}
