import {
  archiveIndicatorForm,
  defineIndicatorForm,
  FormSubmissionState,
  IndicatorFormStatus,
  listIndicatorForms,
  readIndicatorFormStatus,
  submitIndicatorForm,
  updateIndicatorForm,
  type DefineIndicatorFormInput,
  type IndicatorFormItemRecord,
  type IndicatorFormRecord,
  type IndicatorFormStatusRecord,
  type IndicatorFormSubmissionRecord,
  type SubmitIndicatorFormInput,
  type UnitFormStatus,
  type UpdateIndicatorFormInput,
} from '@paht/core';
import { builder } from '../builder.js';
import { NotFoundError } from '../errors/expected-errors.js';
import { ADMIN_ERRORS, ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';
import { PeriodicityEnum } from './indicators.js';
import { DateTime } from './scalars.js';
import { UnitKindEnum } from './unit.js';
import { withoutNulls } from './without-nulls.js';

// Indicator report forms (docs/indicators.md#report-forms): tenant admins
// define versioned sets of indicators; units submit a whole form per period
// at once (corrections audited, replays answered without writing); staff
// read which units submitted, on time or late, and which are missing.

const FormStatusEnum = builder.enumType('IndicatorFormStatus', { description: 'ACTIVE takes submissions; ARCHIVED no more.', values: Object.values(IndicatorFormStatus) });
const SubmissionStateEnum = builder.enumType('IndicatorFormSubmissionState', {
  description: 'ON_TIME / LATE: first submitted by / after the deadline. PENDING / OVERDUE: not submitted, before / after the deadline.',
  values: Object.values(FormSubmissionState),
});

const FormItem = builder.objectRef<IndicatorFormItemRecord>('IndicatorFormItem').implement({
  description: 'An indicator of a form, in the order units fill it in.',
  fields: (t) => ({
    indicatorId: t.exposeID('indicatorId'),
    code: t.exposeString('code', { description: 'The indicator’s code: a refused value’s issue is on `values.<code>`.' }),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    unitOfMeasure: t.exposeString('unitOfMeasure'),
    required: t.exposeBoolean('required'),
    minValue: t.float({ nullable: true, resolve: (i) => i.minValue }),
    maxValue: t.float({ nullable: true, resolve: (i) => i.maxValue }),
  }),
});

export const IndicatorForm = builder.objectRef<IndicatorFormRecord>('IndicatorForm').implement({
  description: 'A report form (biểu mẫu báo cáo chỉ tiêu): indicators that units submit together per period, at its current version.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    status: t.field({ type: FormStatusEnum, resolve: (f) => f.status }),
    version: t.exposeInt('version', { description: '1, then +1 per change of the definition.' }),
    name: t.exposeString('name', { description: 'Vietnamese name.' }),
    nameEn: t.exposeString('nameEn'),
    periodicity: t.field({ type: PeriodicityEnum, resolve: (f) => f.periodicity }),
    deadlineDays: t.exposeInt('deadlineDays', { description: 'Due by the end of the day this many days after the period’s last day (tenant time).' }),
    unitIds: t.exposeIDList('unitIds', { description: 'Units that must submit, besides those of `unitKinds`.' }),
    unitKinds: t.field({ type: [UnitKindEnum], description: 'Every active unit of these kinds must submit.', resolve: (f) => f.unitKinds }),
    items: t.field({ type: [FormItem], resolve: (f) => f.items }),
    createdAt: t.field({ type: DateTime, resolve: (f) => f.createdAt }),
    updatedAt: t.field({ type: DateTime, resolve: (f) => f.updatedAt }),
    archivedAt: t.field({ type: DateTime, nullable: true, resolve: (f) => f.archivedAt }),
  }),
});

const SubmittedValue = builder.objectRef<IndicatorFormSubmissionRecord['values'][number]>('IndicatorFormValue').implement({
  fields: (t) => ({
    indicatorId: t.exposeID('indicatorId'),
    code: t.exposeString('code'),
    value: t.float({ nullable: true, description: 'null: not submitted (an optional indicator).', resolve: (v) => v.value }),
    revision: t.int({ nullable: true, description: 'The value’s own revision (indicatorSubmissions has its history).', resolve: (v) => v.revision }),
  }),
});

const FormSubmission = builder.objectRef<IndicatorFormSubmissionRecord>('IndicatorFormSubmission').implement({
  description: 'A unit’s submission (revision 1) or correction of a form for a period, with the unit’s current values.',
  fields: (t) => ({
    id: t.exposeID('id'),
    formId: t.exposeID('formId'),
    formVersion: t.exposeInt('formVersion', { description: 'The version it was made against.' }),
    unitId: t.exposeID('unitId'),
    period: t.exposeString('period'),
    revision: t.exposeInt('revision'),
    reason: t.exposeString('reason', { nullable: true }),
    submittedBy: t.exposeID('submittedBy', { nullable: true }),
    submittedAt: t.field({ type: DateTime, resolve: (s) => s.submittedAt }),
    replayed: t.exposeBoolean('replayed', { description: 'true: an earlier submission answered again (a replay); nothing was written.' }),
    values: t.field({ type: [SubmittedValue], resolve: (s) => s.values }),
  }),
});

export const UnitStatus = builder.objectRef<UnitFormStatus>('IndicatorFormUnitStatus').implement({
  fields: (t) => ({
    unitId: t.exposeID('unitId'),
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    state: t.field({ type: SubmissionStateEnum, resolve: (u) => u.state }),
    firstSubmittedAt: t.field({ type: DateTime, nullable: true, resolve: (u) => u.firstSubmittedAt }),
    lastSubmittedAt: t.field({ type: DateTime, nullable: true, resolve: (u) => u.lastSubmittedAt }),
    lastSubmittedBy: t.exposeID('lastSubmittedBy', { nullable: true }),
    revision: t.int({ nullable: true, resolve: (u) => u.revision }),
  }),
});

const FormStatusRef = builder.objectRef<IndicatorFormStatusRecord>('IndicatorFormStatusReport').implement({
  description: 'Per form and period: every unit the form is due from, with where it stands.',
  fields: (t) => ({
    form: t.field({ type: IndicatorForm, resolve: (s) => s.form }),
    period: t.exposeString('period'),
    deadline: t.field({ type: DateTime, resolve: (s) => s.deadline }),
    units: t.field({ type: [UnitStatus], resolve: (s) => s.units }),
    submitted: t.exposeInt('submitted'),
    missing: t.exposeInt('missing'),
    late: t.exposeInt('late', { description: 'Submitted after the deadline.' }),
    overdue: t.exposeInt('overdue', { description: 'Not submitted, the deadline passed.' }),
  }),
});

const ItemInput = builder.inputType('IndicatorFormItemInput', {
  fields: (t) => ({
    indicatorId: t.id({ required: true, description: 'A submitted (not computed) indicator of the form’s periodicity.' }),
    required: t.boolean({ description: 'Default true.' }),
    minValue: t.float(),
    maxValue: t.float(),
  }),
});

const DefineFormInput = builder.inputType('DefineIndicatorFormInput', {
  description: 'A new report form. `unitIds` or `unitKinds` must name someone.',
  fields: (t) => ({
    code: t.string({ required: true, description: 'Upper case, digits and _.' }),
    name: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    periodicity: t.field({ type: PeriodicityEnum, required: true }),
    deadlineDays: t.int({ required: true, description: '0 to 366.' }),
    unitIds: t.idList(),
    unitKinds: t.field({ type: [UnitKindEnum] }),
    items: t.field({ type: [ItemInput], required: true }),
  }),
});

const UpdateFormInput = builder.inputType('UpdateIndicatorFormInput', {
  description: 'What to change (omitted fields stay); writes the next version. `items` replaces the whole list.',
  fields: (t) => ({
    name: t.string(),
    nameEn: t.string(),
    periodicity: t.field({ type: PeriodicityEnum }),
    deadlineDays: t.int(),
    unitIds: t.idList(),
    unitKinds: t.field({ type: [UnitKindEnum] }),
    items: t.field({ type: [ItemInput] }),
  }),
});

const ValueInput = builder.inputType('IndicatorFormValueInput', {
  fields: (t) => ({ indicatorId: t.id({ required: true }), value: t.float({ required: true }) }),
});

const SubmitFormInput = builder.inputType('SubmitIndicatorFormInput', {
  fields: (t) => ({
    formId: t.id({ required: true }),
    unitId: t.id({ required: true, description: 'A unit’s staff: their own unit only; the unit must be one the form is for.' }),
    period: t.string({ required: true, description: '`2026-03`, `2026-Q1` or `2026`, by the form’s periodicity.' }),
    values: t.field({ type: [ValueInput], required: true, description: 'Every required indicator of the form, any optional one.' }),
    reason: t.string({ description: 'Required to correct a submission (or values already submitted).' }),
    idempotencyKey: t.string({ description: 'A retry with the same key and input answers the first submission (`replayed`); the key with other input answers ConflictError.' }),
  }),
});

builder.queryFields((t) => ({
  indicatorForms: t.field({
    type: [IndicatorForm],
    description: 'Staff: the tenant’s report forms by code, at their current version (archived ones with `includeArchived`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_QUERY_ERRORS },
    args: { includeArchived: t.arg.boolean() },
    resolve: (_r, a, ctx) => asAdmin(ctx, (actor) => listIndicatorForms(ctx.core, ctx.tenant.id, actor, { includeArchived: a.includeArchived ?? false })),
  }),
  indicatorFormStatus: t.field({
    type: FormStatusRef,
    description: 'Staff: for a form and period, each unit the form is due from: ON_TIME, LATE, PENDING or OVERDUE, with the deadline.',
    extensions: STAFF_ONLY,
    errors: { types: [...ADMIN_QUERY_ERRORS, NotFoundError] },
    args: { formId: t.arg.id({ required: true }), period: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asAdmin(ctx, (actor) => readIndicatorFormStatus(ctx.core, ctx.tenant.id, actor, a.formId, a.period)),
  }),
}));

builder.mutationFields((t) => ({
  defineIndicatorForm: t.field({
    type: IndicatorForm,
    description: 'Tenant admin: a new report form (version 1). Audited (`indicator-form.define`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: DefineFormInput, required: true }) },
    resolve: (_r, { input }, ctx) => asAdmin(ctx, (actor) => defineIndicatorForm(ctx.core, ctx.tenant.id, actor, withoutNulls(input) as DefineIndicatorFormInput)),
  }),
  updateIndicatorForm: t.field({
    type: IndicatorForm,
    description: 'Tenant admin: change a form; writes its next version (earlier submissions keep theirs). Audited (`indicator-form.update`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateFormInput, required: true }) },
    resolve: (_r, { id, input }, ctx) => asAdmin(ctx, (actor) => updateIndicatorForm(ctx.core, ctx.tenant.id, actor, id, withoutNulls(input) as UpdateIndicatorFormInput)),
  }),
  archiveIndicatorForm: t.field({
    type: IndicatorForm,
    description: 'Tenant admin: no more submissions of this form; its submissions and values stay. Audited (`indicator-form.archive`).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx) => asAdmin(ctx, (actor) => archiveIndicatorForm(ctx.core, ctx.tenant.id, actor, id)),
  }),
  submitIndicatorForm: t.field({
    type: FormSubmission,
    description:
      'A unit’s staff (own unit) or a tenant admin: a whole form for a period, atomically. Every value is checked first; a ValidationError names each refused one on `values.<code>` (REQUIRED, TOO_SMALL, TOO_LARGE, INVALID) or `values.<i>.indicatorId` (UNKNOWN_REFERENCE), and nothing is written. Again for the same unit and period is a correction: `reason` required, audited (`indicator-form.correct`, and `indicator-value.correct` per changed value).',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: SubmitFormInput, required: true }) },
    resolve: (_r, { input }, ctx) => asAdmin(ctx, (actor) => submitIndicatorForm(ctx.core, ctx.tenant.id, actor, withoutNulls(input) as SubmitIndicatorFormInput)),
  }),
}));
