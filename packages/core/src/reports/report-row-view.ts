import type { Prisma } from '../generated/prisma/client.js';
import type { NamedRef } from './report-views.js';
import type { AttachmentRow, ReportRow } from './report-rows.js';
import type { ReportStatus } from './report-status.js';
import { STATUS_TRAITS } from './status-traits.js';

/** What every report read loads with the row (through Prisma; `report-rows.ts` reads the same in SQL, in the same order). */
export const withRefs = {
  category: true,
  unit: true,
  attachments: { orderBy: [{ createdAt: 'asc' as const }, { position: 'asc' as const }] },
} satisfies Prisma.ReportInclude;
export type { ReportRow };

/**
 * Whether a report's content is public: a public report, of a public
 * category (or none yet), not rejected. The one rule of every public view
 * (the tracker by code, lists, Open311, attachments): otherwise the public
 * sees the report's progress only. A rejected report was refused
 * publication, so its text, place and files stay with its reporter.
 */
export const hasPublicContent = (report: { visibility: string; status: ReportStatus; category: { isPublic: boolean } | null }): boolean =>
  report.visibility === 'PUBLIC' && (report.category?.isPublic ?? true) && STATUS_TRAITS[report.status].contentPublic;

/** An attachment as core hands it out; `isPublic`: served to anyone (public, and its report's content public). */
export const attachmentView = (a: AttachmentRow, publicContent: boolean) => ({
  id: a.id,
  kind: a.kind,
  mimeType: a.mimeType,
  byteSize: a.byteSize,
  storageKey: a.storageKey,
  fileName: a.fileName,
  width: a.width,
  height: a.height,
  isPublic: a.isPublic && publicContent,
  eventSeq: a.eventSeq,
});

const ref = (r: { id: string; code: string; name: string; nameEn: string | null } | null): NamedRef | null =>
  r ? { id: r.id, code: r.code, name: r.name, nameEn: r.nameEn } : null;

/**
 * The fields of a report view; content hidden when `showContent` is false
 * (the public's progress-only view: statuses and dates). `entitled`: the
 * viewer is the citizen holding the secret or staff, who also see private
 * attachments and an answer the IOC has not published yet.
 */
export function baseView(row: ReportRow, showContent: boolean, entitled = false) {
  return {
    id: row.id,
    trackingCode: row.trackingCode,
    status: row.status,
    visibility: row.visibility,
    publicContent: hasPublicContent(row),
    title: showContent ? row.title : null,
    description: showContent ? row.description : null,
    category: showContent ? ref(row.category) : null,
    unit: showContent ? ref(row.unit) : null,
    channel: row.channel,
    latitude: showContent ? row.latitude : null,
    longitude: showContent ? row.longitude : null,
    address: showContent ? row.address : null,
    areaCode: showContent ? row.areaCode : null,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    dueAt: row.dueAt,
    answerDueAt: row.answerDueAt,
    resolvedAt: row.resolvedAt,
    resolvedOnTime: row.resolvedOnTime,
    answer: showContent && (entitled || STATUS_TRAITS[row.status].answerPublished) ? row.answer : null,
    rating: showContent ? row.rating : null,
    attachments: row.attachments
      .filter((a) => showContent && (a.isPublic || entitled))
      .map((a) => attachmentView(a, hasPublicContent(row))),
  };
}

