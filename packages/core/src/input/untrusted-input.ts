import { validationError } from '../errors.js';

/**
 * Checks every caller-supplied structure gets before it is parsed further:
 * no NUL character in any text (PostgreSQL cannot store one, and no
 * legitimate text has one), no lone UTF-16 surrogate (JSON's `\udfff` can
 * carry one; it is no Unicode character, so no text holds one, and parts
 * of the stack that encode text fail on it), and no nesting deeper than a real input needs
 * (recursive code downstream — JSON serialisers, cache keys, validators —
 * would overflow the stack). Iterative, so the check itself cannot.
 */

/** Deepest nesting of objects and lists accepted in one input. The API's deepest input is about 4. */
export const MAX_INPUT_DEPTH = 32;

/** Why an input was refused before any rule read it. */
export const InputProblem = {
  /** A text (or a key) holds U+0000. */
  NUL_CHARACTER: 'NUL_CHARACTER',
  /** A text (or a key) holds a lone UTF-16 surrogate (half of a pair): not Unicode text. */
  ILL_FORMED_TEXT: 'ILL_FORMED_TEXT',
  /** Objects or lists nested deeper than `MAX_INPUT_DEPTH`. */
  TOO_DEEP: 'TOO_DEEP',
} as const;
export type InputProblem = (typeof InputProblem)[keyof typeof InputProblem];

export interface InputFinding {
  problem: InputProblem;
  /** Dotted path from the root (`input.reporter.fullName`); for TOO_DEEP, the first level past the limit. */
  path: string;
}

export const hasNul = (text: string): boolean => text.includes('\u0000');

/** With the `u` flag a lone surrogate reads as one code point of category Cs; a well-formed pair reads as the character it encodes. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether `text` holds a lone UTF-16 surrogate (`String.prototype.isWellFormed`, before ES2024). */
const isIllFormed = (text: string): boolean => LONE_SURROGATE.test(text);

/** What makes one text unacceptable (NUL, a lone surrogate), or null. */
export const textProblem = (text: string): InputProblem | null =>
  hasNul(text) ? InputProblem.NUL_CHARACTER : isIllFormed(text) ? InputProblem.ILL_FORMED_TEXT : null;

/** The first NUL character, lone surrogate or excessive nesting in `value` (any JSON-like value), or null when there is none. */
export function inspectInput(value: unknown, maxDepth: number = MAX_INPUT_DEPTH): InputFinding | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return { problem, path: path.join('.') };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= maxDepth) return { problem: InputProblem.TOO_DEEP, path: path.join('.') };
    const entries: Array<[string, unknown]> = Array.isArray(current) ? current.map((v, i) => [String(i), v]) : Object.entries(current);
    for (const [key, child] of entries) {
      const problem = textProblem(key);
      if (problem) return { problem, path: [...path, '[key]'].join('.') };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** Throws a VALIDATION DomainError naming the field of the first finding of `inspectInput` (never its value). */
export function assertSafeInput(value: unknown): void {
  const finding = inspectInput(value);
  if (!finding) return;
  const message =
    finding.problem === InputProblem.NUL_CHARACTER
      ? 'must not contain a NUL character (U+0000)'
      : finding.problem === InputProblem.ILL_FORMED_TEXT
        ? 'must be Unicode text (it holds a lone UTF-16 surrogate)'
        : `is nested deeper than ${MAX_INPUT_DEPTH} levels`;
  throw validationError([{ path: finding.path, message }]);
}
