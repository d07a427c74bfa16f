import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { createRequire } from 'node:module';
import type { DocumentNode, ExecutionResult, GraphQLError as GraphQLErrorType, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

// graphql-js as Node loads it for Apollo, Pothos and graphql-jit. A test
// runner or bundler can give this file another copy (the package's ESM
// build); graphql-js refuses a schema from another copy, and Apollo wraps
// errors that are not instances of its GraphQLError.
const require = createRequire(import.meta.url);
const { execute, GraphQLError, OperationTypeNode } = require('graphql') as typeof import('graphql');
const { getVariableValues } = require('graphql/execution/values.js') as typeof import('graphql/execution/values');
type GraphQLError = GraphQLErrorType;

/** What the executor did so far (tests and the benchmark read it). */
export interface ExecutionStats {
  /** Documents graphql-jit compiled (each once while it stays in the cache). */
  compiled: number;
  /** Operations run by compiled code. */
  jitRuns: number;
  /** Operations run by graphql-js: documents graphql-jit cannot compile. */
  fallbackRuns: number;
  /** Requests refused before anything ran because their variables do not coerce (answered with graphql-js's wording, never run). */
  refusedVariables: number;
}

export interface JitGateway extends GatewayInterface {
  readonly stats: ExecutionStats;
}

export interface JitGatewayOptions {
  /** Compiled documents kept (least recently used go first). Default 1000. */
  maxDocuments?: number;
}

// The gateway interface's package is Apollo's dependency, not ours: its types through Apollo's.
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type Variables = Record<string, unknown> | undefined;
/** A compiled document, or `false` for one graphql-jit could not compile. */
type Compiled = CompiledQuery | false;

interface JitError {
  message: string;
  locations?: GraphQLError['locations'];
  path?: GraphQLError['path'];
  originalError?: Error | null;
  extensions?: GraphQLError['extensions'];
}

/**
 * graphql-jit reports errors with a GraphQLError of its own; Apollo (and
 * `formatError`) expect graphql-js's, with the resolver's error as
 * `originalError` and the field's path.
 */
function toGraphQLError(error: JitError): GraphQLError {
  // graphql-jit's own GraphQLError (a subclass) leaves `extensions`
  // undefined when the resolver's error has none; Apollo then fails reading
  // `extensions.code` and answers its own "Internal server error" without
  // calling `formatError` (a database outage came back as a masked 500, not
  // SERVICE_UNAVAILABLE): convert those too.
  if (error instanceof GraphQLError && error.extensions) return error;
  const converted = new GraphQLError(error.message, {
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
  if (error.locations) (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): Compiled {
  try {
    const compiled = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
    return isCompiledQuery(compiled) ? compiled : false;
  } catch {
    return false;
  }
}

/**
 * An Apollo Server 5 gateway that serves one fixed schema and runs every
 * operation with graphql-jit: each document (by Apollo's `queryHash` and the
 * operation name) is compiled once into JavaScript and kept in a bounded
 * LRU. Apollo still parses, validates, runs the plugins and `formatError`;
 * only execution changes. Documents graphql-jit cannot compile go to
 * graphql-js; requests it refuses before running anything (bad variables)
 * are answered with graphql-js's coercion errors, so answers and error codes
 * stay graphql-js's and no operation ever runs twice.
 *
 * Gateway mode ignores Apollo's `rootValue`, `fieldResolver` and incremental
 * delivery (`@defer`/`@stream`); this app uses none of them.
 */
export function createJitGateway(schema: GraphQLSchema, options: JitGatewayOptions = {}): JitGateway {
  const stats: ExecutionStats = { compiled: 0, jitRuns: 0, fallbackRuns: 0, refusedVariables: 0 };
  const documents = new LRUCache<string, { compiled: Compiled }>({ max: options.maxDocuments ?? 1000 });
  const listeners = new Set<Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]>();

  const runGraphQLJs = (document: DocumentNode, contextValue: unknown, variableValues: Variables, operationName: string | undefined) => {
    stats.fallbackRuns += 1;
    return execute({ schema, document, contextValue, variableValues: variableValues ?? null, operationName: operationName ?? null });
  };

  const executor: GatewayExecutor = async (rc) => {
    const { document, context, queryHash } = rc;
    const { variables, operationName } = rc.request;
    const key = `${queryHash}:${operationName ?? ''}`;
    let entry = documents.get(key);
    if (!entry) {
      const compiled = rc.operation.operation === OperationTypeNode.SUBSCRIPTION ? false : compile(schema, document, operationName);
      if (compiled) stats.compiled += 1;
      entry = { compiled };
      documents.set(key, entry);
    }
    if (!entry.compiled) return (await runGraphQLJs(document, context, variables, operationName)) as ExecutionResult<Record<string, unknown>>;
    const result = await entry.compiled.query(undefined, context, variables ?? {});
    // No data at all: the request was refused before anything ran
    // (variables that do not coerce). graphql-js words those errors the way
    // Apollo recognises as BAD_USER_INPUT with status 400: coerce them again
    // with graphql-js for its wording, but never run the operation a second
    // time (a mutation would act twice if graphql-jit had run any of it).
    if (result.data === undefined && result.errors?.length) {
      stats.refusedVariables += 1;
      const coerced = getVariableValues(schema, rc.operation.variableDefinitions ?? [], variables ?? {});
      return { errors: coerced.errors ?? result.errors.map(toGraphQLError) } as ExecutionResult<Record<string, unknown>>;
    }
    stats.jitRuns += 1;
    return (result.errors?.length ? { ...result, errors: result.errors.map(toGraphQLError) } : result) as ExecutionResult<Record<string, unknown>>;
  };

  return {
    stats,
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      // Apollo takes the schema from this callback, during load().
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {
      listeners.clear();
      documents.clear();
    },
  };
}

const gateways = new WeakMap<object, JitGateway>();

/** A JIT gateway for `app`'s Apollo server, found again with `executionStatsOf(app)`. */
export function jitGatewayFor(app: object, schema: GraphQLSchema, options?: JitGatewayOptions): JitGateway {
  const gateway = createJitGateway(schema, options);
  gateways.set(app, gateway);
  return gateway;
}

/** What the JIT executor of `app` did, or null when the app runs graphql-js. */
export function executionStatsOf(app: object): ExecutionStats | null {
  return gateways.get(app)?.stats ?? null;
}
