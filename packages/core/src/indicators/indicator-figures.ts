import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { parseInput } from '../config/parse-input.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { findIndicatorRow, type IndicatorRecord } from './indicator-definitions.js';
import { createIndicatorEvaluator } from './indicator-evaluator.js';
import { coversPeriodicity, parsePeriod, type Period } from './indicator-periods.js';
import { missesTarget } from './indicator-rules.js';

export interface IndicatorFigure {
  indicator: IndicatorRecord;
  period: string;
  /** null: the whole tenant. */
  unitId: string | null;
  /** null: nothing submitted (or an input missing, a division by zero). */
  value: number | null;
  /** The target that applies to this figure (`targetFor`, indicator-targets.ts); null: none. */
  target: number | null;
  /** null when there is no value or no target. */
  missesTarget: boolean | null;
}

/** A sub-unit's branch figure, with the target that applies to it. */
export interface IndicatorUnitFigure {
  unitId: string;
  value: number | null;
  target: number | null;
  missesTarget: boolean | null;
}

export interface IndicatorFigureWithUnits extends IndicatorFigure {
  /** The same figure for each direct sub-unit's branch (the top-level units for the whole tenant). */
  byUnit: IndicatorUnitFigure[];
}

const figureInput = z.object({ indicatorId: z.uuid(), period: z.string().max(10), unitId: z.uuid().nullable().optional() });

function periodOf(key: string, indicator?: IndicatorRecord): Period {
  const period = parsePeriod(key);
  if (!period || (indicator && !coversPeriodicity(period.periodicity, indicator.periodicity))) throw validationError([{ path: 'period', code: FieldIssueCode.INVALID_FORMAT }]);
  return period;
}

/** A value against a target: whether it misses it, null without either. */
const judged = (indicator: IndicatorRecord, value: number | null, target: number | null) => ({
  value,
  target,
  missesTarget: value === null || target === null ? null : missesTarget(value, target, indicator.higherIsBetter),
});

/**
 * An indicator's figure for a period (its own or a longer one: a year of a
 * monthly indicator) over a unit's branch or the whole tenant, with the
 * figure of each sub-unit's branch. Staff who read indicators.
 */
export async function readIndicatorFigure(ctx: CoreContext, tenantId: string, actor: Actor, input: z.input<typeof figureInput>): Promise<IndicatorFigureWithUnits> {
  assertCan(actor, Permission.INDICATOR_READ);
  const data = parseInput(figureInput, input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const row = await findIndicatorRow(tx, data.indicatorId);
    const evaluator = await createIndicatorEvaluator(tx);
    const indicator = evaluator.byId.get(row.id)!;
    const period = periodOf(data.period, indicator);
    const unitId = data.unitId ?? null;
    if (unitId && !(await tx.unit.findUnique({ where: { id: unitId } }))) throw validationError([{ path: 'unitId', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
    const value = await evaluator.valueAt(indicator, unitId ? { unitId, branch: true } : { unitId: null, branch: true }, period);
    const byUnit: IndicatorUnitFigure[] = [];
    for (const child of evaluator.childrenOf(unitId)) {
      byUnit.push({ unitId: child, ...judged(indicator, await evaluator.valueAt(indicator, { unitId: child, branch: true }, period), evaluator.targetOf(indicator, child)) });
    }
    return { indicator, period: data.period, unitId, ...judged(indicator, value, evaluator.targetOf(indicator, unitId)), byUnit };
  }, { snapshot: true });
}

/**
 * The tenant-wide figures of the indicators marked public, for a period
 * (each indicator whose periodicity fits in it). Anyone may read them.
 */
export async function readPublicIndicatorFigures(ctx: CoreContext, tenantId: string, periodKey: string): Promise<IndicatorFigure[]> {
  const period = periodOf(periodKey);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const evaluator = await createIndicatorEvaluator(tx);
    const out: IndicatorFigure[] = [];
    for (const indicator of [...evaluator.indicators.values()].sort((a, b) => a.code.localeCompare(b.code))) {
      if (!indicator.isPublic || !coversPeriodicity(period.periodicity, indicator.periodicity)) continue;
      const value = await evaluator.valueAt(indicator, { unitId: null, branch: true }, period);
      out.push({ indicator, period: periodKey, unitId: null, ...judged(indicator, value, evaluator.targetOf(indicator, null)) });
    }
    return out;
  }, { snapshot: true });
}
