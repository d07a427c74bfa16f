import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from './actor.js';
import { assertCan, Permission } from './permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { isWebOrigin } from '../tenants/tenant-settings-schema.js';

export type ApiKeyKind = 'PUBLIC' | 'SECRET';

export interface ApiKeyRecord {
  id: string;
  kind: ApiKeyKind;
  name: string;
  prefix: string;
  allowedOrigins: string[];
  createdAt: Date;
  revokedAt: Date | null;
}

/** What a presented key resolves to. */
export interface ResolvedApiKey {
  keyId: string;
  tenantId: string;
  kind: ApiKeyKind;
  allowedOrigins: string[];
}

/** How a key is stored: its SHA-256, hex. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Creates a key and returns it once, in clear (`pk_…` public, `sk_…`
 * secret); only its hash is stored. A PUBLIC key needs the web origins
 * allowed to use it. Tenant admins only.
 */
export async function createApiKey(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  input: { kind: ApiKeyKind; name: string; allowedOrigins?: string[] },
): Promise<{ key: string; record: ApiKeyRecord }> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const issues = [];
  if (input.kind !== 'PUBLIC' && input.kind !== 'SECRET') issues.push({ path: 'kind', message: 'must be PUBLIC or SECRET' });
  if (!input.name?.trim() || input.name.length > 100) issues.push({ path: 'name', message: 'is required (at most 100 characters)' });
  const origins = input.allowedOrigins ?? [];
  if (input.kind === 'PUBLIC' && origins.length === 0) issues.push({ path: 'allowedOrigins', message: 'a public key needs at least one web origin' });
  if (origins.some((o) => !isWebOrigin(o))) issues.push({ path: 'allowedOrigins', message: 'must be origins like https://portal.quangtri.gov.vn' });
  if (issues.length) throw validationError(issues);
  const key = `${input.kind === 'PUBLIC' ? 'pk' : 'sk'}_${randomBytes(24).toString('base64url')}`;
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.apiKey.create({
      data: { tenantId, kind: input.kind, name: input.name.trim(), prefix: key.slice(0, 10), keyHash: hashKey(key), allowedOrigins: origins.map((o) => o.toLowerCase()) },
    });
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'api-key.create', subjectType: 'ApiKey', subjectId: row.id, data: { kind: row.kind, name: row.name, prefix: row.prefix } });
    return { key, record: toRecord(row) };
  });
}

/** Revokes a key at once. Tenant admins only. */
export async function revokeApiKey(ctx: CoreContext, tenantId: string, actor: Actor, keyId: string): Promise<ApiKeyRecord> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  if (!isUuid(keyId)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such API key');
  return withTenant(ctx.db, tenantId, async (tx) => {
    const existing = await tx.apiKey.findUnique({ where: { id: keyId } });
    if (!existing) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such API key');
    const row = existing.revokedAt ? existing : await tx.apiKey.update({ where: { id: keyId }, data: { revokedAt: ctx.now() } });
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'api-key.revoke', subjectType: 'ApiKey', subjectId: keyId });
    return toRecord(row);
  });
}

export async function listApiKeys(ctx: CoreContext, tenantId: string, actor: Actor): Promise<ApiKeyRecord[]> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.apiKey.findMany({ orderBy: { createdAt: 'asc' } }));
  return rows.map(toRecord);
}

/**
 * Resolves a presented key to its tenant, or null when it is unknown or
 * revoked. A PUBLIC key also needs the request's `Origin` to be one of its
 * allowed origins (checked by the caller with `originAllowed`).
 */
export async function resolveApiKey(ctx: CoreContext, key: string): Promise<ResolvedApiKey | null> {
  if (!/^(pk|sk)_[A-Za-z0-9_-]{32}$/.test(key)) return null;
  const row = await ctx.db.prisma.apiKey.findUnique({ where: { keyHash: hashKey(key) } });
  if (!row || row.revokedAt) return null;
  return { keyId: row.id, tenantId: row.tenantId, kind: row.kind, allowedOrigins: row.allowedOrigins };
}

/** Whether a public key may be used from `origin` (the browser's Origin header). */
export function originAllowed(resolved: ResolvedApiKey, origin: string | undefined): boolean {
  if (resolved.kind === 'SECRET') return true;
  return origin !== undefined && resolved.allowedOrigins.includes(origin.toLowerCase());
}

function toRecord(r: ApiKeyRecord & Record<string, unknown>): ApiKeyRecord {
  return { id: r.id, kind: r.kind, name: r.name, prefix: r.prefix, allowedOrigins: r.allowedOrigins, createdAt: r.createdAt, revokedAt: r.revokedAt };
}
