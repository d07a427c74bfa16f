import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Kind, OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { tenantSlugOf, type GraphQLContext } from '../context.js';
import { createInProcessInvalidation, readKeys, type CacheInvalidation } from './cache-invalidation.js';
import { EVERYTHING, type PublicAnswersEffect, type PublicChange } from './public-facets.js';
import { publicReadFacets } from './public-operation.js';

export interface PublicAnswerCacheOptions {
  /** Default true. Off, every request runs; mutations still move the generations. */
  enabled?: boolean;
  /** How long an answer is served at most, even with no change (KPIs age with the clock). Default 60 s. */
  ttlMs?: number;
  /** Answers kept at most. Default 5000. */
  maxEntries?: number;
  /** Bytes of answers kept at most. Default 64 MiB. */
  maxBytes?: number;
  /** Shared generations (see `CacheInvalidation`). Default: this process's. */
  invalidation?: CacheInvalidation;
}

export interface PublicAnswerCacheStats {
  hits: number;
  misses: number;
  stores: number;
}

export interface PublicAnswerCache {
  readonly stats: PublicAnswerCacheStats;
  readonly invalidation: CacheInvalidation;
  /** The Apollo plugin: says which answers may be kept, and moves a tenant's generations after each mutation (those of what it changed). */
  readonly plugin: ApolloServerPlugin<GraphQLContext>;
  /** Wraps the context function, linking each GraphQL context to its HTTP request. */
  track(request: FastifyRequest, context: Promise<GraphQLContext>): Promise<GraphQLContext>;
}

/** The tenant and the generations, when it was computed, of what an answer read (`readKeys`). */
interface Stamp {
  tenantId: string;
  generations: ReadonlyArray<readonly [string, number]>;
}

interface Entry extends Stamp {
  body: string;
  contentType: string;
}

/** A request that may be answered from the cache: its key, and (once Apollo has run it) whether its answer may be kept. */
interface Pending {
  key: string;
  keep: Stamp | null;
}

/** What a request's resolvers changed of the public answers (`recordPublicChange`). */
interface ChangeLog {
  recorded: boolean;
  changes: PublicChange[];
}

// The links from a GraphQL context to its request's pending entry and change
// log. Symbol properties, not a WeakMap: Apollo hands plugins a shallow copy
// of the context.
const PENDING = Symbol('public answer pending');
const CHANGES = Symbol('public answer changes');
type Tracked = GraphQLContext & { [PENDING]?: Pending; [CHANGES]?: ChangeLog };

/**
 * Records, for the cache, what public answers a resolver's change can alter
 * (`submittedChanges`, `stepChanges`); nothing for a change of nothing. Only
 * mutation fields marked `recordsPublicChanges` rely on it.
 */
export function recordPublicChange(ctx: GraphQLContext, changes: readonly PublicChange[]): void {
  const log = (ctx as Tracked)[CHANGES];
  if (!log) return;
  log.recorded = true;
  log.changes.push(...changes);
}

/**
 * The kinds of public answer a mutation can have changed: none for fields
 * marked `changesNothingPublic`; what the resolvers recorded for fields
 * marked `recordsPublicChanges` (everything, if they recorded nothing:
 * whether a step was refused or failed after it committed cannot be told
 * apart); everything for any other field.
 */
function mutationChanges(schema: GraphQLSchema, operation: OperationDefinitionNode, log: ChangeLog | undefined): readonly PublicChange[] {
  const fields = schema.getMutationType()?.getFields() ?? {};
  let recorded = false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return EVERYTHING;
    if (selection.name.value === '__typename') continue;
    const effect = fields[selection.name.value]?.extensions?.publicAnswers as PublicAnswersEffect | undefined;
    if (effect === 'recorded') recorded = true;
    else if (effect !== 'none') return EVERYTHING;
  }
  if (!recorded) return [];
  return log?.recorded ? log.changes : EVERYTHING;
}

/** Headers that let a GET through Apollo's CSRF prevention (as configured in app.ts). */
const PREFLIGHT_HEADERS = ['x-tenant', 'apollo-require-preflight', 'x-apollo-operation-name'];

interface GraphQLParams {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** Extensions (persisted queries, tracing) change how a request runs: only plain requests are cached. */
const noExtensions = (extensions: unknown): boolean =>
  extensions == null || (typeof extensions === 'object' && Object.keys(extensions).length === 0);

/** Whether the variables give any variable named like a secret a value (defence in depth: `isPublicRead` decides). */
function holdsSecret(variables: string): boolean {
  try {
    const parsed = JSON.parse(variables) as Record<string, unknown>;
    return Object.entries(parsed ?? {}).some(([name, value]) => /secret/i.test(name) && value != null);
  } catch {
    return true;
  }
}

/**
 * The cache key of an anonymous GraphQL request that could be a public read,
 * or null. Everything that shapes the answer is in it: tenant, accepted
 * media type, the query text, operation name and variables. Requests with
 * an Authorization header, or giving a secret in their variables, never have one.
 */
function keyOf(request: FastifyRequest): string | null {
  if (request.headers.authorization !== undefined) return null;
  let params: GraphQLParams;
  let variables: string;
  if (request.method === 'POST') {
    if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) return null;
    params = request.body;
    // The security guard refuses variables nested too deep before this hook;
    // should any still fail to serialise, the request is simply not cached.
    try {
      variables = params.variables == null ? '' : JSON.stringify(params.variables);
    } catch {
      return null;
    }
  } else if (request.method === 'GET') {
    if (!PREFLIGHT_HEADERS.some((h) => request.headers[h] !== undefined)) return null;
    params = request.query ?? {};
    variables = typeof params.variables === 'string' ? params.variables : '';
  } else {
    return null;
  }
  const { query, operationName } = params;
  if (typeof query !== 'string' || !noExtensions(params.extensions)) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (/secret/i.test(variables) && holdsSecret(variables)) return null;
  const slug = tenantSlugOf(request);
  if (!slug) return null;
  return [slug, request.method, request.headers.accept ?? '', operationName ?? '', variables, query].join('\u0000');
}

/**
 * Whole answers to public reads (tracker without secret, public list,
 * KPIs, categories, units), served before Apollo runs: no tenant lookup,
 * no parsing, no database. An answer is kept only when Apollo found the
 * operation public (`isPublicRead`), the request anonymous, and the answer
 * free of errors; it is served while the tenant's generations of the kinds
 * of public answer it read are unchanged (a mutation moves those of what it
 * can have changed: `mutationChanges`) and for `ttlMs` at most.
 */
export function attachPublicAnswerCache(app: FastifyInstance, options: PublicAnswerCacheOptions = {}): PublicAnswerCache {
  const enabled = options.enabled ?? true;
  const invalidation = options.invalidation ?? createInProcessInvalidation();
  const stats: PublicAnswerCacheStats = { hits: 0, misses: 0, stores: 0 };
  const answers = new LRUCache<string, Entry>({
    max: options.maxEntries ?? 5000,
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (entry, key) => entry.body.length + key.length,
    ttl: options.ttlMs ?? 60_000,
  });
  const pendingByRequest = new WeakMap<FastifyRequest, Pending>();
  const current = (stamp: Stamp): boolean => stamp.generations.every(([key, generation]) => invalidation.generation(stamp.tenantId, key) === generation);

  if (enabled) {
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== '/graphql') return;
      const key = keyOf(request);
      if (!key) return;
      const entry = answers.get(key);
      if (entry && current(entry)) {
        stats.hits += 1;
        return reply.code(200).header('content-type', entry.contentType).send(entry.body);
      }
      stats.misses += 1;
      pendingByRequest.set(request, { key, keep: null });
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const pending = pendingByRequest.get(request);
      if (pending?.keep && reply.statusCode === 200 && typeof payload === 'string') {
        answers.set(pending.key, { body: payload, contentType: String(reply.getHeader('content-type') ?? 'application/json'), ...pending.keep });
        stats.stores += 1;
      }
      return payload;
    });
  }

  const plugin: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart({ contextValue }) {
      const pending = (contextValue as Tracked)[PENDING];
      let stamp: Stamp | null = null;
      return {
        async didResolveOperation(rc) {
          const reads = pending && rc.operation ? publicReadFacets(rc.document, rc.operation, rc.request.variables ?? {}) : null;
          if (reads) {
            const tenantId = contextValue.tenant.id;
            const keys = [...reads].flatMap(([facet, scopes]) => readKeys(facet, scopes));
            // Read before the answer is computed: a change meanwhile makes it stale at once.
            stamp = { tenantId, generations: keys.map((key) => [key, invalidation.generation(tenantId, key)] as const) };
          }
        },
        async willSendResponse(rc) {
          // After the mutation's work is done and before its answer leaves:
          // whoever reads after seeing it gets fresh answers.
          if (rc.operation?.operation === OperationTypeNode.MUTATION) {
            const changes = mutationChanges(rc.schema, rc.operation, (contextValue as Tracked)[CHANGES]);
            if (changes.length > 0) invalidation.bump(contextValue.tenant.id, changes);
          }
          const body = rc.response.body;
          if (pending && stamp !== null && body.kind === 'single' && !body.singleResult.errors?.length && (rc.response.http.status ?? 200) === 200) {
            pending.keep = stamp;
          }
        },
      };
    },
  };

  const cache: PublicAnswerCache = {
    stats,
    invalidation,
    plugin,
    async track(request, context) {
      const value: Tracked = await context;
      const pending = pendingByRequest.get(request);
      if (pending) value[PENDING] = pending;
      value[CHANGES] = { recorded: false, changes: [] };
      return value;
    },
  };
  caches.set(app, cache);
  return cache;
}

const caches = new WeakMap<FastifyInstance, PublicAnswerCache>();

/** The public answer cache attached to `app` (tests and the benchmark read its stats). */
export function publicAnswerCacheOf(app: FastifyInstance): PublicAnswerCache | null {
  return caches.get(app) ?? null;
}
