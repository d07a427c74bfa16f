import type { CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GraphQLContext } from '../context.js';
import { formatError, isUnexpected, unwrapResolverError } from '../errors/format-error.js';
import { describeUnexpected } from '../errors/redact.js';
import { connectionContext } from './connection-context.js';

const PATH = '/graphql';

// graphql-js as Pothos, Apollo and graphql-ws load it (their `import` of a
// package without an exports map gets its CommonJS build). A test runner
// resolving our sources by the `module` field would hand us the ESM build,
// whose validate() refuses a schema built by the other copy, and whose
// GraphQLErrors graphql-ws does not recognise.
const { execute, getOperationAST, GraphQLError, parse, subscribe, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const requestError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * GraphQL over WebSocket (graphql-ws protocol) on the app's own HTTP server,
 * same path as HTTP GraphQL: an `upgrade` to `/graphql` is a subscription
 * connection. Only subscriptions run here; queries and mutations go over
 * HTTP, through Apollo and its plugins. Closing the app closes every socket.
 */
export function attachWebSocketServer(app: FastifyInstance, core: CoreContext, schema: GraphQLSchema): void {
  const wss = new WebSocketServer({ noServer: true });
  app.server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const server = useServer<Record<string, unknown>, { live: GraphQLContext }>(
    {
      schema,
      execute,
      subscribe,
      async onConnect(ctx) {
        const outcome = await connectionContext(core, app.log, ctx.connectionParams, ctx.extra.request);
        if (outcome.ok) {
          ctx.extra.live = outcome.context;
          return true;
        }
        // Our own code first; graphql-ws's 4403 after a false is then a no-op.
        ctx.extra.socket.close(outcome.code, outcome.reason);
        return false;
      },
      onSubscribe(ctx, _id, payload) {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [requestError((error as Error).message, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map((e) => requestError(e.message, 'GRAPHQL_VALIDATION_FAILED'));
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [requestError('Only subscriptions run over WebSocket; send queries and mutations over HTTP', 'BAD_REQUEST')];
        }
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue: ctx.extra.live };
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
  );
  // Before the HTTP server closes: it waits for every connection, upgraded ones included.
  app.addHook('preClose', async () => server.dispose());
}
