import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, httpStatusOf } from '@paht/core';
import type { FastifyRequest } from 'fastify';
import { GraphQLError, OperationTypeNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { costMessage, measureOperation, type CostOptions, type SchemaLike } from './query-limits.js';
import { rateLimitMessage, type RateLimiter } from './rate-limits.js';

export interface QueryBudgetOptions {
  /** The highest cost of an anonymous caller's operation. */
  anonymousMaxCost: number;
  /** How operations are priced (the same as the validation rule's). */
  cost: Omit<CostOptions, 'variables'>;
}

export interface QueryBudget {
  /** Apollo's plugin: prices each anonymous operation with its variables, and counts anonymous queries against the `queries` rate limit. */
  readonly plugin: ApolloServerPlugin<GraphQLContext>;
  /** Wraps the context function, linking each GraphQL context to its HTTP request (for the rate limit's IP and key). */
  track(request: FastifyRequest, context: Promise<GraphQLContext>): Promise<GraphQLContext>;
  /** The app's rate limiter, once attached (null: rate limits off). */
  limiter: RateLimiter | null;
}

// A symbol property, not a WeakMap: Apollo hands plugins a shallow copy of the context.
const REQUEST = Symbol('query budget request');
type Tracked = GraphQLContext & { [REQUEST]?: FastifyRequest };

/** Staff (or an account changing its one-time password) have the document limit's larger budget; everyone else is anonymous. */
const isAnonymous = (context: GraphQLContext): boolean => context.staff === null && !context.passwordChangeFor;

/**
 * The per-caller half of the cost limit. The validation rule
 * (`query-limits.ts`) holds every document, staff's included, to `maxCost`
 * once per distinct document; this Apollo plugin runs after it on each
 * request that reaches execution (not on answers of the public answer
 * cache), and holds an anonymous caller's operation, priced with the
 * variables actually sent, to `anonymousMaxCost`: `QUERY_TOO_COSTLY`
 * (HTTP 400) before any resolver runs. Then an anonymous query counts one
 * call of the `queries` rate limit (per IP and per API key, in Redis when
 * the rate limits are): `RATE_LIMITED` (HTTP 429, `retry-after`) over it.
 */
export function createQueryBudget(options: QueryBudgetOptions): QueryBudget {
  // The price of operations whose sizes no variable gives (the tracker,
  // submit): the same for every request, so priced once while Apollo keeps
  // the parsed document (the same node each time).
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  const priceOf = (schema: SchemaLike, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number => {
    const known = fixedCosts.get(operation);
    if (known !== undefined) return known;
    const { cost, readsVariables } = measureOperation(schema, document, operation, { ...options.cost, variables, pageSizeCeiling: options.cost.listCeiling ?? 100 });
    if (!readsVariables) fixedCosts.set(operation, cost);
    return cost;
  };
  const budget: QueryBudget = {
    limiter: null,
    async track(request, context) {
      const value: Tracked = await context;
      value[REQUEST] = request;
      return value;
    },
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema, document, operation, request, contextValue }) {
            if (!operation || !isAnonymous(contextValue)) return;
            const cost = priceOf(schema, document, operation, request.variables ?? {});
            if (cost > options.anonymousMaxCost) {
              throw new GraphQLError(costMessage(cost, options.anonymousMaxCost), {
                extensions: {
                  code: ErrorCode.QUERY_TOO_COSTLY,
                  maximum: options.anonymousMaxCost,
                  actual: cost,
                  http: { status: httpStatusOf(ErrorCode.QUERY_TOO_COSTLY) },
                },
              });
            }
            const httpRequest = (contextValue as Tracked)[REQUEST];
            if (operation.operation !== OperationTypeNode.QUERY || !budget.limiter || !httpRequest) return;
            const refusal = await budget.limiter.check(httpRequest, 'queries');
            if (!refusal) return;
            throw new GraphQLError(rateLimitMessage(refusal.retryAfterSeconds), {
              extensions: {
                code: ErrorCode.RATE_LIMITED,
                ...refusal,
                http: { status: httpStatusOf(ErrorCode.RATE_LIMITED), headers: new Map([['retry-after', String(refusal.retryAfterSeconds)]]) },
              },
            });
          },
        };
      },
    },
  };
  return budget;
}
