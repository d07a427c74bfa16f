import { findTenantBySlug, isDomainError, type CoreContext, type TenantRecord } from '@paht/core';
import type { FastifyRequest } from 'fastify';
import { identityOf, namedTenant } from './request-identity.js';

/** A tenant found, or why not: none was named, or none has that slug. */
export type TenantLookup = { ok: true; tenant: TenantRecord } | { ok: false; reason: 'NOT_NAMED' | 'UNKNOWN' };

/**
 * The one tenant lookup of every entry point (GraphQL over HTTP and
 * WebSocket, Open311, uploads): the tenant with this slug, its settings
 * parsed by core's schema; each entry point only words the refusal in its
 * own protocol.
 */
export async function lookUpTenant(core: CoreContext, slug: string | null | undefined): Promise<TenantLookup> {
  const name = slug?.trim();
  if (!name) return { ok: false, reason: 'NOT_NAMED' };
  try {
    return { ok: true, tenant: await findTenantBySlug(core, name) };
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
