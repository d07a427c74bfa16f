import type { TenantTx } from '../db/with-tenant.js';
import { evaluateFormula, parseFormula, type FormulaNode } from './indicator-formula.js';
import { coversPeriodicity, formatPeriod, parsePeriod, samePeriodLastYear, subPeriods, type Period } from './indicator-periods.js';
import { aggregateValues, AggregationRule, type AggregateInput } from './indicator-rules.js';
import { toIndicator, withTargets, type IndicatorRecord } from './indicator-definitions.js';
import { targetFor } from './indicator-targets.js';

/** Which units a figure counts: one unit's own values, or a unit's whole branch (itself and every unit under it). */
export type UnitScope = { unitId: string; branch: boolean } | { unitId: null; branch: true };

/** An indicator's figure for a scope of units and a period, or null when there is none. */
export type IndicatorValueAt = (indicator: IndicatorRecord, scope: UnitScope, period: Period) => Promise<number | null>;

export interface IndicatorEvaluator {
  indicators: ReadonlyMap<string, IndicatorRecord>;
  byId: ReadonlyMap<string, IndicatorRecord>;
  valueAt: IndicatorValueAt;
  /** The direct sub-units of `unitId` (the top-level units when null). */
  childrenOf: (unitId: string | null) => string[];
  /** The target the indicator's figure over `unitId`'s branch (null: the whole tenant) is compared with (`targetFor`). */
  targetOf: (indicator: IndicatorRecord, unitId: string | null) => number | null;
}

/**
 * Reads the tenant's indicators and unit tree once, then computes figures in
 * the caller's transaction (so a value just written counts). Submitted
 * indicators aggregate their values over the scope's units and the periods
 * inside the asked one by their rule; computed ones evaluate their formula
 * on their inputs' figures for the same scope and period (a ratio of sums,
 * never a sum of ratios). A period finer than an indicator's periodicity has
 * no figure.
 */
export async function createIndicatorEvaluator(tx: TenantTx): Promise<IndicatorEvaluator> {
  const [indicatorRows, units] = await Promise.all([tx.indicator.findMany({ include: withTargets }), tx.unit.findMany({ select: { id: true, parentId: true, kind: true } })]);
  const indicators = new Map(indicatorRows.map((r) => [r.code, toIndicator(r)]));
  const byId = new Map([...indicators.values()].map((i) => [i.id, i]));
  const children = new Map<string | null, string[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const formulas = new Map<string, FormulaNode>();
  const memo = new Map<string, Promise<number | null>>();

  const unitsOf = (scope: UnitScope): string[] | null => {
    if (scope.unitId === null) return null;
    if (!scope.branch) return [scope.unitId];
    const out: string[] = [];
    const stack = [scope.unitId];
    while (stack.length > 0) {
      const u = stack.pop()!;
      out.push(u);
      stack.push(...(children.get(u) ?? []));
    }
    return out;
  };

  const submitted = async (ind: IndicatorRecord, scope: UnitScope, period: Period): Promise<number | null> => {
    if (!coversPeriodicity(period.periodicity, ind.periodicity)) return null;
    const unitIds = unitsOf(scope);
    const rows = await tx.indicatorValue.findMany({
      where: { indicatorId: ind.id, period: { in: subPeriods(period, ind.periodicity) }, ...(unitIds ? { unitId: { in: unitIds } } : {}) },
      select: { unitId: true, period: true, value: true },
    });
    let inputs: AggregateInput[] = rows;
    if (ind.aggregation === AggregationRule.WEIGHTED_AVERAGE) {
      const weight = ind.weightIndicatorId ? byId.get(ind.weightIndicatorId) : undefined;
      inputs = [];
      for (const r of rows) {
        const p = parsePeriod(r.period)!;
        const at = weight && !coversPeriodicity(p.periodicity, weight.periodicity) ? containing(p, weight.periodicity) : p;
        inputs.push({ ...r, weight: weight ? await valueAt(weight, { unitId: r.unitId, branch: false }, at) : null });
      }
    }
    return aggregateValues(ind.aggregation, inputs);
  };

  // Figures are computed one at a time (every await is sequential), so a
  // figure asked for again while it is being computed is a loop that the
  // definitions' checks cannot see (A weighted by B, B weighted by A; a
  // formula weighting its own input): it has no figure rather than waiting
  // for itself forever.
  const computing = new Set<string>();
  const valueAt: IndicatorValueAt = (ind, scope, period) => {
    const key = `${ind.id}|${scope.unitId ?? '*'}|${scope.branch}|${formatPeriod(period)}`;
    if (computing.has(key)) return Promise.resolve(null);
    let found = memo.get(key);
    if (!found) {
      computing.add(key);
      found = (ind.formula ? computed(ind, scope, period) : submitted(ind, scope, period)).finally(() => computing.delete(key));
      memo.set(key, found);
    }
    return found;
  };

  const computed = (ind: IndicatorRecord, scope: UnitScope, period: Period): Promise<number | null> => {
    let ast = formulas.get(ind.code);
    if (!ast) {
      ast = parseFormula(ind.formula!);
      formulas.set(ind.code, ast);
    }
    return evaluateFormula(
      ast,
      period,
      (code, p) => {
        const input = indicators.get(code);
        return input ? valueAt(input, scope, p) : Promise.resolve(null);
      },
      samePeriodLastYear,
    );
  };

  const kinds = new Map(units.map((u) => [u.id, u.kind]));
  const targetOf = (ind: IndicatorRecord, unitId: string | null): number | null => targetFor(ind, unitId === null ? null : { id: unitId, kind: kinds.get(unitId) ?? null });
  return { indicators, byId, valueAt, childrenOf: (unitId) => children.get(unitId) ?? [], targetOf };
}

/** The period of `coarse` periodicity that contains `p`. */
function containing(p: Period, coarse: Period['periodicity']): Period {
  if (coarse === 'YEAR') return { periodicity: coarse, year: p.year, index: 1 };
  // QUARTER containing a month
  return { periodicity: coarse, year: p.year, index: Math.ceil(p.index / 3) };
}
