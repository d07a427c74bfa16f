import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import type { ReportEventType } from '../reports/report-status.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { citizenMessage } from './citizen-notices.js';

/** The channels of the outbox. Only e-mail so far (SMS is planned). */
export const NotificationChannel = { EMAIL: 'EMAIL' } as const;
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel];

/** After this many failed attempts a message is given up (`failed_at` set). */
export const MAX_NOTIFICATION_ATTEMPTS = 8;
/** A claimed message is not claimed again for this long (a worker that died mid-send releases it). */
export const NOTIFICATION_LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;
const MAX_ERROR_LENGTH = 500;

/** Wait before the next attempt after `attempts` failed ones: 1 min, 4 min, 16 min, … at most 6 hours. */
export const notificationRetryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

/**
 * Queues the citizen's e-mail for a report event, in the event's own tenant
 * transaction: written with the event or not at all. Nothing when the event
 * is not one the citizen is told of (`citizenNotices`) or the reporter left
 * no e-mail. Sending is the worker's job; this never fails on the mail server.
 */
export async function enqueueCitizenNotice(
  tx: TenantTx,
  tenant: TenantRecord,
  report: { id: string; trackingCode: string },
  event: { seq: number; type: ReportEventType },
  now: Date,
): Promise<void> {
  const message = citizenMessage(event.type, report.trackingCode, tenant.settings);
  if (!message) return;
  const contact = await tx.reporterContact.findUnique({ where: { reportId: report.id }, select: { email: true } });
  if (!contact?.email) return;
  await tx.notificationOutbox.create({
    data: {
      tenantId: tenant.id,
      reportId: report.id,
      eventSeq: event.seq,
      channel: NotificationChannel.EMAIL,
      recipient: contact.email,
      subject: message.subject,
      body: message.body,
      createdAt: now,
      nextAttemptAt: now,
    },
  });
}

/** A message the worker claimed: send it, then `markNotificationSent` or `markNotificationFailed`. */
export interface ClaimedNotification {
  id: string;
  tenantId: string;
  reportId: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string;
  body: string;
  /** Attempts so far, this one included. */
  attempts: number;
}

/**
 * Claims up to `limit` of a tenant's messages that are due at `now`: each
 * gets one more attempt and is leased for `NOTIFICATION_LEASE_MS`. Rows
 * another process holds are skipped (`FOR UPDATE SKIP LOCKED`), so workers
 * in several processes send each message once.
 */
export async function claimDueNotifications(ctx: CoreContext, tenantId: string, now: Date, limit = 20): Promise<ClaimedNotification[]> {
  const leaseUntil = new Date(now.getTime() + NOTIFICATION_LEASE_MS);
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.$queryRaw<Array<{
    id: string; tenant_id: string; report_id: string; channel: string; recipient: string; subject: string; body: string; attempts: number;
  }>>`
    UPDATE "notification_outbox" SET "attempts" = "attempts" + 1, "next_attempt_at" = ${leaseUntil}
     WHERE "id" IN (SELECT "id" FROM "notification_outbox"
                     WHERE "sent_at" IS NULL AND "failed_at" IS NULL AND "next_attempt_at" <= ${now}
                     ORDER BY "next_attempt_at" LIMIT ${limit}
                       FOR UPDATE SKIP LOCKED)
    RETURNING "id", "tenant_id", "report_id", "channel", "recipient", "subject", "body", "attempts"`);
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    reportId: r.report_id,
    channel: r.channel as NotificationChannel,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    attempts: Number(r.attempts),
  }));
}

export async function markNotificationSent(ctx: CoreContext, message: ClaimedNotification, now: Date): Promise<void> {
  await withTenant(ctx.db, message.tenantId, (tx) => tx.notificationOutbox.update({ where: { id: message.id }, data: { sentAt: now, lastError: null } }));
}

/**
 * Records a failed attempt: the error without the recipient's address (nor
 * any other), and the next attempt after a growing wait; after
 * `MAX_NOTIFICATION_ATTEMPTS`, gives up. Returns whether it gave up.
 */
export async function markNotificationFailed(ctx: CoreContext, message: ClaimedNotification, error: string, now: Date): Promise<{ gaveUp: boolean }> {
  const gaveUp = message.attempts >= MAX_NOTIFICATION_ATTEMPTS;
  await withTenant(ctx.db, message.tenantId, (tx) =>
    tx.notificationOutbox.update({
      where: { id: message.id },
      data: {
        lastError: withoutAddresses(error, message.recipient),
        ...(gaveUp ? { failedAt: now } : { nextAttemptAt: new Date(now.getTime() + notificationRetryDelayMs(message.attempts)) }),
      },
    }),
  );
  return { gaveUp };
}

/** An error text safe to store and log: the recipient and anything shaped like an e-mail address replaced, one line, bounded. */
export function withoutAddresses(text: string, recipient: string): string {
  return text
    .split(recipient).join('<recipient>')
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>')
    .replace(/\s+/g, ' ')
    .slice(0, MAX_ERROR_LENGTH);
}
