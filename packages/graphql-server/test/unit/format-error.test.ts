import { describe, expect, it } from 'vitest';
import { DomainError } from '@paht/core';
import { GraphQLError } from 'graphql';
import { formatError, isUnexpected } from '../../src/errors/format-error.js';
import { describeUnexpected, redact } from '../../src/errors/redact.js';

const asApolloHandsIt = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['submitReport'] });

describe('formatError', () => {
  it('masks an unexpected error to INTERNAL_SERVER_ERROR without its message', () => {
    const error = asApolloHandsIt(new Error('duplicate key (phone)=(+84912345678)'));
    const formatted = formatError({ message: error.message, path: ['submitReport'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, error);
    expect(formatted).toEqual({ message: 'Internal server error', path: ['submitReport'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(isUnexpected(error)).toBe(true);
  });

  it('keeps the code and message of a core DomainError that reached the boundary', () => {
    const error = asApolloHandsIt(new DomainError('CONFLICT', 'The report changed meanwhile; reload and retry'));
    expect(formatError({ message: 'x', path: ['submitReport'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual({
      message: 'The report changed meanwhile; reload and retry',
      path: ['submitReport'],
      extensions: { code: 'CONFLICT' },
    });
    expect(isUnexpected(error)).toBe(false);
  });

  it('passes errors raised on purpose with their code, without a stack trace', () => {
    const error = new GraphQLError('Unknown tenant x', { extensions: { code: 'TENANT_NOT_FOUND' } });
    expect(formatError({ message: error.message, extensions: { code: 'TENANT_NOT_FOUND', stacktrace: ['at …'] } }, error)).toEqual({
      message: 'Unknown tenant x',
      extensions: { code: 'TENANT_NOT_FOUND' },
    });
  });
});

describe('redact', () => {
  it.each([
    ['phone in E.164', 'value (+84912345678) exists', 'value ([number]) exists'],
    ['phone with spaces', 'gọi 0912 345 678 nhé', 'gọi [number] nhé'],
    ['e-mail', 'contact dan.nguyen@example.com failed', 'contact [email] failed'],
    ['short numbers stay', 'seq 12 of report 2026', 'seq 12 of report 2026'],
  ])('removes contact data from log text: %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('describes an unexpected error by kind, redacted message and stack frames only', () => {
    const described = describeUnexpected(new TypeError('bad phone 0912345678'));
    expect(described.type).toBe('TypeError');
    expect(described.message).toBe('bad phone [number]');
    expect(described.stack).toMatch(/^\s+at /);
  });
});
