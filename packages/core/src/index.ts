// The public contract of @paht/core. Explicit named exports only.

// Errors, ids and context
export {
  ERROR_CODES,
  ErrorCode,
  LIVE_CLOSE_CODES,
  UPLOAD_ERROR_CODES,
  httpStatusOf,
  type ErrorCodeSpec,
  type UploadErrorCode,
} from './error-codes.js';
export { DomainError, DomainErrorCode, isDomainError, validationError, type FieldIssue, type FieldIssueInput } from './errors.js';
export { FAILURE_TEXTS, FieldIssueCode, fieldIssue, summarizeIssues, type IssueParams } from './validation/field-issue-codes.js';
export { isUuid } from './ids.js';
export { createCoreContext, lagTolerant, type CoreContext } from './context.js';

// Who may do what
export { Role, STAFF_ROLES, actorId, type Actor, type StaffRole } from './auth/actor.js';
export { Permission, can, assertCan, canReadContact, canReadReport, canSubmitIndicatorFor, canDraftIndicatorFormFor, rankingScope } from './auth/permissions.js';

// Working calendar and SLA clock (pure)
export {
  VIETNAM_OFFICE_HOURS,
  type CalendarOverride,
  type DayHours,
  type WeeklyHours,
  type WorkingCalendar,
} from './calendar/working-calendar.js';
export { buildWorkingCalendar, type BuildWorkingCalendarInput } from './calendar/build-calendar.js';
export { vietnamPublicHolidays } from './calendar/vietnam-holidays.js';
export { addWorkingMinutes, workingMinutesBetween } from './calendar/working-time.js';
export { addClockMinutes, clockMinutesBetween } from './sla/clock-arithmetic.js';
export { computeSla } from './sla/compute-sla.js';
export {
  SlaClockKind,
  SlaOutcome,
  SlaStageName,
  SlaStageState,
  type SlaPolicyRule,
  type SlaSnapshot,
  type SlaStage,
  type SlaTimelineEvent,
} from './sla/sla-types.js';

// Reports: lifecycle, commands, queries
export { ReportStatus, ReportEventType, REPORT_STATUSES, REPORT_EVENT_TYPES } from './reports/report-status.js';
export {
  STATUS_TRAITS,
  FINISHED_STATUSES,
  SLA_RUNNING_STATUSES,
  UNLISTED_STATUSES,
  statusesWhere,
  type StatusTraits,
} from './reports/status-traits.js';
export { RejectionReason, ResolutionOutcome, MAX_EXTENSION_MINUTES, type ReportCommand, type ReportCommandType } from './reports/report-commands.js';
export { TRANSITIONS, TransitionGuard, decideTransition, availableCommands, recordedEventType, type TransitionDecision, type TransitionSubject } from './reports/report-transitions.js';
export { projectReport, type PendingStep, type ReportProjection } from './reports/report-projection.js';
export type { ReportEventData, ReportEventRecord } from './reports/report-event.js';
export { newTrackingCode, normalizeTrackingCode } from './reports/tracking-code.js';
export {
  CHANNELS,
  SELF_SERVICE_CHANNELS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  attachmentInputSchema,
  submitReportSchema,
  type AttachmentInput,
  type Channel,
  type SubmitReportInput,
} from './reports/submit-input.js';
export { findAttachmentForViewer, PUBLISHABLE_MEDIA_TYPES, type AttachmentAccess } from './reports/report-attachments.js';
export { ATTACHMENT_LINK_TTL_SECONDS, attachmentLinkValid, signAttachmentLink, type AttachmentLinkGrant } from './reports/attachment-link.js';
export { normalizeSecret } from './reports/report-secret.js';
export { submitReport, type SubmitOptions, type SubmittedReport } from './reports/submit-report.js';
export { ANONYMOUS, submissionFingerprint, submitterOf, type Submitter } from './reports/submission-fingerprint.js';
export { vietnamesePhone } from './reports/vietnamese-phone.js';
export { transitionReport, type TransitionResult } from './reports/transition-report.js';
export { forwardTarget, listUnitQueue, UNIT_QUEUE_LIMIT } from './reports/unit-queue.js';
export {
  AnswerLinkRefusal,
  answerThroughLink,
  createAnswerLink,
  openAnswerLink,
  DEFAULT_ANSWER_LINK_HOURS,
  MAX_ANSWER_LINK_HOURS,
  type AnswerLink,
  type AnswerLinkView,
} from './reports/answer-link.js';

// Citizen notifications (outbox, sent by the server's worker)
export {
  citizenNotices,
  citizenReminders,
  citizenMessage,
  citizenSms,
  CitizenReminderKind,
  gsm7Septets,
  SMS_SEGMENT_SEPTETS,
  withoutDiacritics,
  type CitizenNotice,
  type CitizenNoticeKind,
  type CitizenMessage,
} from './notifications/citizen-notices.js';
export {
  NotificationChannel,
  enqueueMessage,
  enqueueCitizenNotice,
  enqueueCitizenReminder,
  maskPhone,
  type OutboxMessage,
  MAX_NOTIFICATION_ATTEMPTS,
  NOTIFICATION_LEASE_MS,
  notificationRetryDelayMs,
  claimDueNotifications,
  markNotificationSent,
  markNotificationFailed,
  withoutAddresses,
  type ClaimedNotification,
} from './notifications/notification-outbox.js';
// Staff in-app inbox (notices written with the event or job that causes them)
export {
  StaffNoticeKind,
  STAFF_NOTICE_KINDS,
  StaffAudience,
  STAFF_NOTICES,
  staffNoticeTitle,
  isStaffNoticeKind,
  staffRecipients,
  notifyStaff,
  type StaffNotice,
  type StaffNoticeData,
  type StaffNoticeRule,
  type StaffNotificationRecord,
} from './notifications/staff-notices.js';
export { staffEventNotices, notifyStaffOfEvent } from './notifications/staff-event-notices.js';
export {
  listStaffNotifications,
  countUnreadStaffNotifications,
  markStaffNotificationsRead,
  readStaffNotification,
  unreadStaffNotifications,
  MAX_MARK_READ_IDS,
  type StaffInboxArgs,
  type StaffInboxItem,
  type StaffInboxPage,
} from './notifications/staff-inbox.js';
export { listReports, staffReportScope, ReportSort, type ListReportsArgs, type ReportFilter, type ReportPage } from './reports/list-reports.js';
export { escapeLikePattern, foldVietnamese } from './reports/search-text.js';
export { assertSafeInput, hasNul, inspectInput, InputProblem, textProblem, MAX_INPUT_DEPTH, type InputFinding } from './input/untrusted-input.js';
export { EARLIEST_SUPPORTED_INSTANT, LATEST_SUPPORTED_INSTANT, isSupportedInstant } from './calendar/supported-dates.js';
export {
  getReportForStaff,
  listPublicReports,
  trackReport,
  type PublicReportFilter,
  type TrackedReport,
} from './reports/report-queries.js';
export { citizenTimelineStep, followReportAsCitizen, type CitizenTimeline } from './reports/citizen-timeline.js';
export { readReporterContact, CONTACT_READ_ACTION } from './reports/reporter-contact.js';
export { reportAnswers, type ReportAnswerRecord } from './reports/report-answers.js';
// IOC inbox: suggested classification, possible duplicates, supporters ("me too")
export {
  classificationSuggestions,
  clearClassificationModels,
  type ClassificationSuggestion,
} from './classification/classification-suggestions.js';
export { trainClassificationModel, type ClassificationGuess, type ClassificationModel, type ClassifiedExample } from './classification/classification-model.js';
export {
  possibleDuplicates,
  nearbyOpenReports,
  OPEN_STATUSES,
  SUPPORTABLE_STATUSES,
  type NearbyReport,
  type NearbyReportArgs,
  type PossibleDuplicateArgs,
} from './reports/nearby-reports.js';
export {
  mergeReports,
  mergeReason,
  supportReport,
  supporterCounts,
  SupporterSource,
  type MergeResult,
  type SupportReportInput,
  type SupportResult,
} from './reports/report-supporters.js';
export type {
  AttachmentView,
  CitizenReportView,
  NamedRef,
  PublicReportView,
  PublicTimelineEntry,
  ReportAnswerView,
  ReporterContactView,
  StaffReportView,
} from './reports/report-views.js';

// KPIs
export { reportKpis, reportKpisMany, recomputeReportKpis, KpiGroupBy, type KpiQuery, type KpiRow } from './kpi/report-kpis.js';
export { rebuildKpiRollups } from './kpi/kpi-rebuild.js';
export { openDeadlines, DUE_WITHIN_DAYS_DEFAULT, DUE_WITHIN_DAYS_MAX, type OpenDeadlineCount, type OpenDeadlines } from './kpi/open-deadlines.js';
export { reportStages, isNotFixedEvent, IOC_HOLDER, StageEnd, type HolderStage, type StageTimelineEvent } from './kpi/report-stages.js';
export { leagueTable, DEFAULT_MIN_RANKED_REPORTS, type LeagueTable, type LeagueRow, type HopRow, type LeagueUnit, type LeagueOptions, type StagedReport } from './kpi/league-table.js';
export { unitLeagueTable, reportStagesOf, type LeagueQuery, type ReportStagesView } from './kpi/stage-kpis.js';
export { KPI_GROUP_BYS, periodKey, CHANNEL_LABELS } from './kpi/kpi-groups.js';
export { reportFigures, reportStanding, ReportStanding, percentile, workingHoursBetween, type ReportFigures, type ReportKpiFacts } from './kpi/report-figures.js';
export { areaName, englishAreaName, type AreaName } from './areas/area-names.js';

// Exports (CSV / Excel): filters, columns and rows read in chunks
export { checkExportRequest, ExportFormat, ExportKind, EXPORT_FORMATS, EXPORT_KINDS, type CheckedExportFilters, type ExportFilters } from './exports/export-filters.js';
export { columnsOf, exportRows, EXPORT_CHUNK_SIZE, headerOf, KPI_COLUMNS, REPORT_COLUMNS, type ExportCell, type ExportColumn, type ExportRow } from './exports/export-rows.js';
export { EXPORT_LINK_TTL_SECONDS, exportLinkValid, signExportLink, type ExportLinkGrant } from './exports/export-link.js';

// Tenants and their configuration
export { findTenantById, findTenantBySlug, listTenants, type TenantRecord } from './tenants/tenant-directory.js';
export {
  tenantSettingsSchema,
  officeHoursSchema,
  brandingSettingsSchema,
  tenantSettingsChangeSchema,
  DEFAULT_BRANDING,
  parseStoredOfficeHours,
  oidcProviderSchema,
  notificationSettingsSchema,
  smsPolicyOf,
  type SmsPolicy,
  TRACKING_CODE_PLACEHOLDER,
  webOriginSchema,
  parseStoredSettings,
  InvalidTenantSettingsError,
  MAX_ALLOWED_ORIGINS,
  type OidcProviderConfig,
  type TenantSettings,
  type TenantSettingsInput,
} from './tenants/tenant-settings-schema.js';
export { provisionTenant, type ProvisionTenantInput } from './tenants/provision-tenant.js';
export { createTenantWithAdmin, oneTimePassword, type CreateTenantInput, type CreatedTenant, type TenantCreator } from './tenants/create-tenant.js';
export { formerTenantsOf, checkFormerTenantFilter, type FormerTenant } from './tenants/former-tenants.js';
export { mergeTenants, renamedCode, TenantMergedError, type RenameFormat, MOVED_TABLES, KEPT_TABLES, REBUILT_TABLES, type TenantMergeResult, type MergeRename, type TenantMerger } from './tenants/merge-tenants.js';
export { changeStaffPassword } from './config/staff-password.js';
export { createUnit, listUnits, UNIT_KINDS, type UnitInput, type UnitRecord } from './config/units.js';
export { setFocalPoint, listFocalPoints, type FocalPointInput, type FocalPointRecord } from './config/focal-points.js';
export {
  upsertSlaPolicy,
  upsertCategory,
  listCategories,
  type CategoryInput,
  type CategoryRecord,
  type SlaPolicyInput,
  type SlaPolicyRecord,
} from './config/categories.js';
export { setCalendarDay, removeCalendarDay, listCalendarDays } from './config/calendar-days.js';
export { listAuditEntries, type AuditEntry } from './audit/audit-log.js';
export { recordStaffSignIn } from './audit/sign-in-audit.js';
export { queryAuditLog, type AuditLogFilter, type AuditLogPage } from './config/audit-log-query.js';
export { updateUnit, type UnitChanges } from './config/unit-changes.js';
export { closeFocalPoint } from './config/focal-point-close.js';
export { listSlaPolicies } from './config/sla-policies.js';
export { updateTenantSettings, type TenantSettingsChange, type TenantSettingsWithHours } from './config/tenant-settings.js';
export { claimSlaAlerts, runSlaDeadlines, SlaAlertKind, type SlaAlert, type SlaDeadlineRun } from './sla/sla-alerts.js';
export { runDeadlineJob, DeadlineJob, DEADLINE_JOBS, isDeadlineJob, type DeadlineJobRun } from './deadlines/deadline-jobs.js';
export { remindCitizensToRate, type RatingReminderClaim } from './deadlines/rating-reminders.js';
export { closeUnratedReports, autoCloseReason, type AutoClosed } from './deadlines/auto-close.js';
export { INVALIDATION_CHANNEL, encodeInvalidation, parseInvalidation, announceTenantChanges, type InvalidationMessage } from './changes/change-channel.js';
export { alertMissingFocalPoints, focalPointGapSince, type FocalPointGap } from './deadlines/focal-point-gaps.js';
export { addWorkingDays, workingDayMinutes } from './deadlines/working-days.js';
export { answerDueOf, loadAnswerDueCalendar, type AnswerDue } from './deadlines/answer-due.js';
export { deadlineSettingsSchema, type DeadlineSettings } from './tenants/tenant-settings-schema.js';
export { workflowSettingsSchema } from './tenants/tenant-settings-schema.js';
export { monthlyReportSettingsSchema, type MonthlyReportSettings } from './tenants/tenant-settings-schema.js';
export { monthlyReportDedupeKey, monthlyReportDue, monthlyReportExportId, monthlyReportMail, type MonthlyReportPeriod } from './exports/monthly-report.js';

// Persistence
export { openDatabase, type Database, type DatabaseEngine, type OpenDatabaseOptions, type SqlQuery } from './db/database.js';
export { isDatabaseUnavailable } from './db/database-unavailable.js';
export { migrate, defaultMigrationsDir, type MigrationResult } from './db/migrate.js';
export { tenantSqlOf, withTenant, withTenantSql, type TenantSql, type TenantTx } from './db/with-tenant.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export {
  createApiKey,
  revokeApiKey,
  listApiKeys,
  resolveApiKey,
  originAllowed,
  type ApiKeyKind,
  type ApiKeyRecord,
  type ResolvedApiKey,
} from './auth/api-keys.js';

// Demo data
export { seedDemo, demoStaff, type DemoSeedResult, type DemoStaff } from './seed/seed-demo.js';
export { DEMO_TENANTS, findDemoTenant } from './seed/demo-tenants.js';
export type { DemoTenant } from './seed/demo-types.js';
export { createStaff, setStaffActive, listStaff, type StaffInput, type StaffRecord } from './config/staff.js';
export { ensureDemoPublicKey, DEMO_KEY_ORIGINS } from './seed/demo-public-key.js';
export {
  Periodicity, PERIODICITIES, parsePeriod, formatPeriod, AggregationRule, AGGREGATION_RULES, aggregateValues, missesTarget, FORMULA_FUNCTIONS,
  parseFormula, formulaReferences, renameFormulaCodes, evaluateFormula, defineIndicator, updateIndicator, listIndicators, submitIndicatorValue, listIndicatorSubmissions,
  readIndicatorFigure, readPublicIndicatorFigures, targetFor,
  type IndicatorUnitFigure, type IndicatorTargets, type IndicatorUnitTarget, type FigureUnit, type Period, type AggregateInput, type FormulaNode, type FormulaFunction, type IndicatorRecord, type DefineIndicatorInput, type UpdateIndicatorInput,
  type IndicatorValueRecord, type IndicatorValueRevisionRecord, type SubmitIndicatorValueInput, type IndicatorFigure, type IndicatorFigureWithUnits,
} from './indicators/index.js';
export {
  defineIndicatorForm, updateIndicatorForm, archiveIndicatorForm, listIndicatorForms, IndicatorFormStatus, submitIndicatorForm, readIndicatorFormStatus, formDeadline,
  FormSubmissionState, type IndicatorFormRecord, type IndicatorFormItemRecord, type DefineIndicatorFormInput, type UpdateIndicatorFormInput,
  type IndicatorFormSubmissionRecord, type SubmitIndicatorFormInput, type IndicatorFormStatusRecord, type UnitFormStatus,
} from './indicators/index.js';
export { remindFormDeadlines, formReminderStage, FormReminderKind, FORM_REMINDER_WORKING_DAYS, type FormReminderSent } from './indicators/index.js';
export {
  saveIndicatorFormDraft, discardIndicatorFormDraft, readIndicatorFormEntry,
  type IndicatorFormDraftRecord, type SaveIndicatorFormDraftInput, type IndicatorFormDraftTarget, type IndicatorFormEntryRecord,
} from './indicators/index.js';
