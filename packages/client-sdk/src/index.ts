// The public contract of @paht/client-sdk. Everything is a named export
// and the package has no side effects: bundlers keep only what you import.

// The client: HTTP requests with retries, uploads, subscriptions, offline queue.
export {
  createClient,
  newIdempotencyKey,
  type ClientOptions,
  type PahtClient,
  type RequestOptions,
  type SubmitOptions,
} from './client.js';
export { webSocketUrlFor, type LiveConnectionState, type SubscribeOptions } from './live/live-connection.js';
export { backoffDelay, type RetryOptions } from './retry.js';
export { operationKind, type OperationKind } from './operation-kind.js';
export {
  uploadFile,
  uploadUrlFor,
  type UploadBody,
  type UploadOptions,
  type UploadResult,
  type UploadSuccess,
  type UploadRefused,
  type UploadedFile,
  type UploadKind,
  type UploadErrorCode,
  type UploadTarget,
} from './upload.js';
export { createOfflineQueue, type OfflineQueue, type OfflineQueueOptions, type FlushOutcome, type SubmitReportQueued } from './offline/offline-queue.js';
export { memoryStorage, webStorage, indexedDbStorage, type OfflineStorage, type QueuedSubmission, type WebStorageLike } from './offline/offline-storage.js';
export { PahtError, NetworkError, ServerError, type ClientErrorCode, type GraphQLErrorEntry, type PahtErrorCode } from './errors.js';
export { ServerErrorCode, LIVE_CLOSE_CODES, UPLOAD_ERROR_CODES } from './generated/error-codes.js';
export { typedDocument, documentText, type TypedDocument, type AnyDocument, type ResultOf, type VariablesOf } from './typed-document.js';

// High-level helpers: functions of a client, so unused ones drop out of bundles.
export { fileReport, type Attachment, type AttachmentRefused, type FileReportOptions, type FileReportProgress, type FileReportResult } from './helpers/file-report.js';
export { rateReport, reopenReport, provideInfo, listCategories, getStatistics, getTenantBranding } from './helpers/citizen.js';
export { getKpiFigures } from './helpers/kpi-figures.js';
export { listIndicators, getIndicatorFigure, listIndicatorSubmissions, getPublicIndicators, defineIndicator, updateIndicator, submitIndicatorValue } from './helpers/indicators.js';
export { listIndicatorForms, getIndicatorFormStatus, defineIndicatorForm, updateIndicatorForm, archiveIndicatorForm, submitIndicatorForm, getIndicatorFormEntry, saveIndicatorFormDraft, discardIndicatorFormDraft } from './helpers/indicator-forms.js';
export { listPublicReports, allPublicReports, toReportPage, type ReportPage, type ReportSummary, type ReportListFailure, type PublicReportsOptions } from './helpers/public-reports.js';
export {
  getReport,
  listReports,
  classifyReport,
  rejectReport,
  assignReport,
  acceptReport,
  returnReport,
  startReport,
  extendDeadline,
  requestInfo,
  resolveReport,
  publishReport,
  closeReport,
  revealReporterContact,
  type TransitionResult,
} from './helpers/staff.js';
export {
  listUnits,
  adminUnits,
  createUnit,
  updateUnit,
  moveUnit,
  setUnitActive,
  adminCategories,
  upsertCategory,
  slaPolicies,
  upsertSlaPolicy,
  staffAccounts,
  createStaffAccount,
  setStaffAccountActive,
  apiKeys,
  createApiKey,
  revokeApiKey,
  calendarDays,
  setCalendarDay,
  removeCalendarDay,
  auditLog,
} from './helpers/admin.js';
export { attachmentUrl } from './helpers/attachment-url.js';
export { listMyNotifications, unreadNotificationCount, markNotificationsRead, watchMyNotifications } from './helpers/notifications.js';
export { requestExport, exportJob } from './helpers/exports.js';
export { unitLeagueTable, reportStages } from './helpers/kpi-stages.js';
export { overviewKpis, focalPoints, setFocalPoint, closeFocalPoint, tenantSettings, updateTenantSettings } from './helpers/workspaces.js';
export { staffSignInOptions, signInWithOidc, tenantSettingsSchema } from './helpers/staff-sign-in.js';
export { listTriageReports, suggestClassification, findPossibleDuplicates, mergeReport, nearbyReports, supportReport } from './helpers/triage.js';
export {
  unitQueue,
  getUnitQueueReport,
  forwardReport,
  requestExtension,
  approveExtension,
  refuseExtension,
  draftAnswer,
  approveAnswer,
  sendBackAnswer,
  createAnswerLink,
  openAnswerLink,
  answerThroughLink,
} from './helpers/unit-queue.js';
export { listInboxReports, listStaffCategories, intakeReport, INTAKE_CHANNELS, type InboxReport, type InboxResult, type IntakeChannel } from './helpers/inbox.js';

// Friendly names of the API's shapes, each derived from the generated types.
export type {
  Category,
  ConflictError,
  ExpectedError,
  FieldIssue,
  ForbiddenError,
  IllegalTransitionError,
  Kpi,
  KpisResult,
  KpiFigures,
  KpiFiguresResult,
  NamedRef,
  NotFoundError,
  OpenDeadlineCount,
  RateReportResult,
  Report,
  ReportAttachment,
  SignInResult,
  ChangePasswordResult,
  SlaInfo,
  SubmitReportResult,
  SubmitReportSuccess,
  TenantBranding,
  TimelineEntry,
  TrackedReport,
  TrackReportResult,
  Unit,
  ValidationError,
} from './api-types.js';

// The first SDK version's names of three documents (kept working): the generated ones.
export { SubmitReportDocument as SUBMIT_REPORT, TrackReportDocument as TRACK_REPORT, SignInDocument as SIGN_IN } from './generated/operations.js';

// Typed documents and types generated from the schema (`pnpm sdk:generate`):
// `<Operation>Document`, `<Operation>Query|Mutation|Subscription`,
// `…Variables`, `…Fragment`, enums (an `as const` object and a union type of
// the same name: `ReportStatus.SUBMITTED`, `type ReportStatus`) and inputs.
export * from './generated/operations.js';
