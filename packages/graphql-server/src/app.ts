import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import cors from '@fastify/cors';
import type { CoreContext } from '@paht/core';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { createContext, type GraphQLContext } from './context.js';
import { formatError } from './errors/format-error.js';
import { handleHttpError } from './errors/http-error-handler.js';
import { describeUnexpected, requestLogSerializer } from './errors/redact.js';
import { registerHealthRoute } from './http/health-route.js';
import { registerReadinessRoute } from './http/readiness-route.js';
import { notFoundHandler } from './http/not-found.js';
import { registerOperatorRoutes } from './operator/operator-routes.js';
import { requestIdOf } from './http/request-id.js';
import { requestIdPlugin } from './http/request-id-plugin.js';
import { attachSlaAlerts, type SlaAlertsOptions } from './alerts/attach-sla-alerts.js';
import { attachJobs, type JobsOptions } from './jobs/attach-jobs.js';
import { attachExports, type ExportsOptions } from './exports/attach-exports.js';
import { attachLiveUpdates } from './live/live-updates.js';
import { attachNotificationDelivery, type NotificationDeliveryOptions } from './notifications/notification-delivery.js';
import { open311Plugin } from './open311/open311-plugin.js';
import { activeTelemetry, attachTelemetry } from './telemetry/index.js';
import { SpanLogController } from './telemetry/log-correlation.js';
import { attachPublicAnswerCache } from './cache/public-answer-cache.js';
import { jitGatewayFor } from './execution/jit-gateway.js';
import { schema } from './schema/index.js';
import { createSecurity, type SecurityOptions } from './security/index.js';
import { forgetTenantById } from './security/request-tenant.js';
import { uploadsPlugin, type UploadsOptions } from './uploads/uploads-plugin.js';
import type { UploadStorage } from './uploads/upload-storage.js';

export interface BuildAppOptions extends SecurityOptions {
  /** The core the resolvers call: database, clock and instance secret. */
  core: CoreContext;
  /** Fastify's request logging (pino, JSON to stdout): every line carries the request id (`reqId`). Default false. */
  logger?: boolean;
  /** Where the JSON log lines go when `logger` is on (a stream with `write(line)`). Default stdout. */
  logStream?: { write(line: string): void };
  /**
   * Production mode: no landing page and no introspection.
   * Default: `process.env.NODE_ENV === 'production'`.
   */
  production?: boolean;
  /** Share subscriptions' report changes and the public answer cache's invalidations between processes through Redis. Default: `process.env.REDIS_URL`, else this process only. */
  redisUrl?: string | null;
  /**
   * Behind a reverse proxy or load balancer: which proxies to trust for the
   * client address (`X-Forwarded-For`), as Fastify's `trustProxy` (true, or
   * the proxies' addresses/CIDRs). Rate limits count per client address, so
   * without it every citizen shares the proxy's. Default:
   * `PAHT_TRUST_PROXY` (`true` or a comma-separated list), else none.
   */
  trustProxy?: boolean | string | string[];
  /** Run operations with graphql-jit (src/execution). Default true, unless `PAHT_GRAPHQL_JIT=0`. */
  jit?: boolean;
  /** How long each check of `GET /readyz` (database, Redis) may take. Default `PAHT_READY_TIMEOUT_MS`, else 1 000 ms. */
  readinessTimeoutMs?: number;
  /** Serve public reads from the public answer cache (src/cache). Default true. */
  cache?: boolean;
  /** SLA warnings and breaches (src/alerts): the `sla-alerts` job every `intervalMs` once listening (default 60 s; 0: no schedule, `app.slaAlerts.tick()` only). Same as `jobs.intervals['sla-alerts']`, which wins. */
  slaAlerts?: SlaAlertsOptions;
  /** The deadline jobs (src/jobs, docs/deadlines.md): pg-boss on PostgreSQL, in process on PGlite; schedule, intervals, workers. */
  jobs?: JobsOptions;
  /** Where uploaded files are kept on local disk. Default `PAHT_UPLOADS_DIR`, else `<os tmpdir>/paht-uploads`. */
  uploadsDir?: string;
  /** Another store for uploads (e.g. S3-compatible); replaces the local disk. */
  uploadStorage?: UploadStorage;
  /** Upload body timeouts and the sweep of unattached uploads (each option documents its default). */
  uploads?: Pick<UploadsOptions, 'bodyIdleTimeoutMs' | 'bodyTimeoutMs' | 'sweepIntervalMs'>;
  /** The instance operator's token for `POST /operator/tenants` and `POST /operator/tenant-merges` (src/operator). Default `PAHT_OPERATOR_TOKEN`; unset: the operator API is off (404). */
  operatorToken?: string | null;
  /** Delivery of the outbox (src/notifications, docs/notifications.md): SMTP server and sender, SMS gateway and sender, interval. */
  notifications?: NotificationDeliveryOptions;
  /** The same as `notifications` (its first name); `notifications` wins when both are given. */
  citizenMail?: NotificationDeliveryOptions;
  /** CSV and Excel exports (src/exports, docs/exports.md): where finished background exports are kept. */
  exports?: ExportsOptions;
}

/**
 * The HTTP application, ready but not listening: `POST/GET /graphql`,
 * `GET /healthz` (alive), `GET /readyz` (database and Redis answer). Closing it stops Apollo and drains open requests.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { core } = options;
  const production = options.production ?? process.env.NODE_ENV === 'production';
  // With telemetry on, each line logged within a span carries its trace and span ids (src/telemetry/log-correlation.ts).
  const telemetry = activeTelemetry();
  const logger = options.logger
    ? { serializers: { req: requestLogSerializer }, ...(options.logStream ? { stream: options.logStream } : {}), ...(telemetry ? { mixin: telemetry.logFields } : {}) }
    : false;
  const trustProxy = options.trustProxy ?? trustProxyFromEnv(process.env.PAHT_TRUST_PROXY);
  const serverOptions: FastifyHttpOptions<Server> = {
    logger,
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxy ?? false,
    ...(telemetry ? { logController: new SpanLogController() } : {}),
  };
  const app = Fastify(serverOptions);
  // OpenTelemetry, when main.ts (or a test) started it: first, before any route (src/telemetry, docs/operations.md).
  const graphqlSpans = await attachTelemetry(app);
  // Unexpected failures outside GraphQL are masked like inside it (errors/http-error-handler.ts).
  app.setErrorHandler(handleHttpError);
  // No route: a typed 404 that neither echoes nor logs the raw URL (src/http/not-found.ts).
  app.setNotFoundHandler(notFoundHandler);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Tenant, API keys, CORS, OIDC and limits: src/security, docs/api/security.md.
  // CORS allows the origins of the tenants' public keys (src/security/cors-origins.ts);
  // the security hooks come right after it, before the answer cache and every route.
  const security = createSecurity(core, options, production);
  await app.register(cors, { delegator: security.corsDelegator });
  await security.attach(app);

  // With a read replica, a public read just after a change may still see the replica's older state and be
  // kept under the new generation: keep answers 5 s at most then (the default 60 s otherwise).
  const replica = core.db.lagTolerant !== core.db;
  const redisUrl = options.redisUrl === undefined ? (process.env.REDIS_URL ?? null) : options.redisUrl;
  const answers = attachPublicAnswerCache(app, core, {
    enabled: options.cache ?? true,
    ...(replica ? { ttlMs: 5_000 } : {}),
    redisUrl,
    onError: (error) => app.log.error({ error: describeUnexpected(error) }, 'public answer cache: Redis failed'),
    onTenantChanged: (tenantId) => forgetTenantById(core, tenantId),
  });
  const apollo = new ApolloServer<GraphQLContext>({
    ...((options.jit ?? process.env.PAHT_GRAPHQL_JIT !== '0') ? { gateway: jitGatewayFor(app, schema) } : { schema }),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Shutdown is the caller's: app.close() stops Apollo (main.ts on SIGINT/SIGTERM).
    stopOnTerminationSignals: false,
    // A GET must carry a header a form cannot send; x-tenant is one.
    csrfPrevention: { requestHeaders: ['x-tenant', 'x-api-key', 'apollo-require-preflight', 'x-apollo-operation-name'] },
    // The same limits apply to subscriptions over WebSocket (attachLiveUpdates below).
    validationRules: security.documentLimits.validationRules,
    parseOptions: security.documentLimits.parseOptions,
    persistedQueries: security.persistedQueries,
    introspection: !production,
    plugins: [
      // On by default, it wraps every field resolver and halves list throughput.
      ApolloServerPluginCacheControlDisabled(),
      requestIdPlugin,
      ...(graphqlSpans ? [graphqlSpans] : []),
      answers.plugin,
      // Anonymous callers' cost budget and query rate limit (src/security/query-budget.ts).
      security.queryBudget.plugin,
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
    context: (request) => answers.track(request, security.queryBudget.track(request, createContext(core, request))),
  });
  registerHealthRoute(app, core);
  registerReadinessRoute(app, core, { redisUrl, timeoutMs: options.readinessTimeoutMs });
  const operatorToken = options.operatorToken === undefined ? process.env.PAHT_OPERATOR_TOKEN : options.operatorToken;
  if (operatorToken) registerOperatorRoutes(app, core, operatorToken);
  await app.register(uploadsPlugin, { ...options.uploads, core, dir: options.uploadsDir, storage: options.uploadStorage });
  await app.register(open311Plugin, { prefix: '/open311/v2', core, production });
  attachLiveUpdates(app, core, schema, { redisUrl, documentLimits: security.documentLimits });
  const slaInterval = options.slaAlerts?.intervalMs === undefined ? {} : { 'sla-alerts': options.slaAlerts.intervalMs };
  const jobs = attachJobs(app, core, { ...options.jobs, intervals: { ...slaInterval, ...options.jobs?.intervals } });
  attachSlaAlerts(app, core, jobs, { redisUrl });
  attachNotificationDelivery(app, core, { production, ...(options.notifications ?? options.citizenMail) });
  attachExports(app, core, options.exports);
  return app;
}

/** `PAHT_TRUST_PROXY`: `true`, or a comma-separated list of the proxies' addresses/CIDRs; unset, empty or `false`: none. */
export function trustProxyFromEnv(value: string | undefined): boolean | string[] | undefined {
  const text = value?.trim();
  if (!text || text === 'false') return undefined;
  if (text === 'true') return true;
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
