import type { ApolloServerPlugin } from '@apollo/server';
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { GraphQLContext } from '../context.js';
import { redact } from '../errors/redact.js';
import type { Telemetry } from './active.js';
import { ATTR_TENANT } from './request-attributes.js';

// Still "incubating" in the semantic conventions, whose advice is to copy such names, not import them.
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';

/** The error codes of a failed operation (never their messages, which can quote the input). */
export const ATTR_ERROR_CODES = 'paht.graphql.error_codes';

/**
 * One span per GraphQL operation over HTTP, under the request's span:
 * named `query TrackReport` (type and operation name, as the semantic
 * conventions have it), with the tenant and the request id. Never the
 * document (it can carry values inline) and never the variables (a
 * reporter's phone number or e-mail). An Apollo plugin rather than the
 * graphql-js instrumentation: operations run through graphql-jit, which
 * that instrumentation does not see, and it records the document.
 */
export function graphqlSpansPlugin(telemetry: Telemetry): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const span = telemetry.tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }, context.active());
      telemetry.requestAttributes.set(span, ATTR_TENANT, contextValue.tenant.slug);
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'unknown';
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
          // A client names its operation; a name is letters and digits, so it could hold a phone number.
          const name = operationName ? redact(operationName) : null;
          if (name) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, name);
          span.updateName(name ? `${type} ${name}` : type);
        },
        async didEncounterErrors({ errors }) {
          const codes = [...new Set(errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN')))];
          span.setAttribute(ATTR_ERROR_CODES, codes);
          span.setStatus({ code: SpanStatusCode.ERROR });
        },
        async willSendResponse() {
          span.end();
        },
      };
    },
  };
}
