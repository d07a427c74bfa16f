import { findTenantBySlug, isDomainError, type CoreContext, type TenantRecord } from '@paht/core';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { identityOf, namedTenant } from './request-identity.js';

/**
 * How long a loaded tenant is reused: a request needs no database read for
 * its tenant. A change made through this process (`updateTenantSettings`)
 * is seen at once (`forgetTenant`); one made by another process, or by an
 * operator in the database, within this time.
 */
export const TENANT_CACHE_MS = 5_000;

/** Loaded tenants by slug, per core context (one per app); unknown slugs are not kept. */
const caches = new WeakMap<CoreContext, LRUCache<string, TenantRecord>>();
const cacheOf = (core: CoreContext): LRUCache<string, TenantRecord> => {
  let cache = caches.get(core);
  if (!cache) {
    cache = new LRUCache<string, TenantRecord>({ max: 1000, ttl: TENANT_CACHE_MS });
    caches.set(core, cache);
  }
  return cache;
};

/** Drops a tenant from the cache, after a change of its row. */
export const forgetTenant = (core: CoreContext, slug: string): void => {
  cacheOf(core).delete(slug);
};

/** Drops a tenant from the cache by id, under whatever slug it was found (a merged tenant's former slug). */
export const forgetTenantById = (core: CoreContext, tenantId: string): void => {
  const cache = cacheOf(core);
  for (const [slug, tenant] of [...cache.entries()]) if (tenant.id === tenantId) cache.delete(slug);
};

/** A tenant found, or why not: none was named, or none has that slug. */
export type TenantLookup = { ok: true; tenant: TenantRecord } | { ok: false; reason: 'NOT_NAMED' | 'UNKNOWN' };

/**
 * The one tenant lookup of every entry point (GraphQL over HTTP and
 * WebSocket, Open311, uploads): the tenant with this slug, its settings
 * parsed by core's schema, reused for `TENANT_CACHE_MS`; each entry point
 * only words the refusal in its own protocol.
 */
export async function lookUpTenant(core: CoreContext, slug: string | null | undefined): Promise<TenantLookup> {
  const name = slug?.trim();
  if (!name) return { ok: false, reason: 'NOT_NAMED' };
  const cache = cacheOf(core);
  const cached = cache.get(name);
  if (cached) return { ok: true, tenant: cached };
  try {
    const tenant = await findTenantBySlug(core, name);
    cache.set(name, tenant);
    return { ok: true, tenant };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, reason: 'UNKNOWN' };
    throw error;
  }
}

/**
 * The request's tenant slug, as settled by the identity hook (header
 * `x-tenant`, query parameter `tenant`, the host name's tenant, or the API
 * key's); without the hook, the header or the query parameter.
 */
export function tenantSlugOf(request: FastifyRequest): string | null {
  const identity = identityOf(request);
  return identity ? identity.tenantSlug : (namedTenant(request)?.slug ?? null);
}

/** The tenant of an HTTP request (see `tenantSlugOf`). */
export const requestTenant = (core: CoreContext, request: FastifyRequest): Promise<TenantLookup> => lookUpTenant(core, tenantSlugOf(request));
