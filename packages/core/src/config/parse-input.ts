import type { z } from 'zod';
import { validationError } from '../errors.js';
import { assertSafeInput } from '../input/untrusted-input.js';
import { safeParseWithIssues } from '../validation/zod-issues.js';

/** Validates `input` with a zod schema, or throws a VALIDATION DomainError naming the fields (never the values). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertSafeInput(input);
  const parsed = safeParseWithIssues(schema, input);
  if (!parsed.success) throw validationError(parsed.issues);
  return parsed.data;
}
