import type { CoreContext, TenantRecord } from '@paht/core';
import type { FastifyRequest } from 'fastify';
import { identityOf } from '../security/request-identity.js';
import { lookUpTenant } from '../security/request-tenant.js';
import { badRequest, forbidden, notFound } from './open311-error.js';

const single = (value: unknown): string | undefined => {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first.trim() : undefined;
};

/**
 * The tenant a request is for: `jurisdiction_id` (the tenant's slug) in the
 * query or the body, else the `x-tenant` header. Both given and different
 * is a bad request; neither is one too; an unknown slug is not found.
 */
export async function resolveJurisdiction(core: CoreContext, request: FastifyRequest): Promise<TenantRecord> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
  const param = single(query.jurisdiction_id) ?? single(body.jurisdiction_id);
  const header = single(request.headers['x-tenant']);
  if (param && header && param !== header) {
    throw badRequest('jurisdiction_id khác với header x-tenant / jurisdiction_id and the x-tenant header disagree');
  }
  // Without a jurisdiction_id or header, the host name's or the API key's tenant.
  const identity = identityOf(request);
  const slug = param ?? header ?? identity?.tenantSlug ?? undefined;
  if (!slug) throw badRequest('Thiếu jurisdiction_id (mã tỉnh/thành) / jurisdiction_id is required (or the x-tenant header)');
  const found = await lookUpTenant(core, slug);
  if (!found.ok) throw notFound('Không có jurisdiction_id này / jurisdiction_id not found');
  const tenant = found.tenant;
  // An API key speaks for its own tenant only (as on /graphql).
  if (identity?.apiKey && identity.apiKey.tenantId !== tenant.id) {
    throw forbidden('Khóa API thuộc tỉnh/thành khác / the API key belongs to another jurisdiction');
  }
  return tenant;
}
