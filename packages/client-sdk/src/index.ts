// The public contract of @paht/client-sdk.
export { createClient, newIdempotencyKey, type ClientOptions, type PahtClient, type RequestOptions, type SubmitOptions } from './client.js';
export { PahtError, NetworkError, ServerError, type GraphQLErrorEntry } from './errors.js';
export { typedDocument, type TypedDocument, type ResultOf, type VariablesOf } from './typed-document.js';
export { SUBMIT_REPORT, TRACK_REPORT, SIGN_IN, REPORT_FIELDS, ERROR_FIELDS, VALIDATION_FIELDS, ILLEGAL_TRANSITION_FIELDS } from './documents.js';
export {
  ReportStatus,
  type ConflictError,
  type ErrorCode,
  type ExpectedError,
  type FieldIssue,
  type ForbiddenError,
  type IllegalTransitionError,
  type NamedRef,
  type NotFoundError,
  type Report,
  type ReportEventType,
  type SignInResult,
  type SlaInfo,
  type StaffRole,
  type SubmitReportInput,
  type SubmitReportResult,
  type TimelineEntry,
  type TrackReportResult,
  type ValidationError,
} from './types.js';
