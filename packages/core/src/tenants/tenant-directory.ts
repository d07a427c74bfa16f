import type { CoreContext } from '../context.js';
import { DomainError, DomainErrorCode } from '../errors.js';

export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  kind: 'PROVINCE' | 'CITY';
  provinceCode: string;
  timezone: string;
  workingHours: unknown;
  settings: TenantSettings;
}

export interface TenantSettings {
  /** Prefix of tracking codes, 2–4 capital letters (e.g. `QT`). */
  trackingPrefix?: string;
  /** Web origins allowed to embed the widgets. */
  allowedOrigins?: string[];
  [key: string]: unknown;
}

/** Looks a tenant up by slug in the public tenant directory. */
export async function findTenantBySlug(ctx: CoreContext, slug: string): Promise<TenantRecord> {
  const tenant = await ctx.db.prisma.tenant.findUnique({ where: { slug } });
  if (!tenant) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Unknown tenant');
  return { ...tenant, settings: (tenant.settings ?? {}) as TenantSettings };
}

export async function findTenantById(ctx: CoreContext, id: string): Promise<TenantRecord> {
  const tenant = await ctx.db.prisma.tenant.findUnique({ where: { id } });
  if (!tenant) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Unknown tenant');
  return { ...tenant, settings: (tenant.settings ?? {}) as TenantSettings };
}

export async function listTenants(ctx: CoreContext): Promise<TenantRecord[]> {
  const rows = await ctx.db.prisma.tenant.findMany({ orderBy: { slug: 'asc' } });
  return rows.map((t) => ({ ...t, settings: (t.settings ?? {}) as TenantSettings }));
}

export function trackingPrefix(tenant: TenantRecord): string {
  return tenant.settings.trackingPrefix ?? tenant.slug.replace(/[^a-z]/g, '').slice(0, 2).toUpperCase();
}
