import type { AttachmentInput } from './submit-input.js';

/** Why the IOC turns a report away. */
export const RejectionReason = {
  SPAM: 'SPAM',
  DUPLICATE: 'DUPLICATE',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
} as const;
export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];

/**
 * How an answer ends the report. FIXED: resolved. NOT_FIXED ("closed – not
 * fixed", đóng – không khắc phục): the unit cannot or will not act, and the
 * step's `reason` (required) says why; the KPIs count it as its own outcome,
 * never as resolved. Recorded as `data.outcome` on the RESOLVE (or
 * DRAFT_ANSWER) event, absent for FIXED.
 */
export const ResolutionOutcome = {
  FIXED: 'FIXED',
  NOT_FIXED: 'NOT_FIXED',
} as const;
export type ResolutionOutcome = (typeof ResolutionOutcome)[keyof typeof ResolutionOutcome];

/** Longest deadline extension one EXTEND may grant: 30 days of minutes. */
export const MAX_EXTENSION_MINUTES = 30 * 24 * 60;

/**
 * A request to move a report along its lifecycle. SUBMIT is not a command:
 * a report is created by `submitReport`.
 */
export type ReportCommand =
  | { type: 'CLASSIFY'; categoryId: string; visibility?: 'PUBLIC' | 'PRIVATE'; reason?: string }
  | { type: 'REJECT'; rejection: RejectionReason; reason: string; duplicateOfCode?: string }
  | { type: 'ASSIGN'; unitId: string; reason?: string }
  | { type: 'ACCEPT'; reason?: string }
  | { type: 'RETURN'; reason: string }
  | { type: 'START'; reason?: string }
  | { type: 'EXTEND'; extensionMinutes: number; reason: string }
  | { type: 'REQUEST_INFO'; reason: string }
  | { type: 'PROVIDE_INFO'; reason: string }
  | { type: 'RESOLVE'; answer: string; reason?: string; attachments?: AttachmentInput[]; outcome?: ResolutionOutcome }
  | { type: 'PUBLISH'; reason?: string }
  | { type: 'RATE'; rating: number; comment?: string }
  | { type: 'REOPEN'; reason: string; rating?: number }
  | { type: 'CLOSE'; reason?: string }
  | { type: 'FORWARD'; unitId: string; reason?: string }
  | { type: 'REQUEST_EXTENSION'; extensionMinutes: number; reason: string }
  | { type: 'APPROVE_EXTENSION'; reason?: string }
  | { type: 'REFUSE_EXTENSION'; reason: string }
  | { type: 'DRAFT_ANSWER'; answer: string; reason?: string; attachments?: AttachmentInput[]; outcome?: ResolutionOutcome }
  | { type: 'APPROVE_ANSWER'; reason?: string }
  | { type: 'SEND_BACK_ANSWER'; reason: string };

export type ReportCommandType = ReportCommand['type'];
