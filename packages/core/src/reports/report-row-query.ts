import type { TenantTx } from '../db/with-tenant.js';
import type { ReportRow } from './report-row-view.js';

type AttachmentJson = Omit<ReportRow['attachments'][number], 'createdAt'> & { createdAt: string };
type UnitJson = Omit<NonNullable<ReportRow['unit']>, 'createdAt'> & { createdAt: string };
/** JSON carries dates as strings; the rest comes typed as Prisma's rows. */
type RawRow = Omit<ReportRow, 'attachments' | 'unit'> & { unit: UnitJson | null; attachments: AttachmentJson[] | null };

/**
 * One report by tracking code with its category, unit and attachments
 * (what `withRefs` loads) in one statement instead of Prisma's four (one per
 * `include`). Same rows, same row-level security: run it inside `withTenant`.
 */
export async function findReportRowByCode(tx: TenantTx, trackingCode: string): Promise<ReportRow | null> {
  const [raw] = await tx.$queryRaw<RawRow[]>`
    SELECT r.id, r.tenant_id AS "tenantId", r.tracking_code AS "trackingCode", r.secret_hash AS "secretHash",
           r.idempotency_key AS "idempotencyKey", r.submission_fingerprint AS "submissionFingerprint",
           r.title, r.description, r.category_id AS "categoryId", r.unit_id AS "unitId",
           r.status::text AS status, r.channel::text AS channel, r.visibility::text AS visibility,
           r.latitude, r.longitude, r.address, r.area_code AS "areaCode",
           r.submitted_at AS "submittedAt", r.updated_at AS "updatedAt", r.due_at AS "dueAt",
           r.answer_due_at AS "answerDueAt", r.resolved_at AS "resolvedAt", r.closed_at AS "closedAt",
           r.resolved_on_time AS "resolvedOnTime", r.resolution_outcome::text AS "resolutionOutcome",
           r.answer, r.rating, r.rating_comment AS "ratingComment", r.version, r.search_text AS "searchText",
           r.supporter_count AS "supporterCount", r.former_tenant_id AS "formerTenantId",
           (SELECT json_build_object('id', c.id, 'tenantId', c.tenant_id, 'code', c.code, 'name', c.name, 'nameEn', c.name_en,
                                     'defaultUnitId', c.default_unit_id, 'slaPolicyId', c.sla_policy_id,
                                     'isPublic', c.is_public, 'active', c.active)
              FROM categories c WHERE c.id = r.category_id) AS category,
           (SELECT json_build_object('id', u.id, 'tenantId', u.tenant_id, 'parentId', u.parent_id, 'code', u.code, 'name', u.name,
                                     'nameEn', u.name_en, 'kind', u.kind, 'active', u.active, 'createdAt', u.created_at)
              FROM units u WHERE u.id = r.unit_id) AS unit,
           (SELECT json_agg(json_build_object('id', a.id, 'tenantId', a.tenant_id, 'reportId', a.report_id, 'eventSeq', a.event_seq,
                                              'kind', a.kind, 'mimeType', a.mime_type, 'byteSize', a.byte_size,
                                              'storageKey', a.storage_key, 'fileName', a.file_name, 'width', a.width,
                                              'height', a.height, 'isPublic', a.is_public, 'createdAt', a.created_at)
                            ORDER BY a.created_at, a.id)
              FROM attachments a WHERE a.report_id = r.id) AS attachments
      FROM reports r
     WHERE r.tracking_code = ${trackingCode}`;
  if (!raw) return null;
  return {
    ...raw,
    unit: raw.unit ? { ...raw.unit, createdAt: new Date(raw.unit.createdAt) } : null,
    attachments: (raw.attachments ?? []).map((a) => ({ ...a, createdAt: new Date(a.createdAt) })),
  };
}
