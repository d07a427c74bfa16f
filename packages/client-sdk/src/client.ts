import type { SubmitReportResult, TrackReportResult } from './api-types.js';
import { NetworkError, ServerError, type GraphQLErrorEntry } from './errors.js';
import { createLiveConnection, webSocketUrlFor, type LiveConnection, type LiveConnectionState, type SubscribeOptions } from './live/live-connection.js';
import { SubmitReportDocument, TrackReportDocument, WatchReportDocument } from './generated/public.js';
import type { SubmitReportInput, SubmitReportMutation, WatchReportSubscription } from './generated/types.js';
import { createOfflineQueue, type FlushOutcome, type OfflineQueue, type OfflineQueueOptions } from './offline/offline-queue.js';
import { operationKind } from './operation-kind.js';
import { resolveRetry, retryAfterMs, withRetries, type RetryOptions } from './retry.js';
import { documentText, type AnyDocument } from './typed-document.js';
import { uploadFile, uploadUrlFor, type UploadBody, type UploadOptions, type UploadResult } from './upload.js';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `https://paht.example.gov.vn/graphql`. Required. */
  endpoint: string;
  /** The tenant's slug (`quang-tri`), sent as the `x-tenant` header and in the WebSocket's connection parameters. Required. */
  tenant: string;
  /** A staff token from `signIn`, sent as `Authorization: Bearer …`. Default: none (citizen/public). */
  token?: string;
  /** A tenant API key (`pk_…` in browsers, `sk_…` on servers), sent as `x-api-key` (HTTP and uploads). Default: none. */
  apiKey?: string;
  /** The fetch to use. Default: the global `fetch` (Node 20+, browsers). */
  fetch?: typeof fetch;
  /**
   * Retries of what is safe to repeat: queries, `submitReport` (same
   * idempotency key every time) and any mutation sent with an idempotency
   * key (`input.idempotencyKey` or `idempotencyKey` among its variables).
   * Other mutations are never retried. Retried faults: no answer, HTTP
   * 502/503/504, waiting at least what the server's `retry-after` asks.
   * Default `{ retries: 8, baseDelayMs: 250, maxDelayMs: 5000 }`: about
   * 11–23 s in all, enough to outlast a database restart.
   */
  retry?: RetryOptions;
  /** Same as `retry.retries` (the older name). Default 8. */
  maxNetworkRetries?: number;
  /** Where `upload` posts files. Default: the endpoint with `/graphql` replaced by `/uploads`. */
  uploadUrl?: string;
  /** The WebSocket URL of subscriptions. Default: the endpoint with `ws(s)://`. */
  wsEndpoint?: string;
  /** A WebSocket class for subscriptions. Default: the global `WebSocket` (browsers, Node ≥ 22); on Node 20 pass the `ws` package's default export. */
  webSocketImpl?: unknown;
  /** Reconnection attempts of a dropped live connection (each one resubscribes). Default: unlimited, backoff 0.5 s doubling to 30 s. */
  liveRetryAttempts?: number;
  /** Called each time a dropped live connection is back and its subscriptions are sent again: refetch what may have changed meanwhile. */
  onReconnected?: () => void;
  /** Called as the live connection opens (`connecting`), is ready (`connected`) and closes (`closed`): to show staff whether they see changes live. Default: none. */
  onLiveState?: (state: LiveConnectionState) => void;
  /**
   * Keep submissions made without network and send them when it returns
   * (`online` events, `flush()`). `true`: in memory. Default: off.
   */
  offlineQueue?: boolean | OfflineQueueOptions;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** `false` to not retry this one, or other retry options. Only queries and mutations with an idempotency key are ever retried. */
  retry?: false | RetryOptions;
}

export interface SubmitOptions {
  signal?: AbortSignal;
  /** Reuse to retry a submission yourself. Default: `input.idempotencyKey`, else a new random UUID. */
  idempotencyKey?: string;
}

/**
 * A client of what pages without a staff token do (`createPublicClient`,
 * `@paht/client-sdk/public`). The staff client (`createClient`, `PahtClient`)
 * does all of it, plus sign-in and the staff feeds.
 */
export interface PublicClient {
  /** The options this client was made with (token included). */
  readonly options: Readonly<ClientOptions>;
  /**
   * Runs any GraphQL document over HTTP; returns its `data`, throws a
   * ServerError when the response has errors, a NetworkError without
   * answer. Queries and mutations sent with an idempotency key are retried
   * (see `retry`); other mutations are not.
   */
  request<TResult, TVariables>(document: AnyDocument<TResult, TVariables>, variables?: TVariables, options?: RequestOptions): Promise<TResult>;
  /** Files a report. Every submission carries an idempotency key, so retries never file twice. */
  submitReport(input: SubmitReportInput, options?: SubmitOptions): Promise<SubmitReportResult>;
  /** The tracker: public view by tracking code, the citizen's view with the secret too. */
  trackReport(trackingCode: string, secret?: string, options?: RequestOptions): Promise<TrackReportResult>;
  /**
   * Uploads one file (raw bytes, with progress) for `uploadIds` of a
   * submission or an answer. Refusals (type, size, empty) are results;
   * network and server faults throw.
   */
  upload(file: UploadBody, options?: UploadOptions): Promise<UploadResult>;
  /**
   * Runs a subscription over graphql-ws: an async iterable of its `data`.
   * The connection opens with the first subscription and closes after the
   * last; a dropped connection reconnects with backoff and resubscribes.
   * Errors of the operation throw a ServerError from the iterator.
   */
  subscribe<TResult, TVariables>(document: AnyDocument<TResult, TVariables>, variables?: TVariables, options?: SubscribeOptions): AsyncIterableIterator<TResult>;
  /** A citizen following their report: the current status first, then each new step. */
  watchReport(trackingCode: string, secret: string, options?: SubscribeOptions): AsyncIterableIterator<WatchReportSubscription['reportStatus']>;
  /** The offline queue (`offlineQueue` option), else null. */
  readonly offline: OfflineQueue | null;
  /** Sends the submissions the offline queue keeps; nothing to do without one. */
  flush(): Promise<FlushOutcome>;
  /** A client like this one, signed in with `token` (or signed out with null). It shares the offline queue. */
  withToken(token: string | null): PublicClient;
  /** Closes the live connection and (on the client that created the offline queue) stops listening for `online` events. */
  close(): Promise<void>;
}

const KNOWN_OPTIONS = new Set([
  'endpoint', 'tenant', 'token', 'apiKey', 'fetch', 'retry', 'maxNetworkRetries', 'uploadUrl', 'wsEndpoint', 'webSocketImpl', 'liveRetryAttempts', 'onReconnected', 'onLiveState', 'offlineQueue',
]);

/** A client's own methods, `withToken` answering the kind of client `extend` makes. */
export type ClientBase<C> = Omit<PublicClient, 'withToken'> & { withToken(token: string | null): C };

/**
 * Creates a client for one tenant of a PAHT server, without the staff
 * methods: its bundle holds no staff document. `createClient` makes one with them.
 */
export function createPublicClient(options: ClientOptions): PublicClient {
  return makeClient<PublicClient>(options, null, (base) => base);
}

/** A client; `extend` adds methods (the staff client's), also to each `withToken` copy. */
export function makeClient<C extends PublicClient>(options: ClientOptions, sharedQueue: OfflineQueue | null, extend: (base: ClientBase<C>) => C): C {
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new TypeError(`createClient: unknown option ${key}`);
  }
  if (!options.endpoint) throw new TypeError('createClient: endpoint is required');
  if (!options.tenant) throw new TypeError('createClient: tenant is required');
  const doFetch = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (!doFetch) throw new TypeError('createClient: no global fetch here; pass options.fetch');
  const retry = resolveRetry(options.retry, options.maxNetworkRetries);
  let live: LiveConnection | null = null;

  async function send<TResult>(query: string, variables: unknown, signal: AbortSignal | undefined): Promise<TResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-tenant': options.tenant,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    let response: Response;
    try {
      response = await doFetch(options.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables: variables ?? {} }), ...(signal ? { signal } : {}) });
    } catch (cause) {
      if (signal?.aborted) throw new NetworkError(`Request to ${options.endpoint} aborted`, { code: 'ABORTED', cause });
      throw new NetworkError(`No answer from ${options.endpoint}`, { code: 'NETWORK_ERROR', cause });
    }
    const requestId = response.headers.get('x-request-id');
    const retryAfter = retryAfterMs(response.headers.get('retry-after'));
    let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
    try {
      body = (await response.json()) as typeof body;
    } catch (cause) {
      throw new ServerError(`Unreadable answer (HTTP ${response.status})`, { code: 'BAD_RESPONSE', requestId, statusCode: response.status, retryAfterMs: retryAfter, cause });
    }
    const first = body?.errors?.[0];
    if (first) {
      throw new ServerError(first.message, {
        code: first.extensions?.code ?? 'UNKNOWN',
        requestId: requestId ?? first.extensions?.requestId ?? null,
        statusCode: response.status,
        retryAfterMs: retryAfter,
        errors: body.errors ?? [],
      });
    }
    if (!body?.data) throw new ServerError('Answer without data', { code: 'BAD_RESPONSE', requestId, statusCode: response.status });
    return body.data;
  }

  async function request<TResult, TVariables>(document: AnyDocument<TResult, TVariables>, variables?: TVariables, requestOptions: RequestOptions = {}): Promise<TResult> {
    const query = documentText(document);
    const kind = operationKind(query);
    if (kind === 'subscription') throw new TypeError('request: subscriptions run over WebSocket; use subscribe()');
    const attempt = () => send<TResult>(query, variables, requestOptions.signal);
    const safe = kind === 'query' || (kind === 'mutation' && hasIdempotencyKey(variables));
    if (!safe || requestOptions.retry === false) return attempt();
    return withRetries(attempt, requestOptions.retry ? resolveRetry(requestOptions.retry) : retry, requestOptions.signal);
  }

  async function submitReport(input: SubmitReportInput, submitOptions: SubmitOptions = {}): Promise<SubmitReportResult> {
    const idempotencyKey = submitOptions.idempotencyKey ?? input.idempotencyKey ?? newIdempotencyKey();
    const variables = { input: { ...input, idempotencyKey } };
    // Safe to repeat: the server answers a known key with the first report.
    return withRetries(async () => (await send<SubmitReportMutation>(documentText(SubmitReportDocument), variables, submitOptions.signal)).submitReport, retry, submitOptions.signal);
  }

  const queue =
    sharedQueue ??
    (options.offlineQueue ? createOfflineQueue(submitReport, newIdempotencyKey, options.offlineQueue === true ? {} : options.offlineQueue) : null);

  function subscribe<TResult, TVariables>(document: AnyDocument<TResult, TVariables>, variables?: TVariables, subscribeOptions?: SubscribeOptions) {
    live ??= createLiveConnection({
      url: options.wsEndpoint ?? webSocketUrlFor(options.endpoint),
      tenant: options.tenant,
      token: options.token,
      webSocketImpl: options.webSocketImpl,
      retryAttempts: options.liveRetryAttempts ?? Number.POSITIVE_INFINITY,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      onReconnected: options.onReconnected,
      onState: options.onLiveState,
    });
    return live.subscribe(document, variables, subscribeOptions);
  }

  const base: ClientBase<C> = {
    options,
    request,
    submitReport,
    async trackReport(trackingCode, secret, requestOptions) {
      return (await request(TrackReportDocument, { trackingCode, ...(secret ? { secret } : {}) }, requestOptions)).trackReport;
    },
    upload(file, uploadOptions) {
      return uploadFile(
        { url: options.uploadUrl ?? uploadUrlFor(options.endpoint), tenant: options.tenant, token: options.token, apiKey: options.apiKey, fetch: options.fetch },
        file,
        uploadOptions,
      );
    },
    subscribe,
    watchReport: (trackingCode, secret, o) => field(subscribe(WatchReportDocument, { trackingCode, secret }, o), (d) => d.reportStatus),
    offline: queue,
    flush: async () => (queue ? queue.flush() : { submitted: [], remaining: [] }),
    withToken(token) {
      const { token: _old, ...rest } = options;
      return makeClient(token ? { ...rest, token } : rest, queue, extend);
    },
    async close() {
      if (!sharedQueue) queue?.close();
      await live?.close();
      live = null;
    },
  };
  return extend(base);
}

/** Yields `pick(item)` for each item of a subscription. */
export async function* field<T, R>(items: AsyncIterableIterator<T>, pick: (item: T) => R): AsyncGenerator<R, void, undefined> {
  try {
    for await (const item of items) yield pick(item);
  } finally {
    await items.return?.();
  }
}

/** A mutation the server answers once per key (`submitReport`, `submitIndicatorForm`): its variables carry `idempotencyKey`, at the top or in `input`. */
function hasIdempotencyKey(variables: unknown): boolean {
  const key = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { idempotencyKey?: unknown }).idempotencyKey === 'string' && (v as { idempotencyKey: string }).idempotencyKey !== '';
  return key(variables) || (typeof variables === 'object' && variables !== null && key((variables as { input?: unknown }).input));
}

/** A random UUID; also where `crypto.randomUUID` is missing (plain-http pages). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
