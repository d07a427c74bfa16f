import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { recordAudit } from '../audit/audit-log.js';
import { parseInput } from '../config/parse-input.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { assertFormulaAcyclic, formulaReferences, parseFormula } from './indicator-formula.js';
import { PERIODICITIES, type Periodicity } from './indicator-periods.js';
import { AGGREGATION_RULES, type AggregationRule } from './indicator-rules.js';
import { checkUnitTargets, unitTargetsInput, unitTargetsOf, writeUnitTargets, type IndicatorTargets, type IndicatorUnitTarget } from './indicator-targets.js';

/** The targets (`target`, `unitTarget`, `unitTargets`): which applies to a figure is `targetFor` (indicator-targets.ts). */
export interface IndicatorRecord extends IndicatorTargets {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  unitOfMeasure: string;
  periodicity: Periodicity;
  /** The tenant-wide figure's target. */
  target: number | null;
  /** Every unit's branch figure's target, unless `unitTargets` has one for the unit or its kind. */
  unitTarget: number | null;
  unitTargets: IndicatorUnitTarget[];
  higherIsBetter: boolean;
  aggregation: AggregationRule;
  weightIndicatorId: string | null;
  ownerUnitId: string | null;
  isPublic: boolean;
  /** null: submitted by units; otherwise computed from the indicators it names. */
  formula: string | null;
}

const fields = {
  name: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
  unitOfMeasure: z.string().trim().min(1).max(50),
  periodicity: z.enum(PERIODICITIES),
  target: z.number().finite().nullable().optional(),
  unitTarget: z.number().finite().nullable().optional(),
  unitTargets: unitTargetsInput.optional(),
  higherIsBetter: z.boolean().optional(),
  aggregation: z.enum(AGGREGATION_RULES),
  weightIndicatorId: z.uuid().nullable().optional(),
  ownerUnitId: z.uuid().nullable().optional(),
  isPublic: z.boolean().optional(),
  formula: z.string().trim().min(1).max(1000).nullable().optional(),
};
const defineInput = z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/), ...fields });
const updateInput = z.object(fields).partial();
export type DefineIndicatorInput = z.input<typeof defineInput>;
export type UpdateIndicatorInput = z.input<typeof updateInput>;

/** Defines an indicator. Tenant admins only; a bad formula (syntax, unknown code, cycle) is refused with nothing written. */
export async function defineIndicator(ctx: CoreContext, tenantId: string, actor: Actor, input: DefineIndicatorInput): Promise<IndicatorRecord> {
  assertCan(actor, Permission.INDICATOR_MANAGE);
  const data = parseInput(defineInput, input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    if (await tx.indicator.findUnique({ where: { tenantId_code: { tenantId, code: data.code } } })) {
      throw new DomainError(DomainErrorCode.CONFLICT, `An indicator with code ${data.code} exists already`);
    }
    const { unitTargets, ...columns } = data;
    const merged = { ...columns, target: data.target ?? null, unitTarget: data.unitTarget ?? null, weightIndicatorId: data.weightIndicatorId ?? null, ownerUnitId: data.ownerUnitId ?? null, formula: data.formula ?? null };
    await checkDefinition(tx, null, merged);
    const targets = await checkUnitTargets(tx, unitTargets ?? []);
    const now = ctx.now();
    const row = await tx.indicator.create({
      data: { tenantId, ...merged, higherIsBetter: data.higherIsBetter ?? true, isPublic: data.isPublic ?? false, createdAt: now, updatedAt: now },
    });
    await writeUnitTargets(tx, tenantId, row.id, targets);
    await recordAudit(tx, tenantId, actor, now, { action: 'indicator.define', subjectType: 'Indicator', subjectId: row.id, data: { ...data } });
    return toIndicator({ ...row, unitTargets: targets });
  });
}

/** Changes an indicator's definition (its code stays: formulas name it). Tenant admins only. */
export async function updateIndicator(ctx: CoreContext, tenantId: string, actor: Actor, id: string, input: UpdateIndicatorInput): Promise<IndicatorRecord> {
  assertCan(actor, Permission.INDICATOR_MANAGE);
  const data = parseInput(updateInput, input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const current = await findIndicatorRow(tx, id);
    const { unitTargets, ...columns } = data;
    const merged: IndicatorRecord = { ...toIndicator(current), ...Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) };
    await checkDefinition(tx, current.id, merged);
    const targets = unitTargets === undefined ? undefined : await checkUnitTargets(tx, unitTargets);
    const changesShape = merged.periodicity !== current.periodicity || (merged.formula !== null && current.formula === null);
    if (changesShape && (await tx.indicatorValue.count({ where: { indicatorId: current.id } })) > 0) {
      throw new DomainError(DomainErrorCode.CONFLICT, 'The indicator has submitted values: its periodicity stays and it cannot become a formula');
    }
    const row = await tx.indicator.update({ where: { id: current.id }, data: { ...columns, updatedAt: ctx.now() }, include: withTargets });
    if (targets) await writeUnitTargets(tx, tenantId, row.id, targets);
    await recordAudit(tx, tenantId, actor, ctx.now(), { action: 'indicator.update', subjectType: 'Indicator', subjectId: row.id, data: { ...data } });
    return toIndicator(targets ? { ...row, unitTargets: targets } : row);
  });
}

/** The tenant's indicators by code; `publicOnly` for the public statistics. */
export async function listIndicators(ctx: CoreContext, tenantId: string, options: { publicOnly?: boolean } = {}): Promise<IndicatorRecord[]> {
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.indicator.findMany({ where: options.publicOnly ? { isPublic: true } : {}, orderBy: { code: 'asc' }, include: withTargets }));
  return rows.map(toIndicator);
}

export async function findIndicatorRow(tx: TenantTx, id: string) {
  const row = z.uuid().safeParse(id).success ? await tx.indicator.findUnique({ where: { id }, include: withTargets }) : null;
  if (!row) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such indicator');
  return row;
}

async function checkDefinition(tx: TenantTx, selfId: string | null, def: Pick<IndicatorRecord, 'code' | 'aggregation' | 'weightIndicatorId' | 'ownerUnitId' | 'formula'>): Promise<void> {
  if (def.ownerUnitId && !(await tx.unit.findUnique({ where: { id: def.ownerUnitId } }))) {
    throw validationError([{ path: 'ownerUnitId', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
  }
  if (def.aggregation === 'WEIGHTED_AVERAGE' && !def.weightIndicatorId) throw validationError([{ path: 'weightIndicatorId', code: FieldIssueCode.REQUIRED }]);
  if (def.weightIndicatorId) {
    const weight = await tx.indicator.findUnique({ where: { id: def.weightIndicatorId } });
    if (!weight || weight.id === selfId) throw validationError([{ path: 'weightIndicatorId', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
  }
  if (def.formula) {
    const references = formulaReferences(parseFormula(def.formula));
    const others = await tx.indicator.findMany({ where: selfId ? { id: { not: selfId } } : {}, select: { code: true, formula: true } });
    const graph = new Map(others.map((o) => [o.code, o.formula ? formulaReferences(parseFormula(o.formula)) : new Set<string>()]));
    assertFormulaAcyclic(def.code, references, graph);
  }
}

/** What a query of indicators includes for toIndicator: the unit targets. */
export const withTargets = { unitTargets: { select: { unitId: true, unitKind: true, target: true } } } as const;

export function toIndicator(r: {
  id: string; code: string; name: string; nameEn: string; unitOfMeasure: string; periodicity: string; target: number | null; unitTarget: number | null;
  unitTargets: ReadonlyArray<{ unitId: string | null; unitKind: string | null; target: number }>; higherIsBetter: boolean;
  aggregation: string; weightIndicatorId: string | null; ownerUnitId: string | null; isPublic: boolean; formula: string | null;
}): IndicatorRecord {
  return {
    id: r.id, code: r.code, name: r.name, nameEn: r.nameEn, unitOfMeasure: r.unitOfMeasure, periodicity: r.periodicity as Periodicity,
    target: r.target, unitTarget: r.unitTarget, unitTargets: unitTargetsOf(r.unitTargets), higherIsBetter: r.higherIsBetter, aggregation: r.aggregation as AggregationRule, weightIndicatorId: r.weightIndicatorId,
    ownerUnitId: r.ownerUnitId, isPublic: r.isPublic, formula: r.formula,
  };
}
