import { z } from 'zod';
import { VIETNAM_OFFICE_HOURS } from '../calendar/working-calendar.js';
import { buildWorkingCalendar } from '../calendar/build-calendar.js';
import { parseInput } from '../config/parse-input.js';
import type { CoreContext } from '../context.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { findTenantById, type TenantRecord } from './tenant-directory.js';
import { officeHoursSchema, tenantSettingsSchema, type TenantSettingsInput } from './tenant-settings-schema.js';

/** What a new tenant needs (the settings' rules come from tenant-settings-schema.ts). */
export const tenantInput = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes').max(63),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  kind: z.enum(['PROVINCE', 'CITY']),
  provinceCode: z.string().regex(/^\d{2}$/, 'must be a two-digit official province code'),
  timezone: z.string().default('Asia/Ho_Chi_Minh'),
  workingHours: officeHoursSchema.default(VIETNAM_OFFICE_HOURS as Record<string, [string, string][]>),
  // The settings' own rules (tenant-settings-schema.ts), the prefix required here.
  trackingPrefix: tenantSettingsSchema.shape.trackingPrefix.unwrap(),
  allowedOrigins: tenantSettingsSchema.shape.allowedOrigins,
});
export type ProvisionTenantInput = z.input<typeof tenantInput>;

/**
 * Creates a tenant (a province or city). An operator's task on the instance,
 * run as the database owner, not through a tenant transaction.
 */
export async function provisionTenant(ctx: CoreContext, input: ProvisionTenantInput): Promise<TenantRecord> {
  const data = parseInput(tenantInput, input);
  // Fails with a clear RangeError on an unknown zone or malformed hours.
  try {
    buildWorkingCalendar({ timezone: data.timezone, weeklyHours: data.workingHours, years: { from: 2025, to: 2025 } });
  } catch (e) {
    throw new DomainError(DomainErrorCode.VALIDATION, `Invalid input: ${(e as Error).message}`, { fields: [{ path: 'workingHours', message: (e as Error).message }] });
  }
  if (await ctx.db.prisma.tenant.findUnique({ where: { slug: data.slug } })) {
    throw new DomainError(DomainErrorCode.CONFLICT, `Tenant ${data.slug} exists already`);
  }
  const row = await ctx.db.prisma.tenant.create({
    data: {
      slug: data.slug,
      name: data.name,
      nameEn: data.nameEn,
      kind: data.kind,
      provinceCode: data.provinceCode,
      timezone: data.timezone,
      workingHours: data.workingHours,
      settings: { trackingPrefix: data.trackingPrefix, allowedOrigins: data.allowedOrigins } satisfies TenantSettingsInput,
    },
  });
  return findTenantById(ctx, row.id);
}
