import { findTenantBySlug, isDomainError, type Actor, type CoreContext, type TenantRecord } from '@paht/core';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { currentStaff } from './auth/current-staff.js';
import type { SignInThrottle } from './auth/sign-in-throttle.js';
import { describeUnexpected } from './errors/redact.js';
import { ForbiddenError } from './errors/expected-errors.js';
import { identityOf, namedTenant } from './security/request-identity.js';

/** What every resolver gets. The tenant comes from the request, never from an argument. */
export interface GraphQLContext {
  core: CoreContext;
  tenant: TenantRecord;
  /** The signed-in staff member, or null for an anonymous (citizen or public) request. */
  staff: Actor | null;
  requestId: string;
  log: FastifyBaseLogger;
  /** The per-account sign-in throttle of the app (HTTP requests with rate limits on); absent: none. */
  signInThrottle?: SignInThrottle | null;
}

/** The request's staff actor, or a FORBIDDEN result for anonymous requests. */
export function requireStaff(ctx: GraphQLContext): Actor {
  if (!ctx.staff) throw new ForbiddenError('Sign in as staff to do this');
  return ctx.staff;
}

/** Request-level failures: the operation cannot run at all. */
export const RequestErrorCode = {
  /** No tenant named (header `x-tenant`, query parameter `tenant`, host name or API key), or no tenant with that slug. */
  TENANT_NOT_FOUND: 'TENANT_NOT_FOUND',
  /** The bearer token is malformed, expired, for another tenant, or (OIDC) names no active staff account. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
} as const;

const requestError = (message: string, code: string, status: number, requestId: string) =>
  new GraphQLError(message, { extensions: { code, requestId, http: { status } } });

/**
 * The request's tenant slug, as settled by the identity hook (header
 * `x-tenant`, query parameter `tenant`, the host name's tenant, or the API
 * key's); without the hook, the header or the query parameter.
 */
export function tenantSlugOf(request: FastifyRequest): string | null {
  const identity = identityOf(request);
  return identity ? identity.tenantSlug : (namedTenant(request)?.slug ?? null);
}

/** Builds the GraphQL context of one HTTP request: its tenant and, with a bearer token, its staff actor. */
export async function createContext(core: CoreContext, request: FastifyRequest): Promise<GraphQLContext> {
  const requestId = String(request.id);
  try {
    const slug = tenantSlugOf(request);
    if (!slug) throw requestError('Say which tenant: header x-tenant, query parameter tenant, or an API key', RequestErrorCode.TENANT_NOT_FOUND, 404, requestId);
    const tenant = await findTenantBySlug(core, slug).catch((error: unknown) => {
      if (isDomainError(error)) throw requestError(`Unknown tenant ${slug}`, RequestErrorCode.TENANT_NOT_FOUND, 404, requestId);
      throw error;
    });
    const signInThrottle = identityOf(request)?.signInThrottle ?? null;
    return { core, tenant, staff: await staffOf(core, tenant, request, requestId), requestId, log: request.log, signInThrottle };
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    request.log.error({ requestId, error: describeUnexpected(error) }, 'context creation failed');
    throw requestError('Internal server error', 'INTERNAL_SERVER_ERROR', 500, requestId);
  }
}

async function staffOf(core: CoreContext, tenant: TenantRecord, request: FastifyRequest, requestId: string): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (!authorization) return null;
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const oidc = identityOf(request)?.oidc;
  if (token && oidc?.claimsProvider(tenant, token)) {
    const verified = await oidc.verify(core, tenant, token);
    if (verified.ok) return verified.actor;
    if (verified.failure === 'NO_STAFF_ACCOUNT') {
      throw requestError('No active staff account of this tenant has the e-mail of this sign-in', RequestErrorCode.UNAUTHENTICATED, 401, requestId);
    }
    throw requestError("Invalid or expired token of this tenant's identity provider; sign in again", RequestErrorCode.UNAUTHENTICATED, 401, requestId);
  }
  const actor = token ? await currentStaff(core, token, tenant.id) : null;
  if (!actor) throw requestError('Invalid or expired token for this tenant; sign in again', RequestErrorCode.UNAUTHENTICATED, 401, requestId);
  return actor;
}
