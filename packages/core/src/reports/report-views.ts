import type { SlaSnapshot } from '../sla/sla-types.js';
import type { ReportEventRecord } from './report-event.js';
import type { ReportStatus } from './report-status.js';

export interface NamedRef {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
}

export interface AttachmentView {
  id: string;
  kind: 'PHOTO' | 'VIDEO' | 'DOCUMENT';
  mimeType: string;
  byteSize: number;
  storageKey: string;
  fileName: string | null;
  width: number | null;
  height: number | null;
  /** Served to anyone: the attachment is public and so is its report's content. */
  isPublic: boolean;
  /** The timeline event it came with (1 = the submission). */
  eventSeq: number | null;
}

/** A timeline entry anyone may see: what happened and when, not who or why. */
export interface PublicTimelineEntry {
  seq: number;
  type: ReportEventRecord['type'];
  toStatus: ReportStatus;
  at: Date;
  /** Only where the text is meant for this reader (`TimelineAudience`); never for progress-only views. */
  note: string | null;
  /**
   * The unit the step handed the report to (`hopUnitId`: ASSIGN, FORWARD, a
   * hop's RETURN), so a reader follows each hop; null for other steps and in
   * progress-only views (which name no unit).
   */
  unit: NamedRef | null;
}

/**
 * What the public sees of a report. Never contact data. When the content is
 * not public (`publicContent` false: a private report, or a rejected one),
 * its progress only: statuses and dates, no text, place, unit or files.
 */
export interface PublicReportView {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  visibility: 'PUBLIC' | 'PRIVATE';
  /** Whether anyone may see its content (`hasPublicContent`): the one rule every public view follows. */
  publicContent: boolean;
  /** Null when the content is not public and the viewer holds no secret. */
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
  /** The running stage's deadline (classification, acceptance or resolution): a staff work-queue figure. */
  dueAt: Date | null;
  /** When the handling unit must answer the citizen by (the SLA's resolution deadline); null until assigned. */
  answerDueAt: Date | null;
  resolvedAt: Date | null;
  resolvedOnTime: boolean | null;
  answer: string | null;
  rating: number | null;
  /** Public attachments only, unless the viewer may read the report. */
  attachments: AttachmentView[];
  timeline: PublicTimelineEntry[];
}

export interface ReporterContactView {
  fullName: string | null;
  phone: string | null;
  email: string | null;
}

/** An answer a unit gave; after a reopen the earlier ones stay readable. */
export interface ReportAnswerView {
  /** The RESOLVE step of the timeline. */
  seq: number;
  at: Date;
  text: string;
  /** The unit that answered. */
  unit: NamedRef | null;
}

/**
 * What staff (and the citizen holding the secret) see: the whole timeline
 * with reasons, every answer and the rating's comment. Never the reporter's
 * contact: staff open it with `readReporterContact`, an audited read.
 */
export interface StaffReportView extends Omit<PublicReportView, 'timeline'> {
  timeline: ReportEventRecord[];
  sla: SlaSnapshot | null;
  /** Every answer, oldest first (the latest is also `answer`). */
  answers: ReportAnswerView[];
  ratingComment: string | null;
}

/** What the citizen holding the report's secret sees: the public view with content, plus the clock, every answer, the rating's comment and their own contact. */
export interface CitizenReportView extends PublicReportView {
  sla: SlaSnapshot | null;
  answers: ReportAnswerView[];
  ratingComment: string | null;
  contact: ReporterContactView | null;
}

/**
 * Who reads a timeline outside staff: the citizen holding the secret; the
 * public by tracking code, of a report whose content is public; the public
 * of any other report (private, or rejected), who sees its progress only.
 */
export type TimelineAudience = 'CITIZEN' | 'PUBLIC' | 'PROGRESS_ONLY';

/** Reasons staff address to the citizen: a question, a rejection's or an extension's reason. */
const STAFF_TO_CITIZEN: ReadonlySet<string> = new Set(['REJECT', 'REQUEST_INFO', 'EXTEND']);
/** The citizen's own words (their answers, a reopen's reason): for them alone, never public. */
const CITIZEN_OWN: ReadonlySet<string> = new Set(['PROVIDE_INFO', 'REOPEN']);

const noteShown = (type: string, audience: TimelineAudience): boolean =>
  audience === 'CITIZEN' ? STAFF_TO_CITIZEN.has(type) || CITIZEN_OWN.has(type) : audience === 'PUBLIC' && STAFF_TO_CITIZEN.has(type);

/** The unit a step handed the report to: ASSIGN and FORWARD name the receiving unit, a hop's RETURN the unit it went back to. */
export const hopUnitId = (e: ReportEventRecord): string | null =>
  e.type === 'ASSIGN' || e.type === 'FORWARD' || e.type === 'RETURN' ? (e.data.unitId ?? null) : null;

/**
 * A timeline as `audience` sees it: every step's status and date; a note
 * only where it is meant for that reader; the unit of each hop (from
 * `units`, by id) unless the view is progress-only.
 */
export function publicTimeline(events: readonly ReportEventRecord[], audience: TimelineAudience, units: ReadonlyMap<string, NamedRef> = new Map()): PublicTimelineEntry[] {
  return events.map((e) => {
    const unitId = audience === 'PROGRESS_ONLY' ? null : hopUnitId(e);
    return {
      seq: e.seq,
      type: e.type,
      toStatus: e.toStatus,
      at: e.at,
      note: noteShown(e.type, audience) ? e.reason : null,
      unit: (unitId && units.get(unitId)) || null,
    };
  });
}
