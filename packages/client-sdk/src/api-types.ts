// Friendly names for the shapes of the API's answers. Each one is derived
// from the types generated from the schema and the SDK's operations
// (src/generated/types.ts, `pnpm sdk:generate`), never restated, so a
// change of the schema reaches them by regenerating. Instants are ISO 8601
// strings.
import type { AttachmentFieldsFragment, CategoryFieldsFragment, ChangePasswordMutation, ExpectedErrorFieldsFragment, KpisQuery, KpiFiguresQuery, OpenDeadlineCountFieldsFragment, RateReportMutation, ReportFieldsFragment, SignInMutation, SlaFieldsFragment, SubmitReportMutation, TenantBrandingQuery, TimelineEntryFieldsFragment, TrackReportQuery, UnitFieldsFragment } from './generated/types.js';

/** The member of a result union with this `__typename`. */
type Variant<Union, Typename extends string> = Extract<Union, { __typename: Typename }>;

/** Expected failures: nothing was changed. Switch on `__typename`. */
export type ExpectedError = ExpectedErrorFieldsFragment;
export type ValidationError = Variant<ExpectedError, 'ValidationError'>;
export type ForbiddenError = Variant<ExpectedError, 'ForbiddenError'>;
export type IllegalTransitionError = Variant<ExpectedError, 'IllegalTransitionError'>;
export type NotFoundError = Variant<ExpectedError, 'NotFoundError'>;
export type ConflictError = Variant<ExpectedError, 'ConflictError'>;

/** One refused field of a ValidationError; `path` is dotted from the input root (`title`, `reporter.phone`). */
export type FieldIssue = ValidationError['fields'][number];

/** A category (or anything named the same way): id, code, Vietnamese and English names. */
export type NamedRef = CategoryFieldsFragment;
export type Category = CategoryFieldsFragment;
export type Unit = UnitFieldsFragment;

export type TimelineEntry = TimelineEntryFieldsFragment;
export type SlaInfo = SlaFieldsFragment;
/** A photo, video or document of a report; `public` ones are served to anyone and their links never carry the secret. */
export type ReportAttachment = AttachmentFieldsFragment;
/** A report as `trackReport` shows it: the public view, or the citizen's with the secret. */
export type Report = ReportFieldsFragment;

export type SubmitReportResult = SubmitReportMutation['submitReport'];
export type SubmitReportSuccess = Variant<SubmitReportResult, 'SubmitReportSuccess'>;
export type TrackReportResult = TrackReportQuery['trackReport'];
export type TrackedReport = Variant<TrackReportResult, 'TrackedReport'>;
export type SignInResult = SignInMutation['signIn'];
/** `changePassword`: PasswordChanged, or ForbiddenError (wrong current password) or ValidationError (too short, the same). */
export type ChangePasswordResult = ChangePasswordMutation['changePassword'];
export type RateReportResult = RateReportMutation['rateReport'];

export type KpisResult = KpisQuery['kpis'];
export type KpiFiguresResult = KpiFiguresQuery['kpis'];
/** One row of report-handling figures (docs/kpis.md): every figure of `Kpi` and more, without the deprecated ones. */
export type KpiFigures = Variant<KpiFiguresResult, 'KpisSuccess'>['data'][number];
/** One row of statistics: a group (`key`, `label`) and its counts, shares and averages. */
export type Kpi = Variant<KpisResult, 'KpisSuccess'>['data'][number];
/** Open reports of a unit, a category or the whole work list by deadline: `open`, `overdue`, `dueSoon` (`openReportDeadlines`). */
export type OpenDeadlineCount = OpenDeadlineCountFieldsFragment;

/** The tenant's widget branding: names, `#rrggbb` colours, an https logo or null. */
export type TenantBranding = TenantBrandingQuery['tenantBranding'];
