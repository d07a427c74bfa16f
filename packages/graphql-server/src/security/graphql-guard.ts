import { createHash } from 'node:crypto';
import type { CoreContext } from '@paht/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Kind, OperationTypeNode, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { verifyStaffToken } from '../auth/staff-token.js';
import type { RateLimiter } from './rate-limits.js';
import { refuse, SecurityErrorCode } from './refuse.js';
import { identityOf } from './request-identity.js';
import { inspectRequestParameters, unsafeInputMessage } from './unsafe-input.js';
import type { RateLimitedAction } from './security-options.js';

/** The public mutations that are rate limited, by root field. */
const LIMITED_FIELDS: Readonly<Record<string, RateLimitedAction>> = {
  signIn: 'signIn',
  signInWithOidc: 'signIn',
  submitReport: 'submitReport',
  supportReport: 'submitReport',
  rateReport: 'citizenReply',
  provideInfo: 'citizenReply',
  reopenReport: 'citizenReply',
};
const MENTIONS_LIMITED = new RegExp(`\\b(${Object.keys(LIMITED_FIELDS).join('|')})\\b`);

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Apollo's automatic persisted queries store (Apollo reads and writes keys
 * `apq:<sha256>`), readable by the guard so a hash-only request is
 * classified like a full one. The trusted documents, when given, are read
 * through it: a client may send any of them by hash alone.
 */
export class PersistedQueryStore {
  private readonly registered = new LRUCache<string, string>({ max: 10_000, maxSize: 32 * 1024 * 1024, sizeCalculation: (v) => v.length + 64 });

  constructor(readonly trusted: ReadonlyMap<string, string> | null) {}

  private static hashOf = (key: string) => key.replace(/^apq:/, '');

  async get(key: string): Promise<string | undefined> {
    return this.queryFor(PersistedQueryStore.hashOf(key));
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    this.registered.set(PersistedQueryStore.hashOf(key), value, options?.ttl ? { ttl: options.ttl * 1000 } : undefined);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.registered.delete(PersistedQueryStore.hashOf(key));
  }

  queryFor(hash: string): string | undefined {
    return this.trusted?.get(hash) ?? this.registered.get(hash);
  }
}

interface GraphQLParams {
  query: string | null;
  hash: string | null;
  operationName: string | null;
}

/** The query text, persisted-query hash and operation name of a GraphQL HTTP request (null for a batch or a malformed one). */
function paramsOf(request: FastifyRequest): GraphQLParams | null {
  const raw = rawParamsOf(request);
  if (!raw) return null;
  const persisted = (raw.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return {
    query: typeof raw.query === 'string' && raw.query !== '' ? raw.query : null,
    hash: typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash.toLowerCase() : null,
    operationName: typeof raw.operationName === 'string' ? raw.operationName : null,
  };
}

/** The request's parameters with `variables` and `extensions` as values (a GET's JSON parsed); null for a batch or a malformed request. */
function rawParamsOf(request: FastifyRequest): Record<string, unknown> | null {
  if (request.method === 'POST') {
    if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) return null;
    return request.body as Record<string, unknown>;
  }
  if (request.method !== 'GET') return null;
  const raw = (request.query ?? {}) as Record<string, unknown>;
  let extensions: unknown;
  try {
    extensions = typeof raw.extensions === 'string' ? JSON.parse(raw.extensions) : undefined;
  } catch {
    return null;
  }
  return { ...raw, extensions, variables: parsedOrText(raw.variables) };
}

/** A GET's `variables`: parsed when it is JSON, else as sent (Apollo answers malformed JSON). */
function parsedOrText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Each rate-limited root field of the operation that would run, once per occurrence (aliases count). */
export function limitedActionsOf(query: string, operationName: string | null, maxTokens: number): RateLimitedAction[] {
  if (!MENTIONS_LIMITED.test(query)) return [];
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens });
  } catch {
    return []; // Apollo answers the syntax error.
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== OperationTypeNode.MUTATION) return [];
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const actions: RateLimitedAction[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const action = LIMITED_FIELDS[s.name.value];
        if (action) actions.push(action);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment);
      }
    }
  };
  walk(operation.selectionSet);
  return actions;
}

/**
 * The preValidation hook of /graphql (after the body is parsed, before the
 * public answer cache's preHandler and Apollo): trusted documents for
 * anonymous callers, then the rate limits of public mutations.
 */
export function attachGraphQLGuard(
  app: FastifyInstance,
  core: CoreContext,
  store: PersistedQueryStore,
  limiter: RateLimiter | null,
  maxTokens: number,
): void {
  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql') return;
    const raw = rawParamsOf(request);
    const unsafe = raw ? inspectRequestParameters(raw) : null;
    if (unsafe) {
      return refuse(request, reply, 400, SecurityErrorCode.BAD_USER_INPUT, unsafeInputMessage(unsafe.problem), { reason: unsafe.problem, path: unsafe.path });
    }
    const params = paramsOf(request);
    if (!params) return; // Apollo answers batches and malformed requests.
    const identity = identityOf(request);
    const authorization = request.headers.authorization;

    if (store.trusted && authorization === undefined && identity?.apiKey?.kind !== 'SECRET') {
      const hash = params.query !== null ? sha256(params.query) : params.hash;
      if (hash !== null && !store.trusted.has(hash)) {
        return refuse(
          request,
          reply,
          400,
          SecurityErrorCode.PERSISTED_QUERY_NOT_TRUSTED,
          'Truy vấn này không nằm trong danh sách được phép / This document is not one of the trusted documents; anonymous callers may only send those',
          { sha256Hash: hash },
        );
      }
    }

    if (!limiter) return;
    const query = params.query ?? (params.hash ? store.queryFor(params.hash) : undefined);
    if (!query) return;
    const actions = limitedActionsOf(query, params.operationName, maxTokens);
    if (actions.length === 0) return;
    // Staff filing a report for a caller (operators) are not limited as citizens are.
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const staff = token ? (await verifyStaffToken(core.secretKey, token, core.now())) !== null : false;
    const counts = new Map<RateLimitedAction, number>();
    for (const action of actions) if (action === 'signIn' || !staff) counts.set(action, (counts.get(action) ?? 0) + 1);
    for (const [action, times] of counts) {
      if (await limiter.limit(request, reply, action, times)) return reply;
    }
  });
}

/**
 * The onRequest hook of the public REST writes, rate limited before a byte
 * of the body is read: `POST /uploads`, and Open311's `POST requests`
 * (counted as submissions, like `submitReport`).
 */
export function attachUploadLimit(app: FastifyInstance, limiter: RateLimiter): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST') return;
    // The route the router matched, not the raw URL: `/open311/v2/requests%2Ejson`
    // reaches the same handler and must count the same.
    const route = request.routeOptions.url ?? '';
    if (route === '/uploads') {
      if (await limiter.limit(request, reply, 'uploads')) return reply;
    } else if (/^\/open311\/v2\/requests\.(json|xml)$/.test(route)) {
      if (await limiter.limit(request, reply, 'submitReport')) return reply;
    }
  });
}
