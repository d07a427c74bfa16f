import {
  discardIndicatorFormDraft,
  readIndicatorFormEntry,
  saveIndicatorFormDraft,
  type IndicatorFormDraftRecord,
  type IndicatorFormEntryRecord,
  type SaveIndicatorFormDraftInput,
} from '@paht/core';
import { builder } from '../builder.js';
import { NotFoundError } from '../errors/expected-errors.js';
import { ADMIN_ERRORS, ADMIN_QUERY_ERRORS, asAdmin, STAFF_ONLY } from './admin-shared.js';
import { IndicatorForm, UnitStatus } from './indicator-forms.js';
import { Indicator, IndicatorValue } from './indicators.js';
import { DateTime } from './scalars.js';
import { withoutNulls } from './without-nulls.js';

// Report form drafts and the form entry read (docs/indicators.md#drafts):
// a unit keeps what it typed so far on the server (never counted anywhere)
// and opens a form with one request: its state, the indicators with their
// targets, its current values with history, and its draft.

const DraftValue = builder.objectRef<IndicatorFormDraftRecord['values'][number]>('IndicatorFormDraftValue').implement({
  fields: (t) => ({ indicatorId: t.exposeID('indicatorId'), code: t.exposeString('code'), value: t.exposeFloat('value') }),
});

const Draft = builder.objectRef<IndicatorFormDraftRecord>('IndicatorFormDraft').implement({
  description: 'A unit’s draft of a form for a period: the values typed so far. Never counted in any figure, alert or export; submitting the form deletes it.',
  fields: (t) => ({
    formId: t.exposeID('formId'),
    unitId: t.exposeID('unitId'),
    period: t.exposeString('period'),
    values: t.field({ type: [DraftValue], description: 'In the form’s order; limits are not checked until the form is submitted.', resolve: (d) => d.values }),
    revision: t.exposeInt('revision', { description: '1, then +1 per save: pass it as `expectedRevision` to save over this draft only.' }),
    savedBy: t.exposeID('savedBy', { nullable: true }),
    savedAt: t.field({ type: DateTime, resolve: (d) => d.savedAt }),
  }),
});

const Entry = builder.objectRef<IndicatorFormEntryRecord>('IndicatorFormEntry').implement({
  description: 'A form for a unit and period, read at once: the unit’s state, the indicators with their targets, the unit’s values with history, and its draft.',
  fields: (t) => ({
    form: t.field({ type: IndicatorForm, resolve: (e) => e.form }),
    period: t.exposeString('period'),
    deadline: t.field({ type: DateTime, resolve: (e) => e.deadline }),
    unit: t.field({ type: UnitStatus, nullable: true, description: 'null: the form is not due from the unit.', resolve: (e) => e.unit }),
    indicators: t.field({ type: [Indicator], description: 'The form’s indicators in its order.', resolve: (e) => e.indicators }),
    values: t.field({ type: [IndicatorValue], description: 'The unit’s current values for the period, each with its history.', resolve: (e) => e.values }),
    draft: t.field({ type: Draft, nullable: true, description: 'The unit’s draft; only for the unit’s own staff and tenant admins.', resolve: (e) => e.draft }),
  }),
});

const Discarded = builder.objectRef<{ discarded: boolean }>('IndicatorFormDraftDiscarded').implement({
  fields: (t) => ({ discarded: t.exposeBoolean('discarded', { description: 'false: there was no draft.' }) }),
});

const DraftValueInput = builder.inputType('IndicatorFormDraftValueInput', {
  fields: (t) => ({ indicatorId: t.id({ required: true }), value: t.float({ required: true }) }),
});

const SaveDraftInput = builder.inputType('SaveIndicatorFormDraftInput', {
  fields: (t) => ({
    formId: t.id({ required: true }),
    unitId: t.id({ required: true, description: 'A unit’s staff: their own unit only; a unit the form is for.' }),
    period: t.string({ required: true }),
    values: t.field({ type: [DraftValueInput], required: true, description: 'The values typed so far (replaces the draft’s); each an indicator of the form, once.' }),
    expectedRevision: t.int({ description: 'The draft revision last read (0: none): another save since answers ConflictError.' }),
  }),
});

const DraftTargetInput = builder.inputType('IndicatorFormDraftTargetInput', {
  fields: (t) => ({ formId: t.id({ required: true }), unitId: t.id({ required: true }), period: t.string({ required: true }) }),
});

builder.queryFields((t) => ({
  indicatorFormEntry: t.field({
    type: Entry,
    description: 'Staff: a form for a unit and period in one request (state, indicators with targets, values with history, draft).',
    extensions: STAFF_ONLY,
    errors: { types: [...ADMIN_QUERY_ERRORS, NotFoundError] },
    args: { formId: t.arg.id({ required: true }), unitId: t.arg.id({ required: true }), period: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asAdmin(ctx, (actor) => readIndicatorFormEntry(ctx.core, ctx.tenant.id, actor, a)),
  }),
}));

builder.mutationFields((t) => ({
  saveIndicatorFormDraft: t.field({
    type: Draft,
    description: 'A unit’s staff (own unit) or a tenant admin: keep the values typed so far. Limits are checked at submission, not here; an indicator not of the form (`values.<i>.indicatorId`), a unit the form is not for, a period of another periodicity are ValidationErrors, nothing written.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: SaveDraftInput, required: true }) },
    resolve: (_r, { input }, ctx) => asAdmin(ctx, (actor) => saveIndicatorFormDraft(ctx.core, ctx.tenant.id, actor, withoutNulls(input) as SaveIndicatorFormDraftInput)),
  }),
  discardIndicatorFormDraft: t.field({
    type: Discarded,
    description: 'The same people: delete the draft.',
    extensions: STAFF_ONLY,
    errors: { types: ADMIN_ERRORS },
    args: { input: t.arg({ type: DraftTargetInput, required: true }) },
    resolve: (_r, { input }, ctx) => asAdmin(ctx, async (actor) => ({ discarded: await discardIndicatorFormDraft(ctx.core, ctx.tenant.id, actor, input) })),
  }),
}));
