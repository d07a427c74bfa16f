import { inspectInput, InputProblem, MAX_INPUT_DEPTH, type InputFinding } from '@paht/core';

/** The refusal's message, Vietnamese then English (never the value). */
export function unsafeInputMessage(problem: InputProblem): string {
  switch (problem) {
    case InputProblem.NUL_CHARACTER:
      return 'Dữ liệu chứa ký tự NUL (U+0000), không được chấp nhận / The input contains a NUL character (U+0000), which is not accepted';
    case InputProblem.ILL_FORMED_TEXT:
      return 'Dữ liệu chứa nửa cặp UTF-16 đơn lẻ, không phải văn bản Unicode / The input holds a lone UTF-16 surrogate, which is not Unicode text';
    case InputProblem.TOO_DEEP:
      return `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_INPUT_DEPTH} cấp) / The input is nested too deep (at most ${MAX_INPUT_DEPTH} levels)`;
  }
}

/**
 * The GraphQL request parameters a client sent (variables, operation name,
 * extensions), checked as one value before anything parses or caches
 * them: the first NUL character, lone surrogate or excessive nesting, or null.
 */
export function inspectRequestParameters(params: Record<string, unknown>): InputFinding | null {
  return inspectInput({ variables: params.variables, operationName: params.operationName, extensions: params.extensions });
}
