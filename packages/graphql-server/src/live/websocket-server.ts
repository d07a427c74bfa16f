import { actorId, type Actor, type CoreContext, type ErrorCode } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import type { DocumentNode, ExecutionArgs, GraphQLSchema, ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GraphQLContext } from '../context.js';
import { formatError, isUnexpected, unwrapResolverError } from '../errors/format-error.js';
import { describeUnexpected } from '../errors/redact.js';
import { onStaffForgotten } from '../auth/current-staff.js';
import { inspectRequestParameters, unsafeInputMessage } from '../security/unsafe-input.js';
import { connectionContext } from './connection-context.js';
import { createDocumentCache } from './document-cache.js';
import { createSharedSubscribe } from './shared-execution.js';
import { startHeartbeat } from './heartbeat.js';
import { admittedEach, STAFF_RECHECK_INTERVAL_MS, staffGone } from './staff-recheck.js';

const PATH = '/graphql';

// graphql-js as Pothos, Apollo and graphql-ws load it (their `import` of a
// package without an exports map gets its CommonJS build). A test runner
// resolving our sources by the `module` field would hand us the ESM build,
// whose validate() refuses a schema built by the other copy, and whose
// GraphQLErrors graphql-ws does not recognise.
const { createSourceEventStream, execute, getOperationAST, GraphQLError, OperationTypeNode, parse, specifiedRules, validate } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql');

/** A request-level error of a subscription; its code is one of core's registry (`error-codes.ts`). */
const requestError = (message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { ...extensions, code } });

/** Largest WebSocket message accepted (bytes): a subscription document with its variables fits many times over. Larger ones close the socket with 1009. */
export const LIVE_MAX_MESSAGE_BYTES = 64 * 1024;

/** Subscriptions one connection may hold at once: a staff console needs a handful, a citizen app one per report followed. */
export const LIVE_MAX_SUBSCRIPTIONS = 100;

/** The HTTP path's document limits (`createSecurity().documentLimits`): graphql-js parse options and extra validation rules. */
export interface LiveDocumentLimits {
  parseOptions: { maxTokens: number };
  validationRules: ReadonlyArray<ValidationRule>;
}

type LiveExtra = {
  live: GraphQLContext;
  /** The staff token of the connection, or null (anonymous). */
  token: string | null;
  /** Stops the connection's account checks. */
  stopChecks?: () => void;
};

/**
 * GraphQL over WebSocket (graphql-ws protocol) on the app's own HTTP server,
 * same path as HTTP GraphQL: an `upgrade` to `/graphql` is a subscription
 * connection. Only subscriptions run here; queries and mutations go over
 * HTTP, through Apollo and its plugins. Closing the app closes every socket.
 */
export function attachWebSocketServer(app: FastifyInstance, core: CoreContext, schema: GraphQLSchema, limits: LiveDocumentLimits): void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIVE_MAX_MESSAGE_BYTES });
  const rules = [...specifiedRules, ...limits.validationRules];
  const checkDocument = createDocumentCache((query) => {
    let document: DocumentNode;
    try {
      document = parse(query, limits.parseOptions);
    } catch (error) {
      return { errors: [requestError((error as Error).message, 'GRAPHQL_PARSE_FAILED')] };
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length > 0) return { errors: invalid.map((e) => requestError(e.message, 'GRAPHQL_VALIDATION_FAILED', e.extensions)) };
    return { document };
  });
  app.server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const server = useServer<Record<string, unknown>, LiveExtra>(
    {
      schema,
      execute,
      subscribe: createSharedSubscribe({ createSourceEventStream, execute }, sharedExecutionKey),
      async onConnect(ctx) {
        const outcome = await connectionContext(core, app.log, ctx.connectionParams, ctx.extra.request);
        // The upgrade request (headers, URL) served only to build the context: not kept for the connection's life.
        (ctx.extra as { request?: unknown }).request = undefined;
        if (outcome.ok) {
          ctx.extra.live = outcome.context;
          ctx.extra.token = outcome.token;
          const { staff, tenant } = outcome.context;
          if (staff && outcome.token) ctx.extra.stopChecks = watchAccount(core, outcome.token, tenant.id, staff, ctx.extra.socket);
          return true;
        }
        // Our own code first; graphql-ws's 4403 after a false is then a no-op.
        ctx.extra.socket.close(outcome.code, outcome.reason);
        return false;
      },
      onClose(ctx) {
        ctx.extra.stopChecks?.();
      },
      onSubscribe(ctx, _id, payload) {
        // graphql-ws has already registered this one.
        if (Object.keys(ctx.subscriptions).length > LIVE_MAX_SUBSCRIPTIONS) {
          return [
            requestError(
              `Quá nhiều đăng ký trên một kết nối (tối đa ${LIVE_MAX_SUBSCRIPTIONS}) / Too many subscriptions on one connection (at most ${LIVE_MAX_SUBSCRIPTIONS}); complete some first`,
              'RATE_LIMITED',
              { limit: 'subscriptions', maximum: LIVE_MAX_SUBSCRIPTIONS },
            ),
          ];
        }
        // The same checks, in the same order, as HTTP: parameters, size in tokens, then the validation rules with depth and cost.
        const unsafe = inspectRequestParameters({ variables: payload.variables, operationName: payload.operationName, extensions: payload.extensions });
        if (unsafe) return [requestError(unsafeInputMessage(unsafe.problem), 'BAD_USER_INPUT', { reason: unsafe.problem, path: unsafe.path })];
        const checked = checkDocument(payload.query);
        if ('errors' in checked) return [...checked.errors];
        const { document } = checked;
        if (getOperationAST(document, payload.operationName)?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [requestError('Only subscriptions run over WebSocket; send queries and mutations over HTTP', 'BAD_REQUEST')];
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: ctx.extra.live };
      },
      // A staff stream sends each event only while the account still acts as it did at connection.
      onOperation(ctx, _id, _payload, _args, result) {
        const { live, token, socket } = ctx.extra;
        if (!live?.staff || !token || !isAsyncIterable(result)) return;
        const connectedAs = live.staff;
        return admittedEach(result, async () => {
          const gone = await staffGone(core, token, live.tenant.id, connectedAs);
          if (gone) socket.close(gone.code, gone.reason);
          return gone === null;
        });
      },
      // The same masking as HTTP: expected errors keep their code, the rest become INTERNAL_SERVER_ERROR.
      onNext(ctx, _id, _payload, _args, result) {
        if (!result.errors) return;
        for (const error of result.errors.filter(isUnexpected)) {
          ctx.extra.live?.log.error({ requestId: ctx.extra.live.requestId, error: describeUnexpected(unwrapResolverError(error)) }, 'subscription failed');
        }
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => formatError(e.toJSON(), e));
      },
    },
    wss,
    // No keep-alive of graphql-ws (an interval and a timeout per connection): one heartbeat for all sockets.
    0,
  );
  const stopHeartbeat = startHeartbeat(wss);
  // Before the HTTP server closes: it waits for every connection, upgraded ones included.
  app.addHook('preClose', async () => {
    stopHeartbeat();
    await server.dispose();
  });
}

// Each distinct document (the cache hands out one tree per text) gets a number for the key below.
const documentNumbers = new WeakMap<DocumentNode, number>();
let documentsNumbered = 0;

/**
 * Which subscribers may share one execution of an event (`shared-execution.ts`):
 * anonymous (citizen) connections of one tenant sending the same document,
 * operation and variables. Their context differs only by request id and
 * logger, so the result is theirs alike; what they may see was decided when
 * they subscribed (the report's secret). Staff connections execute alone:
 * their views and account checks are their own.
 */
function sharedExecutionKey(args: ExecutionArgs): string | null {
  const live = args.contextValue as GraphQLContext | undefined;
  if (!live || live.staff) return null;
  let document = documentNumbers.get(args.document);
  if (document === undefined) documentNumbers.set(args.document, (document = ++documentsNumbered));
  return `${live.tenant.id}\n${document}\n${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? null)}`;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/**
 * Checks a staff connection's account at once when this process changes it
 * (`forgetStaff`: deactivation, new role or unit) and every
 * `STAFF_RECHECK_INTERVAL_MS` (token expiry, changes made by another
 * process), closing the socket when it no longer acts as it did. Returns
 * the function that stops the checks.
 */
function watchAccount(core: CoreContext, token: string, tenantId: string, staff: Actor, socket: WebSocket): () => void {
  const check = () => {
    void staffGone(core, token, tenantId, staff)
      .then((gone) => {
        if (gone) socket.close(gone.code, gone.reason);
      })
      .catch(() => undefined); // A failed read is retried at the next event or interval.
  };
  const userId = actorId(staff);
  const unlisten = onStaffForgotten(core, (t, u) => {
    if (t === tenantId && u === userId) check();
  });
  const timer = setInterval(check, STAFF_RECHECK_INTERVAL_MS);
  timer.unref();
  return () => {
    unlisten();
    clearInterval(timer);
  };
}
