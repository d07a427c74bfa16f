import type { ApolloServerPlugin } from '@apollo/server';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, METRIC_HTTP_SERVER_REQUEST_DURATION } from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyPluginCallback } from 'fastify';
import type { GraphQLContext } from '../context.js';
import { tenantSlugOf } from '../security/request-tenant.js';
import type { Telemetry } from './active.js';
import { graphqlSpansPlugin } from './graphql-spans.js';
import { logIncomingRequestInSpan } from './log-correlation.js';
import { ATTR_TENANT, spanTenant } from './request-attributes.js';

/** Open WebSocket connections (upgraded sockets on `/graphql`, subscriptions). */
export const METRIC_WEBSOCKET_CONNECTIONS = 'paht.websocket.connections';

/**
 * Instruments one app (called first thing by `buildApp` when telemetry is
 * on): registers @fastify/otel before any route, puts the tenant on each
 * request's spans once the security hooks have named it, records every
 * request's duration (`http.server.request.duration`, whose count is the
 * request count) by method, route pattern and status, and counts open
 * WebSocket connections. Returns the Apollo plugin of GraphQL operation spans.
 */
export async function instrumentApp(app: FastifyInstance, telemetry: Telemetry): Promise<ApolloServerPlugin<GraphQLContext>> {
  await app.register(telemetry.fastifyPlugin() as FastifyPluginCallback);
  // After the instrumentation's own onRequest hook: the line carries the request's span (buildApp's SpanLogController).
  logIncomingRequestInSpan(app);

  app.addHook('preHandler', async (request) => {
    const tenant = spanTenant(tenantSlugOf(request));
    const span = request.opentelemetry().span;
    if (tenant && span) telemetry.requestAttributes.set(span, ATTR_TENANT, tenant);
  });

  const duration = telemetry.meter.createHistogram(METRIC_HTTP_SERVER_REQUEST_DURATION, {
    description: 'Duration of HTTP server requests',
    unit: 's',
    advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] },
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.record(reply.elapsedTime / 1000, {
      [ATTR_HTTP_REQUEST_METHOD]: request.method,
      // The route's pattern (`/uploads/:id`), never the path: no id, no query string.
      ...(request.routeOptions.url ? { [ATTR_HTTP_ROUTE]: request.routeOptions.url } : {}),
      [ATTR_HTTP_RESPONSE_STATUS_CODE]: reply.statusCode,
    });
  });

  const connections = telemetry.meter.createUpDownCounter(METRIC_WEBSOCKET_CONNECTIONS, { description: 'Open WebSocket connections (GraphQL subscriptions)', unit: '{connection}' });
  app.server.on('upgrade', (request, socket) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') return;
    connections.add(1);
    socket.once('close', () => connections.add(-1));
  });

  return graphqlSpansPlugin(telemetry);
}
