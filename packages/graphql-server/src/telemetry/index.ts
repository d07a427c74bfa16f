import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { GraphQLContext } from '../context.js';
import { activeTelemetry } from './active.js';

export { activeTelemetry } from './active.js';
export { startTelemetry } from './start-telemetry.js';

/**
 * `buildApp`'s one call: with telemetry on, instruments the app and
 * returns the Apollo plugin of GraphQL spans; off, does nothing and
 * returns null (no hook added, no SDK module loaded).
 */
export async function attachTelemetry(app: FastifyInstance): Promise<ApolloServerPlugin<GraphQLContext> | null> {
  const telemetry = activeTelemetry();
  if (!telemetry) return null;
  const { instrumentApp } = await import('./instrument-app.js');
  return instrumentApp(app, telemetry);
}
