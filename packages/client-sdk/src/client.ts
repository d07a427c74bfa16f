import { SIGN_IN, SUBMIT_REPORT, TRACK_REPORT } from './documents.js';
import { NetworkError, ServerError, type GraphQLErrorEntry } from './errors.js';
import type { TypedDocument } from './typed-document.js';
import type { SignInResult, SubmitReportInput, SubmitReportResult, TrackReportResult } from './types.js';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `https://paht.example.gov.vn/graphql`. Required. */
  endpoint: string;
  /** The tenant's slug (`quang-tri`), sent as the `x-tenant` header. Required. */
  tenant: string;
  /** A staff token from `signIn`, sent as `Authorization: Bearer …`. Default: none (citizen/public). */
  token?: string;
  /** The fetch to use. Default: the global `fetch` (Node 20+, browsers). */
  fetch?: typeof fetch;
  /** How many times `submitReport` retries after a NetworkError, with the same idempotency key. Default 2. */
  maxNetworkRetries?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface SubmitOptions extends RequestOptions {
  /** Reuse to retry a submission yourself. Default: `input.idempotencyKey`, else a new random UUID. */
  idempotencyKey?: string;
}

export interface PahtClient {
  /** Runs any GraphQL document; returns its `data`, throws a PahtError when the response has errors. */
  request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables?: TVariables, options?: RequestOptions): Promise<TResult>;
  /** Files a report. Every submission carries an idempotency key, so retries never file twice. */
  submitReport(input: SubmitReportInput, options?: SubmitOptions): Promise<SubmitReportResult>;
  /** The tracker: public view by tracking code, the citizen's view with the secret too. */
  trackReport(trackingCode: string, secret?: string, options?: RequestOptions): Promise<TrackReportResult>;
  /** Staff sign-in; use the returned token with `withToken`. */
  signIn(email: string, password: string, options?: RequestOptions): Promise<SignInResult>;
  /** A client like this one, signed in with `token` (or signed out with null). */
  withToken(token: string | null): PahtClient;
}

const KNOWN_OPTIONS = new Set(['endpoint', 'tenant', 'token', 'fetch', 'maxNetworkRetries']);

/** Creates a client for one tenant of a PAHT server. */
export function createClient(options: ClientOptions): PahtClient {
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new TypeError(`createClient: unknown option ${key}`);
  }
  if (!options.endpoint) throw new TypeError('createClient: endpoint is required');
  if (!options.tenant) throw new TypeError('createClient: tenant is required');
  const doFetch = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (!doFetch) throw new TypeError('createClient: no global fetch here; pass options.fetch');
  const maxRetries = options.maxNetworkRetries ?? 2;

  async function request<TResult, TVariables>(document: TypedDocument<TResult, TVariables>, variables?: TVariables, requestOptions: RequestOptions = {}): Promise<TResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-tenant': options.tenant,
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await doFetch(options.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document, variables: variables ?? {} }),
        ...(requestOptions.signal ? { signal: requestOptions.signal } : {}),
      });
    } catch (cause) {
      throw new NetworkError(`No answer from ${options.endpoint}`, { code: 'NETWORK_ERROR', cause });
    }
    const requestId = response.headers.get('x-request-id');
    let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
    try {
      body = (await response.json()) as typeof body;
    } catch (cause) {
      throw new ServerError(`Unreadable answer (HTTP ${response.status})`, { code: 'BAD_RESPONSE', requestId, statusCode: response.status, cause });
    }
    const first = body.errors?.[0];
    if (first) {
      throw new ServerError(first.message, {
        code: first.extensions?.code ?? 'UNKNOWN',
        requestId: requestId ?? first.extensions?.requestId ?? null,
        statusCode: response.status,
        errors: body.errors ?? [],
      });
    }
    if (!body.data) throw new ServerError('Answer without data', { code: 'BAD_RESPONSE', requestId, statusCode: response.status });
    return body.data;
  }

  return {
    request,
    async submitReport(input, submitOptions = {}) {
      const idempotencyKey = submitOptions.idempotencyKey ?? input.idempotencyKey ?? newIdempotencyKey();
      const variables = { input: { ...input, idempotencyKey } };
      for (let attempt = 0; ; attempt++) {
        try {
          return (await request(SUBMIT_REPORT, variables, submitOptions)).submitReport;
        } catch (error) {
          if (!(error instanceof NetworkError) || attempt >= maxRetries || submitOptions.signal?.aborted) throw error;
          await sleep(250 * 2 ** attempt);
        }
      }
    },
    async trackReport(trackingCode, secret, requestOptions) {
      return (await request(TRACK_REPORT, { trackingCode, ...(secret ? { secret } : {}) }, requestOptions)).trackReport;
    },
    async signIn(email, password, requestOptions) {
      return (await request(SIGN_IN, { email, password }, requestOptions)).signIn;
    },
    withToken(token) {
      const { token: _old, ...rest } = options;
      return createClient(token ? { ...rest, token } : rest);
    },
  };
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

