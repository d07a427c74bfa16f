import { createHash, timingSafeEqual } from 'node:crypto';
import { createTenantWithAdmin, DomainErrorCode, ErrorCode, httpStatusOf, isDomainError, mergeTenants, TenantMergedError, type CoreContext, type CreateTenantInput } from '@paht/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publicDataChanged } from '../cache/public-changes.js';

/** The shortest operator token accepted: 32 characters (e.g. `openssl rand -base64 32`). */
export const MIN_OPERATOR_TOKEN_LENGTH = 32;

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * A check of `Authorization: Bearer <token>` against the operator token in
 * constant time (both hashed first, so neither length nor content leaks).
 */
export function operatorTokenCheck(token: string): (authorization: string | undefined) => boolean {
  if (token.length < MIN_OPERATOR_TOKEN_LENGTH) {
    throw new RangeError(`PAHT_OPERATOR_TOKEN must have at least ${MIN_OPERATOR_TOKEN_LENGTH} characters (e.g. openssl rand -base64 32)`);
  }
  const expected = digest(token);
  return (authorization) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
    return timingSafeEqual(digest(presented), expected);
  };
}

const send = (request: FastifyRequest, reply: FastifyReply, status: number, body: Record<string, unknown>) =>
  reply.code(status).header('cache-control', 'no-store').send(body);

/** The shape of the other non-GraphQL routes' refusals: `{ error: { code, message, requestId, … } }`. */
const failure = (request: FastifyRequest, code: string, message: string, extra: Record<string, unknown> = {}) => ({
  error: { code, message, requestId: String(request.id), ...extra },
});

/**
 * The instance operator's API (docs/deployment.md): `POST /operator/tenants`
 * with `Authorization: Bearer <PAHT_OPERATOR_TOKEN>` and a JSON body
 * `{ tenant: { slug, name, nameEn, kind, provinceCode, timezone?,
 * trackingPrefix, workingHours?, allowedOrigins? }, admin: { email,
 * fullName } }` creates a tenant and its first admin (the same core
 * function as `pnpm tenant:create`) and answers 201 with the admin's
 * one-time password, once. Without the token: 401 UNAUTHENTICATED;
 * invalid input: 400 VALIDATION with `fields`; a taken slug: 409 CONFLICT;
 * nothing is written then. Every call is logged (never the password) and a
 * creation is audited in the new tenant's log (`tenant.create` by
 * `operator-api`). Not a tenant role: the token is the instance's.
 */
export function registerOperatorRoutes(app: FastifyInstance, core: CoreContext, operatorToken: string): void {
  const authorized = operatorTokenCheck(operatorToken);
  const refuse = (request: FastifyRequest, reply: FastifyReply) => {
    request.log.warn({ requestId: request.id, ip: request.ip }, 'operator API: refused (no or wrong operator token)');
    return send(
      request,
      reply.header('www-authenticate', 'Bearer'),
      httpStatusOf(ErrorCode.UNAUTHENTICATED),
      failure(request, ErrorCode.UNAUTHENTICATED, 'Cần mã vận hành / The operator token (Authorization: Bearer <PAHT_OPERATOR_TOKEN>) is required'),
    );
  };
  app.post('/operator/tenants', async (request, reply) => {
    if (!authorized(request.headers.authorization)) return refuse(request, reply);
    try {
      const created = await createTenantWithAdmin(core, (request.body ?? {}) as CreateTenantInput, 'operator-api');
      request.log.info({ requestId: request.id, tenant: created.tenant.slug, adminId: created.admin.id }, 'operator API: tenant created');
      return send(request, reply, 201, {
        tenant: { id: created.tenant.id, slug: created.tenant.slug, name: created.tenant.name, nameEn: created.tenant.nameEn },
        admin: created.admin,
        oneTimePassword: created.oneTimePassword,
      });
    } catch (error) {
      if (!isDomainError(error) || (error.code !== DomainErrorCode.VALIDATION && error.code !== DomainErrorCode.CONFLICT)) throw error;
      request.log.info({ requestId: request.id, code: error.code }, 'operator API: tenant not created');
      return send(request, reply, httpStatusOf(error.code), failure(request, error.code, error.message, error.details.fields ? { fields: error.details.fields } : {}));
    }
  });

  /**
   * `POST /operator/tenant-merges` with `{ from, into }` (slugs): merges the
   * tenant `from` into `into` (core's `mergeTenants`, the same as `pnpm
   * tenant:merge`, docs/tenant-merge.md) and answers 200 with what moved and
   * what was renamed. Refused with nothing changed: 400 VALIDATION (missing
   * or same slugs), 404 NOT_FOUND (unknown slug), 409 TENANT_MERGED with
   * `mergedInto` (merged already: a second run).
   */
  app.post('/operator/tenant-merges', async (request, reply) => {
    if (!authorized(request.headers.authorization)) return refuse(request, reply);
    const body = (request.body ?? {}) as { from?: unknown; into?: unknown };
    try {
      const merged = await mergeTenants(core, { from: typeof body.from === 'string' ? body.from : '', into: typeof body.into === 'string' ? body.into : '' }, 'operator-api');
      request.log.info({ requestId: request.id, from: merged.from.slug, into: merged.into.slug, renamed: merged.renamed.length }, 'operator API: tenants merged');
      // Everything public of both changed: the reports, categories and units moved.
      await Promise.all([merged.from.id, merged.into.id].map((tenantId) => publicDataChanged(core, tenantId)));
      return send(request, reply, 200, { ...merged, mergedAt: merged.mergedAt.toISOString() });
    } catch (error) {
      if (error instanceof TenantMergedError) {
        request.log.info({ requestId: request.id, code: error.code }, 'operator API: tenants not merged');
        return send(request, reply, httpStatusOf(error.code), failure(request, error.code, error.message, { tenant: error.slug, mergedInto: error.mergedInto }));
      }
      if (!isDomainError(error) || (error.code !== DomainErrorCode.VALIDATION && error.code !== DomainErrorCode.NOT_FOUND)) throw error;
      request.log.info({ requestId: request.id, code: error.code }, 'operator API: tenants not merged');
      return send(request, reply, httpStatusOf(error.code), failure(request, error.code, error.message, error.details.fields ? { fields: error.details.fields } : {}));
    }
  });
}
