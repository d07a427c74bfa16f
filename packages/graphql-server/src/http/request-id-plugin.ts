import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../context.js';
import { isUnexpected, SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, unwrapResolverError } from '../errors/format-error.js';
import { describeUnexpected } from '../errors/redact.js';

/**
 * Logs every unexpected error with the request id (message redacted of
 * anything that looks like contact data), and puts the request id on every
 * error of the response, so a user's report of a failure can be found in
 * the logs.
 */
export const requestIdPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, operationName }) {
        for (const error of errors) {
          if (!isUnexpected(error)) continue;
          contextValue.log.error(
            { requestId: contextValue.requestId, operationName, path: error.path, error: describeUnexpected(unwrapResolverError(error)) },
            'unexpected error',
          );
        }
      },
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
          ...e,
          extensions: { ...e.extensions, requestId: contextValue.requestId },
        }));
        // The database was away: 503 with retry-after, which clients and proxies know to retry.
        if (response.body.singleResult.errors.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
        }
      },
    };
  },
};
