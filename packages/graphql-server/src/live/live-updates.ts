import type { CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { describeUnexpected } from '../errors/redact.js';
import { registerReportEvents } from './live-registry.js';
import { createReportEvents } from './report-events.js';
import { createStaffInboxBus, registerStaffInboxBus } from './staff-inbox-bus.js';
import { attachWebSocketServer, type LiveDocumentLimits } from './websocket-server.js';

export interface LiveUpdatesOptions {
  /** Share report changes between processes through this Redis. Default: none (this process only). */
  redisUrl?: string | null;
  /** The parse options and validation rules of HTTP GraphQL (`createSecurity().documentLimits`), applied to every subscription too. */
  documentLimits: LiveDocumentLimits;
}

/**
 * Live updates for one app: the report-change bus its mutations publish to,
 * the staff-inbox bus, and GraphQL subscriptions over WebSocket on `/graphql`. The buses close
 * with the app.
 */
export function attachLiveUpdates(app: FastifyInstance, core: CoreContext, schema: GraphQLSchema, options: LiveUpdatesOptions): void {
  const events = createReportEvents({
    redisUrl: options.redisUrl,
    onError: (error) => app.log.error({ error: describeUnexpected(error) }, 'report events: Redis failed'),
  });
  registerReportEvents(core, events);
  const staffInbox = createStaffInboxBus({
    redisUrl: options.redisUrl,
    onError: (error) => app.log.error({ error: describeUnexpected(error) }, 'staff inbox: Redis failed'),
  });
  registerStaffInboxBus(core, staffInbox);
  attachWebSocketServer(app, core, schema, options.documentLimits);
  app.addHook('onClose', async () => {
    await Promise.all([events.close(), staffInbox.close()]);
  });
}
