import { createHash } from 'node:crypto';
import { findTenantById, originAllowed, resolveApiKey, type ApiKeyKind, type CoreContext, type ResolvedApiKey } from '@paht/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { OidcVerifier } from '../auth/oidc.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import { refuse, SecurityErrorCode } from './refuse.js';

/** Who a request speaks for, settled in `onRequest` before anything else reads it. */
export interface RequestIdentity {
  /** The tenant: `x-tenant`, `?tenant=`, the host name's tenant, or the API key's; null when none is named. */
  tenantSlug: string | null;
  /** How the tenant was found. */
  tenantFrom: 'header' | 'query' | 'host' | 'api-key' | null;
  /** The valid API key the request presented, or null. */
  apiKey: { keyId: string; kind: ApiKeyKind; tenantId: string } | null;
  /** The OIDC verifier of this app (for the context's bearer check). */
  oidc: OidcVerifier;
  /** The app's per-account sign-in throttle (for the signIn resolver); null when rate limits are off. */
  signInThrottle: SignInThrottle | null;
}

const identities = new WeakMap<FastifyRequest, RequestIdentity>();

/** The identity settled for a request, or null before (or outside) the hook. */
export const identityOf = (request: FastifyRequest): RequestIdentity | null => identities.get(request) ?? null;

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The tenant the request names itself: header `x-tenant`, else query parameter `tenant`. */
export function namedTenant(request: FastifyRequest): { slug: string; from: 'header' | 'query' } | null {
  const header = single(request.headers['x-tenant'])?.trim();
  if (header) return { slug: header, from: 'header' };
  const query = (request.query ?? {}) as Record<string, unknown>;
  const fromQuery = typeof query.tenant === 'string' ? query.tenant.trim() : '';
  return fromQuery ? { slug: fromQuery, from: 'query' } : null;
}

/**
 * The onRequest hook that settles every request's tenant and API key,
 * before CORS has finished, before the public answer cache, before any
 * route: a request named by `x-tenant`/`?tenant=` keeps that tenant; else
 * its host name's tenant (`tenantHosts`); an `x-api-key` must be valid,
 * used from an allowed origin (public key) or from a server (secret key),
 * and of the tenant named, if any; it names the tenant otherwise.
 */
export function attachRequestIdentity(
  app: FastifyInstance,
  core: CoreContext,
  tenantHosts: ReadonlyMap<string, string>,
  oidc: OidcVerifier,
  apiKeyCacheMs: number,
  signInThrottle: SignInThrottle | null = null,
): void {
  // Presented keys (by hash) → what they resolved to, for `apiKeyCacheMs`:
  // two database reads saved per keyed request; a revocation takes effect
  // within that time. Unknown keys are kept too, so a flood of made-up keys
  // does not reach the database.
  const resolvedKeys =
    apiKeyCacheMs > 0 ? new LRUCache<string, { key: ResolvedApiKey | null; slug: string | null }>({ max: 10_000, ttl: apiKeyCacheMs }) : null;
  const lookUp = async (presented: string): Promise<{ key: ResolvedApiKey | null; slug: string | null }> => {
    const id = createHash('sha256').update(presented).digest('hex');
    const cached = resolvedKeys?.get(id);
    if (cached) return cached;
    const key = presented ? await resolveApiKey(core, presented) : null;
    const found = { key, slug: key ? (await findTenantById(core, key.tenantId)).slug : null };
    resolvedKeys?.set(id, found);
    return found;
  };

  app.addHook('onRequest', async (request, reply) => {
    const named = namedTenant(request);
    const hostSlug = named ? undefined : tenantHosts.get(request.hostname.toLowerCase());
    const identity: RequestIdentity = {
      tenantSlug: named?.slug ?? hostSlug ?? null,
      tenantFrom: named?.from ?? (hostSlug ? 'host' : null),
      apiKey: null,
      oidc,
      signInThrottle,
    };
    identities.set(request, identity);
    if (request.method === 'OPTIONS') return;

    const presented = single(request.headers['x-api-key'])?.trim();
    if (presented === undefined) return;
    const { key: resolved, slug: keyTenant } = await lookUp(presented);
    if (!resolved || !keyTenant) {
      return refuse(request, reply, 401, SecurityErrorCode.INVALID_API_KEY, 'Khóa API không hợp lệ hoặc đã bị thu hồi / The API key is invalid or revoked');
    }
    const origin = single(request.headers.origin);
    if (resolved.kind === 'SECRET' && origin !== undefined) {
      return refuse(
        request,
        reply,
        403,
        SecurityErrorCode.SECRET_KEY_IN_BROWSER,
        'Khóa bí mật chỉ dùng giữa các máy chủ, không dùng trong trình duyệt / A secret key is for server-to-server calls, never from a browser; use a public key',
      );
    }
    if (!originAllowed(resolved, origin)) {
      return refuse(
        request,
        reply,
        403,
        SecurityErrorCode.ORIGIN_NOT_ALLOWED,
        'Khóa công khai này không được dùng từ trang web này / This public key may not be used from this origin',
        { origin: origin ?? null },
      );
    }
    if (identity.tenantSlug !== null && identity.tenantSlug !== keyTenant) {
      return refuse(
        request,
        reply,
        403,
        SecurityErrorCode.TENANT_MISMATCH,
        `Khóa API thuộc đơn vị khác với đơn vị được chỉ định (${identity.tenantFrom}) / The API key belongs to another tenant than the one this request names (${identity.tenantFrom})`,
      );
    }
    identity.tenantSlug = keyTenant;
    identity.tenantFrom = 'api-key';
    identity.apiKey = { keyId: resolved.keyId, kind: resolved.kind, tenantId: resolved.tenantId };
  });
}
