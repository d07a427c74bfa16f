import { validationError } from '../errors.js';

/**
 * Checks every caller-supplied structure gets before it is parsed further:
 * no NUL character in any text (PostgreSQL cannot store one, and no
 * legitimate text has one), and no nesting deeper than a real input needs
 * (recursive code downstream — JSON serialisers, cache keys, validators —
 * would overflow the stack). Iterative, so the check itself cannot.
 */

/** Deepest nesting of objects and lists accepted in one input. The API's deepest input is about 4. */
export const MAX_INPUT_DEPTH = 32;

/** Why an input was refused before any rule read it. */
export const InputProblem = {
  /** A text (or a key) holds U+0000. */
  NUL_CHARACTER: 'NUL_CHARACTER',
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

/** The first NUL character or excessive nesting in `value` (any JSON-like value), or null when there is none. */
export function inspectInput(value: unknown, maxDepth: number = MAX_INPUT_DEPTH): InputFinding | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (hasNul(current)) return { problem: InputProblem.NUL_CHARACTER, path: path.join('.') };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= maxDepth) return { problem: InputProblem.TOO_DEEP, path: path.join('.') };
    const entries: Array<[string, unknown]> = Array.isArray(current) ? current.map((v, i) => [String(i), v]) : Object.entries(current);
    for (const [key, child] of entries) {
      if (hasNul(key)) return { problem: InputProblem.NUL_CHARACTER, path: [...path, '[key]'].join('.') };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** Throws a VALIDATION DomainError naming the field of the first finding of `inspectInput` (never its value). */
export function assertSafeInput(value: unknown): void {
  const finding = inspectInput(value);
  if (!finding) return;
  const message = finding.problem === InputProblem.NUL_CHARACTER ? 'must not contain a NUL character (U+0000)' : `is nested deeper than ${MAX_INPUT_DEPTH} levels`;
  throw validationError([{ path: finding.path, message }]);
}
