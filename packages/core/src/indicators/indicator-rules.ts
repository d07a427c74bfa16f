/** How values combine across units of a branch and across the periods inside a longer period. */
export const AggregationRule = {
  /** Added up (production, revenue, number of births). */
  SUM: 'SUM',
  /** The plain mean of the values. */
  AVERAGE: 'AVERAGE',
  /** The mean weighted by another indicator's value for the same unit and period (income per head weighted by population). */
  WEIGHTED_AVERAGE: 'WEIGHTED_AVERAGE',
  /** A level at a date (hospital beds, households): the latest period's value; units' latest values are added up. */
  LAST: 'LAST',
} as const;
export type AggregationRule = (typeof AggregationRule)[keyof typeof AggregationRule];
export const AGGREGATION_RULES = Object.values(AggregationRule);

/** One submitted value taking part in an aggregate. */
export interface AggregateInput {
  unitId: string;
  period: string;
  value: number;
  /** WEIGHTED_AVERAGE: the weight indicator's value for the same unit and period (missing: the value is left out). */
  weight?: number | null;
}

/**
 * Combines the values of a branch of units over the periods inside the
 * asked period, by `rule`. SUM adds everything; AVERAGE is the mean of every
 * value; WEIGHTED_AVERAGE is Σ value·weight / Σ weight over the values that
 * have a weight; LAST takes each unit's value of its latest period and adds
 * the units up (period keys of one periodicity sort in time order as text).
 * Null when there is nothing to combine.
 */
export function aggregateValues(rule: AggregationRule, inputs: readonly AggregateInput[]): number | null {
  if (inputs.length === 0) return null;
  switch (rule) {
    case AggregationRule.SUM:
      return inputs.reduce((s, i) => s + i.value, 0);
    case AggregationRule.AVERAGE:
      return inputs.reduce((s, i) => s + i.value, 0) / inputs.length;
    case AggregationRule.WEIGHTED_AVERAGE: {
      let num = 0;
      let den = 0;
      for (const i of inputs) {
        if (i.weight == null) continue;
        num += i.value * i.weight;
        den += i.weight;
      }
      return den === 0 ? null : num / den;
    }
    case AggregationRule.LAST: {
      const latest = new Map<string, AggregateInput>();
      for (const i of inputs) {
        const seen = latest.get(i.unitId);
        if (!seen || i.period > seen.period) latest.set(i.unitId, i);
      }
      return [...latest.values()].reduce((s, i) => s + i.value, 0);
    }
  }
}

/** Whether `value` misses `target` in the indicator's direction (equal is met). */
export const missesTarget = (value: number, target: number, higherIsBetter: boolean): boolean =>
  higherIsBetter ? value < target : value > target;
