/**
 * The states of a report's lifecycle. See `report-transitions.ts` for the
 * machine that moves a report between them.
 */
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
export const REPORT_STATUSES = Object.values(ReportStatus) as readonly ReportStatus[];

/** Every kind of event on a report's timeline. */
export const ReportEventType = {
  SUBMIT: 'SUBMIT',
  CLASSIFY: 'CLASSIFY',
  REJECT: 'REJECT',
  ASSIGN: 'ASSIGN',
  ACCEPT: 'ACCEPT',
  RETURN: 'RETURN',
  START: 'START',
  EXTEND: 'EXTEND',
  REQUEST_INFO: 'REQUEST_INFO',
  PROVIDE_INFO: 'PROVIDE_INFO',
  RESOLVE: 'RESOLVE',
  PUBLISH: 'PUBLISH',
  RATE: 'RATE',
  REOPEN: 'REOPEN',
  CLOSE: 'CLOSE',
  /** The holding unit hands the report to one of its sub-units (a hop; see FORWARD in report-transitions.ts). */
  FORWARD: 'FORWARD',
  /** An officer asks the unit leader for more time; APPROVE_EXTENSION records an EXTEND. */
  REQUEST_EXTENSION: 'REQUEST_EXTENSION',
  REFUSE_EXTENSION: 'REFUSE_EXTENSION',
  /** An answer awaiting the unit leader's approval; APPROVE_ANSWER records the RESOLVE. */
  DRAFT_ANSWER: 'DRAFT_ANSWER',
  SEND_BACK_ANSWER: 'SEND_BACK_ANSWER',
} as const;
export type ReportEventType = (typeof ReportEventType)[keyof typeof ReportEventType];
export const REPORT_EVENT_TYPES = Object.values(ReportEventType) as readonly ReportEventType[];
