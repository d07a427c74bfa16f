import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import cors from '@fastify/cors';
import type { CoreContext } from '@paht/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { createContext, type GraphQLContext } from './context.js';
import { formatError } from './errors/format-error.js';
import { registerHealthRoute } from './http/health-route.js';
import { requestIdOf } from './http/request-id.js';
import { requestIdPlugin } from './http/request-id-plugin.js';
import { attachLiveUpdates } from './live/live-updates.js';
import { open311Plugin } from './open311/open311-plugin.js';
import { attachPublicAnswerCache } from './cache/public-answer-cache.js';
import { jitGatewayFor } from './execution/jit-gateway.js';
import { schema } from './schema/index.js';

export interface BuildAppOptions {
  /** The core the resolvers call: database, clock and instance secret. */
  core: CoreContext;
  /** Fastify's request logging (pino, JSON to stdout). Default false. */
  logger?: boolean;
  /**
   * Production mode: no landing page and no introspection.
   * Default: `process.env.NODE_ENV === 'production'`.
   */
  production?: boolean;
  /** Share subscriptions' report changes between processes through Redis. Default: `process.env.REDIS_URL`, else this process only. */
  redisUrl?: string | null;
  /** Run operations with graphql-jit (src/execution). Default true, unless `PAHT_GRAPHQL_JIT=0`. */
  jit?: boolean;
  /** Serve public reads from the public answer cache (src/cache). Default true. */
  cache?: boolean;
}

/**
 * The HTTP application, ready but not listening: `POST/GET /graphql`,
 * `GET /healthz`. Closing it stops Apollo and drains open requests.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { core } = options;
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const app = Fastify({ logger: options.logger ?? false, genReqId: requestIdOf, bodyLimit: 1024 * 1024 });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Widgets call from the portals that embed them. Tokens travel in a
  // header, never in cookies, so reflecting the origin lends no credentials.
  await app.register(cors, {
    origin: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type', 'authorization', 'x-tenant', 'x-request-id', 'apollo-require-preflight'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });

  const answers = attachPublicAnswerCache(app, { enabled: options.cache ?? true });
  const apollo = new ApolloServer<GraphQLContext>({
    ...((options.jit ?? process.env.PAHT_GRAPHQL_JIT !== '0') ? { gateway: jitGatewayFor(app, schema) } : { schema }),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Shutdown is the caller's: app.close() stops Apollo (main.ts on SIGINT/SIGTERM).
    stopOnTerminationSignals: false,
    // A GET must carry a header a form cannot send; x-tenant is one.
    csrfPrevention: { requestHeaders: ['x-tenant', 'apollo-require-preflight', 'x-apollo-operation-name'] },
    introspection: !production,
    plugins: [
      // On by default, it wraps every field resolver and halves list throughput.
      ApolloServerPluginCacheControlDisabled(),
      requestIdPlugin,
      answers.plugin,
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();
  // Fastify's close() drains the HTTP side (in-flight requests finish, idle
  // connections close); Apollo stops after it. (The integration's drain
  // plugin works the other way round and deadlocks when app.close() starts.)
  app.addHook('onClose', async () => apollo.stop());

  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    method: ['GET', 'POST'],
    context: (request) => answers.track(request, createContext(core, request)),
  });
  registerHealthRoute(app, core);
  await app.register(open311Plugin, { prefix: '/open311/v2', core, invalidation: answers.invalidation, production });
  attachLiveUpdates(app, core, schema, { redisUrl: options.redisUrl === undefined ? process.env.REDIS_URL : options.redisUrl });
  return app;
}
