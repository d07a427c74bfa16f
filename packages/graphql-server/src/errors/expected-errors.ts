import { DomainErrorCode, FAILURE_TEXTS, type AnswerLinkRefusal, fieldIssue, isDomainError, summarizeIssues, type DomainError, type FieldIssue, type FieldIssueInput, type ReportStatus } from '@paht/core';

/**
 * Expected failures as the API returns them: one class per core error code,
 * each a member of the result unions of the fields that can fail that way.
 * Messages are English for developers; clients switch on the type (or
 * `code`) and show their own words. They never carry reporter contact data.
 */
export abstract class ExpectedError extends Error {
  abstract readonly code: DomainErrorCode;
  /** For citizens, in Vietnamese: the text of the kind of failure (ValidationError: of its fields). */
  get messageVi(): string {
    return FAILURE_TEXTS[this.code as keyof typeof FAILURE_TEXTS].vi;
  }
  /** For citizens, in English. */
  get messageEn(): string {
    return FAILURE_TEXTS[this.code as keyof typeof FAILURE_TEXTS].en;
  }
}

/**
 * Invalid input. `fields` name each refused field with a stable code and a
 * message in Vietnamese and English (issues given with an English message
 * only get code INVALID and a generic Vietnamese text); `message` is both
 * summaries, Vietnamese first (`"<vi> / <en>"`). `developerMessage` is the
 * English summary when no field is named.
 */
export class ValidationError extends ExpectedError {
  override readonly name = 'ValidationError';
  readonly code = DomainErrorCode.VALIDATION;
  readonly fields: readonly FieldIssue[];
  private readonly summary: { vi: string; en: string };
  constructor(developerMessage: string, fields: readonly FieldIssueInput[]) {
    const complete = fields.map((f) => fieldIssue(f));
    const summary = complete.length > 0 ? summarizeIssues(complete) : { vi: 'Dữ liệu chưa hợp lệ', en: developerMessage };
    super(`${summary.vi} / ${summary.en}`);
    this.fields = complete;
    this.summary = summary;
  }
  override get messageVi(): string {
    return this.summary.vi;
  }
  override get messageEn(): string {
    return this.summary.en;
  }
}

export class ForbiddenError extends ExpectedError {
  override readonly name = 'ForbiddenError';
  readonly code = DomainErrorCode.FORBIDDEN;
}

export class IllegalTransitionError extends ExpectedError {
  override readonly name = 'IllegalTransitionError';
  readonly code = DomainErrorCode.ILLEGAL_TRANSITION;
  constructor(message: string, readonly fromStatus: ReportStatus | null) {
    super(message);
  }
}

export class NotFoundError extends ExpectedError {
  override readonly name = 'NotFoundError';
  readonly code = DomainErrorCode.NOT_FOUND;
}

export class ConflictError extends ExpectedError {
  override readonly name = 'ConflictError';
  readonly code = DomainErrorCode.CONFLICT;
}

/** An answer link refused: `reason` is INVALID (malformed, tampered, another tenant's), EXPIRED, WRONG_REPORT or USED. */
export class AnswerLinkRefusedError extends ExpectedError {
  override readonly name = 'AnswerLinkRefusedError';
  readonly code = DomainErrorCode.ANSWER_LINK_REFUSED;
  constructor(message: string, readonly reason: AnswerLinkRefusal) {
    super(message);
  }
}

/** Every expected failure a report command can end with. */
export const COMMAND_ERRORS = [ValidationError, ForbiddenError, IllegalTransitionError, NotFoundError, ConflictError];

/** Maps a core DomainError to its API class (the one place codes become types). */
export function toExpectedError(error: DomainError): ExpectedError {
  switch (error.code) {
    case DomainErrorCode.VALIDATION:
      return new ValidationError(error.message, error.details.fields ?? []);
    case DomainErrorCode.FORBIDDEN:
      return new ForbiddenError(error.message);
    case DomainErrorCode.ILLEGAL_TRANSITION:
      return new IllegalTransitionError(error.message, (error.details.from as ReportStatus | undefined) ?? null);
    case DomainErrorCode.NOT_FOUND:
      return new NotFoundError(error.message);
    case DomainErrorCode.CONFLICT:
      return new ConflictError(error.message);
    case DomainErrorCode.ANSWER_LINK_REFUSED:
      return new AnswerLinkRefusedError(error.message, (error.details.reason as AnswerLinkRefusal | undefined) ?? 'INVALID');
  }
}

/** Runs a core call, turning its DomainErrors into the API's expected errors. */
export async function callCore<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw isDomainError(error) ? toExpectedError(error) : error;
  }
}
