import type {
  CitizenReportView,
  NamedRef,
  PublicReportView,
  PublicTimelineEntry,
  ReportEventRecord,
  ReportEventType,
  ReportStatus,
  SlaSnapshot,
  StaffReportView,
} from '@paht/core';
import { PUBLISHABLE_MEDIA_TYPES, projectReport, type ReportProjection } from '@paht/core';

/** One step of a report's timeline as the API shows it. */
export interface TimelineEntryShape {
  seq: number;
  type: ReportEventType;
  status: ReportStatus;
  at: Date;
  /** Public and citizen views: only text meant for the citizen. Staff: the step's reason. */
  note: string | null;
  /** Staff views only. */
  actorRole: string | null;
  /** Staff views only: the unit of who took the step (the unit that acted). */
  actorUnitId?: string | null;
  /** Staff views only: the unit the step handed the report to (ASSIGN, FORWARD, a hop's RETURN). */
  toUnitId?: string | null;
  /** Public and citizen views: the unit the step handed the report to, named (core's `PublicTimelineEntry.unit`). */
  unit?: NamedRef | null;
}

/** A stored file of a report as the API shows it: never its storage key or original file name. */
export interface AttachmentShape {
  id: string;
  kind: 'PHOTO' | 'VIDEO' | 'DOCUMENT';
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  /** Whether a metadata-free preview exists (re-encoded photos). */
  hasPreview: boolean;
  /** Served to anyone, without the citizen's secret or a staff token (core's `AttachmentView.isPublic`). */
  isPublic: boolean;
}

/** An answer a unit gave (staff and citizen views; after a reopen the earlier ones stay). */
export interface AnswerShape {
  seq: number;
  at: Date;
  text: string;
  unit: NamedRef | null;
}

/**
 * What the `Report` type resolves from. Built field by field from the core's
 * views, so the reporter's contact never reaches the GraphQL layer.
 */
export interface ReportShape {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  visibility: 'PUBLIC' | 'PRIVATE';
  title: string | null;
  description: string | null;
  category: NamedRef | null;
  unit: NamedRef | null;
  channel: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  areaCode: string | null;
  submittedAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  answerDueAt: Date | null;
  resolvedAt: Date | null;
  resolvedOnTime: boolean | null;
  answer: string | null;
  rating: number | null;
  /** Public views: public attachments only (after publication); citizen and staff views: all. */
  attachments: AttachmentShape[];
  timeline: TimelineEntryShape[];
  sla: SlaSnapshot | null;
  /** Citizen (with the secret) and staff views: every answer, oldest first. Null in public views. */
  answers: AnswerShape[] | null;
  /** Citizen (with the secret) and staff views. Null in public views. */
  ratingComment: string | null;
  /** Staff views only: the unit queue's pending requests and the current hop, from the timeline. */
  unitQueue?: ReportProjection | null;
}

type ViewFields = Omit<PublicReportView, 'timeline'>;
type ViewExtras = Pick<ReportShape, 'timeline' | 'sla' | 'answers' | 'ratingComment' | 'unitQueue'>;

/** The shape of a view's fields with `extras`, built as one object (a list maps thousands: no spread copies). */
function fields(v: ViewFields, extras: ViewExtras): ReportShape {
  return {
    id: v.id,
    trackingCode: v.trackingCode,
    status: v.status,
    visibility: v.visibility,
    title: v.title,
    description: v.description,
    category: v.category,
    unit: v.unit,
    channel: v.channel,
    latitude: v.latitude,
    longitude: v.longitude,
    address: v.address,
    areaCode: v.areaCode,
    submittedAt: v.submittedAt,
    updatedAt: v.updatedAt,
    dueAt: v.dueAt,
    answerDueAt: v.answerDueAt,
    resolvedAt: v.resolvedAt,
    resolvedOnTime: v.resolvedOnTime,
    answer: v.answer,
    rating: v.rating,
    attachments: v.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      mimeType: a.mimeType,
      byteSize: a.byteSize,
      width: a.width,
      height: a.height,
      hasPreview: PUBLISHABLE_MEDIA_TYPES.includes(a.mimeType),
      isPublic: a.isPublic,
    })),
    timeline: extras.timeline,
    sla: extras.sla,
    answers: extras.answers,
    ratingComment: extras.ratingComment,
    unitQueue: extras.unitQueue,
  };
}

export const publicEntry = (e: PublicTimelineEntry): TimelineEntryShape => ({
  seq: e.seq,
  type: e.type,
  status: e.toStatus,
  at: e.at,
  note: e.note,
  actorRole: null,
  unit: e.unit,
});

export const staffEntry = (e: ReportEventRecord): TimelineEntryShape => ({
  seq: e.seq,
  type: e.type,
  status: e.toStatus,
  at: e.at,
  note: e.reason,
  actorRole: e.actorRole,
  actorUnitId: e.data.actorUnitId ?? null,
  toUnitId: e.type === 'ASSIGN' || e.type === 'FORWARD' || e.type === 'RETURN' ? (e.data.unitId ?? null) : null,
});

/** The public view, or the citizen's (which adds the SLA clock). */
export function fromPublicView(view: PublicReportView | CitizenReportView): ReportShape {
  const citizen = 'sla' in view;
  return fields(view, {
    timeline: view.timeline.map(publicEntry),
    sla: citizen ? view.sla : null,
    answers: citizen ? view.answers : null,
    ratingComment: citizen ? view.ratingComment : null,
    unitQueue: undefined,
  });
}

/** A list item (a page of `reports`, the unit queue): no timeline, nothing of the citizen's view. */
export const fromListItem = (item: ViewFields): ReportShape =>
  fields(item, { timeline: [], sla: null, answers: null, ratingComment: null, unitQueue: undefined });

export function fromStaffView(view: StaffReportView): ReportShape {
  return fields(view, {
    timeline: view.timeline.map(staffEntry),
    sla: view.sla,
    answers: view.answers,
    ratingComment: view.ratingComment,
    unitQueue: view.timeline.length > 0 ? projectReport(view.timeline) : null,
  });
}
