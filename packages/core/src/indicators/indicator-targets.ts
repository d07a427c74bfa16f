import { z } from 'zod';
import { UNIT_KINDS } from '../config/units.js';
import type { TenantTx } from '../db/with-tenant.js';
import { validationError, type FieldIssueInput } from '../errors.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';

/**
 * Targets per level (docs/indicators.md#targets): the one home of the rule
 * of which target a figure is compared with. An indicator has
 *
 * - `target`: the tenant-wide figure's;
 * - `unitTarget`: every unit's branch figure's, by default;
 * - `unitTargets`: one unit's, or every unit of a kind's.
 *
 * A unit's figure takes its own target, else its kind's, else `unitTarget`;
 * the tenant-wide figure takes `target` only. No level falls back to
 * another's: a province's revenue target (a SUM over the districts) is never
 * a district's, and a share's target applies to the units only when it is
 * set for them too.
 */

type UnitKind = (typeof UNIT_KINDS)[number];

/** A target for one unit (`unitId`) or for every unit of a kind (`unitKind`): exactly one of them. */
export interface IndicatorUnitTarget {
  unitId: string | null;
  unitKind: UnitKind | null;
  target: number;
}

/** The targets of an indicator, as its record holds them. */
export interface IndicatorTargets {
  target: number | null;
  unitTarget: number | null;
  unitTargets: readonly IndicatorUnitTarget[];
}

/** The unit whose branch a figure covers, or null for the whole tenant. */
export interface FigureUnit {
  id: string;
  /** null: not known (no kind's target applies). */
  kind: UnitKind | null;
}

/** The target the figure over `unit`'s branch (null: the whole tenant) is compared with; null when none applies. */
export function targetFor(targets: IndicatorTargets, unit: FigureUnit | null): number | null {
  if (unit === null) return targets.target;
  return (
    targets.unitTargets.find((t) => t.unitId === unit.id)?.target ??
    (unit.kind === null ? undefined : targets.unitTargets.find((t) => t.unitKind === unit.kind)?.target) ??
    targets.unitTarget
  );
}

/** The input of `unitTargets`: the whole list, replacing the one before. */
export const unitTargetsInput = z
  .array(z.object({ unitId: z.uuid().nullable().optional(), unitKind: z.enum(UNIT_KINDS).nullable().optional(), target: z.number().finite() }))
  .max(1000);
export type UnitTargetsInput = z.input<typeof unitTargetsInput>;

/**
 * Checks a list of unit targets against the tenant's units (a unit of
 * another tenant is invisible under row-level security, so unknown), with
 * every issue reported together; returns it normalised.
 */
export async function checkUnitTargets(tx: TenantTx, list: z.output<typeof unitTargetsInput>): Promise<IndicatorUnitTarget[]> {
  const issues: FieldIssueInput[] = [];
  const ids = list.flatMap((t) => (t.unitId ? [t.unitId] : []));
  const known = new Set((await tx.unit.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((u) => u.id));
  const seen = new Set<string>();
  list.forEach((t, i) => {
    const path = `unitTargets.${i}`;
    if (!t.unitId === !t.unitKind) {
      issues.push({ path, code: FieldIssueCode.INVALID, message: 'names a unit or a unit kind, exactly one of them' });
      return;
    }
    const key = t.unitId ?? `kind:${t.unitKind}`;
    if (t.unitId && !known.has(t.unitId)) issues.push({ path: `${path}.unitId`, code: FieldIssueCode.UNKNOWN_REFERENCE });
    else if (seen.has(key)) issues.push({ path, code: FieldIssueCode.INVALID, message: 'names a unit or a unit kind that has a target in the list already' });
    seen.add(key);
  });
  if (issues.length > 0) throw validationError(issues);
  return list.map((t) => ({ unitId: t.unitId ?? null, unitKind: t.unitKind ?? null, target: t.target }));
}

/** Replaces an indicator's unit targets with `list` (checked by checkUnitTargets). */
export async function writeUnitTargets(tx: TenantTx, tenantId: string, indicatorId: string, list: readonly IndicatorUnitTarget[]): Promise<void> {
  await tx.indicatorUnitTarget.deleteMany({ where: { indicatorId } });
  if (list.length > 0) await tx.indicatorUnitTarget.createMany({ data: list.map((t) => ({ tenantId, indicatorId, ...t })) });
}

/** The unit targets as stored, in a stable order (kinds first, then units). */
export const unitTargetsOf = (rows: ReadonlyArray<{ unitId: string | null; unitKind: string | null; target: number }>): IndicatorUnitTarget[] =>
  rows
    .map((r) => ({ unitId: r.unitId, unitKind: r.unitKind as UnitKind | null, target: r.target }))
    .sort((a, b) => order(a).localeCompare(order(b)));
const order = (t: IndicatorUnitTarget) => (t.unitKind ? `0${t.unitKind}` : `1${t.unitId}`);
