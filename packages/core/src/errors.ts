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
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * An expected failure. Messages are English for logs and developers; clients
 * show their own localized text keyed by `code` (and `fields`). Messages never
 * contain a reporter's contact data.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; from?: string; action?: string } = {},
  ) {
    super(message);
  }
}

export const validationError = (fields: FieldIssue[]): DomainError =>
  new DomainError(
    DomainErrorCode.VALIDATION,
    `Invalid input: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    { fields },
  );

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
