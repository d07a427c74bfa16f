import { isSupportedInstant } from '@paht/core';
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

/** An ISO 8601 date, or date and time with `Z` or an offset (a time without one would be read in the server's zone). */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;

const parseDate = (value: unknown): Date => {
  const date = typeof value === 'string' && ISO_8601.test(value) ? new Date(value) : null;
  if (!date || !isSupportedInstant(date)) {
    throw new GraphQLError('DateTime phải là chuỗi ISO 8601, năm từ 1900 đến 9999 / DateTime must be an ISO 8601 string (2026-03-02T09:00:00+07:00) from year 1900 to 9999');
  }
  return date;
};

/** An instant, as an ISO 8601 string in UTC (`2026-03-02T02:00:00.000Z`). */
export const DateTime = builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});
