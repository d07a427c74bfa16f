import jsep from 'jsep';
import { validationError } from '../errors.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';

// Formulas combine indicators by code: `RICE_OUTPUT / RICE_AREA`,
// `sum(GRDP_AGRI, GRDP_INDUSTRY, GRDP_SERVICES)`, `yoy(GRDP)`. jsep parses
// the text into an AST; this file checks the AST against a closed grammar
// (numbers, indicator codes, + - * /, unary minus, the functions below) and
// evaluates it itself. Nothing is ever passed to `eval` or `Function`.

/** The node shapes a valid formula is made of (a checked jsep AST). */
export type FormulaNode =
  | { type: 'Literal'; value: number }
  | { type: 'Identifier'; name: string }
  | { type: 'UnaryExpression'; operator: '-' | '+'; argument: FormulaNode }
  | { type: 'BinaryExpression'; operator: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { type: 'CallExpression'; callee: FormulaFunction; arguments: FormulaNode[] };

/** The functions a formula may call, with how many arguments each takes. */
export const FORMULA_FUNCTIONS = {
  /** Growth against the same period last year, in percent: (x / x₋₁ − 1) × 100. */
  yoy: { min: 1, max: 1 },
  /** The value of the same period last year. */
  lastYear: { min: 1, max: 1 },
  sum: { min: 1, max: 50 },
  min: { min: 1, max: 50 },
  max: { min: 1, max: 50 },
  abs: { min: 1, max: 1 },
} as const;
export type FormulaFunction = keyof typeof FORMULA_FUNCTIONS;

const MAX_FORMULA_LENGTH = 1000;
const MAX_DEPTH = 30;

const syntaxError = (path: string) => validationError([{ path, code: FieldIssueCode.FORMULA_SYNTAX }]);

/** Parses and checks a formula, or throws a VALIDATION error (FORMULA_SYNTAX) on `path`. */
export function parseFormula(text: string, path = 'formula'): FormulaNode {
  if (text.length > MAX_FORMULA_LENGTH) throw syntaxError(path);
  let ast: jsep.Expression;
  try {
    ast = jsep(text);
  } catch {
    throw syntaxError(path);
  }
  return check(ast, path, 0);
}

function check(node: jsep.Expression, path: string, depth: number): FormulaNode {
  if (depth > MAX_DEPTH) throw syntaxError(path);
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw syntaxError(path);
      return { type: 'Literal', value };
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (Object.hasOwn(FORMULA_FUNCTIONS, name)) throw syntaxError(path);
      return { type: 'Identifier', name };
    }
    case 'UnaryExpression': {
      const u = node as jsep.UnaryExpression;
      if (u.operator !== '-' && u.operator !== '+') throw syntaxError(path);
      return { type: 'UnaryExpression', operator: u.operator, argument: check(u.argument, path, depth + 1) };
    }
    case 'BinaryExpression': {
      const b = node as jsep.BinaryExpression;
      if (b.operator !== '+' && b.operator !== '-' && b.operator !== '*' && b.operator !== '/') throw syntaxError(path);
      return { type: 'BinaryExpression', operator: b.operator, left: check(b.left, path, depth + 1), right: check(b.right, path, depth + 1) };
    }
    case 'CallExpression': {
      const c = node as jsep.CallExpression;
      if (c.callee.type !== 'Identifier') throw syntaxError(path);
      const name = (c.callee as jsep.Identifier).name;
      if (!Object.hasOwn(FORMULA_FUNCTIONS, name)) throw syntaxError(path);
      const fn = name as FormulaFunction;
      const { min, max } = FORMULA_FUNCTIONS[fn];
      if (c.arguments.length < min || c.arguments.length > max) throw syntaxError(path);
      return { type: 'CallExpression', callee: fn, arguments: c.arguments.map((a) => check(a, path, depth + 1)) };
    }
    default:
      throw syntaxError(path);
  }
}

/** The indicator codes a formula names, each once. */
export function formulaReferences(node: FormulaNode, into = new Set<string>()): Set<string> {
  switch (node.type) {
    case 'Literal':
      break;
    case 'Identifier':
      into.add(node.name);
      break;
    case 'UnaryExpression':
      formulaReferences(node.argument, into);
      break;
    case 'BinaryExpression':
      formulaReferences(node.left, into);
      formulaReferences(node.right, into);
      break;
    case 'CallExpression':
      for (const a of node.arguments) formulaReferences(a, into);
      break;
  }
  return into;
}

/**
 * The formula with the indicator codes in `renames` replaced (a tenant
 * merge renaming clashing codes). Only whole identifiers are replaced,
 * never a function name, part of a longer code or a number's exponent.
 */
export function renameFormulaCodes(text: string, renames: ReadonlyMap<string, string>): string {
  return text.replace(/(?<![A-Za-z0-9_.$])[A-Za-z_$][A-Za-z0-9_$]*/g, (name) => renames.get(name) ?? name);
}

/**
 * Refuses a formula for indicator `code` that names an unknown indicator
 * (FORMULA_UNKNOWN_INDICATOR) or leads back to `code` through the formulas
 * of the others (FORMULA_CYCLE). `formulas` maps every other indicator's
 * code to the codes its formula names (empty for submitted indicators).
 */
export function assertFormulaAcyclic(code: string, references: ReadonlySet<string>, formulas: ReadonlyMap<string, ReadonlySet<string>>, path = 'formula'): void {
  for (const ref of references) {
    if (ref !== code && !formulas.has(ref)) throw validationError([{ path, code: FieldIssueCode.FORMULA_UNKNOWN_INDICATOR }]);
  }
  const seen = new Set<string>();
  const stack = [...references];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next === code) throw validationError([{ path, code: FieldIssueCode.FORMULA_CYCLE }]);
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(formulas.get(next) ?? []));
  }
}

/** An indicator's value at one period, or null when it has none. */
export type FormulaLookup<P> = (code: string, period: P) => Promise<number | null>;

/**
 * Evaluates a checked formula at `period`. A missing input, a division by
 * zero or a growth against a zero or missing base gives null (no figure),
 * never Infinity or NaN.
 */
export async function evaluateFormula<P>(node: FormulaNode, period: P, lookup: FormulaLookup<P>, lastYearOf: (p: P) => P): Promise<number | null> {
  const ev = (n: FormulaNode, p: P) => evaluateFormula(n, p, lookup, lastYearOf);
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'Identifier':
      return lookup(node.name, period);
    case 'UnaryExpression': {
      const v = await ev(node.argument, period);
      return v === null ? null : node.operator === '-' ? -v : v;
    }
    case 'BinaryExpression': {
      const [l, r] = [await ev(node.left, period), await ev(node.right, period)];
      if (l === null || r === null) return null;
      switch (node.operator) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        case '/':
          return r === 0 ? null : l / r;
      }
      break;
    }
    case 'CallExpression': {
      if (node.callee === 'yoy' || node.callee === 'lastYear') {
        const before = await ev(node.arguments[0]!, lastYearOf(period));
        if (node.callee === 'lastYear') return before;
        const now = await ev(node.arguments[0]!, period);
        return now === null || before === null || before === 0 ? null : (now / before - 1) * 100;
      }
      const values: number[] = [];
      for (const a of node.arguments) {
        const v = await ev(a, period);
        if (v === null) return null;
        values.push(v);
      }
      if (node.callee === 'sum') return values.reduce((s, v) => s + v, 0);
      if (node.callee === 'min') return Math.min(...values);
      if (node.callee === 'max') return Math.max(...values);
      return Math.abs(values[0]!);
    }
  }
  return null;
}
