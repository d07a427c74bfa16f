import type { ApolloServerPlugin } from '@apollo/server';
import type { CoreContext } from '@paht/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Kind, OperationTypeNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { tenantSlugOf, type GraphQLContext } from '../context.js';
import { createInProcessInvalidation, readKeys, type CacheInvalidation, type TenantChanged } from './cache-invalidation.js';
import { publicDataChanged, watchPublicChanges } from './public-changes.js';
import { EVERYTHING, type PublicAnswersEffect, type PublicChange } from './public-facets.js';
import { publicReadFacets } from './public-operation.js';
import { createRedisInvalidation } from './redis-invalidation.js';

export interface PublicAnswerCacheOptions {
  /** Default true. Off, every request runs; mutations still move the generations. */
  enabled?: boolean;
  /** How long an answer is served at most, even with no change (KPIs age with the clock). Default 60 s. */
  ttlMs?: number;
  /** Answers kept at most. Default 5000. */
  maxEntries?: number;
  /** Bytes of answers kept at most. Default 64 MiB. */
  maxBytes?: number;
  /** Share the generations with every server process on this Redis (`createRedisInvalidation`). Default: this process only. */
  redisUrl?: string | null;
  /** Where failures to reach Redis go. */
  onError?: (error: unknown) => void;
  /** All of a tenant changed, here or in another process (a merge, `pnpm tenant:merge`): drop what else is kept of it (its row). */
  onTenantChanged?: TenantChanged;
}

export interface PublicAnswerCacheStats {
  hits: number;
  misses: number;
  stores: number;
}

export interface PublicAnswerCache {
  readonly stats: PublicAnswerCacheStats;
  readonly invalidation: CacheInvalidation;
  /** The Apollo plugin: says which answers may be kept, and after each mutation waits until what it changed is stale everywhere. */
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

/** Whether a request's resolvers recorded what they changed of the public answers (`recordPublicChange`), and the telling of the other processes. */
interface ChangeLog {
  recorded: boolean;
  shared: Promise<void>[];
}

// The links from a GraphQL context to its request's pending entry and change
// log. Symbol properties, not a WeakMap: Apollo hands plugins a shallow copy
// of the context.
const PENDING = Symbol('public answer pending');
const CHANGES = Symbol('public answer changes');
type Tracked = GraphQLContext & { [PENDING]?: Pending; [CHANGES]?: ChangeLog };

/**
 * Makes stale, once a resolver's change has committed, the public answers it
 * can alter (`submittedChanges`, `stepChanges`; nothing for a change of
 * nothing): `publicDataChanged`, whatever carried the operation. Mutation
 * fields marked `recordsPublicChanges` rely on it; over HTTP, their answer
 * leaves once the other processes have been told.
 */
export function recordPublicChange(ctx: GraphQLContext, changes: readonly PublicChange[]): void {
  const shared = publicDataChanged(ctx.core, ctx.tenant.id, changes);
  const log = (ctx as Tracked)[CHANGES];
  if (!log) return;
  log.recorded = true;
  log.shared.push(shared);
}

/** Gives a context made outside Apollo (Open311) a change log, so that `changesTold` can wait for its changes. */
export function withChangeLog<T extends GraphQLContext>(ctx: T): T {
  (ctx as Tracked)[CHANGES] = { recorded: false, shared: [] };
  return ctx;
}

/** Resolves once the other processes have been told the changes recorded in `ctx` (`withChangeLog`). */
export async function changesTold(ctx: GraphQLContext): Promise<void> {
  await Promise.all((ctx as Tracked)[CHANGES]?.shared ?? []);
}

/**
 * The public answers a mutation can have changed beyond what its resolvers
 * recorded (`recordPublicChange`): none when its fields are marked
 * `changesNothingPublic`, or `recordsPublicChanges` and recorded (if they
 * recorded nothing, everything: whether a step was refused or failed after
 * it committed cannot be told apart); everything for any other field.
 */
function unrecordedChanges(schema: GraphQLSchema, operation: OperationDefinitionNode, log: ChangeLog | undefined): readonly PublicChange[] {
  const fields = schema.getMutationType()?.getFields() ?? {};
  let recorded = false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return EVERYTHING;
    if (selection.name.value === '__typename') continue;
    const effect = fields[selection.name.value]?.extensions?.publicAnswers as PublicAnswersEffect | undefined;
    if (effect === 'recorded') recorded = true;
    else if (effect !== 'none') return EVERYTHING;
  }
  return !recorded || log?.recorded ? [] : EVERYTHING;
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
 * of public answer it read are unchanged (every change made on `core` moves
 * those of what it can have changed: `publicDataChanged`; with `redisUrl`,
 * every change made by another process too) and for `ttlMs` at most.
 */
export function attachPublicAnswerCache(app: FastifyInstance, core: CoreContext, options: PublicAnswerCacheOptions = {}): PublicAnswerCache {
  const enabled = options.enabled ?? true;
  // Off, this process still tells the others of its changes (a job worker, say): theirs may be on.
  const invalidation = options.redisUrl
    ? createRedisInvalidation(options.redisUrl, options.onError ?? (() => {}), options.onTenantChanged)
    : createInProcessInvalidation(options.onTenantChanged);
  const unwatch = watchPublicChanges(core, invalidation);
  app.addHook('onClose', async () => {
    unwatch();
    await invalidation.close();
  });
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
          // whoever reads after seeing it, on any process, gets fresh answers.
          if (rc.operation?.operation === OperationTypeNode.MUTATION) {
            const log = (contextValue as Tracked)[CHANGES];
            const more = unrecordedChanges(rc.schema, rc.operation, log);
            await Promise.all([...(log?.shared ?? []), ...(more.length > 0 ? [publicDataChanged(core, contextValue.tenant.id, more)] : [])]);
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
      return withChangeLog(value);
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
