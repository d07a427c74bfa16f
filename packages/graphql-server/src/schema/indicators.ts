import {
  AGGREGATION_RULES,
  defineIndicator,
  lagTolerant,
  listIndicators,
  listIndicatorSubmissions,
  PERIODICITIES,
  readIndicatorFigure,
  readPublicIndicatorFigures,
  submitIndicatorValue,
  updateIndicator,
  assertCan,
  Permission,
  type IndicatorFigure,
  type IndicatorFigureWithUnits,
  type IndicatorRecord,
  type IndicatorUnitFigure,
  type IndicatorUnitTarget,
  type IndicatorValueRecord,
  type IndicatorValueRevisionRecord,
} from '@paht/core';
import type { InputFieldBuilder } from '@pothos/core';
import { builder } from '../builder.js';
import { callCore, NotFoundError, ValidationError } from '../errors/expected-errors.js';
import { ADMIN_ERRORS, ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';
import { DateTime } from './scalars.js';
import { UnitKindEnum } from './unit.js';

// Socio-economic indicators (docs/indicators.md): tenant admins define them,
// units submit and correct values per period, staff read figures aggregated
// up the unit tree and over periods, anyone reads the public ones.

export const PeriodicityEnum = builder.enumType('IndicatorPeriodicity', {
  description: 'How often values are submitted. Periods are written `2026-03` (MONTH), `2026-Q1` (QUARTER) or `2026` (YEAR).',
  values: PERIODICITIES,
});
const AggregationEnum = builder.enumType('IndicatorAggregation', {
  description:
    'How values combine over a branch of units and over the periods inside a longer one. SUM: added up. AVERAGE: the mean. WEIGHTED_AVERAGE: weighted by `weightIndicator`’s value of the same unit and period. LAST: each unit’s latest period, units added up.',
  values: AGGREGATION_RULES,
});

const UnitTarget = builder.objectRef<IndicatorUnitTarget>('IndicatorUnitTarget').implement({
  description: 'A target for one unit’s branch figure (`unitId`), or for that of every unit of a kind (`unitKind`).',
  fields: (t) => ({
    unitId: t.exposeID('unitId', { nullable: true }),
    unitKind: t.field({ type: UnitKindEnum, nullable: true, resolve: (u) => u.unitKind }),
    target: t.exposeFloat('target'),
  }),
});

const TARGET_RULE = 'A unit’s branch figure is compared with its own target, else its kind’s, else `unitTarget`; the tenant-wide figure with `target` only.';

export const Indicator = builder.objectRef<IndicatorRecord>('Indicator').implement({
  description: 'A socio-economic indicator (chỉ tiêu kinh tế – xã hội): submitted by units, or computed by its `formula`.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'Upper case; formulas name indicators by code.' }),
    name: t.exposeString('name', { description: 'Vietnamese name.' }),
    nameEn: t.exposeString('nameEn'),
    unitOfMeasure: t.exposeString('unitOfMeasure'),
    periodicity: t.field({ type: PeriodicityEnum, resolve: (i) => i.periodicity }),
    target: t.float({ nullable: true, description: `The tenant-wide figure’s target. ${TARGET_RULE}`, resolve: (i) => i.target }),
    unitTarget: t.float({ nullable: true, description: 'Every unit’s branch figure’s target, unless `unitTargets` has one for the unit or its kind.', resolve: (i) => i.unitTarget }),
    unitTargets: t.field({ type: [UnitTarget], description: 'Targets of one unit, or of every unit of a kind (kinds first).', resolve: (i) => i.unitTargets }),
    higherIsBetter: t.exposeBoolean('higherIsBetter'),
    aggregation: t.field({ type: AggregationEnum, resolve: (i) => i.aggregation }),
    weightIndicatorId: t.exposeID('weightIndicatorId', { nullable: true }),
    ownerUnitId: t.exposeID('ownerUnitId', { nullable: true, description: 'The responsible unit: alerted when its branch misses the target.' }),
    isPublic: t.exposeBoolean('isPublic'),
    formula: t.exposeString('formula', { nullable: true, description: 'null: submitted by units. Otherwise e.g. `RICE / AREA`, `sum(A, B)`, `yoy(GRDP)`.' }),
  }),
});

const PublicIndicator = builder.objectRef<IndicatorRecord>('PublicIndicator').implement({
  description: 'A public indicator, as anyone sees it.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    unitOfMeasure: t.exposeString('unitOfMeasure'),
    periodicity: t.field({ type: PeriodicityEnum, resolve: (i) => i.periodicity }),
    target: t.float({ nullable: true, description: 'The tenant-wide figure’s target.', resolve: (i) => i.target }),
    higherIsBetter: t.exposeBoolean('higherIsBetter'),
  }),
});

const Revision = builder.objectRef<IndicatorValueRevisionRecord>('IndicatorValueRevision').implement({
  fields: (t) => ({
    revision: t.exposeInt('revision'),
    value: t.exposeFloat('value'),
    reason: t.exposeString('reason', { nullable: true, description: 'Why it was corrected (null for the first value).' }),
    submittedBy: t.exposeID('submittedBy', { nullable: true, description: 'The staff account.' }),
    submittedAt: t.field({ type: DateTime, resolve: (r) => r.submittedAt }),
  }),
});

export const IndicatorValue = builder.objectRef<IndicatorValueRecord>('IndicatorValue').implement({
  description: 'A unit’s current value of an indicator for a period, with every earlier one.',
  fields: (t) => ({
    id: t.exposeID('id'),
    indicatorId: t.exposeID('indicatorId'),
    unitId: t.exposeID('unitId'),
    period: t.exposeString('period'),
    value: t.exposeFloat('value'),
    revision: t.exposeInt('revision', { description: '1 for the first value, +1 per correction.' }),
    submittedBy: t.exposeID('submittedBy', { nullable: true }),
    submittedAt: t.field({ type: DateTime, resolve: (v) => v.submittedAt }),
    history: t.field({ type: [Revision], resolve: (v) => v.history }),
  }),
});

const UnitFigure = builder.objectRef<IndicatorUnitFigure>('IndicatorUnitFigure').implement({
  fields: (t) => ({
    unitId: t.exposeID('unitId'),
    value: t.float({ nullable: true, resolve: (f) => f.value }),
    target: t.float({ nullable: true, description: 'The target that applies to this unit’s figure.', resolve: (f) => f.target }),
    missesTarget: t.boolean({ nullable: true, resolve: (f) => f.missesTarget }),
  }),
});

const IndicatorFigureRef = builder.objectRef<IndicatorFigureWithUnits>('IndicatorFigure').implement({
  description: 'An indicator’s figure for a period over a unit’s branch (or the whole tenant), with each sub-unit’s.',
  fields: (t) => ({
    indicator: t.field({ type: Indicator, resolve: (f) => f.indicator }),
    period: t.exposeString('period'),
    unitId: t.exposeID('unitId', { nullable: true, description: 'null: the whole tenant.' }),
    value: t.float({ nullable: true, description: 'null: nothing submitted, an input missing or a division by zero.', resolve: (f) => f.value }),
    target: t.float({ nullable: true, description: `The target that applies to this figure. ${TARGET_RULE}`, resolve: (f) => f.target }),
    missesTarget: t.boolean({ nullable: true, resolve: (f) => f.missesTarget }),
    byUnit: t.field({ type: [UnitFigure], description: 'Each direct sub-unit’s branch (the top-level units for the whole tenant).', resolve: (f) => f.byUnit }),
  }),
});

const PublicIndicatorFigure = builder.objectRef<IndicatorFigure>('PublicIndicatorFigure').implement({
  description: 'A public indicator’s tenant-wide figure for a period.',
  fields: (t) => ({
    indicator: t.field({ type: PublicIndicator, resolve: (f) => f.indicator }),
    period: t.exposeString('period'),
    value: t.float({ nullable: true, resolve: (f) => f.value }),
    target: t.float({ nullable: true, description: 'The tenant-wide target it is compared with.', resolve: (f) => f.target }),
    missesTarget: t.boolean({ nullable: true, resolve: (f) => f.missesTarget }),
  }),
});

const UnitTargetInput = builder.inputType('IndicatorUnitTargetInput', {
  description: 'A target for one unit (`unitId`) or for every unit of a kind (`unitKind`): exactly one of them.',
  fields: (t) => ({ unitId: t.id(), unitKind: t.field({ type: UnitKindEnum }), target: t.float({ required: true }) }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
const indicatorFields = (t: InputFieldBuilder<Types, 'InputObject'>) => ({
  name: t.string(),
  nameEn: t.string(),
  unitOfMeasure: t.string(),
  periodicity: t.field({ type: PeriodicityEnum }),
  target: t.float({ description: 'The tenant-wide figure’s target; null clears it.' }),
  unitTarget: t.float({ description: 'Every unit’s figure’s target, unless `unitTargets` names the unit or its kind; null clears it.' }),
  unitTargets: t.field({ type: [UnitTargetInput], description: 'The whole list, replacing the one before (null or [] clears it). A unit of another tenant is a ValidationError (UNKNOWN_REFERENCE).' }),
  higherIsBetter: t.boolean({ description: 'Default true.' }),
  aggregation: t.field({ type: AggregationEnum }),
  weightIndicatorId: t.id({ description: 'Required for WEIGHTED_AVERAGE.' }),
  ownerUnitId: t.id(),
  isPublic: t.boolean({ description: 'Default false.' }),
  formula: t.string({ description: 'Indicator codes, numbers, + - * /, parentheses, yoy(x), lastYear(x), sum/min/max(…), abs(x). null: submitted by units.' }),
});

const DefineIndicatorInput = builder.inputType('DefineIndicatorInput', {
  description: 'A new indicator. `name`, `nameEn`, `unitOfMeasure`, `periodicity` and `aggregation` are required.',
  fields: (t) => ({ code: t.string({ required: true }), ...indicatorFields(t) }),
});
const UpdateIndicatorInput = builder.inputType('UpdateIndicatorInput', {
  description: 'What to change; omitted fields stay. The code never changes.',
  fields: (t) => indicatorFields(t),
});

const SubmitIndicatorValueInput = builder.inputType('SubmitIndicatorValueInput', {
  fields: (t) => ({
    indicatorId: t.id({ required: true }),
    unitId: t.id({ required: true, description: 'A unit’s staff: their own unit only.' }),
    period: t.string({ required: true, description: '`2026-03`, `2026-Q1` or `2026`, by the indicator’s periodicity.' }),
    value: t.float({ required: true }),
    reason: t.string({ description: 'Required to correct a value already submitted.' }),
  }),
});

type IndicatorInputShape = Partial<Record<keyof ReturnType<typeof indicatorFields>, unknown>>;
/** GraphQL's omitted (undefined) stays omitted; an explicit null clears the nullable fields. */
function definition(input: IndicatorInputShape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (v === null && !['target', 'unitTarget', 'unitTargets', 'weightIndicatorId', 'ownerUnitId', 'formula'].includes(k)) continue;
    out[k] = k === 'unitTargets' ? (v ?? []) : v;
  }
  return out;
}

builder.queryFields((t) => ({
  indicators: t.field({
    type: [Indicator],
    description: 'Staff: the tenant’s indicators by code.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    resolve: (_r, _a, ctx) => asAdmin(ctx, async (actor) => {
      assertCan(actor, Permission.INDICATOR_READ);
      return listIndicators(ctx.core, ctx.tenant.id);
    }),
  }),
  indicatorFigure: t.field({
    type: IndicatorFigureRef,
    description: 'Staff: an indicator’s figure for a period (its own periodicity or a longer one) over a unit’s branch, or the whole tenant when `unitId` is omitted.',
    extensions: STAFF_ONLY,
    errors: { types: [...ADMIN_QUERY_ERRORS, NotFoundError] },
    args: { indicatorId: t.arg.id({ required: true }), period: t.arg.string({ required: true }), unitId: t.arg.id() },
    resolve: (_r, a, ctx) => asAdmin(ctx, (actor) => readIndicatorFigure(ctx.core, ctx.tenant.id, actor, { indicatorId: a.indicatorId, period: a.period, unitId: a.unitId ?? null })),
  }),
  indicatorSubmissions: t.field({
    type: [IndicatorValue],
    description: 'Staff: the values units submitted for an indicator and period, each with its history.',
    extensions: STAFF_ONLY,
    errors: { types: [...ADMIN_QUERY_ERRORS, NotFoundError] },
    args: { indicatorId: t.arg.id({ required: true }), period: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asAdmin(ctx, (actor) => listIndicatorSubmissions(ctx.core, ctx.tenant.id, actor, a.indicatorId, a.period)),
  }),
  publicIndicators: t.field({
    type: [PublicIndicatorFigure],
    description: 'Anyone: the tenant-wide figures of the indicators marked public, for a period (`2026`, `2026-Q1`, `2026-03`).',
    errors: { types: [ValidationError] },
    args: { period: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => callCore(() => readPublicIndicatorFigures(lagTolerant(ctx.core), ctx.tenant.id, a.period)),
  }),
}));

builder.mutationFields((t) => ({
  defineIndicator: t.field({
    type: Indicator,
    description: 'Tenant admin: a new indicator. A formula naming itself, a cycle or an unknown code is a ValidationError on `formula` (FORMULA_CYCLE, FORMULA_UNKNOWN_INDICATOR, FORMULA_SYNTAX). Audited (`indicator.define`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: DefineIndicatorInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, (actor) => defineIndicator(ctx.core, ctx.tenant.id, actor, { code: input.code, ...definition(input) } as Parameters<typeof defineIndicator>[3])),
  }),
  updateIndicator: t.field({
    type: Indicator,
    description: 'Tenant admin: change an indicator (its code stays). Audited (`indicator.update`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateIndicatorInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => asAdmin(ctx, (actor) => updateIndicator(ctx.core, ctx.tenant.id, actor, id, definition(input))),
  }),
  submitIndicatorValue: t.field({
    type: IndicatorValue,
    description:
      'A unit’s staff (own unit) or a tenant admin: a value for a period. Again for the same unit and period is a correction: `reason` required, the earlier value kept in `history`, audited (`indicator-value.correct`). A figure that misses its target notifies the responsible units (INDICATOR_TARGET_MISSED).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: SubmitIndicatorValueInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      asAdmin(ctx, (actor) =>
        submitIndicatorValue(ctx.core, ctx.tenant.id, actor, { indicatorId: input.indicatorId, unitId: input.unitId, period: input.period, value: input.value, ...(input.reason ? { reason: input.reason } : {}) }),
      ),
  }),
}));
