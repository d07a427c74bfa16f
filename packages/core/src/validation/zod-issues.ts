import { z } from 'zod';
import { fieldIssue, FieldIssueCode, isFieldIssueCode, type FieldIssue, type IssueParams } from './field-issue-codes.js';

const C = FieldIssueCode;

/**
 * A zod error map that names each issue by our stable code instead of
 * zod's English text: the code becomes the issue's message, and
 * `issuesFromZod` turns it into the bilingual FieldIssue. Refinements pick
 * their code with `params: { code }`; a schema's own message wins (then
 * the issue is INVALID with that English text).
 */
export const issueCodeMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? C.REQUIRED : C.INVALID_TYPE;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? C.REQUIRED : C.TOO_SHORT;
      return issue.origin === 'array' || issue.origin === 'set' ? C.TOO_FEW : C.TOO_SMALL;
    case 'too_big':
      if (issue.origin === 'string') return C.TOO_LONG;
      return issue.origin === 'array' || issue.origin === 'set' ? C.TOO_MANY : C.TOO_LARGE;
    case 'invalid_format':
      if (issue.format === 'email') return C.INVALID_EMAIL;
      return issue.format === 'uuid' || issue.format === 'guid' ? C.INVALID_ID : C.INVALID_FORMAT;
    case 'invalid_value':
      return C.INVALID_OPTION;
    case 'custom': {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return isFieldIssueCode(code) ? code : C.INVALID;
    }
    default:
      return C.INVALID;
  }
};

const limit = (value: unknown): number | undefined => (typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined);

/** zod's issues (from a parse with `issueCodeMap`) as FieldIssues; `prefix` is prepended to each path. */
export function issuesFromZod(error: z.ZodError, prefix: readonly (string | number)[] = []): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [...prefix, ...i.path].map(String).join('.');
    const params: IssueParams = {};
    const minimum = limit((i as { minimum?: unknown }).minimum);
    const maximum = limit((i as { maximum?: unknown }).maximum);
    if (minimum !== undefined) params.minimum = minimum;
    if (maximum !== undefined) params.maximum = maximum;
    return isFieldIssueCode(i.message) ? fieldIssue({ path, code: i.message, params }) : fieldIssue({ path, message: i.message });
  });
}

/** Parses with our issue codes: the data, or the bilingual issues naming the fields (never their values). */
export function safeParseWithIssues<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: readonly (string | number)[] = [],
): { success: true; data: z.output<S> } | { success: false; issues: FieldIssue[] } {
  const parsed = schema.safeParse(input, { error: issueCodeMap });
  return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: issuesFromZod(parsed.error, prefix) };
}
