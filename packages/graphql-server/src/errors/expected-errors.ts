import { DomainErrorCode, isDomainError, type DomainError, type FieldIssue, type ReportStatus } from '@paht/core';

/**
 * Expected failures as the API returns them: one class per core error code,
 * each a member of the result unions of the fields that can fail that way.
 * Messages are English for developers; clients switch on the type (or
 * `code`) and show their own words. They never carry reporter contact data.
 */
export abstract class ExpectedError extends Error {
  abstract readonly code: DomainErrorCode;
}

export class ValidationError extends ExpectedError {
  override readonly name = 'ValidationError';
  readonly code = DomainErrorCode.VALIDATION;
  constructor(message: string, readonly fields: readonly FieldIssue[]) {
    super(message);
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
