import { ErrorCode, httpStatusOf, isDatabaseUnavailable, type Actor, type CoreContext, type TenantRecord } from '@paht/core';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { staffSession } from './auth/current-staff.js';
import type { SignInThrottle } from './auth/sign-in-throttle.js';
import { SERVICE_UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors/format-error.js';
import { describeUnexpected } from './errors/redact.js';
import { ForbiddenError } from './errors/expected-errors.js';
import type { OidcVerifier } from './auth/oidc.js';
import { identityOf } from './security/request-identity.js';
import { requestTenant, tenantSlugOf } from './security/request-tenant.js';

export { tenantSlugOf };

/** What every resolver gets. The tenant comes from the request, never from an argument. */
export interface GraphQLContext {
  core: CoreContext;
  tenant: TenantRecord;
  /** The signed-in staff member, or null for an anonymous (citizen or public) request. */
  staff: Actor | null;
  requestId: string;
  log: FastifyBaseLogger;
  /** The valid API key the HTTP request presented (its id), if any: submissions' idempotency keys are bound to it. */
  apiKeyId?: string | null;
  /** The per-account sign-in throttle of the app (HTTP requests with rate limits on); absent: none. */
  signInThrottle?: SignInThrottle | null;
  /** The account of a token that may only change its password (signed in with a one-time password); `staff` is then null. */
  passwordChangeFor?: string | null;
  /** The app's OIDC verifier (for `signInWithOidc` and `staffSignInOptions`); absent outside HTTP requests. */
  oidc?: OidcVerifier | null;
}

/** The request's staff actor, or a FORBIDDEN result for anonymous requests. */
export function requireStaff(ctx: GraphQLContext): Actor {
  if (!ctx.staff && ctx.passwordChangeFor) {
    throw new ForbiddenError('Đổi mật khẩu trước (changePassword) / Change your one-time password first (changePassword)');
  }
  if (!ctx.staff) throw new ForbiddenError('Sign in as staff to do this');
  return ctx.staff;
}

/** Request-level failures: the operation cannot run at all. */
export const RequestErrorCode = {
  /** No tenant named (header `x-tenant`, query parameter `tenant`, host name or API key), or no tenant with that slug. */
  TENANT_NOT_FOUND: 'TENANT_NOT_FOUND',
  /** The bearer token is malformed, expired, for another tenant, or (OIDC) names no active staff account. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
} as const satisfies Partial<{ readonly [K in ErrorCode]: K }>;

const requestError = (message: string, code: ErrorCode, requestId: string) =>
  new GraphQLError(message, { extensions: { code, requestId, http: { status: httpStatusOf(code) } } });

/** Builds the GraphQL context of one HTTP request: its tenant and, with a bearer token, its staff actor. */
export async function createContext(core: CoreContext, request: FastifyRequest): Promise<GraphQLContext> {
  const requestId = String(request.id);
  try {
    const found = await requestTenant(core, request);
    if (!found.ok) {
      const message =
        found.reason === 'NOT_NAMED' ? 'Say which tenant: header x-tenant, query parameter tenant, or an API key' : `Unknown tenant ${tenantSlugOf(request)}`;
      throw requestError(message, RequestErrorCode.TENANT_NOT_FOUND, requestId);
    }
    const tenant = found.tenant;
    const signInThrottle = identityOf(request)?.signInThrottle ?? null;
    const apiKeyId = identityOf(request)?.apiKey?.keyId ?? null;
    const { staff, passwordChangeFor } = await staffOf(core, tenant, request, requestId);
    return { core, tenant, staff, passwordChangeFor, requestId, log: request.log, signInThrottle, apiKeyId, oidc: identityOf(request)?.oidc ?? null };
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    request.log.error({ requestId, error: describeUnexpected(error) }, 'context creation failed');
    // The database is away (tenant or staff lookup): 503 with retry-after, which clients retry.
    if (isDatabaseUnavailable(error)) {
      throw new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, {
        extensions: {
          code: ErrorCode.SERVICE_UNAVAILABLE,
          requestId,
          http: { status: httpStatusOf(ErrorCode.SERVICE_UNAVAILABLE), headers: new Map([['retry-after', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS)]]) },
        },
      });
    }
    throw requestError('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR, requestId);
  }
}

async function staffOf(
  core: CoreContext,
  tenant: TenantRecord,
  request: FastifyRequest,
  requestId: string,
): Promise<{ staff: Actor | null; passwordChangeFor: string | null }> {
  const authorization = request.headers.authorization;
  if (!authorization) return { staff: null, passwordChangeFor: null };
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  const oidc = identityOf(request)?.oidc;
  if (token && oidc?.claimsProvider(tenant, token)) {
    const verified = await oidc.verify(core, tenant, token);
    if (verified.ok) return { staff: verified.actor, passwordChangeFor: null };
    if (verified.failure === 'NO_STAFF_ACCOUNT') {
      throw requestError('No active staff account of this tenant has the e-mail of this sign-in', RequestErrorCode.UNAUTHENTICATED, requestId);
    }
    throw requestError("Invalid or expired token of this tenant's identity provider; sign in again", RequestErrorCode.UNAUTHENTICATED, requestId);
  }
  const session = token ? await staffSession(core, token, tenant.id) : null;
  if (!session?.actor) throw requestError('Invalid or expired token for this tenant; sign in again', RequestErrorCode.UNAUTHENTICATED, requestId);
  // A one-time password's token: no staff rights until the password is changed.
  if (session.passwordChangeRequired) return { staff: null, passwordChangeFor: session.userId };
  return { staff: session.actor, passwordChangeFor: null };
}
