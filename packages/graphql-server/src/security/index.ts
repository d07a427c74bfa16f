import type { CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { OidcVerifier } from '../auth/oidc.js';
import { corsDelegator, TenantOrigins } from './cors-origins.js';
import { attachGraphQLGuard, attachUploadLimit, PersistedQueryStore } from './graphql-guard.js';
import { queryLimitsRule } from './query-limits.js';
import { attachRateLimits } from './rate-limits.js';
import { attachRequestIdentity } from './request-identity.js';
import { resolveSecurityOptions, type SecurityOptions } from './security-options.js';

export type { SecurityOptions } from './security-options.js';
export { SecurityErrorCode } from './refuse.js';
export { QueryLimit } from './query-limits.js';

/**
 * Everything of `docs/api/security.md` for one app: the CORS delegator,
 * Apollo's validation rules, parse options and persisted-query store, and
 * `attach()` for the hooks (tenant and API key, trusted documents, rate
 * limits). Call `attach()` right after registering CORS, so refusals carry
 * CORS headers and run before the public answer cache.
 */
export function createSecurity(core: CoreContext, options: SecurityOptions & { redisUrl?: string | null }, production: boolean) {
  const resolved = resolveSecurityOptions(options);
  const oidc = new OidcVerifier(resolved.oidc);
  const origins = new TenantOrigins(core, new Set(resolved.corsOrigins), !production);
  const persistedQueries = new PersistedQueryStore(resolved.trustedDocuments);
  const { maxDepth, maxCost, maxTokens } = resolved.queryLimits;
  return {
    options: resolved,
    /** @fastify/cors's `delegator`. */
    corsDelegator: corsDelegator(origins, resolved.tenantHosts),
    /** Apollo's `validationRules`. */
    validationRules: [queryLimitsRule({ maxDepth, maxCost })],
    /** Apollo's `parseOptions`: documents longer than this many tokens are refused unparsed. */
    parseOptions: { maxTokens },
    /** Apollo's `persistedQueries`. */
    persistedQueries: { cache: persistedQueries },
    async attach(app: FastifyInstance): Promise<void> {
      attachRequestIdentity(app, core, resolved.tenantHosts, oidc, resolved.apiKeyCacheMs);
      const limiter = resolved.rateLimits
        ? await attachRateLimits(app, { ...resolved.rateLimits, redisUrl: options.redisUrl === undefined ? (process.env.REDIS_URL ?? null) : options.redisUrl })
        : null;
      if (limiter) attachUploadLimit(app, limiter);
      attachGraphQLGuard(app, core, persistedQueries, limiter, maxTokens);
    },
  };
}
