import type { CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { OidcVerifier } from '../auth/oidc.js';
import { createSignInThrottle } from '../auth/sign-in-throttle.js';
import { corsDelegator, TenantOrigins } from './cors-origins.js';
import { attachGraphQLGuard, attachUploadLimit, PersistedQueryStore } from './graphql-guard.js';
import { documentLimits } from './document-limits.js';
import { createQueryBudget } from './query-budget.js';
import { attachRateLimits, connectRateLimitRedis } from './rate-limits.js';
import { attachRefusedPreflight } from './refused-preflight.js';
import { attachRequestIdentity } from './request-identity.js';
import { resolveSecurityOptions, type SecurityOptions } from './security-options.js';

export type { SecurityOptions } from './security-options.js';
export { SecurityErrorCode } from './refuse.js';
export { QueryLimit } from './query-limits.js';

/**
 * Everything of `docs/api/security.md` for one app: the CORS delegator,
 * the document limits (Apollo's and the WebSocket server's parse options
 * and validation rules), the persisted-query store, and `attach()` for the
 * hooks (refused preflights, tenant and API key, trusted documents, rate
 * limits, the sign-in throttle). Call `attach()` right after registering CORS, so refusals carry
 * CORS headers and run before the public answer cache.
 */
export function createSecurity(core: CoreContext, options: SecurityOptions & { redisUrl?: string | null }, production: boolean) {
  const resolved = resolveSecurityOptions(options);
  const oidc = new OidcVerifier(resolved.oidc);
  const origins = new TenantOrigins(core, new Set(resolved.corsOrigins), !production);
  const persistedQueries = new PersistedQueryStore(resolved.trustedDocuments);
  const { maxTokens, anonymousMaxCost, rootFieldCost } = resolved.queryLimits;
  const limits = documentLimits(resolved.queryLimits);
  const queryBudget = createQueryBudget({ anonymousMaxCost, cost: { rootFieldCost } });
  return {
    options: resolved,
    /** @fastify/cors's `delegator`. */
    corsDelegator: corsDelegator(origins, resolved.tenantHosts),
    /** The document limits, as Apollo's `parseOptions` (token count) and `validationRules` (depth, cost, literals); the WebSocket server applies the same. */
    documentLimits: limits,
    /** The anonymous callers' cost budget and query rate limit: Apollo's plugin and the context wrapper. */
    queryBudget,
    /** Apollo's `persistedQueries`. */
    persistedQueries: { cache: persistedQueries },
    async attach(app: FastifyInstance): Promise<void> {
      attachRefusedPreflight(app);
      const redisUrl = options.redisUrl === undefined ? (process.env.REDIS_URL ?? null) : options.redisUrl;
      const redis = resolved.rateLimits && redisUrl ? connectRateLimitRedis(app, redisUrl) : null;
      const throttle = resolved.rateLimits
        ? createSignInThrottle(resolved.rateLimits.signInPerAccount, redis, (error) => app.log.warn({ error: error.message }, 'sign-in throttle: redis error'), () => core.now().getTime())
        : null;
      attachRequestIdentity(app, core, resolved.tenantHosts, oidc, resolved.apiKeyCacheMs, throttle);
      const limiter = resolved.rateLimits ? await attachRateLimits(app, { ...resolved.rateLimits, redis }) : null;
      if (limiter) attachUploadLimit(app, limiter);
      queryBudget.limiter = limiter;
      attachGraphQLGuard(app, core, persistedQueries, limiter, maxTokens);
    },
  };
}
