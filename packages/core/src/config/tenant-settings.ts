import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { WeeklyHours } from '../calendar/working-calendar.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import {
  parseStoredOfficeHours,
  parseStoredSettings,
  tenantSettingsChangeSchema,
  type OidcProviderConfig,
  type TenantSettings,
  type TenantSettingsInput,
} from '../tenants/tenant-settings-schema.js';
import { parseInput } from './parse-input.js';

/**
 * What a tenant admin changes: only the given keys; each replaces that
 * setting as a whole. `null` removes an optional setting (back to its
 * default).
 */
export interface TenantSettingsChange {
  /** Replaces the web origins allowed to embed the widgets. */
  allowedOrigins?: string[];
  /** Prefix of new tracking codes (2–4 capital letters); codes already given keep theirs. */
  trackingPrefix?: string | null;
  /** The tenant's own OpenID Connect provider for staff sign-in; null turns single sign-on off. */
  oidc?: OidcProviderConfig | null;
  /** Citizen e-mail sender and tracker link; null: the server's defaults. */
  notifications?: TenantSettingsInput['notifications'] | null;
  /** The widgets' name, colours and logo; null: the defaults. */
  branding?: TenantSettingsInput['branding'] | null;
  /** When the deadline jobs remind citizens to rate, close unrated reports and report units without both focal points; null: the defaults. */
  deadlines?: TenantSettingsInput['deadlines'] | null;
  /** The unit queue's rules (`workflow.answerApproval`); null: the defaults. */
  workflow?: TenantSettingsInput['workflow'] | null;
  /** Who gets the monthly KPI report by e-mail (`monthlyReport.recipients`); null: nobody. */
  monthlyReport?: TenantSettingsInput['monthlyReport'] | null;
  /** Office hours per ISO weekday (`"1"` Monday … `"7"` Sunday); a missing day is not worked. */
  officeHours?: Record<string, [string, string][]>;
}

/** The tenant's settings and office hours, as the admin sees them. */
export type TenantSettingsWithHours = TenantSettings & { officeHours: WeeklyHours };

const SETTING_KEYS = ['allowedOrigins', 'trackingPrefix', 'oidc', 'notifications', 'branding', 'deadlines', 'workflow', 'monthlyReport'] as const;

/**
 * Changes the tenant's settings (`tenants.settings`) and office hours
 * (`tenants.working_hours`): only the keys given. The stored settings with
 * the change merged in are validated as a whole by the one settings schema
 * (`tenantSettingsChangeSchema`); an invalid change is refused with a
 * VALIDATION error naming the fields (`branding.primaryColor`,
 * `allowedOrigins.2`, `officeHours.1`) and changes nothing. Audited as
 * `tenant-settings.update` with the changed keys before and after.
 * Readers see the change as soon as they reload the tenant (no restart).
 */
export async function updateTenantSettings(ctx: CoreContext, tenantId: string, actor: Actor, change: TenantSettingsChange): Promise<TenantSettingsWithHours> {
  assertCan(actor, Permission.CONFIG_MANAGE);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { slug: true, settings: true, workingHours: true } });
    const before = parseStoredSettings(row.slug, row.settings);
    const hoursBefore = parseStoredOfficeHours(row.slug, row.workingHours);
    const merged: Record<string, unknown> = { ...before, officeHours: hoursBefore };
    const changed: string[] = [];
    for (const key of [...SETTING_KEYS, 'officeHours'] as const) {
      if (!(key in change) || change[key] === undefined) continue;
      changed.push(key);
      if (change[key] === null) delete merged[key];
      else merged[key] = change[key];
    }
    const { officeHours, ...settings } = parseInput(tenantSettingsChangeSchema, merged);
    const hoursChanged = changed.includes('officeHours');
    await tx.tenant.update({ where: { id: tenantId }, data: { settings, ...(hoursChanged ? { workingHours: officeHours ?? {} } : {}) } });
    const pick = (s: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(changed.map((k) => [k, s[k] ?? null]));
    await recordAudit(tx, tenantId, actor, ctx.now(), {
      action: 'tenant-settings.update',
      subjectType: 'Tenant',
      subjectId: tenantId,
      data: { before: pick({ ...before, officeHours: hoursBefore }), after: pick({ ...settings, officeHours }) },
    });
    return { ...parseStoredSettings(row.slug, settings), officeHours: hoursChanged ? parseStoredOfficeHours(row.slug, officeHours ?? {}) : hoursBefore };
  });
}
