import type { Client as WsClient, FormattedExecutionResult } from 'graphql-ws/client';
import { NetworkError, ServerError, type GraphQLErrorEntry } from '../errors.js';
import { LIVE_CLOSE_CODES } from '../generated/error-codes.js';
import { backoffDelay, sleep } from '../retry.js';
import { documentText, type AnyDocument } from '../typed-document.js';

/** The server's code behind a close code it ended the connection with (4401, 4403, 4404: the platform's error registry), or null. */
const closedWith = (code: number) => LIVE_CLOSE_CODES[code] ?? null;

/** The code of a subscription refused while the server's database is away: subscribed again, not ended. */
const UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** The longest wait before subscribing again after SERVICE_UNAVAILABLE: a database restart takes seconds. */
const UNAVAILABLE_MAX_DELAY_MS = 5000;

export interface LiveConnectionOptions {
  /** The WebSocket URL (`ws(s)://…/graphql`). */
  url: string;
  tenant: string;
  token?: string | undefined;
  /** A WebSocket class; default the global one (browsers, Node ≥ 22). Node 20: the `ws` package's default export. */
  webSocketImpl?: unknown;
  /** Reconnection attempts after the connection drops; each reconnection resubscribes. */
  retryAttempts: number;
  /** Backoff between reconnection attempts. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Called after a dropped connection is back and the subscriptions have been sent again. */
  onReconnected?: (() => void) | undefined;
  /** Called as the socket opens, is acknowledged and closes. */
  onState?: ((state: LiveConnectionState) => void) | undefined;
}

/**
 * Where the live connection stands: `connecting` (opening, or reopening
 * after a drop), `connected` (acknowledged: subscriptions run) or `closed`
 * (no socket: before the first subscription, after the last, or dropped).
 */
export type LiveConnectionState = 'connecting' | 'connected' | 'closed';

export interface SubscribeOptions {
  /** Ends the subscription (the iterator then finishes). */
  signal?: AbortSignal;
}

/** The live half of a client: one lazily opened graphql-ws connection for all its subscriptions. */
export interface LiveConnection {
  subscribe<TResult, TVariables>(document: AnyDocument<TResult, TVariables>, variables?: TVariables, options?: SubscribeOptions): AsyncIterableIterator<TResult>;
  /** Closes the socket and ends every subscription. */
  close(): Promise<void>;
}

/** ws(s) URL of a GraphQL HTTP endpoint (relative endpoints resolve against the page). */
export function webSocketUrlFor(endpoint: string): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  const url = base ? new URL(endpoint, base) : new URL(endpoint);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

const isCloseEvent = (value: unknown): value is { code: number; reason: string } =>
  typeof value === 'object' && value !== null && 'code' in value && 'reason' in value && typeof (value as { code: unknown }).code === 'number';

/** What the iterator throws for what graphql-ws rejects with. */
function liveError(error: unknown, url: string): Error {
  if (error instanceof NetworkError || error instanceof ServerError) return error;
  if (isCloseEvent(error)) {
    const code = closedWith(error.code);
    if (code) return new ServerError(error.reason || code, { code, cause: error });
    return new NetworkError(`Live connection to ${url} closed (${error.code}${error.reason ? `: ${error.reason}` : ''})`, { code: 'NETWORK_ERROR', cause: error });
  }
  if (error instanceof TypeError) return error;
  return new NetworkError(`Live connection to ${url} failed`, { code: 'NETWORK_ERROR', cause: error });
}

function resultError(errors: readonly GraphQLErrorEntry[]): ServerError {
  const first = errors[0]!;
  return new ServerError(first.message, { code: first.extensions?.code ?? 'UNKNOWN', requestId: first.extensions?.requestId ?? null, errors });
}

export function createLiveConnection(options: LiveConnectionOptions): LiveConnection {
  let client: Promise<WsClient> | null = null;

  function connection(): Promise<WsClient> {
    client ??= import('graphql-ws/client').then(({ createClient }) => {
      const webSocketImpl = options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket;
      if (!webSocketImpl) {
        throw new TypeError("No WebSocket here (Node 20): pass createClient({ …, webSocketImpl: WebSocket }) with `import WebSocket from 'ws'`");
      }
      return createClient({
        url: options.url,
        webSocketImpl,
        lazy: true,
        connectionParams: () => ({ tenant: options.tenant, ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) }),
        retryAttempts: options.retryAttempts,
        retryWait: (retries) => sleep(backoffDelay(retries, options)),
        // Retry dropped connections, not refusals: a wrong tenant (4404),
        // token (4401) or role (4403) stays wrong. A connection cut without
        // a close frame (the server process killed, a reset behind a load
        // balancer) reaches here as the socket's error event, which comes
        // before its close event: retried too.
        // A connection refused because the server's database is away (SERVICE_UNAVAILABLE, 1013) is retried too.
        shouldRetry: (event) => !isCloseEvent(event) || closedWith(event.code) === null || closedWith(event.code) === UNAVAILABLE,
        on: {
          connecting: () => options.onState?.('connecting'),
          connected: (_socket, _payload, wasRetry) => {
            options.onState?.('connected');
            if (wasRetry) options.onReconnected?.();
          },
          closed: () => options.onState?.('closed'),
        },
      });
    });
    return client;
  }

  return {
    subscribe<TResult, TVariables>(document: AnyDocument<TResult, TVariables>, variables?: TVariables, subscribeOptions: SubscribeOptions = {}) {
      const query = documentText(document);
      let inner: Promise<AsyncIterableIterator<FormattedExecutionResult<TResult, unknown>>> | null = null;
      let finished = false;
      const end = async (): Promise<IteratorResult<TResult>> => {
        finished = true;
        subscribeOptions.signal?.removeEventListener('abort', onAbort);
        const running = inner;
        if (running) await (await running.catch(() => null))?.return?.();
        return { done: true, value: undefined };
      };
      // The server's database was away (SERVICE_UNAVAILABLE): the same subscription again after a wait, not an end.
      let unavailableRetries = 0;
      const resubscribe = async (): Promise<IteratorResult<TResult>> => {
        const running = inner;
        inner = null;
        await (await running?.catch(() => null))?.return?.();
        try {
          await sleep(backoffDelay(unavailableRetries++, { baseDelayMs: options.baseDelayMs, maxDelayMs: Math.min(options.maxDelayMs, UNAVAILABLE_MAX_DELAY_MS) }), subscribeOptions.signal);
        } catch {
          return end();
        }
        return iterator.next();
      };
      const onAbort = () => void end();
      subscribeOptions.signal?.addEventListener('abort', onAbort, { once: true });
      const iterator: AsyncIterableIterator<TResult> = {
        async next() {
          if (finished || subscribeOptions.signal?.aborted) return end();
          inner ??= connection().then((c) => c.iterate<TResult, unknown>({ query, variables: variables ?? {} }));
          let step: IteratorResult<FormattedExecutionResult<TResult, unknown>>;
          try {
            step = await (await inner).next();
          } catch (error) {
            finished = true;
            throw liveError(error, options.url);
          }
          if (step.done || finished) return end();
          if (step.value.errors?.length) {
            const error = resultError(step.value.errors);
            if (error.code === UNAVAILABLE && unavailableRetries < options.retryAttempts) return resubscribe();
            await end();
            throw error;
          }
          unavailableRetries = 0;
          return { done: false, value: step.value.data as TResult };
        },
        return: end,
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    async close() {
      const running = client;
      client = null;
      if (running) await (await running.catch(() => null))?.dispose();
    },
  };
}
