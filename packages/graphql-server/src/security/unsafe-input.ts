import { inspectInput, InputProblem, MAX_INPUT_DEPTH, type InputFinding } from '@paht/core';

/** The refusal's message, Vietnamese then English (never the value). */
export function unsafeInputMessage(problem: InputProblem): string {
  return problem === InputProblem.NUL_CHARACTER
    ? 'Dữ liệu chứa ký tự NUL (U+0000), không được chấp nhận / The input contains a NUL character (U+0000), which is not accepted'
    : `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp) / The input is nested too deep (at most ${MAX_INPUT_DEPTH} levels)`;
}

/**
 * The GraphQL request parameters a client sent (variables, operation name,
 * extensions), checked as one value before anything parses or caches
 * them: the first NUL character or excessive nesting, or null.
 */
export function inspectRequestParameters(params: Record<string, unknown>): InputFinding | null {
  return inspectInput({ variables: params.variables, operationName: params.operationName, extensions: params.extensions });
}
