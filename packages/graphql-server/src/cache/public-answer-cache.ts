import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OperationTypeNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { tenantSlugOf, type GraphQLContext } from '../context.js';
import { createInProcessInvalidation, type CacheInvalidation } from './cache-invalidation.js';
import { isPublicRead } from './public-operation.js';

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
  /** The Apollo plugin: says which answers may be kept, and moves a tenant's generation after each mutation. */
  readonly plugin: ApolloServerPlugin<GraphQLContext>;
  /** Wraps the context function, linking each GraphQL context to its HTTP request. */
  track(request: FastifyRequest, context: Promise<GraphQLContext>): Promise<GraphQLContext>;
}

interface Entry {
  body: string;
  contentType: string;
  tenantId: string;
  generation: number;
}

/** A request that may be answered from the cache: its key, and (once Apollo has run it) whether its answer may be kept. */
interface Pending {
  key: string;
  keep: { tenantId: string; generation: number } | null;
}

// The link from a GraphQL context to its request's pending entry. A symbol
// property, not a WeakMap: Apollo hands plugins a shallow copy of the context.
const PENDING = Symbol('public answer pending');
type Tracked = GraphQLContext & { [PENDING]?: Pending };

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
 * free of errors; it is served while its tenant's generation is unchanged
 * (every mutation of the tenant moves it) and for `ttlMs` at most.
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

  if (enabled) {
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== '/graphql') return;
      const key = keyOf(request);
      if (!key) return;
      const entry = answers.get(key);
      if (entry && entry.generation === invalidation.generation(entry.tenantId)) {
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
      let generation: number | null = null;
      return {
        async didResolveOperation(rc) {
          if (pending && rc.operation && isPublicRead(rc.document, rc.operation, rc.request.variables ?? {})) generation = invalidation.generation(contextValue.tenant.id);
        },
        async willSendResponse(rc) {
          // After the mutation's work is done and before its answer leaves:
          // whoever reads after seeing it gets fresh answers. Any mutation
          // counts (a refused one changed nothing, but a partial failure may have).
          if (rc.operation?.operation === OperationTypeNode.MUTATION) invalidation.bump(contextValue.tenant.id);
          const body = rc.response.body;
          if (pending && generation !== null && body.kind === 'single' && !body.singleResult.errors?.length && (rc.response.http.status ?? 200) === 200) {
            pending.keep = { tenantId: contextValue.tenant.id, generation };
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
