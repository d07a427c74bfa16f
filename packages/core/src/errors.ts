import { fieldIssue, summarizeIssues, type FieldIssue, type FieldIssueInput } from './validation/field-issue-codes.js';

/**
 * The closed set of expected failures of the core. The API layer maps each
 * code to a typed result; anything else that is thrown is unexpected and is
 * masked at the boundary.
 */
export const DomainErrorCode = {
  /** The input is malformed or incomplete; `fields` says where. */
  VALIDATION: 'VALIDATION',
  /** The actor's role or unit does not allow this action. */
  FORBIDDEN: 'FORBIDDEN',
  /** The report's state does not allow this transition. */
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** Nothing with that id exists for this tenant. */
  NOT_FOUND: 'NOT_FOUND',
  /** Someone changed the same thing at the same time; retry with fresh data. */
  CONFLICT: 'CONFLICT',
  /** An answer link that is expired, tampered with, of another report or tenant, or already used; `reason` says which. */
  ANSWER_LINK_REFUSED: 'ANSWER_LINK_REFUSED',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export type { FieldIssue, FieldIssueInput } from './validation/field-issue-codes.js';

/**
 * An expected failure. Messages are English for logs and developers; clients
 * show their own localized text keyed by `code` (and `fields`). Messages never
 * contain a reporter's contact data.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly details: { fields?: FieldIssue[]; from?: string; action?: string; reason?: string };
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    details: { fields?: readonly FieldIssueInput[]; from?: string; action?: string; reason?: string } = {},
  ) {
    super(message);
    // Every field issue leaves with its code and both languages, however it was written.
    const { fields, ...rest } = details;
    this.details = fields ? { ...rest, fields: fields.map((f) => fieldIssue(f)) } : rest;
  }
}

/** A VALIDATION error naming the fields; each gets its code and its message in Vietnamese and English. */
export const validationError = (issues: readonly FieldIssueInput[]): DomainError => {
  const fields = issues.map((i) => fieldIssue(i));
  return new DomainError(DomainErrorCode.VALIDATION, summarizeIssues(fields).en, { fields });
};

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
