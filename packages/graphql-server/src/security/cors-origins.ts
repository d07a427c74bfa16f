import { listTenants, type CoreContext } from '@paht/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyCorsOptions } from '@fastify/cors';
import { namedTenant } from './request-identity.js';

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Headers a browser may send cross-origin, and those it may read. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'x-tenant', 'x-api-key', 'x-file-name', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name'];
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/**
 * The web origins each tenant allows: those of its public API keys (not
 * revoked) and its `settings.allowedOrigins`. Read from the database at
 * most every `maxAgeMs`, and again (at most every `retryMs`) when an
 * unknown origin asks, so a new key's origin works within seconds.
 */
export class TenantOrigins {
  private byOrigin = new Map<string, Set<string>>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly core: CoreContext,
    private readonly everywhere: ReadonlySet<string>,
    private readonly loopback: boolean,
    private readonly maxAgeMs = 30_000,
    private readonly retryMs = 2_000,
  ) {}

  /** Whether `origin` may call: for the named tenant, or for any tenant when none is named. */
  async allows(origin: string, tenantSlug: string | null): Promise<boolean> {
    const o = origin.toLowerCase();
    if (this.everywhere.has(o) || (this.loopback && LOOPBACK.test(o))) return true;
    if (Date.now() - this.loadedAt > this.maxAgeMs) await this.reload();
    if (this.known(o, tenantSlug)) return true;
    if (Date.now() - this.loadedAt > this.retryMs) await this.reload();
    return this.known(o, tenantSlug);
  }

  private known(origin: string, tenantSlug: string | null): boolean {
    const tenants = this.byOrigin.get(origin);
    return tenants !== undefined && (tenantSlug === null || tenants.has(tenantSlug));
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const [tenants, keys] = await Promise.all([
          listTenants(this.core),
          // The owner connection may read every tenant's keys (policy api_key_resolution).
          this.core.db.prisma.apiKey.findMany({ where: { kind: 'PUBLIC', revokedAt: null }, select: { tenantId: true, allowedOrigins: true } }),
        ]);
        const slugOf = new Map(tenants.map((t) => [t.id, t.slug]));
        const byOrigin = new Map<string, Set<string>>();
        const add = (origin: unknown, slug: string | undefined) => {
          if (typeof origin !== 'string' || !slug) return;
          const o = origin.toLowerCase();
          byOrigin.set(o, (byOrigin.get(o) ?? new Set()).add(slug));
        };
        for (const t of tenants) for (const origin of t.settings.allowedOrigins) add(origin, t.slug);
        for (const k of keys) for (const origin of k.allowedOrigins) add(origin, slugOf.get(k.tenantId));
        this.byOrigin = byOrigin;
        this.loadedAt = Date.now();
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}

/**
 * @fastify/cors's per-request options. A preflight carries no `x-tenant`
 * (and no API key): it is allowed when its Origin is allowed for the
 * tenant in its URL (`?tenant=`) or host name, or, when it names none, for
 * any tenant. The request that follows is checked again against its own
 * tenant, and an API key's origin by the identity hook.
 */
export function corsDelegator(origins: TenantOrigins, tenantHosts: ReadonlyMap<string, string>) {
  const base = {
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  };
  return async (request: FastifyRequest): Promise<FastifyCorsOptions> => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return { ...base, origin: false };
    const slug = namedTenant(request)?.slug ?? tenantHosts.get(request.hostname.toLowerCase()) ?? null;
    try {
      return { ...base, origin: await origins.allows(origin, slug) };
    } catch (error) {
      // The directory could not be read: no CORS headers this time, rather than a 500.
      request.log.warn({ error: error instanceof Error ? error.message : String(error) }, 'cors origins unavailable');
      return { ...base, origin: false };
    }
  };
}
