import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenantSql, type TenantSql } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import { findTenantById, trackingPrefix, type TenantRecord } from '../tenants/tenant-directory.js';
import type { ReportEventRecord } from './report-event.js';
import { displayedDueAt, policyAndDaysColumns, slaFrom, type PolicyAndDays } from './report-sla.js';
import { hashSecret, reportSecret } from './report-secret.js';
import { parseSubmitInput, SELF_SERVICE_CHANNELS, type Channel } from './submit-input.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { reportSearchText } from './search-text.js';
import { assertKeysUnused } from './report-attachments.js';
import { submissionFingerprint, submitterOf } from './submission-fingerprint.js';
import { newTrackingCode } from './tracking-code.js';
import { citizenEventMessages, outboxInsert } from '../notifications/notification-outbox.js';
import { staffEventNotice } from '../notifications/staff-event-notices.js';
import { STAFF_NOTICES, staffNoticeInsert, toStaffNotificationRecord, type StaffNotificationRecord } from '../notifications/staff-notices.js';

export interface SubmittedReport {
  id: string;
  trackingCode: string;
  /** Give this to the citizen once; it is never shown again except on an idempotent retry. */
  secret: string;
  submittedAt: Date;
  /** True when this call replayed an earlier submission with the same idempotency key. */
  replayed: boolean;
  /** The staff inbox rows the submission wrote (committed with it): deliver them live. None on a replay. */
  staffNotifications?: StaffNotificationRecord[];
}

export interface SubmitOptions {
  /** The channel a server-side façade files under (Open311); never taken from a client. */
  channel?: Channel;
  /** The API key the request presented, if any: an idempotency key replays only for the same key (`Submitter`). */
  apiKeyId?: string | null;
}

/**
 * Files a new report. Anyone may submit (a citizen without an account); an
 * operator may submit on a caller's behalf (hotline intake). With an
 * idempotency key, a faithful retry (same tenant, same submitter, same
 * normalised input) returns the first report and its secret instead of a
 * second one; any other use of the key is refused with CONFLICT and learns
 * nothing of the first report (Stripe's rule).
 */
export async function submitReport(
  ctx: CoreContext,
  tenantOrId: string | TenantRecord,
  input: unknown,
  actor: Actor | null = null,
  options: SubmitOptions = {},
): Promise<SubmittedReport> {
  const parsed = parseSubmitInput(input);
  const staff = !!actor && actor.role !== 'CITIZEN';
  if (staff) assertCan(actor, Permission.REPORT_INTAKE);
  // Only staff taking a call name an intake channel; everyone else files
  // through the web or the app (or the façade they came through), so
  // channel statistics hold.
  if (!staff && !SELF_SERVICE_CHANNELS.includes(parsed.channel) && parsed.channel !== options.channel) {
    throw validationError([{ path: 'channel', code: FieldIssueCode.NOT_ALLOWED }]);
  }
  const data = { ...parsed, channel: options.channel ?? parsed.channel };
  // The caller's tenant record when it has one (the GraphQL context's), else read here.
  const tenant = typeof tenantOrId === 'string' ? await findTenantById(ctx, tenantOrId) : tenantOrId;
  const tenantId = tenant.id;
  const fingerprint = submissionFingerprint(ctx.secretKey, tenantId, submitterOf(staff ? actor : null, options.apiKeyId ?? null), data);
  const now = ctx.now();

  for (let attempt = 0; ; attempt++) {
    try {
      // Two statements in a lean tenant transaction (`withTenantSql`): what
      // the submission depends on (sent with BEGIN), then every row it
      // writes (sent with COMMIT): two round trips.
      return await withTenantSql(ctx.db, tenantId, async (sql) => {
        const before = await readBeforeSubmit(sql, tenantId, data);
        if (before.previous) return replay(ctx, { ...before.previous, submittedAt: new Date(before.previous.submittedAt) }, fingerprint);
        return insertReport(ctx, sql, tenant, data, actor, now, fingerprint, before);
      });
    } catch (error) {
      // A concurrent retry with the same key won the race: return its report.
      // A tracking-code collision (1 in 10^8 per existing code): draw again.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

type SubmitData = ReturnType<typeof parseSubmitInput>;

/** What a submission depends on, read in one statement. */
interface BeforeSubmit extends PolicyAndDays {
  /** The report filed earlier with the same idempotency key, if any. */
  previous: { id: string; trackingCode: string; submittedAt: string; submissionFingerprint: string | null } | null;
  /** The category named, if any and of this tenant. */
  category: { active: boolean; isPublic: boolean } | null;
  /** The stored files named that are already attached to a report. */
  used: string[];
}

/** The idempotency key's earlier report, the category, files already used, the SLA policy and calendar days: one statement. */
async function readBeforeSubmit(sql: TenantSql, tenantId: string, data: SubmitData): Promise<BeforeSubmit> {
  const categoryId = data.categoryId ?? null;
  const [row] = await sql.query<BeforeSubmit>(Prisma.sql`
    SELECT ${policyAndDaysColumns(tenantId, Prisma.sql`${categoryId}::uuid`)},
           (SELECT json_build_object('id', r.id, 'trackingCode', r.tracking_code, 'submittedAt', r.submitted_at,
                                     'submissionFingerprint', r.submission_fingerprint)
              FROM reports r WHERE r.tenant_id = ${tenantId}::uuid AND r.idempotency_key = ${data.idempotencyKey ?? null}) AS previous,
           (SELECT json_build_object('active', c.active, 'isPublic', c.is_public) FROM categories c WHERE c.id = ${categoryId}::uuid) AS category,
           (SELECT coalesce(json_agg(a.storage_key), '[]'::json) FROM attachments a
             WHERE a.storage_key = ANY(${data.attachments.map((a) => a.storageKey)}::text[])) AS used`);
  return row!;
}

/** Refused replays: the key was used by another submitter or for another input (or before fingerprints were kept). */
const keyReused = () =>
  new DomainError(DomainErrorCode.CONFLICT, 'This idempotency key was already used for a different submission; send a new key to file a new report');

function replay(
  ctx: CoreContext,
  report: { id: string; trackingCode: string; submittedAt: Date; submissionFingerprint: string | null },
  fingerprint: string,
): SubmittedReport {
  if (report.submissionFingerprint !== fingerprint) throw keyReused();
  return { id: report.id, trackingCode: report.trackingCode, secret: reportSecret(ctx.secretKey, report.id), submittedAt: report.submittedAt, replayed: true };
}

async function insertReport(
  ctx: CoreContext,
  sql: TenantSql,
  tenant: TenantRecord,
  data: SubmitData,
  actor: Actor | null,
  now: Date,
  fingerprint: string,
  before: BeforeSubmit,
): Promise<SubmittedReport> {
  let visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC';
  if (data.categoryId) {
    if (!before.category || !before.category.active) throw validationError([{ path: 'categoryId', message: 'is not a category of this tenant' }]);
    if (!before.category.isPublic) visibility = 'PRIVATE';
  }
  assertKeysUnused(data.attachments, before.used);
  const id = crypto.randomUUID();
  const secret = reportSecret(ctx.secretKey, id);
  const trackingCode = newTrackingCode(trackingPrefix(tenant));
  const submitEvent: ReportEventRecord = {
    seq: 1,
    type: 'SUBMIT',
    fromStatus: null,
    toStatus: 'SUBMITTED',
    actorId: actor && 'userId' in actor ? actor.userId : null,
    actorRole: actor?.role ?? 'CITIZEN',
    at: now,
    reason: null,
    data: { ...(data.categoryId ? { categoryId: data.categoryId } : {}), visibility },
  };
  const sla = slaFrom(before, tenant, [submitEvent], now);
  const { reporter } = data;
  const report = { id, trackingCode, unitId: null };
  // Every row in one statement, steps chained through `report`: the report,
  // the reporter's contact, the first step, the files, the citizen's
  // messages (to the contact given here, not read back) and the staff
  // inbox rows (returned, to deliver live after commit).
  const steps = [
    Prisma.sql`report AS (
      INSERT INTO reports (id, tenant_id, tracking_code, secret_hash, idempotency_key, submission_fingerprint, title, description,
                           category_id, status, channel, visibility, latitude, longitude, address, area_code,
                           submitted_at, updated_at, due_at, answer_due_at, search_text)
      VALUES (${id}::uuid, ${tenant.id}::uuid, ${trackingCode}, ${hashSecret(secret)}, ${data.idempotencyKey ?? null},
              ${data.idempotencyKey ? fingerprint : null}, ${data.title}, ${data.description}, ${data.categoryId ?? null}::uuid,
              'SUBMITTED', ${data.channel}::"Channel", ${visibility}::"Visibility", ${data.latitude ?? null}::double precision,
              ${data.longitude ?? null}::double precision, ${data.address ?? null}, ${data.areaCode ?? null},
              ${now}::timestamptz, ${now}::timestamptz, ${displayedDueAt(sla)}::timestamptz, ${sla?.answerDueAt ?? null}::timestamptz,
              ${reportSearchText({ ...data, trackingCode })})
      RETURNING id, tenant_id)`,
    Prisma.sql`contact AS (
      INSERT INTO reporter_contacts (report_id, tenant_id, full_name, phone, email)
      SELECT id, tenant_id, ${reporter.fullName ?? null}, ${reporter.phone}, ${reporter.email ?? null} FROM report)`,
    Prisma.sql`event AS (
      INSERT INTO report_events (tenant_id, report_id, seq, type, from_status, to_status, actor_id, actor_role, at, data)
      SELECT tenant_id, id, 1, ${submitEvent.type}, NULL, 'SUBMITTED', ${submitEvent.actorId}::uuid, ${submitEvent.actorRole},
             ${now}::timestamptz, ${JSON.stringify(submitEvent.data)}::jsonb
        FROM report)`,
  ];
  if (data.attachments.length > 0) {
    // VALUES in the order given: the `position` sequence numbers the files in it.
    const files = data.attachments.map(
      (a) => Prisma.sql`(${tenant.id}::uuid, ${id}::uuid, 1, ${a.kind}::"AttachmentKind", ${a.mimeType}, ${a.byteSize}::int, ${a.storageKey},
                         ${a.fileName ?? null}, ${a.width ?? null}::int, ${a.height ?? null}::int, FALSE)`,
    );
    steps.push(Prisma.sql`files AS (
      INSERT INTO attachments (tenant_id, report_id, event_seq, kind, mime_type, byte_size, storage_key, file_name, width, height, is_public)
      VALUES ${Prisma.join(files)})`);
  }
  const outbox = outboxInsert(tenant.id, citizenEventMessages(tenant, report, { email: reporter.email ?? null, phone: reporter.phone }, submitEvent), now);
  if (outbox) steps.push(Prisma.sql`outbox AS (${outbox})`);
  const notice = staffEventNotice(report, submitEvent);
  // Focal-point mail needs `notifyStaff`: a submit notice that asked for it would have to go through there.
  if (notice && STAFF_NOTICES[notice.kind].emailFocalPoints) throw new TypeError(`A submit notice (${notice.kind}) that mails focal points is not written in SQL`);
  const notices = notice ? staffNoticeInsert(tenant.id, notice, now) : null;
  const rows = await sql.query<Parameters<typeof toStaffNotificationRecord>[0]>(Prisma.sql`
    WITH ${Prisma.join(steps, ', ')}
    ${notices ?? Prisma.sql`SELECT NULL WHERE FALSE`}`, { last: true });
  return { id, trackingCode, secret, submittedAt: now, replayed: false, staffNotifications: rows.map(toStaffNotificationRecord) };
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  if (e?.code === 'P2002') return true;
  // A raw statement's failure (P2010) carries PostgreSQL's code.
  if (e?.code === 'P2010' && e.meta?.code === '23505') return true;
  // Straight from the driver (`withTenantSql`): PostgreSQL's code.
  if (e?.code === '23505') return true;
  const cause = e?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === '23505' || cause?.kind === 'UniqueConstraintViolation';
}

