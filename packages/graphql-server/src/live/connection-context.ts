import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isDatabaseUnavailable, LIVE_CLOSE_CODES, type Actor, type CoreContext, type TenantRecord } from '@paht/core';
import type { FastifyBaseLogger } from 'fastify';
import { currentStaff } from '../auth/current-staff.js';
import type { GraphQLContext } from '../context.js';
import { lookUpTenant } from '../security/request-tenant.js';

/** Close codes a refused or ended WebSocket connection ends with: core's error registry (docs/live-updates.md). */
export const LiveCloseCode = {
  /** UNAUTHENTICATED: the bearer token is malformed, expired, for another tenant, or its account was deactivated. */
  UNAUTHORIZED: LIVE_CLOSE_CODES.UNAUTHENTICATED,
  /** FORBIDDEN: the staff member's role or unit changed while connected. */
  FORBIDDEN: LIVE_CLOSE_CODES.FORBIDDEN,
  /** TENANT_NOT_FOUND: no tenant named, or no tenant with that slug. */
  TENANT_NOT_FOUND: LIVE_CLOSE_CODES.TENANT_NOT_FOUND,
  /** SERVICE_UNAVAILABLE: the database is away for now (1013, "Try Again Later"): clients reconnect. */
  SERVICE_UNAVAILABLE: LIVE_CLOSE_CODES.SERVICE_UNAVAILABLE,
} as const;

export type ConnectionOutcome =
  | { ok: true; context: GraphQLContext; /** The staff token, kept to check the account again while the socket is open. */ token: string | null }
  | { ok: false; code: (typeof LiveCloseCode)[keyof typeof LiveCloseCode]; reason: string };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The GraphQL context of one WebSocket connection, built once at
 * `connection_init` (graphql-ws does not go through Apollo's context
 * function): tenant from `connectionParams.tenant` or the URL's `?tenant=`,
 * staff from `connectionParams.authorization` (`Bearer <token>` or the bare
 * token). No authorization: an anonymous (citizen) connection.
 */
export async function connectionContext(
  core: CoreContext,
  log: FastifyBaseLogger,
  params: Record<string, unknown> | undefined,
  request: IncomingMessage,
): Promise<ConnectionOutcome> {
  try {
    return await buildConnectionContext(core, log, params, request);
  } catch (error) {
    // The tenant or staff lookup found no database: a refusal the client retries, not graphql-ws's 4500 (which ends it).
    if (!isDatabaseUnavailable(error)) throw error;
    log.warn({ code: LiveCloseCode.SERVICE_UNAVAILABLE }, 'live connection refused: database unavailable');
    return { ok: false, code: LiveCloseCode.SERVICE_UNAVAILABLE, reason: 'Dịch vụ tạm gián đoạn / Service unavailable, retry' };
  }
}

async function buildConnectionContext(
  core: CoreContext,
  log: FastifyBaseLogger,
  params: Record<string, unknown> | undefined,
  request: IncomingMessage,
): Promise<ConnectionOutcome> {
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
  const slug = text(params?.tenant) ?? text(query.get('tenant'));
  const found = await lookUpTenant(core, slug);
  if (!found.ok) {
    const reason = found.reason === 'NOT_NAMED' ? 'Thiếu tỉnh/thành (tenant) / Tenant required' : 'Không có tỉnh/thành này / Unknown tenant';
    return { ok: false, code: LiveCloseCode.TENANT_NOT_FOUND, reason };
  }
  const tenant = found.tenant;

  const authorization = text(params?.authorization) ?? text(params?.Authorization);
  if (!authorization) return { ok: true, context: liveContext(core, tenant, null, log), token: null };
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? authorization;
  const staff = await currentStaff(core, token, tenant.id);
  if (!staff) return { ok: false, code: LiveCloseCode.UNAUTHORIZED, reason: 'Invalid or expired token / Phiên đăng nhập không hợp lệ' };
  return { ok: true, context: liveContext(core, tenant, staff, log), token };
}

/**
 * A connection's context. Its logger (a child carrying the connection's
 * request id) is made on first use: most connections, idle citizens, never
 * log, and 10,000 of them need not hold 10,000 loggers.
 */
function liveContext(core: CoreContext, tenant: TenantRecord, staff: Actor | null, parent: FastifyBaseLogger): GraphQLContext {
  const requestId = randomUUID();
  let log: FastifyBaseLogger | undefined;
  return {
    core,
    tenant,
    staff,
    requestId,
    get log() {
      return (log ??= parent.child({ requestId }));
    },
  };
}
