import type { TenantTx } from '../db/with-tenant.js';
import { notifyStaff, StaffNoticeKind } from '../notifications/staff-notices.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { createIndicatorEvaluator, type IndicatorEvaluator, type UnitScope } from './indicator-evaluator.js';
import { formulaReferences, parseFormula } from './indicator-formula.js';
import { formatPeriod, type Period } from './indicator-periods.js';
import { missesTarget } from './indicator-rules.js';
import type { IndicatorRecord } from './indicator-definitions.js';

/** One figure to check and who is told when it misses: `key` makes the notice once per recipient. */
interface AlertCheck {
  to: string;
  scope: UnitScope;
  key: string;
}

/**
 * After a value of indicator `code` changed for `unitId` and `period`:
 * checks that indicator and every computed indicator naming it against
 * the target that applies to each figure (`targetFor`, indicator-targets.ts:
 * the tenant-wide figure to `target`, a unit's branch figure to its own,
 * its kind's or `unitTarget`), and puts an INDICATOR_TARGET_MISSED notice in the inbox of
 * the staff of each unit told of a figure that misses (`data.figureUnitId`:
 * the unit whose branch the figure covers, null for the whole tenant;
 * `data.target`: the target it was compared with).
 *
 * - The submitting unit: its branch's figure.
 * - The indicator's owner unit, when the submitting unit is in its branch
 *   (a district owning what its communes report): the owner's branch figure.
 * - The owner unit, when the submitting unit is not in its branch (a
 *   department owning what the districts report): the submitting unit's
 *   figure (the same one that unit is told of) and the tenant-wide figure,
 *   the one the owner answers for. Its own branch has no values, so it was
 *   never told before.
 *
 * Each notice is sent once per indicator, recipient, figure, period and
 * `version` (the submitted value's revision): a correction that still
 * misses alerts again.
 */
export async function alertMissedTargets(tx: TenantTx, tenant: TenantRecord, code: string, unitId: string, period: Period, version: string, now: Date): Promise<number> {
  const evaluator = await createIndicatorEvaluator(tx);
  const affected = [...evaluator.indicators.values()].filter((i) => i.code === code || (i.formula !== null && formulaReferences(parseFormula(i.formula)).has(code)));
  const at = formatPeriod(period);
  let sent = 0;
  for (const indicator of affected) {
    if (indicator.periodicity !== period.periodicity) continue;
    for (const check of alertChecks(evaluator, indicator, unitId, at, version)) {
      const target = evaluator.targetOf(indicator, check.scope.unitId);
      if (target === null) continue;
      const value = await evaluator.valueAt(indicator, check.scope, period);
      if (value === null || !missesTarget(value, target, indicator.higherIsBetter)) continue;
      const rows = await notifyStaff(tx, tenant, {
        kind: StaffNoticeKind.INDICATOR_TARGET_MISSED,
        unitId: check.to,
        dedupeKey: check.key,
        data: { indicatorId: indicator.id, code: indicator.code, period: at, value, target, figureUnitId: check.scope.unitId },
      }, now);
      sent += rows.length;
    }
  }
  return sent;
}

/** The figures to check after `unitId` submitted, and who each is for (see alertMissedTargets). */
function alertChecks(evaluator: IndicatorEvaluator, indicator: IndicatorRecord, unitId: string, period: string, version: string): AlertCheck[] {
  const key = (rest: string) => `indicator:${indicator.id}:${rest}:${period}:${version}`;
  const checks: AlertCheck[] = [{ to: unitId, scope: { unitId, branch: true }, key: key(unitId) }];
  const owner = indicator.ownerUnitId;
  if (!owner || owner === unitId) return checks;
  if (inBranch(evaluator, owner, unitId)) {
    checks.push({ to: owner, scope: { unitId: owner, branch: true }, key: key(owner) });
  } else {
    checks.push(
      { to: owner, scope: { unitId, branch: true }, key: key(`${owner}:unit:${unitId}`) },
      { to: owner, scope: { unitId: null, branch: true }, key: key(`${owner}:tenant:${unitId}`) },
    );
  }
  return checks;
}

/** Whether `unitId` is `top` or one of its sub-units at any depth. */
function inBranch(evaluator: IndicatorEvaluator, top: string, unitId: string): boolean {
  const stack = [top];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u === unitId) return true;
    if (seen.has(u)) continue;
    seen.add(u);
    stack.push(...evaluator.childrenOf(u));
  }
  return false;
}
