import { assertCan, notificationSettingsSchema, Permission, updateTenantSettings, type TenantSettingsChange, type TenantSettingsWithHours } from '@paht/core';
import { builder } from '../builder.js';
import { forgetTenant } from '../security/request-tenant.js';
import { ADMIN_ERRORS, ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';

type Settings = TenantSettingsWithHours;
type Oidc = NonNullable<Settings['oidc']>;
type Notifications = NonNullable<Settings['notifications']>;
type Branding = Settings['branding'];
type Deadlines = Settings['deadlines'];
type Workflow = Settings['workflow'];
type OfficeDay = { weekday: number; periods: ReadonlyArray<readonly [string, string]> };
type OfficePeriod = readonly [string, string];

const OfficePeriodView = builder.objectRef<OfficePeriod>('OfficePeriod').implement({
  description: 'A working period of a day, local time.',
  fields: (t) => ({
    start: t.string({ description: '`HH:mm`.', resolve: (p) => p[0] }),
    end: t.string({ description: '`HH:mm`.', resolve: (p) => p[1] }),
  }),
});

const OfficeDayView = builder.objectRef<OfficeDay>('OfficeDay').implement({
  description: 'Office hours of one weekday.',
  fields: (t) => ({
    weekday: t.exposeInt('weekday', { description: 'ISO weekday: 1 Monday … 7 Sunday.' }),
    periods: t.field({ type: [OfficePeriodView], description: 'Working periods, in order.', resolve: (d) => [...d.periods] }),
  }),
});

const OidcView = builder.objectRef<Oidc>('TenantOidcProvider').implement({
  description: 'The tenant’s OpenID Connect provider for staff sign-in.',
  fields: (t) => ({
    issuer: t.exposeString('issuer', { description: 'The provider’s issuer (`iss`).' }),
    audience: t.exposeString('audience', { description: 'This API’s client id or audience (`aud`).' }),
    jwksUrl: t.exposeString('jwksUrl', { description: 'The provider’s JSON Web Key Set URL.' }),
    emailClaim: t.string({ nullable: true, description: 'The claim holding the e-mail (default `email`).', resolve: (o) => o.emailClaim ?? null }),
    trustUnverifiedEmail: t.boolean({ description: 'Whether an e-mail not marked verified is accepted.', resolve: (o) => o.trustUnverifiedEmail ?? false }),
  }),
});

const SmsPolicyEnum = builder.enumType('SmsPolicy', {
  description: 'When citizens get an SMS at the phone they left: `OFF` never, `WHEN_NO_EMAIL` only those who left no e-mail, `ALWAYS` besides the e-mail.',
  values: notificationSettingsSchema.shape.sms.unwrap().options,
});

const NotificationsView = builder.objectRef<Notifications>('TenantNotificationSettings').implement({
  description: 'How citizens are told of their report’s progress.',
  fields: (t) => ({
    emailFrom: t.string({ nullable: true, description: 'Sender of citizens’ e-mails (default: the server’s).', resolve: (n) => n.emailFrom ?? null }),
    emailFromName: t.string({ nullable: true, description: 'Sender’s display name (default: the tenant’s name).', resolve: (n) => n.emailFromName ?? null }),
    publicTrackerUrl: t.string({ nullable: true, description: 'Public tracker page with `{code}` (default: no link).', resolve: (n) => n.publicTrackerUrl ?? null }),
    sms: t.field({ type: SmsPolicyEnum, description: 'When citizens get an SMS (default `WHEN_NO_EMAIL`).', resolve: (n) => n.sms ?? 'WHEN_NO_EMAIL' }),
    smsSender: t.string({ nullable: true, description: 'SMS sender brandname (default: the server’s, else the gateway’s).', resolve: (n) => n.smsSender ?? null }),
  }),
});

const BrandingView = builder.objectRef<Branding>('TenantBrandingSettings').implement({
  description: 'The widgets’ name, colours and logo as set by the tenant admin.',
  fields: (t) => ({
    nameVi: t.string({ nullable: true, description: 'Vietnamese name shown (default: the tenant’s name).', resolve: (b) => b.nameVi ?? null }),
    nameEn: t.string({ nullable: true, description: 'English name shown (default: the tenant’s English name).', resolve: (b) => b.nameEn ?? null }),
    primaryColor: t.exposeString('primaryColor', { description: 'Main colour, `#rrggbb`.' }),
    accentColor: t.exposeString('accentColor', { description: 'Accent colour, `#rrggbb`.' }),
    logoUrl: t.string({ nullable: true, description: 'Logo, an https URL.', resolve: (b) => b.logoUrl ?? null }),
  }),
});

const DeadlinesView = builder.objectRef<Deadlines>('TenantDeadlineSettings').implement({
  description: 'When the deadline jobs act, in working days of the tenant’s calendar (docs/deadlines.md).',
  fields: (t) => ({
    ratingReminderDays: t.exposeInt('ratingReminderDays', { description: 'Working days after publication before the citizen is reminded to rate the answer (default 3).' }),
    autoCloseDays: t.exposeInt('autoCloseDays', { description: 'Working days after publication before an unrated report is closed by the system (default 7).' }),
    focalPointGraceDays: t.exposeInt('focalPointGraceDays', { description: 'Working days a unit may lack a focal point before the IOC is alerted (default 3).' }),
  }),
});

const WorkflowView = builder.objectRef<Workflow>('TenantWorkflowSettings').implement({
  description: 'The unit queue’s rules (docs/report-lifecycle.md, "Unit queue").',
  fields: (t) => ({
    answerApproval: t.exposeBoolean('answerApproval', { description: 'Officers’ answers need the unit leader’s approval (they draft; the leader approves or sends back). Default false.' }),
  }),
});

const officeDays = (hours: Settings['officeHours']): OfficeDay[] =>
  Object.entries(hours)
    .map(([day, periods]) => ({ weekday: Number(day), periods: periods ?? [] }))
    .sort((a, b) => a.weekday - b.weekday);

const TenantSettingsView = builder.objectRef<Settings>('TenantSettings').implement({
  description: 'The tenant’s own settings.',
  fields: (t) => ({
    trackingPrefix: t.string({ nullable: true, description: 'Prefix of new tracking codes.', resolve: (s) => s.trackingPrefix ?? null }),
    allowedOrigins: t.stringList({
      description: 'Web origins allowed to embed the widgets, besides those of the public API keys.',
      resolve: (s) => s.allowedOrigins,
    }),
    singleSignOn: t.boolean({ description: 'Whether staff may sign in through the tenant’s own OpenID Connect provider.', resolve: (s) => Boolean(s.oidc) }),
    oidc: t.field({ type: OidcView, nullable: true, description: 'The tenant’s OpenID Connect provider, if any.', resolve: (s) => s.oidc ?? null }),
    notifications: t.field({ type: NotificationsView, nullable: true, description: 'Citizen notification settings (e-mail, SMS, tracker link), if any.', resolve: (s) => s.notifications ?? null }),
    branding: t.field({ type: BrandingView, description: 'The widgets’ name, colours and logo.', resolve: (s) => s.branding }),
    deadlines: t.field({ type: DeadlinesView, description: 'When the deadline jobs remind citizens, close unrated reports and report missing focal points.', resolve: (s) => s.deadlines }),
    officeHours: t.field({ type: [OfficeDayView], description: 'Office hours per worked weekday; a missing day is not worked.', resolve: (s) => officeDays(s.officeHours) }),
    workflow: t.field({ type: WorkflowView, description: 'The unit queue’s rules: whether officers’ answers need the unit leader’s approval.', resolve: (s) => s.workflow }),
    monthlyReportRecipients: t.stringList({
      description: 'Who gets last month’s KPI report by e-mail on the first working day of each month (docs/exports.md); empty: no report.',
      resolve: (s) => s.monthlyReport?.recipients ?? [],
    }),
  }),
});

const OfficePeriodInput = builder.inputType('OfficePeriodInput', {
  fields: (t) => ({
    start: t.string({ required: true, description: '`HH:mm`, local time.' }),
    end: t.string({ required: true, description: '`HH:mm`, after `start`.' }),
  }),
});

const OfficeDayInput = builder.inputType('OfficeDayInput', {
  fields: (t) => ({
    weekday: t.int({ required: true, description: 'ISO weekday: 1 Monday … 7 Sunday.' }),
    periods: t.field({ type: [OfficePeriodInput], required: true, description: 'Working periods, in order, not overlapping.' }),
  }),
});

const OidcInput = builder.inputType('TenantOidcProviderInput', {
  fields: (t) => ({
    issuer: t.string({ required: true, description: 'The provider’s issuer (`iss`), exactly.' }),
    audience: t.string({ required: true, description: 'This API’s client id or audience (`aud`) at the provider.' }),
    jwksUrl: t.string({ required: true, description: 'The provider’s JSON Web Key Set URL.' }),
    emailClaim: t.string({ required: false, description: 'The claim holding the e-mail (default `email`).' }),
    trustUnverifiedEmail: t.boolean({ required: false, description: 'Accept e-mails not marked verified (only for an organisation-issued directory).' }),
  }),
});

const NotificationsInput = builder.inputType('TenantNotificationSettingsInput', {
  fields: (t) => ({
    emailFrom: t.string({ required: false, description: 'Sender of citizens’ e-mails, e.g. `phananh@quangtri.gov.vn`.' }),
    emailFromName: t.string({ required: false, description: 'Sender’s display name, one line.' }),
    publicTrackerUrl: t.string({ required: false, description: 'Public tracker page, http(s), with `{code}` where the tracking code goes.' }),
    sms: t.field({ type: SmsPolicyEnum, required: false, description: 'When citizens get an SMS; default `WHEN_NO_EMAIL`.' }),
    smsSender: t.string({ required: false, description: 'SMS sender brandname as registered with the carriers, 1–11 letters, digits, space, `.`, `-`, `_`.' }),
  }),
});

const BrandingInput = builder.inputType('TenantBrandingInput', {
  fields: (t) => ({
    nameVi: t.string({ required: false, description: 'Vietnamese name shown by the widgets.' }),
    nameEn: t.string({ required: false, description: 'English name shown by the widgets.' }),
    primaryColor: t.string({ required: false, description: 'Main colour, `#rrggbb`.' }),
    accentColor: t.string({ required: false, description: 'Accent colour, `#rrggbb`.' }),
    logoUrl: t.string({ required: false, description: 'Logo, an https URL.' }),
  }),
});

const DeadlinesInput = builder.inputType('TenantDeadlineSettingsInput', {
  fields: (t) => ({
    ratingReminderDays: t.int({ required: false, description: 'Working days after publication before the rating reminder, 1–60 (default 3).' }),
    autoCloseDays: t.int({ required: false, description: 'Working days after publication before an unrated report is closed, 1–120, more than `ratingReminderDays` (default 7).' }),
    focalPointGraceDays: t.int({ required: false, description: 'Working days a unit may lack a focal point, 1–30 (default 3).' }),
  }),
});

const WorkflowInput = builder.inputType('TenantWorkflowSettingsInput', {
  fields: (t) => ({
    answerApproval: t.boolean({ required: false, description: 'Officers’ answers need the unit leader’s approval (default false).' }),
  }),
});

const TenantSettingsInput = builder.inputType('TenantSettingsInput', {
  description: 'A partial change: only the given fields change; each replaces that setting as a whole. `null` removes an optional setting.',
  fields: (t) => ({
    allowedOrigins: t.stringList({ required: false, description: 'Replaces the list; at most 50 origins like `https://portal.example.gov.vn`.' }),
    trackingPrefix: t.string({ required: false, description: 'Prefix of new tracking codes, 2–4 capital letters; null: from the slug.' }),
    oidc: t.field({ type: OidcInput, required: false, description: 'The tenant’s OpenID Connect provider; null turns single sign-on off.' }),
    notifications: t.field({ type: NotificationsInput, required: false, description: 'Citizen e-mail and SMS senders, SMS rule and tracker link; null: the server’s defaults.' }),
    branding: t.field({ type: BrandingInput, required: false, description: 'The widgets’ name, colours and logo; null: the defaults.' }),
    deadlines: t.field({ type: DeadlinesInput, required: false, description: 'The deadline jobs’ waiting times; null: the defaults.' }),
    officeHours: t.field({ type: [OfficeDayInput], required: false, description: 'Office hours of every worked weekday (a day not listed is not worked).' }),
    workflow: t.field({ type: WorkflowInput, required: false, description: 'The unit queue’s rules; null: the defaults.' }),
    monthlyReportRecipients: t.stringList({
      required: false,
      description: 'Replaces the recipients of the monthly KPI report by e-mail: at most 20 addresses; empty or null: no report.',
    }),
  }),
});

/** An input object without its null fields (absent and null mean the same inside a setting). */
const withoutNulls = <T extends object>(value: T | null | undefined): T | null | undefined =>
  value == null ? value : (Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as T);

builder.queryField('tenantSettings', (t) =>
  t.field({
    type: TenantSettingsView,
    description: 'Tenant admin: the tenant’s settings and office hours.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) =>
      asAdmin(ctx, async (actor) => {
        assertCan(actor, Permission.CONFIG_MANAGE);
        return { ...ctx.tenant.settings, officeHours: ctx.tenant.workingHours };
      }),
  }),
);

builder.mutationField('updateTenantSettings', (t) =>
  t.field({
    type: TenantSettingsView,
    description:
      'Tenant admin: change the tenant’s settings (only the given fields): allowed origins, tracking prefix, OpenID Connect provider, citizen notifications, widget branding, deadline jobs’ waiting times, office hours. Validated as a whole; an invalid change is refused naming the field and changes nothing. Effective at once, without restart. Audited (`tenant-settings.update`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: TenantSettingsInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, async (actor) => {
        const change: TenantSettingsChange = {};
        if (input.allowedOrigins !== undefined) change.allowedOrigins = input.allowedOrigins ?? [];
        if (input.trackingPrefix !== undefined) change.trackingPrefix = input.trackingPrefix;
        if (input.oidc !== undefined) change.oidc = withoutNulls(input.oidc) as TenantSettingsChange['oidc'];
        if (input.notifications !== undefined) change.notifications = withoutNulls(input.notifications) as TenantSettingsChange['notifications'];
        if (input.branding !== undefined) change.branding = withoutNulls(input.branding) as TenantSettingsChange['branding'];
        if (input.deadlines !== undefined) change.deadlines = withoutNulls(input.deadlines) as TenantSettingsChange['deadlines'];
        if (input.workflow !== undefined) change.workflow = withoutNulls(input.workflow) as TenantSettingsChange['workflow'];
        if (input.monthlyReportRecipients !== undefined) change.monthlyReport = input.monthlyReportRecipients?.length ? { recipients: input.monthlyReportRecipients } : null;
        if (input.officeHours != null) {
          change.officeHours = Object.fromEntries(input.officeHours.map((d) => [String(d.weekday), d.periods.map((p): [string, string] => [p.start, p.end])]));
        }
        const settings = await updateTenantSettings(ctx.core, ctx.tenant.id, actor, change);
        forgetTenant(ctx.core, ctx.tenant.slug);
        return settings;
      }),
  }),
);

const TenantBrandingView = builder.objectRef<{ name: string; nameEn: string; branding: Branding }>('TenantBranding').implement({
  description: 'What the widgets show of the tenant: name, colours, logo. Public.',
  fields: (t) => ({
    name: t.string({ description: 'Vietnamese name.', resolve: (b) => b.branding.nameVi ?? b.name }),
    nameEn: t.string({ description: 'English name.', resolve: (b) => b.branding.nameEn ?? b.nameEn }),
    primaryColor: t.string({ description: 'Main colour, `#rrggbb`.', resolve: (b) => b.branding.primaryColor }),
    accentColor: t.string({ description: 'Accent colour, `#rrggbb`.', resolve: (b) => b.branding.accentColor }),
    logoUrl: t.string({ nullable: true, description: 'Logo, an https URL.', resolve: (b) => b.branding.logoUrl ?? null }),
  }),
});

builder.queryField('tenantBranding', (t) =>
  t.field({
    type: TenantBrandingView,
    description: 'The tenant’s widget branding (name, colours, logo), for anyone: no secret.',
    resolve: (_r, _a, ctx) => ({ name: ctx.tenant.name, nameEn: ctx.tenant.nameEn, branding: ctx.tenant.settings.branding }),
  }),
);
