import { describe, expect, it } from 'vitest';
import { aggregateValues, evaluateFormula, formulaReferences, parseFormula, parsePeriod, type Period } from '@paht/core';

// The formula grammar and its evaluation, and the aggregation rules, as pure
// functions (the database side is in test/integration/indicators.test.ts).

const VALUES: Record<string, number> = { 'A|2026': 10, 'B|2026': 4, 'A|2025': 8, 'Z|2026': 0 };
const lookup = (code: string, p: Period) => Promise.resolve(VALUES[`${code}|${p.year}`] ?? null);
const lastYear = (p: Period): Period => ({ ...p, year: p.year - 1 });
const evaluate = (text: string) => evaluateFormula(parseFormula(text), parsePeriod('2026')!, lookup, lastYear);

describe('indicator formulas', () => {
  it.each([
    ['A / B', 2.5],
    ['sum(A, B) * 2', 28],
    ['(A - B) / -2', -3],
    ['min(A, B) + max(A, B) + abs(0 - A)', 24],
    ['yoy(A)', 25],
    ['lastYear(A)', 8],
    ['A / Z', null],
    ['yoy(B)', null],
    ['A + MISSING', null],
  ])('evaluates %s to %s', async (text, expected) => {
    const value = await evaluate(text);
    if (expected === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(expected);
  });

  it.each(['A ? 1 : 2', 'A.b', 'a[0]', '"x"', 'true', 'A && B', 'A % 2', 'f(A)', 'yoy(A, B)', 'yoy', 'A; B', '', 'A +', 'this', '!A'])('refuses %j as FORMULA_SYNTAX', (text) => {
    expect(() => parseFormula(text)).toThrow(expect.objectContaining({ code: 'VALIDATION', details: { fields: [expect.objectContaining({ path: 'formula', code: 'FORMULA_SYNTAX' })] } }));
  });

  it('names each referenced code once', () => {
    expect([...formulaReferences(parseFormula('yoy(A) + A / sum(B, C, A)'))].sort()).toEqual(['A', 'B', 'C']);
  });
});

describe('aggregation rules', () => {
  const rows = [
    { unitId: 'u1', period: '2026-01', value: 10, weight: 1 },
    { unitId: 'u1', period: '2026-03', value: 30, weight: 3 },
    { unitId: 'u2', period: '2026-02', value: 20, weight: null },
  ];
  it.each([
    ['SUM', 60],
    ['AVERAGE', 20],
    ['WEIGHTED_AVERAGE', 25],
    ['LAST', 50],
  ] as const)('%s', (rule, expected) => expect(aggregateValues(rule, rows)).toBe(expected));
  it('gives nothing for no values', () => expect(aggregateValues('SUM', [])).toBeNull());
});
