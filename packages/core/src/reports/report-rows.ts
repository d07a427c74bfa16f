import type { TenantSql } from '../db/with-tenant.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ReportEventData, ReportEventRecord } from './report-event.js';
import { policyAndDaysColumns, type PolicyAndDays } from './report-sla.js';
import type { NamedRef, ReporterContactView } from './report-views.js';

// The hot report reads (the tracker, the staff report view, the work lists,
// the unit queue) in one SQL statement each, under the caller's tenant
// transaction and row-level security (`withTenantSql`, or `tenantSqlOf` in a
// Prisma transaction): each report as one JSON value with its category, unit
// and attachments, where Prisma's `include` sends one query per relation and
// builds every row through its client runtime.

/** An attachment as the views read it: the generated model's columns. */
export type AttachmentRow = Pick<Prisma.AttachmentGetPayload<object>, 'id' | 'kind' | 'mimeType' | 'byteSize' | 'storageKey' | 'fileName' | 'width' | 'height' | 'isPublic' | 'eventSeq'>;

/** What every report view reads: the report's columns, its category, unit and attachments (oldest first, then in the order given). */
export type ReportRow = Pick<
  Prisma.ReportGetPayload<object>,
  | 'id' | 'trackingCode' | 'secretHash' | 'title' | 'description' | 'categoryId' | 'unitId' | 'status' | 'channel' | 'visibility'
  | 'latitude' | 'longitude' | 'address' | 'areaCode' | 'submittedAt' | 'updatedAt' | 'dueAt' | 'answerDueAt' | 'resolvedAt' | 'resolvedOnTime'
  | 'answer' | 'rating' | 'ratingComment'
> & {
  category: (NamedRef & { isPublic: boolean }) | null;
  unit: NamedRef | null;
  attachments: AttachmentRow[];
};

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/** One report as JSON (`r` is the report); the same order of attachments as `withRefs`. */
const ROW_JSON = Prisma.sql`json_build_object(
  'id', r.id, 'trackingCode', r.tracking_code, 'secretHash', r.secret_hash, 'title', r.title, 'description', r.description,
  'categoryId', r.category_id, 'unitId', r.unit_id, 'status', r.status, 'channel', r.channel, 'visibility', r.visibility,
  'latitude', r.latitude, 'longitude', r.longitude, 'address', r.address, 'areaCode', r.area_code,
  'submittedAt', r.submitted_at, 'updatedAt', r.updated_at, 'dueAt', r.due_at, 'answerDueAt', r.answer_due_at,
  'resolvedAt', r.resolved_at, 'resolvedOnTime', r.resolved_on_time, 'answer', r.answer, 'rating', r.rating,
  'ratingComment', r.rating_comment,
  'category', (SELECT json_build_object('id', c.id, 'code', c.code, 'name', c.name, 'nameEn', c.name_en, 'isPublic', c.is_public)
                 FROM categories c WHERE c.id = r.category_id),
  'unit', (SELECT json_build_object('id', u.id, 'code', u.code, 'name', u.name, 'nameEn', u.name_en) FROM units u WHERE u.id = r.unit_id),
  'attachments', coalesce((SELECT json_agg(json_build_object('id', a.id, 'kind', a.kind, 'mimeType', a.mime_type, 'byteSize', a.byte_size,
                                                            'storageKey', a.storage_key, 'fileName', a.file_name, 'width', a.width,
                                                            'height', a.height, 'isPublic', a.is_public, 'eventSeq', a.event_seq)
                                          ORDER BY a.created_at, a.position)
                             FROM attachments a WHERE a.report_id = r.id), '[]'::json))`;

const date = (s: string | null): Date | null => (s === null ? null : new Date(s));

function reportRow(j: Json<ReportRow>): ReportRow {
  return {
    ...j,
    submittedAt: new Date(j.submittedAt),
    updatedAt: new Date(j.updatedAt),
    dueAt: date(j.dueAt),
    answerDueAt: date(j.answerDueAt),
    resolvedAt: date(j.resolvedAt),
  };
}

/**
 * The reports `where` selects (SQL over `reports r`), in `orderBy`'s order,
 * at most `limit`, each with its category, unit and attachments.
 */
export async function readReportRows(sql: TenantSql, where: Prisma.Sql, orderBy: Prisma.Sql, limit: number): Promise<ReportRow[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('A page holds at least one report');
  // The limit written in, not a parameter: the statement is prepared once per connection (db/statement-cache.ts),
  // and a plan made for any limit (PostgreSQL guesses a tenth of the rows) costs more than one made for this
  // page, so PostgreSQL kept planning it again on every request.
  const rows = await sql.query<{ row: Json<ReportRow> }>(Prisma.sql`
    SELECT ${ROW_JSON} AS row FROM reports r WHERE ${where} ORDER BY ${orderBy} LIMIT ${Prisma.raw(String(limit))}`);
  return rows.map((r) => reportRow(r.row));
}

/** A report with its refs, its timeline (in order) and the units the timeline names, in one statement. */
export interface ReportWithTimeline {
  row: ReportRow;
  timeline: ReportEventRecord[];
  /** Every unit an event's `data.unitId` names (the hops, and so the units that answered), by id. */
  units: Map<string, NamedRef>;
  /** The report's SLA policy and the tenant's calendar days (`policyAndDaysColumns`), for `slaFrom`. */
  sla: PolicyAndDays;
  /** The reporter's contact, read only when asked for with the hash the report's secret is stored under (`contactFor`); else null. */
  contact: ReporterContactView | null;
}

type EventJson = Json<ReportEventRecord> & { data: ReportEventData | null };

/**
 * One report of tenant `tenantId` (`where` over `reports r` selects at most
 * one) with its timeline, or null. `contactFor`: the hashes a secret the
 * caller was given may be stored under (`secretHashes`); the reporter's
 * contact joins the read only when the report's `secret_hash` is one of them.
 */
export async function readReportWithTimeline(
  sql: TenantSql,
  tenantId: string,
  where: Prisma.Sql,
  contactFor: readonly string[] = [],
): Promise<ReportWithTimeline | null> {
  const [found] = await sql.query<{ row: Json<ReportRow>; timeline: EventJson[]; units: NamedRef[]; contact: ReporterContactView | null } & PolicyAndDays>(Prisma.sql`
    SELECT ${ROW_JSON} AS row, ${policyAndDaysColumns(tenantId, Prisma.sql`r.category_id`)},
           CASE WHEN r.secret_hash = ANY(${[...contactFor]}::text[])
                THEN (SELECT json_build_object('fullName', c.full_name, 'phone', c.phone, 'email', c.email)
                        FROM reporter_contacts c WHERE c.report_id = r.id) END AS contact,
           coalesce((SELECT json_agg(json_build_object('seq', e.seq, 'type', e.type, 'fromStatus', e.from_status, 'toStatus', e.to_status,
                                                      'actorId', e.actor_id, 'actorRole', e.actor_role, 'at', e.at, 'reason', e.reason,
                                                      'data', e.data) ORDER BY e.seq)
                       FROM report_events e WHERE e.report_id = r.id), '[]'::json) AS timeline,
           coalesce((SELECT json_agg(json_build_object('id', u.id, 'code', u.code, 'name', u.name, 'nameEn', u.name_en))
                       FROM units u
                      WHERE u.id::text IN (SELECT e.data->>'unitId' FROM report_events e WHERE e.report_id = r.id)), '[]'::json) AS units
      FROM reports r WHERE ${where} LIMIT 1`);
  if (!found) return null;
  return {
    row: reportRow(found.row),
    timeline: found.timeline.map((e) => ({
      seq: e.seq,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorId: e.actorId,
      actorRole: e.actorRole,
      at: new Date(e.at),
      reason: e.reason,
      data: e.data ?? {},
    })),
    units: new Map(found.units.map((u) => [u.id, u])),
    sla: { policy: found.policy, days: found.days },
    contact: found.contact,
  };
}
