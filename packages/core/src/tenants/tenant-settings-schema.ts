import { z } from 'zod';
import { parseDayHours } from '../calendar/build-calendar.js';
import type { WeeklyHours } from '../calendar/working-calendar.js';

/** At most this many origins in `allowedOrigins`. */
export const MAX_ALLOWED_ORIGINS = 50;

/** A web origin: scheme, host and optional port, nothing after (`https://portal.quangtri.gov.vn`). Lower-cased. */
export const webOriginSchema = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'must be an origin like https://portal.quangtri.gov.vn (no path)')
  .transform((origin) => origin.toLowerCase());

/** Whether `value` is a web origin as `webOriginSchema` reads it (any case). */
export const isWebOrigin = (value: unknown): boolean => webOriginSchema.safeParse(value).success;

/** A tenant's external OpenID Connect provider: whose ID or access tokens its staff may sign in with. */
export const oidcProviderSchema = z.object({
  /** The provider's issuer (`iss`), exactly. */
  issuer: z.string().min(1),
  /** This API's client id or audience (`aud`) at the provider. */
  audience: z.string().min(1),
  /** The provider's JSON Web Key Set URL (`jwks_uri` of its discovery document). */
  jwksUrl: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
  /** The claim holding the staff member's e-mail. Default `email`. */
  emailClaim: z.string().min(1).optional(),
  /**
   * Accept an e-mail the provider does not mark `email_verified: true`.
   * Default false: where users can set their own address, an unverified
   * claim would let anyone take a staff member's account. Only for a
   * provider whose addresses are all issued by the organisation.
   */
  trustUnverifiedEmail: z.boolean().optional(),
});
export type OidcProviderConfig = z.output<typeof oidcProviderSchema>;

/** Placeholder for the tracking code in `notifications.publicTrackerUrl`. */
export const TRACKING_CODE_PLACEHOLDER = '{code}';

/** How a tenant's citizens are told of their report's progress (docs/notifications.md). */
export const notificationSettingsSchema = z.object({
  /** The sender of citizens' e-mails, e.g. `phananh@quangtri.gov.vn`. Default: the server's `PAHT_MAIL_FROM`, else no e-mail is sent. */
  emailFrom: z.email('must be an e-mail address').optional(),
  /** The sender's display name, e.g. `Phản ánh hiện trường Quảng Trị`. Default: the tenant's name. */
  emailFromName: z.string().min(1).max(100).regex(/^[^\r\n<>"]+$/, 'must be one line without <, > or "').optional(),
  /** The public tracker page, with `{code}` where the tracking code goes: `https://portal.quangtri.gov.vn/tra-cuu?code={code}`. Default: no link. */
  publicTrackerUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
    .refine((url) => url.includes(TRACKING_CODE_PLACEHOLDER), `must contain ${TRACKING_CODE_PLACEHOLDER} where the tracking code goes`)
    .optional(),
  /**
   * When citizens get an SMS at the phone they left: `OFF` never,
   * `WHEN_NO_EMAIL` only those who left no e-mail (one message per event,
   * the cheap channel first), `ALWAYS` besides the e-mail. Default
   * `WHEN_NO_EMAIL` (`smsPolicyOf`). Takes effect for the next event.
   */
  sms: z.enum(['OFF', 'WHEN_NO_EMAIL', 'ALWAYS']).optional(),
  /** The SMS sender (brandname registered with the carriers), 1–11 letters, digits, space, `.`, `-` or `_`. Default: the server's `PAHT_SMS_SENDER`, else the gateway's own. */
  smsSender: z.string().regex(/^[A-Za-z0-9 ._-]{1,11}$/, 'must be a brandname of 1–11 letters, digits, space, ".", "-" or "_"').optional(),
});

/** When citizens get SMS (`notifications.sms`). */
export type SmsPolicy = NonNullable<z.output<typeof notificationSettingsSchema>['sms']>;
/** `notifications.sms` with its default applied. */
export const smsPolicyOf = (settings: { notifications?: { sms?: SmsPolicy } | undefined }): SmsPolicy => settings.notifications?.sms ?? 'WHEN_NO_EMAIL';

/** Default widget colours (the platform's own blue and orange). */
export const DEFAULT_BRANDING = { primaryColor: '#0b5394', accentColor: '#e69138' } as const;

const hexColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b5394').transform((c) => c.toLowerCase());
const brandNameSchema = z.string().trim().min(1).max(100).regex(/^[^\r\n<>]+$/, 'must be one line without < or >');

/** How the tenant's widgets look: name shown, colours and logo. No secret; the widgets read it anonymously. */
export const brandingSettingsSchema = z.object({
  /** Name shown by the widgets in Vietnamese. Default: the tenant's name. */
  nameVi: brandNameSchema.optional(),
  /** Name shown by the widgets in English. Default: the tenant's English name. */
  nameEn: brandNameSchema.optional(),
  /** Main colour, `#rrggbb` (lower-cased). */
  primaryColor: hexColourSchema.default(DEFAULT_BRANDING.primaryColor),
  /** Accent colour, `#rrggbb` (lower-cased). */
  accentColor: hexColourSchema.default(DEFAULT_BRANDING.accentColor),
  /** The logo, an https URL. Default: none. */
  logoUrl: z.string().max(2000).regex(/^https:\/\/[^\s"'<>]+$/, 'must be an https URL').optional(),
});

/**
 * When the deadline jobs act (docs/deadlines.md). Days are working days of
 * the tenant's calendar (office hours, holidays, make-up days), counted from
 * the event; each takes effect at the jobs' next run.
 */
export const deadlineSettingsSchema = z
  .object({
    /** Working days after the answer is published before the citizen is reminded (once) to rate it. Default 3. */
    ratingReminderDays: z.number().int().min(1).max(60).default(3),
    /** Working days after publication before a report the citizen has not rated is closed by the system. Default 7; more than `ratingReminderDays`. */
    autoCloseDays: z.number().int().min(1).max(120).default(7),
    /**
     * Working days a unit may go without both focal points (an open LEADER
     * and an open STAFF row) before the IOC is alerted. Default 3: Decision
     * 878/QĐ-UBND gives a unit 3 days to register a change of focal point.
     */
    focalPointGraceDays: z.number().int().min(1).max(30).default(3),
  })
  .refine((d) => d.autoCloseDays > d.ratingReminderDays, { path: ['autoCloseDays'], message: 'must be more than ratingReminderDays' });
export type DeadlineSettings = z.output<typeof deadlineSettingsSchema>;

/** How the unit queue works (docs/report-lifecycle.md, "Unit queue"). */
export const workflowSettingsSchema = z.object({
  /**
   * Officers' answers need their unit leader's approval: an officer may not
   * RESOLVE, only DRAFT_ANSWER, and the leader approves or sends it back
   * (answer links always draft). Default false for now (officers answer
   * directly, as before); takes effect for the next step.
   */
  answerApproval: z.boolean().default(false),
});

/** The monthly KPI report by e-mail (docs/exports.md, "Monthly reports"). */
export const monthlyReportSettingsSchema = z.object({
  /**
   * Who gets last month's KPI summary, e-mailed on the first working day of
   * each month (the tenant's calendar) with a signed link to the Excel
   * file. Default none: no report is made. At most 20 addresses.
   */
  recipients: z
    .array(z.email('must be an e-mail address').max(254).transform((e) => e.toLowerCase()))
    .max(20, 'must be at most 20 addresses')
    .default([])
    .transform((emails) => [...new Set(emails)]),
});
export type MonthlyReportSettings = z.output<typeof monthlyReportSettingsSchema>;

/**
 * A tenant's settings (the `tenants.settings` JSON): the one declaration
 * every reader and writer goes through. Read once when the tenant is
 * loaded; written only after the whole object passes. Keys it does not
 * declare are dropped on reading, so no reader can depend on one.
 */
export const tenantSettingsSchema = z.object({
  /** Prefix of tracking codes, 2–4 capital letters (e.g. `QT`); set at provisioning. Default: from the slug. */
  trackingPrefix: z.string().regex(/^[A-Z]{2,4}$/, 'must be 2–4 capital letters').optional(),
  /** Web origins allowed to embed the widgets, besides those of the tenant's public API keys. Default none. */
  allowedOrigins: z
    .array(webOriginSchema)
    .max(MAX_ALLOWED_ORIGINS, `must be at most ${MAX_ALLOWED_ORIGINS} origins`)
    .default([])
    .transform((origins) => [...new Set(origins)]),
  /** The tenant's own single sign-on provider (set by the operator). Default none. */
  oidc: oidcProviderSchema.optional(),
  /** Citizen notifications: e-mail sender, SMS rule and sender, tracker link. Default: the server's senders, SMS when no e-mail, no link. */
  notifications: notificationSettingsSchema.optional(),
  /** The widgets' name, colours and logo. Default: the tenant's names, the platform's colours, no logo. */
  branding: brandingSettingsSchema.prefault({}),
  /** When the deadline jobs remind citizens, close unrated reports and report missing focal points. Default 3, 7 and 3 working days. */
  deadlines: deadlineSettingsSchema.prefault({}),
  /** The unit queue's rules: whether officers' answers need the unit leader's approval. Default: they do not. */
  workflow: workflowSettingsSchema.prefault({}),
  /** The monthly KPI report by e-mail: its recipients. Default none (no report). */
  monthlyReport: monthlyReportSettingsSchema.optional(),
});

/** Settings as every reader sees them: parsed, defaults applied. */
export type TenantSettings = z.output<typeof tenantSettingsSchema>;
/** Settings as they may be written (defaults not yet applied). */
export type TenantSettingsInput = z.input<typeof tenantSettingsSchema>;

/** Stored settings that do not pass the schema: an operator's mistake, reported with the tenant and the fields. */
export class InvalidTenantSettingsError extends Error {
  override readonly name = 'InvalidTenantSettingsError';
  constructor(
    readonly tenantSlug: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(`Tenant ${tenantSlug} has invalid settings: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

/** A day's working periods, by the calendar's own rules (`HH:mm`, each period starting before it ends, none overlapping). */
const dayHoursSchema = z.array(z.tuple([z.string(), z.string()])).superRefine((hours, ctx) => {
  try {
    parseDayHours(hours, 'the day');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** Office hours per ISO weekday (`"1"` Monday … `"7"` Sunday); a missing day is not worked (`tenants.working_hours`). */
export const officeHoursSchema = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), dayHoursSchema);

/** Parsed values by schema and stored text: each distinct value is parsed once per process, a changed value again. */
const parsed = new Map<string, unknown>();
const MAX_PARSED = 1000;

/**
 * The same, by the stored object itself: a tenant record is read once and
 * shared by the requests of its cache period, so its settings are the same
 * object each time and need not be written out as text to be found. Stored
 * values are records read from the database, never changed in place.
 */
const parsedByObject = new WeakMap<object, Map<string, unknown>>();

function parseOnce<T>(kind: string, schema: z.ZodType<T>, tenantSlug: string, stored: unknown, freeze: (value: T) => T): T {
  const byObject = typeof stored === 'object' && stored !== null ? parsedByObject.get(stored) : undefined;
  if (byObject?.has(kind)) return byObject.get(kind) as T;
  const value = parseOnceByText(kind, schema, tenantSlug, stored, freeze);
  if (typeof stored === 'object' && stored !== null) {
    if (byObject) byObject.set(kind, value);
    else parsedByObject.set(stored, new Map([[kind, value]]));
  }
  return value;
}

function parseOnceByText<T>(kind: string, schema: z.ZodType<T>, tenantSlug: string, stored: unknown, freeze: (value: T) => T): T {
  const key = `${kind}\u0000${JSON.stringify(stored ?? {})}`;
  if (parsed.has(key)) return parsed.get(key) as T;
  const result = schema.safeParse(stored ?? {});
  if (!result.success) {
    throw new InvalidTenantSettingsError(
      tenantSlug,
      result.error.issues.map((i) => ({ path: [kind, ...i.path].join('.'), message: i.message })),
    );
  }
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  // Shared between requests: frozen, so no reader can change another's copy.
  const value = freeze(result.data);
  parsed.set(key, value);
  return value;
}

/**
 * A tenant's stored settings, parsed. Throws InvalidTenantSettingsError
 * (unexpected: masked at the API, logged with the fields) when the stored
 * JSON does not pass, rather than handing readers a half-valid object.
 */
export const parseStoredSettings = (tenantSlug: string, stored: unknown): TenantSettings =>
  parseOnce('settings', tenantSettingsSchema, tenantSlug, stored, (s) =>
    Object.freeze({ ...s, allowedOrigins: Object.freeze(s.allowedOrigins) as string[], ...(s.oidc ? { oidc: Object.freeze(s.oidc) } : {}),
      ...(s.notifications ? { notifications: Object.freeze(s.notifications) } : {}), branding: Object.freeze(s.branding), deadlines: Object.freeze(s.deadlines), workflow: Object.freeze(s.workflow) }),
  );

/** A tenant's stored office hours, parsed (and checked) the same way. */
export const parseStoredOfficeHours = (tenantSlug: string, stored: unknown): WeeklyHours =>
  parseOnce('workingHours', officeHoursSchema, tenantSlug, stored, (h) => Object.freeze(h));

/**
 * A tenant admin's change of settings, checked by the same schemas: each
 * given key replaces that setting, `officeHours` the `tenants.working_hours`
 * column. Parsed once, as a whole, after merging with the stored settings.
 */
export const tenantSettingsChangeSchema = tenantSettingsSchema.extend({ officeHours: officeHoursSchema.optional() });
