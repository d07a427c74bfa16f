import type { TenantTx } from '../db/with-tenant.js';
import { notifyStaff, StaffNoticeKind } from '../notifications/staff-notices.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { createIndicatorEvaluator } from './indicator-evaluator.js';
import { formulaReferences, parseFormula } from './indicator-formula.js';
import { formatPeriod, type Period } from './indicator-periods.js';
import { missesTarget } from './indicator-rules.js';

/**
 * After a value of indicator `code` changed for `unitId` and `period`:
 * checks that indicator and every computed indicator naming it, for the
 * submitting unit's branch and for each indicator's owner unit's branch,
 * against their targets. Each figure that misses its target puts an
 * INDICATOR_TARGET_MISSED notice in the inbox of that unit's staff (once per
 * indicator, unit, period and `version`: a correction that still misses
 * alerts again).
 */
export async function alertMissedTargets(tx: TenantTx, tenant: TenantRecord, code: string, unitId: string, period: Period, version: string, now: Date): Promise<number> {
  const evaluator = await createIndicatorEvaluator(tx);
  const affected = [...evaluator.indicators.values()].filter((i) => i.code === code || (i.formula !== null && formulaReferences(parseFormula(i.formula)).has(code)));
  let sent = 0;
  for (const indicator of affected) {
    if (indicator.target === null || indicator.periodicity !== period.periodicity) continue;
    const units = new Set([unitId, ...(indicator.ownerUnitId ? [indicator.ownerUnitId] : [])]);
    for (const u of units) {
      const value = await evaluator.valueAt(indicator, { unitId: u, branch: true }, period);
      if (value === null || !missesTarget(value, indicator.target, indicator.higherIsBetter)) continue;
      const rows = await notifyStaff(tx, tenant, {
        kind: StaffNoticeKind.INDICATOR_TARGET_MISSED,
        unitId: u,
        dedupeKey: `indicator:${indicator.id}:${u}:${formatPeriod(period)}:${version}`,
        data: { indicatorId: indicator.id, code: indicator.code, period: formatPeriod(period), value, target: indicator.target },
      }, now);
      sent += rows.length;
    }
  }
  return sent;
}
