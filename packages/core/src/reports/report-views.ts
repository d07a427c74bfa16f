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
  /** Only where the text is meant for the citizen (a question, a rejection, an extension's reason). */
  note: string | null;
}

/** What the public sees of a report. Never contact data; never private categories' content. */
export interface PublicReportView {
  id: string;
  trackingCode: string;
  status: ReportStatus;
  visibility: 'PUBLIC' | 'PRIVATE';
  /** Null for private reports seen without the secret. */
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

/** What staff (and the citizen holding the secret) see: the whole timeline with reasons. */
export interface StaffReportView extends Omit<PublicReportView, 'timeline'> {
  timeline: ReportEventRecord[];
  sla: SlaSnapshot | null;
  /** Only for roles allowed to see it (the IOC, the assigned unit). */
  contact: ReporterContactView | null;
}

/** What the citizen holding the report's secret sees: the public view with content, plus the clock and their own contact. */
export interface CitizenReportView extends PublicReportView {
  sla: SlaSnapshot | null;
  contact: ReporterContactView | null;
}

/** Event types whose reason is addressed to the citizen. */
const CITIZEN_NOTES = new Set(['REJECT', 'REQUEST_INFO', 'PROVIDE_INFO', 'EXTEND', 'REOPEN']);

export function publicTimeline(events: readonly ReportEventRecord[]): PublicTimelineEntry[] {
  return events.map((e) => ({
    seq: e.seq,
    type: e.type,
    toStatus: e.toStatus,
    at: e.at,
    note: CITIZEN_NOTES.has(e.type) ? e.reason : null,
  }));
}
