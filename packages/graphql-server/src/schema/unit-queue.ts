import {
  AnswerLinkRefusal,
  answerThroughLink,
  availableCommands,
  createAnswerLink,
  findTenantById,
  listUnitQueue,
  openAnswerLink,
  TRANSITIONS,
  type AnswerLink,
  type PendingStep,
  type ReportCommandType,
  type ReportProjection,
} from '@paht/core';
import { builder } from '../builder.js';
import { ResolutionOutcomeEnum } from './enums.js';
import { requireStaff } from '../context.js';
import { AnswerLinkRefusedError, callCore, COMMAND_ERRORS, ConflictError, ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../errors/expected-errors.js';
import { publishing } from '../live/publish-change.js';
import { attachmentsFromUploads, withUploadPaths } from '../uploads/upload-attachments.js';
import { ErrorInterface } from './errors.js';
import { Report, TimelineEntry } from './report.js';
import { fromListItem, fromPublicView, type ReportShape } from './report-shape.js';
import { asStaff as applyAsStaff, ReportTransition } from './report-transition.js';
import { DateTime } from './scalars.js';
import { recordsPublicChanges } from '../cache/public-facets.js';

// The unit queue (docs/report-lifecycle.md, "Unit queue"): forwarding to a
// sub-unit, extension requests and draft answers the unit leader decides,
// answer links for contractors and communes without accounts.

const asStaff = publishing(applyAsStaff);
const staffStep = { type: ReportTransition, errors: { types: COMMAND_ERRORS }, extensions: recordsPublicChanges } as const;

const AnswerLinkRefusalEnum = builder.enumType('AnswerLinkRefusal', {
  description: 'Why an answer link is refused: INVALID (malformed, tampered with, or another tenant’s), EXPIRED, WRONG_REPORT, USED (it already answered).',
  values: Object.values(AnswerLinkRefusal),
});

builder.objectType(AnswerLinkRefusedError, {
  name: 'AnswerLinkRefusedError',
  description: 'The answer link cannot be used: `reason` says why. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.field({ type: AnswerLinkRefusalEnum, resolve: (e) => e.reason }) }),
});

const ReportCommandEnum = builder.enumType('ReportCommand', {
  description: 'A step of the lifecycle as staff take it (report-transitions.ts); APPROVE_EXTENSION and APPROVE_ANSWER are recorded on the timeline as EXTEND and RESOLVE.',
  values: Object.keys(TRANSITIONS) as ReportCommandType[],
});

const PendingRequest = builder.objectRef<PendingStep>('PendingRequest').implement({
  description: 'A request awaiting the unit leader: an extension request or a draft answer. Staff only.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'Its step on the timeline.' }),
    at: t.field({ type: DateTime, resolve: (p) => p.at }),
    actorRole: t.exposeString('actorRole', { description: 'UNIT_OFFICER, or ANSWER_LINK for an answer through a link.' }),
    actorUnitId: t.exposeID('actorUnitId', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    extensionMinutes: t.int({ nullable: true, description: 'Extension requests: the minutes asked for.', resolve: (p) => p.extensionMinutes ?? null }),
    answer: t.string({ nullable: true, description: 'Draft answers: the text.', resolve: (p) => p.answer ?? null }),
    outcome: t.field({
      type: ResolutionOutcomeEnum,
      nullable: true,
      description: 'Draft answers: FIXED, or NOT_FIXED (closed – not fixed, `reason` says why); null for extension requests.',
      resolve: (p) => (p.answer === undefined ? null : (p.outcome ?? 'FIXED')),
    }),
    throughLink: t.boolean({ description: 'Drafted through an answer link.', resolve: (p) => p.linkId !== undefined }),
  }),
});

const queueOf = (r: ReportShape): ReportProjection | null => r.unitQueue ?? null;

builder.objectFields(Report, (t) => ({
  pendingExtension: t.field({
    type: PendingRequest,
    nullable: true,
    description: 'Staff views: the officer’s extension request awaiting the unit leader, if any.',
    resolve: (r) => queueOf(r)?.pendingExtension ?? null,
  }),
  pendingAnswer: t.field({
    type: PendingRequest,
    nullable: true,
    description: 'Staff views: the draft answer awaiting the unit leader’s approval, if any.',
    resolve: (r) => queueOf(r)?.pendingAnswer ?? null,
  }),
  forwardedBy: t.id({
    nullable: true,
    description: 'Staff views: the unit that forwarded the report to the unit holding it (a RETURN goes back there), if it came by FORWARD.',
    resolve: (r) => queueOf(r)?.forwarders.at(-1) ?? null,
  }),
  staffActions: t.field({
    type: [ReportCommandEnum],
    description: 'Staff views: the steps the signed-in staff member may take now, from the transition table (the tenant’s answer-approval rule and pending requests included).',
    resolve: async (r, _a, ctx) => {
      const q = queueOf(r);
      const staff = ctx.staff;
      if (!q || !staff) return [];
      // The tenant as it is now: a changed answer-approval rule applies at once.
      const tenant = await findTenantById(ctx.core, ctx.tenant.id);
      return availableCommands(
        {
          id: r.id,
          status: r.status,
          unitId: q.unitId,
          forwardedBy: q.forwarders.at(-1) ?? null,
          pendingExtension: q.pendingExtension !== null,
          pendingAnswer: q.pendingAnswer !== null,
          answerApproval: tenant.settings.workflow.answerApproval,
        },
        staff,
      );
    },
  }),
}));

builder.objectFields(TimelineEntry, (t) => ({
  actorUnitId: t.id({ nullable: true, description: 'Staff views only: the unit of who took the step (the unit that acted).', resolve: (e) => e.actorUnitId ?? null }),
  toUnitId: t.id({ nullable: true, description: 'Staff views only: the unit the step handed the report to (ASSIGN, FORWARD, and a RETURN back to the forwarding unit).', resolve: (e) => e.toUnitId ?? null }),
}));

const AnswerLinkRef = builder.objectRef<AnswerLink & { reportId: string }>('AnswerLink').implement({
  description: 'A signed link for a contractor or a commune without accounts to answer one report once. The token is shown once; keep it out of logs.',
  fields: (t) => ({
    reportId: t.exposeID('reportId'),
    linkId: t.exposeID('linkId', { description: 'Audited as report.answer-link; the draft it produces carries it.' }),
    token: t.exposeString('token', { description: 'Put it in the link you send (the answer page passes it with the report id).' }),
    expiresAt: t.field({ type: DateTime, resolve: (l) => l.expiresAt }),
  }),
});

const AnswerLinkViewRef = builder.objectRef<{ report: ReportShape; expiresAt: Date; canAnswer: boolean }>('AnswerLinkView').implement({
  description: 'What an answer link shows: the report’s details and progress (never the reporter’s contact), and whether it may still answer.',
  fields: (t) => ({
    report: t.field({ type: Report, resolve: (v) => v.report }),
    expiresAt: t.field({ type: DateTime, resolve: (v) => v.expiresAt }),
    canAnswer: t.exposeBoolean('canAnswer', { description: 'False once the link has answered, or when its unit no longer holds an open report.' }),
  }),
});

builder.queryFields((t) => ({
  unitQueue: t.field({
    type: [Report],
    description: 'Unit staff: the open reports your unit holds now (assigned or forwarded to it), the nearest deadline first; at most 200. Read one with `report` for its timeline and pending requests.',
    errors: { types: [ForbiddenError] },
    resolve: async (_r, _a, ctx) => {
      const actor = requireStaff(ctx);
      const items = await callCore(() => listUnitQueue(ctx.core, ctx.tenant.id, actor));
      return items.map((item) => fromListItem(item));
    },
  }),
  answerLink: t.field({
    type: AnswerLinkViewRef,
    description: 'For the holder of an answer link (no account): the report it opens.',
    errors: { types: [AnswerLinkRefusedError] },
    args: { reportId: t.arg.id({ required: true }), token: t.arg.string({ required: true }) },
    resolve: async (_r, a, ctx) => {
      const view = await callCore(() => openAnswerLink(ctx.core, ctx.tenant.id, String(a.reportId), a.token));
      return { report: fromPublicView(view.report), expiresAt: view.expiresAt, canAnswer: view.canAnswer };
    },
  }),
}));

builder.mutationFields((t) => ({
  forwardReport: t.field({
    ...staffStep,
    description: 'Holding unit: hand the report to one of its sub-units (any depth below), which then accepts it or returns it to you; the hop gets its own acceptance deadline.',
    args: { id: t.arg.id({ required: true }), unitId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'FORWARD', unitId: a.unitId, reason: a.reason }),
  }),
  requestExtension: t.field({
    ...staffStep,
    description: 'Unit officer: ask the unit leader to extend the deadline (minutes in the policy’s clock), with a reason. One request at a time.',
    args: { id: t.arg.id({ required: true }), extensionMinutes: t.arg.int({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'REQUEST_EXTENSION', extensionMinutes: a.extensionMinutes, reason: a.reason }),
  }),
  approveExtension: t.field({
    ...staffStep,
    description: 'Unit leader: grant the pending extension request (recorded as EXTEND; its reason is the request’s unless you give one).',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'APPROVE_EXTENSION', reason: a.reason }),
  }),
  refuseExtension: t.field({
    ...staffStep,
    description: 'Unit leader: refuse the pending extension request, with a reason.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'REFUSE_EXTENSION', reason: a.reason }),
  }),
  draftAnswer: t.field({
    ...staffStep,
    description: 'Unit officer: propose the answer (with photos sent before to POST /uploads); the unit leader approves it or sends it back. A new draft replaces a pending one.',
    args: {
      id: t.arg.id({ required: true }),
      answer: t.arg.string({ required: true }),
      reason: t.arg.string({ description: 'Required with outcome NOT_FIXED: why the unit cannot or will not act (kept when the leader approves).' }),
      outcome: t.arg({ type: ResolutionOutcomeEnum, description: 'Default FIXED. NOT_FIXED: closed – not fixed.' }),
      uploadIds: t.arg.idList(),
    },
    resolve: async (_r, a, ctx) => {
      requireStaff(ctx);
      const attachments = await attachmentsFromUploads(ctx, a.uploadIds?.map(String), 'uploadIds');
      return withUploadPaths(() => asStaff(ctx, a.id, { type: 'DRAFT_ANSWER', answer: a.answer, reason: a.reason, attachments, ...(a.outcome ? { outcome: a.outcome } : {}) }));
    },
  }),
  approveAnswer: t.field({
    ...staffStep,
    description: 'Unit leader: approve the pending draft answer; the report is RESOLVED with it (recorded as RESOLVE).',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'APPROVE_ANSWER', reason: a.reason }),
  }),
  sendBackAnswer: t.field({
    ...staffStep,
    description: 'Unit leader: send the pending draft answer back, with a reason.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => asStaff(ctx, a.id, { type: 'SEND_BACK_ANSWER', reason: a.reason }),
  }),
  createAnswerLink: t.field({
    type: AnswerLinkRef,
    description: 'Holding unit: a signed link for a contractor or a commune without accounts to answer this report once (audited). Valid `hours` (1–720, default 168).',
    errors: { types: [ValidationError, ForbiddenError, IllegalTransitionError, NotFoundError] },
    args: { id: t.arg.id({ required: true }), hours: t.arg.int() },
    resolve: async (_r, a, ctx) => {
      const actor = requireStaff(ctx);
      const link = await callCore(() => createAnswerLink(ctx.core, ctx.tenant.id, actor, String(a.id), a.hours ?? undefined));
      return { ...link, reportId: String(a.id) };
    },
  }),
  answerThroughLink: t.field({
    type: ReportTransition,
    extensions: recordsPublicChanges,
    description: 'The holder of an answer link (no account): give the unit’s answer, with photos sent before to POST /uploads. It becomes the unit’s draft answer, which the unit leader approves.',
    errors: { types: [AnswerLinkRefusedError, ValidationError, ForbiddenError, IllegalTransitionError, NotFoundError, ConflictError] },
    args: { reportId: t.arg.id({ required: true }), token: t.arg.string({ required: true }), answer: t.arg.string({ required: true }), uploadIds: t.arg.idList() },
    resolve: async (_r, a, ctx) => {
      const reportId = String(a.reportId);
      const attachments = await attachmentsFromUploads(ctx, a.uploadIds?.map(String), 'uploadIds');
      return withUploadPaths(() =>
        publishing(async () => ({ ...(await callCore(() => answerThroughLink(ctx.core, ctx.tenant.id, reportId, a.token, { text: a.answer, attachments }))), reportId }))(ctx),
      );
    },
  }),
}));
