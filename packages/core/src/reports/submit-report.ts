import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { findTenantById, trackingPrefix, type TenantRecord } from '../tenants/tenant-directory.js';
import type { ReportEventRecord } from './report-event.js';
import { displayedDueAt, evaluateSla } from './report-sla.js';
import { hashSecret, reportSecret } from './report-secret.js';
import { parseSubmitInput, SELF_SERVICE_CHANNELS, type Channel } from './submit-input.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { reportSearchText } from './search-text.js';
import { assertNotAttached } from './report-attachments.js';
import { submissionFingerprint, submitterOf } from './submission-fingerprint.js';
import { newTrackingCode } from './tracking-code.js';
import { enqueueCitizenNotice } from '../notifications/notification-outbox.js';
import { notifyStaffOfEvent } from '../notifications/staff-event-notices.js';
import type { StaffNotificationRecord } from '../notifications/staff-notices.js';

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
      return await withTenant(ctx.db, tenantId, async (tx) => {
        if (data.idempotencyKey) {
          const previous = await tx.report.findUnique({
            where: { tenantId_idempotencyKey: { tenantId, idempotencyKey: data.idempotencyKey } },
          });
          if (previous) return replay(ctx, previous, fingerprint);
        }
        return insertReport(ctx, tx, tenant, data, actor, now, fingerprint);
      });
    } catch (error) {
      // A concurrent retry with the same key won the race: return its report.
      // A tracking-code collision (1 in 10^8 per existing code): draw again.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
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
  tx: TenantTx,
  tenant: TenantRecord,
  data: ReturnType<typeof parseSubmitInput>,
  actor: Actor | null,
  now: Date,
  fingerprint: string,
): Promise<SubmittedReport> {
  let visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC';
  if (data.categoryId) {
    const category = await tx.category.findUnique({ where: { id: data.categoryId } });
    if (!category || !category.active) throw validationError([{ path: 'categoryId', message: 'is not a category of this tenant' }]);
    if (!category.isPublic) visibility = 'PRIVATE';
  }
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
  await assertNotAttached(tx, data.attachments);
  const sla = await evaluateSla(tx, tenant, data.categoryId ?? null, [submitEvent], now);
  // The report, the reporter's contact and the first step in one statement
  // (three inserts chained through `report`), where Prisma sends three.
  const { reporter } = data;
  await tx.$executeRaw`
    WITH report AS (
      INSERT INTO reports (id, tenant_id, tracking_code, secret_hash, idempotency_key, submission_fingerprint, title, description,
                           category_id, status, channel, visibility, latitude, longitude, address, area_code,
                           submitted_at, updated_at, due_at, answer_due_at, search_text)
      VALUES (${id}::uuid, ${tenant.id}::uuid, ${trackingCode}, ${hashSecret(secret)}, ${data.idempotencyKey ?? null},
              ${data.idempotencyKey ? fingerprint : null}, ${data.title}, ${data.description}, ${data.categoryId ?? null}::uuid,
              'SUBMITTED', ${data.channel}::"Channel", ${visibility}::"Visibility", ${data.latitude ?? null}::double precision,
              ${data.longitude ?? null}::double precision, ${data.address ?? null}, ${data.areaCode ?? null},
              ${now}::timestamptz, ${now}::timestamptz, ${displayedDueAt(sla)}::timestamptz, ${sla?.answerDueAt ?? null}::timestamptz,
              ${reportSearchText({ ...data, trackingCode })})
      RETURNING id, tenant_id),
    contact AS (
      INSERT INTO reporter_contacts (report_id, tenant_id, full_name, phone, email)
      SELECT id, tenant_id, ${reporter.fullName ?? null}, ${reporter.phone}, ${reporter.email ?? null} FROM report)
    INSERT INTO report_events (tenant_id, report_id, seq, type, from_status, to_status, actor_id, actor_role, at, data)
    SELECT tenant_id, id, 1, ${submitEvent.type}, NULL, 'SUBMITTED', ${submitEvent.actorId}::uuid, ${submitEvent.actorRole},
           ${now}::timestamptz, ${JSON.stringify(submitEvent.data)}::jsonb
      FROM report`;
  if (data.attachments.length > 0) {
    await tx.attachment.createMany({
      data: data.attachments.map((a) => ({ ...a, tenantId: tenant.id, reportId: id, eventSeq: 1, isPublic: false })),
    });
  }
  await enqueueCitizenNotice(tx, tenant, { id, trackingCode }, submitEvent, now);
  const staffNotifications = await notifyStaffOfEvent(tx, tenant, { id, trackingCode, unitId: null }, submitEvent, now);
  return { id, trackingCode, secret, submittedAt: now, replayed: false, staffNotifications };
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  if (e?.code === 'P2002') return true;
  // A raw statement's failure (P2010) carries PostgreSQL's code.
  if (e?.code === 'P2010' && e.meta?.code === '23505') return true;
  const cause = e?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === '23505' || cause?.kind === 'UniqueConstraintViolation';
}

