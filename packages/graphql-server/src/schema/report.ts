import { availableCommands, getReportForStaff, recordedEventType, signAttachmentLink, trackReport, type SlaSnapshot } from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff, type GraphQLContext } from '../context.js';
import { callCore, ForbiddenError, NotFoundError } from '../errors/expected-errors.js';
import { Category } from './category.js';
import {
  ReportAccessEnum,
  ReportEventTypeEnum,
  ReportStatusEnum,
  ReportVisibilityEnum,
  SlaOutcomeEnum,
  SlaStageNameEnum,
  SlaStageStateEnum,
} from './enums.js';
import { fromPublicView, fromStaffView, type AnswerShape, type AttachmentShape, type ReportShape, type TimelineEntryShape } from './report-shape.js';
import { attachmentPreviewUrl, attachmentUrl } from '../uploads/upload-urls.js';
import { DateTime } from './scalars.js';
import { Node } from './node.js';
import { Unit } from './unit.js';

export const TimelineEntry = builder.objectRef<TimelineEntryShape>('TimelineEntry').implement({
  description: 'One step of the append-only timeline.',
  fields: (t) => ({
    seq: t.exposeInt('seq'),
    type: t.expose('type', { type: ReportEventTypeEnum }),
    status: t.expose('status', { type: ReportStatusEnum, description: 'The status after this step.' }),
    at: t.expose('at', { type: DateTime }),
    note: t.exposeString('note', { nullable: true, description: 'Public: only text addressed to the citizen. Staff: the reason given.' }),
    actorRole: t.exposeString('actorRole', { nullable: true, description: 'Staff views only.' }),
    unit: t.expose('unit', {
      type: Unit,
      nullable: true,
      description:
        'Public and citizen views: the unit this step handed the report to (an assignment, a forward to a sub-unit, a hop’s return), so the reader follows each hop. Null for other steps, for a report whose content is not public, and in staff views (see `toUnitId`).',
    }),
  }),
});

/** The deadline clock, reduced to what a tracker or dashboard shows. */
export const SlaInfo = builder.objectRef<SlaSnapshot>('SlaInfo').implement({
  fields: (t) => {
    const stage = (s: SlaSnapshot) => s.current ?? s.resolution;
    return {
      outcome: t.expose('outcome', { type: SlaOutcomeEnum }),
      breached: t.exposeBoolean('breached'),
      stage: t.field({ type: SlaStageNameEnum, nullable: true, description: 'The running stage, else the last resolution.', resolve: (s) => stage(s)?.stage ?? null }),
      state: t.field({ type: SlaStageStateEnum, nullable: true, resolve: (s) => stage(s)?.state ?? null }),
      dueAt: t.field({ type: DateTime, nullable: true, resolve: (s) => stage(s)?.dueAt ?? null }),
      remainingMinutes: t.int({
        nullable: true,
        description: 'Whole working minutes left in the running stage, rounded down (negative: overdue by that much).',
        resolve: (s) => {
          const minutes = stage(s)?.remainingMinutes;
          return minutes == null ? null : Math.floor(minutes);
        },
      }),
    };
  },
});

export const AttachmentKindEnum = builder.enumType('AttachmentKind', { values: ['PHOTO', 'VIDEO', 'DOCUMENT'] as const });

/**
 * The signed grant of a link to a file that is not public. Such files reach
 * an `Attachment` only through the views of the citizen holding the secret
 * and of staff who may read the report (core's views leave them out of
 * public ones), so whoever gets the link is entitled to the file.
 */
const grantFor = (a: AttachmentShape, ctx: GraphQLContext) =>
  a.isPublic ? null : signAttachmentLink(ctx.core.secretKey, ctx.tenant.id, a.id, ctx.core.now());

/** A photo or video of a report (docs/uploads.md). Public photos carry no metadata: no EXIF, GPS, device or XMP. */
export const Attachment = builder.objectRef<AttachmentShape>('Attachment').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: AttachmentKindEnum }),
    mimeType: t.exposeString('mimeType', { description: 'Read from the bytes when uploaded.' }),
    byteSize: t.exposeInt('byteSize'),
    width: t.exposeInt('width', { nullable: true }),
    height: t.exposeInt('height', { nullable: true }),
    public: t.exposeBoolean('isPublic', {
      description: 'Served to anyone, with a plain link that never expires. When false, `url` and `previewUrl` are signed links that open this file for at least 15 minutes.',
    }),
    url: t.string({
      description:
        'The file (absolute path on the API origin), ready for `<img src>` or `<a href>`. Unless public, a short-lived signed link, given only to the citizen holding the secret and to staff who may read the report: use it as it is and ask again for a fresh one when it has expired (403/404). Never add a secret or token to it.',
      resolve: (a, _args, ctx) => attachmentUrl(a.id, ctx.tenant.slug, grantFor(a, ctx)),
    }),
    previewUrl: t.string({
      nullable: true,
      description: 'A resized JPEG without metadata, for photos; null for videos. Signed like `url` unless public.',
      resolve: (a, _args, ctx) => (a.hasPreview ? attachmentPreviewUrl(a.id, ctx.tenant.slug, grantFor(a, ctx)) : null),
    }),
  }),
});

export const ReportAnswer = builder.objectRef<AnswerShape>('ReportAnswer').implement({
  description: 'An answer (kết quả xử lý) a unit gave. After the citizen reopens a report, the earlier answers stay here.',
  fields: (t) => ({
    seq: t.exposeInt('seq', { description: 'The RESOLVE step of the timeline that carried it.' }),
    at: t.expose('at', { type: DateTime }),
    text: t.exposeString('text'),
    unit: t.expose('unit', { type: Unit, nullable: true, description: 'The unit that answered.' }),
  }),
});

/** A report as the public, the citizen or staff see it. Never the reporter's contact (staff open it with `revealReporterContact`, an audited read). */
export const Report = builder.objectRef<ReportShape>('Report').implement({
  interfaces: [Node],
  fields: (t) => ({
    id: t.exposeID('id'),
    trackingCode: t.exposeString('trackingCode'),
    status: t.expose('status', { type: ReportStatusEnum }),
    visibility: t.expose('visibility', { type: ReportVisibilityEnum }),
    title: t.exposeString('title', { nullable: true, description: 'Null for a private report seen by the public.' }),
    description: t.exposeString('description', { nullable: true }),
    category: t.expose('category', { type: Category, nullable: true }),
    unit: t.expose('unit', { type: Unit, nullable: true, description: 'The unit handling it.' }),
    channel: t.exposeString('channel'),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    areaCode: t.exposeString('areaCode', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: DateTime }),
    updatedAt: t.expose('updatedAt', { type: DateTime }),
    dueAt: t.expose('dueAt', {
      type: DateTime,
      nullable: true,
      description:
        'Deadline of the running internal stage (classification, acceptance or resolution): a figure for staff work queues, not a promise to the citizen. Citizen-facing pages show `answerDueAt`.',
    }),
    answerDueAt: t.expose('answerDueAt', {
      type: DateTime,
      nullable: true,
      description:
        'The date by which the handling unit must answer the citizen: the resolution deadline of the report’s SLA (its category’s policy, on the tenant’s working calendar, including granted extensions and time spent waiting for the citizen). Null until it exists, i.e. until the report is assigned to a unit. This is the deadline to show citizens; internal stage deadlines (`dueAt`, `sla`) are for staff.',
    }),
    resolvedAt: t.expose('resolvedAt', { type: DateTime, nullable: true }),
    resolvedOnTime: t.exposeBoolean('resolvedOnTime', { nullable: true }),
    answer: t.exposeString('answer', { nullable: true }),
    rating: t.exposeInt('rating', { nullable: true }),
    ratingComment: t.exposeString('ratingComment', {
      nullable: true,
      description: "The citizen's comment with their rating. Citizen (with secret) and staff views only; null in public views.",
    }),
    answers: t.expose('answers', {
      type: [ReportAnswer],
      nullable: true,
      description: 'Every answer the units gave, oldest first (`answer` is the latest). Citizen (with secret) and staff views only; null in public views.',
    }),
    attachments: t.expose('attachments', {
      type: [Attachment],
      description: 'Photos and videos. Public views: only those made public by publication; citizen (with secret) and staff: all.',
    }),
    timeline: t.expose('timeline', { type: [TimelineEntry] }),
    sla: t.expose('sla', { type: SlaInfo, nullable: true, description: 'Citizen (with secret) and staff views only.' }),
  }),
});

interface TrackedShape {
  access: 'PUBLIC' | 'CITIZEN';
  report: ReportShape;
}

const TrackedReport = builder.objectRef<TrackedShape>('TrackedReport').implement({
  fields: (t) => ({
    access: t.expose('access', { type: ReportAccessEnum }),
    report: t.expose('report', { type: Report }),
    actions: t.field({
      type: [ReportEventTypeEnum],
      description:
        'The steps the caller may take on the report now, from the lifecycle’s transition table: with the secret, `PROVIDE_INFO` (answer the unit’s question), `RATE` and `REOPEN` as its status allows; none in the public view.',
      resolve: (r) =>
        r.access === 'CITIZEN'
          ? availableCommands({ id: r.report.id, status: r.report.status, unitId: null }, { role: 'CITIZEN', reportId: r.report.id }).map(recordedEventType)
          : [],
    }),
  }),
});

builder.queryField('trackReport', (t) =>
  t.field({
    type: TrackedReport,
    description: 'The tracker: by tracking code alone the public view; with the secret, the citizen view.',
    errors: { types: [NotFoundError, ForbiddenError] },
    args: {
      trackingCode: t.arg.string({ required: true }),
      secret: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const tracked = await callCore(() => trackReport(ctx.core, ctx.tenant, args.trackingCode, args.secret ?? undefined));
      return { access: tracked.access, report: fromPublicView(tracked.report) };
    },
  }),
);

builder.queryField('report', (t) =>
  t.field({
    type: Report,
    description: 'A report with its whole timeline, for staff allowed to read it.',
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = requireStaff(ctx);
      return fromStaffView(await callCore(() => getReportForStaff(ctx.core, ctx.tenant.id, actor, args.id)));
    },
  }),
);
