import { builder } from '../builder.js';
import { COMMAND_ERRORS } from '../errors/expected-errors.js';
import { RejectionReasonEnum, ReportVisibilityEnum, ResolutionOutcomeEnum } from './enums.js';
import { publishing } from '../live/publish-change.js';
import { asStaff as applyAsStaff, ReportTransition } from './report-transition.js';
import { requireStaff } from '../context.js';
import { attachmentsFromUploads, withUploadPaths } from '../uploads/upload-attachments.js';
import { recordsPublicChanges } from '../cache/public-facets.js';

/** Every step below is published to live subscribers once it has committed. */
const asStaff = publishing(applyAsStaff);

// The lifecycle steps staff take, one mutation each (see the core's
// report-transitions.ts for who may take which step from which status).
// Each answers ReportTransition or one of the expected errors.

const staffStep = { type: ReportTransition, errors: { types: COMMAND_ERRORS }, extensions: recordsPublicChanges } as const;

builder.mutationFields((t) => ({
  classifyReport: t.field({
    ...staffStep,
    description: 'IOC: give a submitted report its category (and visibility).',
    args: { id: t.arg.id({ required: true }), categoryId: t.arg.id({ required: true }), visibility: t.arg({ type: ReportVisibilityEnum }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'CLASSIFY', categoryId: a.categoryId, visibility: a.visibility, reason: a.reason }),
  }),
  rejectReport: t.field({
    ...staffStep,
    description: 'IOC: turn a report away (spam, duplicate, out of scope), with a reason for the citizen.',
    args: {
      id: t.arg.id({ required: true }),
      rejection: t.arg({ type: RejectionReasonEnum, required: true }),
      reason: t.arg.string({ required: true }),
      duplicateOfCode: t.arg.string({
        description: 'The tracking code of the report this one repeats, in any spelling: another report of this tenant, else ValidationError (UNKNOWN_REFERENCE, SELF_REFERENCE).',
      }),
    },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'REJECT', rejection: a.rejection, reason: a.reason, duplicateOfCode: a.duplicateOfCode }),
  }),
  assignReport: t.field({
    ...staffStep,
    description: 'IOC: hand a classified report to a unit.',
    args: { id: t.arg.id({ required: true }), unitId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'ASSIGN', unitId: a.unitId, reason: a.reason }),
  }),
  acceptReport: t.field({
    ...staffStep,
    description: 'Assigned unit: take the report on.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'ACCEPT', reason: a.reason }),
  }),
  returnReport: t.field({
    ...staffStep,
    description: 'Assigned unit: send the report back to the IOC (not ours), with a reason.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'RETURN', reason: a.reason }),
  }),
  startReport: t.field({
    ...staffStep,
    description: 'Assigned unit: work has started.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'START', reason: a.reason }),
  }),
  extendDeadline: t.field({
    ...staffStep,
    description: "Unit leader or IOC: extend the resolution deadline (minutes in the policy's clock).",
    args: { id: t.arg.id({ required: true }), extensionMinutes: t.arg.int({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'EXTEND', extensionMinutes: a.extensionMinutes, reason: a.reason }),
  }),
  requestInfo: t.field({
    ...staffStep,
    description: 'Assigned unit: ask the citizen for more information (pauses the clock).',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true, description: 'The question, shown to the citizen.' }) },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'REQUEST_INFO', reason: a.reason }),
  }),
  resolveReport: t.field({
    ...staffStep,
    description: "Assigned unit: give the answer (kết quả xử lý).",
    args: {
      id: t.arg.id({ required: true }),
      answer: t.arg.string({ required: true }),
      reason: t.arg.string({ description: 'Required with outcome NOT_FIXED: why the unit cannot or will not act.' }),
      outcome: t.arg({ type: ResolutionOutcomeEnum, description: 'Default FIXED. NOT_FIXED: closed – not fixed (never counted as resolved).' }),
      uploadIds: t.arg.idList({ description: 'Photos of the result, sent before to POST /uploads (at most 10); public once the answer is published.' }),
    },
    resolve: async (_r, a, ctx) => {
      requireStaff(ctx);
      const attachments = await attachmentsFromUploads(ctx, a.uploadIds?.map(String), 'uploadIds');
      return withUploadPaths(() => asStaff(ctx, a.id, { type: 'RESOLVE', answer: a.answer, reason: a.reason, attachments, ...(a.outcome ? { outcome: a.outcome } : {}) }));
    },
  }),
  publishReport: t.field({
    ...staffStep,
    description: 'IOC: publish the answer.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'PUBLISH', reason: a.reason }),
  }),
  closeReport: t.field({
    ...staffStep,
    description: 'IOC: close a published report the citizen did not rate.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'CLOSE', reason: a.reason }),
  }),
}));
