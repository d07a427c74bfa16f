import type { CoreContext } from '../context.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import type { WeeklyHours } from '../calendar/working-calendar.js';
import { parseStoredOfficeHours, parseStoredSettings, type TenantSettings } from './tenant-settings-schema.js';
import { hasNul } from '../input/untrusted-input.js';

export type { TenantSettings } from './tenant-settings-schema.js';

export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  kind: 'PROVINCE' | 'CITY';
  provinceCode: string;
  timezone: string;
  /** Office hours per ISO weekday, parsed and checked (`officeHoursSchema`). */
  workingHours: WeeklyHours;
  settings: TenantSettings;
}

type TenantRow = Omit<TenantRecord, 'settings' | 'workingHours'> & { settings: unknown; workingHours: unknown };

/** A tenant as every reader gets it: its settings and office hours parsed by their one schema (tenant-settings-schema.ts). */
const toRecord = (row: TenantRow): TenantRecord => ({
  ...row,
  workingHours: parseStoredOfficeHours(row.slug, row.workingHours),
  settings: parseStoredSettings(row.slug, row.settings),
});

/**
 * Looks a tenant up by slug in the public tenant directory. The slug of a
 * tenant merged into another (docs/tenant-merge.md) leads to that tenant,
 * so its portals, tracking codes and staff sign-ins keep working.
 */
export async function findTenantBySlug(ctx: CoreContext, slug: string): Promise<TenantRecord> {
  // A slug is a URL segment; one holding NUL names no tenant (and PostgreSQL would refuse to compare it).
  if (hasNul(slug)) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Unknown tenant');
  let tenant = await ctx.db.prisma.tenant.findUnique({ where: { slug } });
  // A merge refuses a merged target, so one hop is the rule; a few are followed for tenants merged in turn.
  for (let hops = 0; tenant?.mergedIntoId && hops < 8; hops++) tenant = await ctx.db.prisma.tenant.findUnique({ where: { id: tenant.mergedIntoId } });
  if (!tenant || tenant.mergedIntoId) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Unknown tenant');
  return toRecord(tenant);
}

export async function findTenantById(ctx: CoreContext, id: string): Promise<TenantRecord> {
  const tenant = await ctx.db.prisma.tenant.findUnique({ where: { id } });
  if (!tenant) throw new DomainError(DomainErrorCode.NOT_FOUND, 'Unknown tenant');
  return toRecord(tenant);
}

export async function listTenants(ctx: CoreContext): Promise<TenantRecord[]> {
  const rows = await ctx.db.prisma.tenant.findMany({ orderBy: { slug: 'asc' } });
  return rows.map(toRecord);
}

export function trackingPrefix(tenant: TenantRecord): string {
  return tenant.settings.trackingPrefix ?? tenant.slug.replace(/[^a-z]/g, '').slice(0, 2).toUpperCase();
}
