// Shapes of the API's answers as the SDK's documents select them. Instants
// are ISO 8601 strings.

export const ReportStatus = {
  SUBMITTED: 'SUBMITTED',
  CLASSIFIED: 'CLASSIFIED',
  REJECTED: 'REJECTED',
  ASSIGNED: 'ASSIGNED',
  ACCEPTED: 'ACCEPTED',
  IN_PROGRESS: 'IN_PROGRESS',
  WAITING_FOR_CITIZEN: 'WAITING_FOR_CITIZEN',
  RESOLVED: 'RESOLVED',
  PUBLISHED: 'PUBLISHED',
  CLOSED: 'CLOSED',
} as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];

export type ReportEventType =
  | 'SUBMIT' | 'CLASSIFY' | 'REJECT' | 'ASSIGN' | 'ACCEPT' | 'RETURN' | 'START' | 'EXTEND'
  | 'REQUEST_INFO' | 'PROVIDE_INFO' | 'RESOLVE' | 'PUBLISH' | 'RATE' | 'REOPEN' | 'CLOSE';

export type ErrorCode = 'VALIDATION' | 'FORBIDDEN' | 'ILLEGAL_TRANSITION' | 'NOT_FOUND' | 'CONFLICT';

export interface FieldIssue {
  /** Dotted from the input root: `title`, `reporter.phone`. */
  path: string;
  message: string;
}

/** Expected failures: nothing was changed. Switch on `__typename`. */
export type ValidationError = { __typename: 'ValidationError'; code: 'VALIDATION'; message: string; fields: FieldIssue[] };
export type ForbiddenError = { __typename: 'ForbiddenError'; code: 'FORBIDDEN'; message: string };
export type IllegalTransitionError = { __typename: 'IllegalTransitionError'; code: 'ILLEGAL_TRANSITION'; message: string; fromStatus: ReportStatus | null };
export type NotFoundError = { __typename: 'NotFoundError'; code: 'NOT_FOUND'; message: string };
export type ConflictError = { __typename: 'ConflictError'; code: 'CONFLICT'; message: string };
export type ExpectedError = ValidationError | ForbiddenError | IllegalTransitionError | NotFoundError | ConflictError;

export interface NamedRef {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
}

export interface TimelineEntry {
  seq: number;
  type: ReportEventType;
  status: ReportStatus;
  at: string;
  note: string | null;
}

export interface SlaInfo {
  outcome: 'ON_TIME' | 'OVERDUE' | 'IN_PROGRESS' | 'NOT_APPLICABLE';
  breached: boolean;
  stage: 'CLASSIFY' | 'ACCEPT' | 'RESOLVE' | null;
  state: 'ON_TRACK' | 'WARNING' | 'BREACHED' | 'MET' | 'MISSED' | null;
  dueAt: string | null;
}

export interface Report {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  visibility: 'PUBLIC' | 'PRIVATE';
  title: string | null;
  description: string | null;
  category: NamedRef | null;
  unit: NamedRef | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  submittedAt: string;
  updatedAt: string;
  dueAt: string | null;
  resolvedAt: string | null;
  resolvedOnTime: boolean | null;
  answer: string | null;
  rating: number | null;
  timeline: TimelineEntry[];
  sla: SlaInfo | null;
}

export interface SubmitReportInput {
  title: string;
  description: string;
  categoryId?: string;
  channel?: 'APP' | 'WEB' | 'FANPAGE' | 'ZALO' | 'EMAIL' | 'HOTLINE_1022' | 'AI_CALL_CENTRE' | 'OPEN311';
  latitude?: number;
  longitude?: number;
  address?: string;
  areaCode?: string;
  reporter: { fullName?: string; phone: string; email?: string };
  /** Set by the SDK when absent: a retry with the same key returns the first report. */
  idempotencyKey?: string;
  /** Ids of files sent with `upload` (at most 10, valid 24 h). Only on servers with attachments; `fileReport` sets it. */
  uploadIds?: string[];
}

export type SubmitReportResult =
  | { __typename: 'SubmitReportSuccess'; id: string; trackingCode: string; secret: string; submittedAt: string; replayed: boolean }
  | ValidationError
  | ForbiddenError;

export type TrackReportResult =
  | { __typename: 'TrackedReport'; access: 'PUBLIC' | 'CITIZEN'; report: Report }
  | NotFoundError
  | ForbiddenError;

export type StaffRole = 'IOC_OPERATOR' | 'UNIT_OFFICER' | 'UNIT_LEADER' | 'TENANT_ADMIN' | 'LEADER';

export type SignInResult =
  | { __typename: 'SignInSuccess'; token: string; expiresAt: string; userId: string; role: StaffRole; unitId: string | null }
  | ForbiddenError;
