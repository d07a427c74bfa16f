import { readFileSync } from 'node:fs';
import type { OidcProviderConfig } from '../auth/oidc.js';
import type { SignInThrottleOptions } from '../auth/sign-in-throttle.js';

/** One rate-limit bucket: how many calls per window from one IP, and through one API key. */
export interface RateLimitRule {
  perIp: number;
  perKey: number;
}

/**
 * The rate-limited actions, each a bucket of its own: public mutations,
 * uploads, and `queries` (GraphQL queries of anonymous callers that reach
 * execution, i.e. not answered from the public answer cache).
 */
export type RateLimitedAction = 'signIn' | 'submitReport' | 'citizenReply' | 'uploads' | 'queries';

export interface RateLimitOptions {
  /** The window every rule counts in. Default 60 000 ms. */
  windowMs?: number;
  /** Per action; missing actions keep their defaults (`DEFAULT_RATE_LIMITS`). */
  rules?: Partial<Record<RateLimitedAction, RateLimitRule>>;
  /**
   * Sign-in attempts per account (e-mail), whatever the IP: after
   * `maxFailures` (default 5) failures the account is locked for `lockMs`
   * (default 60 s), doubling with each further failure up to `maxLockMs`
   * (default 1 h); shared through Redis like the rest. See `auth/sign-in-throttle.ts`.
   */
  signInPerAccount?: SignInThrottleOptions;
}

export interface QueryLimitOptions {
  /** Deepest selection allowed (fragments expanded). Default 12. */
  maxDepth?: number;
  /** Highest estimated cost of any document, staff's included, over HTTP and WebSocket (see `query-limits.ts`). Default 20 000: a full page of 100 reports with every field fits. */
  maxCost?: number;
  /**
   * Highest estimated cost of an operation run by an anonymous caller (no
   * staff token; API keys included), priced with the request's variables
   * (`query-budget.ts`). Default 6 500: about 50 ms of server time; every
   * public operation of the SDK fits (pages of 100 included), a page of 50
   * public reports with their attachments too, seven aliased root fields do not.
   */
  anonymousMaxCost?: number;
  /** What each root field (every alias is one) adds to the cost: its resolver's own database transaction. Default 1 000. */
  rootFieldCost?: number;
  /** Tokens a document may have at most (graphql-js `maxTokens`). Default 5 000. */
  maxTokens?: number;
}

/** Options of `buildApp` about tenant resolution, keys, CORS, OIDC and limits (`docs/api/security.md`). */
export interface SecurityOptions {
  /**
   * Host name → tenant slug, for requests that name no tenant (`x-tenant`,
   * `?tenant=`). Default: `PAHT_TENANT_HOSTS` ("gopy.quangtri.gov.vn=quang-tri,…").
   */
  tenantHosts?: Readonly<Record<string, string>>;
  /**
   * External OpenID Connect providers by tenant slug. Default: `PAHT_OIDC`
   * (JSON of the same shape). A tenant's own `settings.oidc` is used when
   * this names no provider for it.
   */
  oidc?: Readonly<Record<string, OidcProviderConfig>>;
  /**
   * Web origins allowed by CORS for every tenant, besides the origins of the
   * tenants' public keys and `settings.allowedOrigins`. Default: `PAHT_CORS_ORIGINS`
   * (comma-separated). Outside production, loopback origins (localhost,
   * 127.0.0.1) are allowed too.
   */
  corsOrigins?: readonly string[];
  /**
   * Trusted documents: a manifest of sha256 (hex) → query, or the path of
   * such a JSON file. When given, anonymous callers may only run these
   * documents (by hash alone, or by full text). Default: `PAHT_TRUSTED_DOCUMENTS`
   * (a path), else any document.
   */
  trustedDocuments?: string | Readonly<Record<string, string>> | null;
  /**
   * How long a presented API key's resolution is kept in memory. Default
   * 5 000 ms: a revoked key stops working within that time; 0 reads the
   * database on every keyed request.
   */
  apiKeyCacheMs?: number;
  /** Rate limits of public mutations, or false for none. */
  rateLimits?: RateLimitOptions | false;
  /** Depth, cost and size limits of GraphQL documents. */
  queryLimits?: QueryLimitOptions;
}

export const DEFAULT_RATE_LIMITS: Readonly<Record<RateLimitedAction, RateLimitRule>> = {
  signIn: { perIp: 10, perKey: 600 },
  submitReport: { perIp: 20, perKey: 600 },
  citizenReply: { perIp: 30, perKey: 600 },
  uploads: { perIp: 60, perKey: 1200 },
  queries: { perIp: 600, perKey: 6000 },
};

/** `host=slug,host=slug` → a map of lower-case host names. */
export function parseTenantHosts(text: string | undefined): Record<string, string> {
  const hosts: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const [host, slug] = pair.split('=').map((s) => s.trim());
    if (!pair.trim()) continue;
    if (!host || !slug) throw new RangeError(`PAHT_TENANT_HOSTS: "${pair}" is not host=slug`);
    hosts[host.toLowerCase()] = slug;
  }
  return hosts;
}

/** The manifest of trusted documents from an object, a path or the environment; null = no allow-list. */
export function loadTrustedDocuments(given: SecurityOptions['trustedDocuments'], env: NodeJS.ProcessEnv): ReadonlyMap<string, string> | null {
  const source = given === undefined ? env.PAHT_TRUSTED_DOCUMENTS?.trim() || null : given;
  if (source === null) return null;
  const manifest = typeof source === 'string' ? (JSON.parse(readFileSync(source, 'utf8')) as unknown) : source;
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new TypeError('Trusted documents: expected a JSON object of sha256 → query');
  const documents = new Map<string, string>();
  for (const [hash, query] of Object.entries(manifest)) {
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof query !== 'string') throw new TypeError(`Trusted documents: ${hash} is not a sha256 (hex) → query entry`);
    documents.set(hash, query);
  }
  return documents;
}

/** The options with their environment defaults filled in. */
export function resolveSecurityOptions(options: SecurityOptions, env: NodeJS.ProcessEnv = process.env) {
  const tenantHosts = new Map(
    Object.entries(options.tenantHosts ?? parseTenantHosts(env.PAHT_TENANT_HOSTS)).map(([h, s]) => [h.toLowerCase(), s] as const),
  );
  const oidc = options.oidc ?? (env.PAHT_OIDC ? (JSON.parse(env.PAHT_OIDC) as Record<string, OidcProviderConfig>) : {});
  const corsOrigins = (options.corsOrigins ?? (env.PAHT_CORS_ORIGINS ?? '').split(','))
    .map((o) => o.trim().toLowerCase())
    .filter(Boolean);
  const rateLimits =
    options.rateLimits === false
      ? null
      : {
          windowMs: options.rateLimits?.windowMs ?? 60_000,
          rules: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits?.rules },
          signInPerAccount: options.rateLimits?.signInPerAccount ?? {},
        };
  const queryLimits = { maxDepth: 12, maxCost: 20_000, anonymousMaxCost: 6500, rootFieldCost: 1000, maxTokens: 5000, ...options.queryLimits };
  const apiKeyCacheMs = Math.max(0, options.apiKeyCacheMs ?? 5000);
  return { tenantHosts, oidc, corsOrigins, trustedDocuments: loadTrustedDocuments(options.trustedDocuments, env), rateLimits, queryLimits, apiKeyCacheMs };
}

export type ResolvedSecurityOptions = ReturnType<typeof resolveSecurityOptions>;
