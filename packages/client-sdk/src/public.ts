// `@paht/client-sdk/public`: what a page without a staff token uses (the
// citizen widgets, public statistics, answer links): the public client, its
// helpers and the public documents (src/operations/public/), with every
// generated type. Nothing here reaches a staff document, so a bundle of a
// public page holds none (a unit test checks the widgets' bundles).

export {
  createPublicClient,
  newIdempotencyKey,
  type ClientOptions,
  type PublicClient,
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
export { rateReport, reopenReport, provideInfo, listCategories, listUnits, getStatistics, getTenantBranding, getPublicIndicators } from './helpers/citizen.js';
export { listPublicReports, allPublicReports, toReportPage, type ReportPage, type ReportSummary, type ReportListFailure, type PublicReportsOptions } from './helpers/public-reports.js';
export { nearbyReports, supportReport } from './helpers/nearby.js';
export { openAnswerLink, answerThroughLink } from './helpers/answer-link.js';
export { attachmentUrl } from './helpers/attachment-url.js';

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

// The first SDK version's names of two documents (kept working): the generated ones.
export { SubmitReportDocument as SUBMIT_REPORT, TrackReportDocument as TRACK_REPORT } from './generated/public.js';

// Typed documents and types generated from the schema (`pnpm sdk:generate`):
// `<Operation>Document` (the public ones; staff ones: `@paht/client-sdk/staff`),
// `<Operation>Query|Mutation|Subscription`, `…Variables`, `…Fragment`, enums
// (an `as const` object and a union type of the same name:
// `ReportStatus.SUBMITTED`, `type ReportStatus`) and inputs, of every operation.
export * from './generated/types.js';
export * from './generated/public.js';
