import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

const parseDate = (value: unknown): Date => {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
  return date;
};

/** An instant, as an ISO 8601 string in UTC (`2026-03-02T02:00:00.000Z`). */
export const DateTime = builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => value.toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});
