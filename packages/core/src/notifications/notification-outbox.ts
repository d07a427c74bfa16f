import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { Prisma } from '../generated/prisma/client.js';
import { isUuid } from '../ids.js';
import type { ReportEventType } from '../reports/report-status.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { smsPolicyOf } from '../tenants/tenant-settings-schema.js';
import { citizenMessage, citizenSms, type CitizenNoticeKind, type CitizenReminderKind } from './citizen-notices.js';

/** The channels of the outbox. */
export const NotificationChannel = { EMAIL: 'EMAIL', SMS: 'SMS' } as const;
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel];
const CHANNELS: ReadonlySet<string> = new Set(Object.values(NotificationChannel));

/** After this many failed attempts a message is given up (`failed_at` set). */
export const MAX_NOTIFICATION_ATTEMPTS = 8;
/** A claimed message is not claimed again for this long (a worker that died mid-send releases it). */
export const NOTIFICATION_LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 60 * 60_000;
const MAX_ERROR_LENGTH = 500;
const MAX_DEDUPE_KEY_LENGTH = 200;
/** An SMS recipient: E.164 (`+84912345678`), as `vietnamesePhone` stores phones. */
const E164 = /^\+[1-9]\d{7,14}$/;

/** Wait before the next attempt after `attempts` failed ones: 1 min, 4 min, 16 min, … at most 6 hours. */
export const notificationRetryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

/** A message to queue. */
export interface OutboxMessage {
  channel: NotificationChannel;
  /** An e-mail address, or an E.164 phone number for SMS. */
  recipient: string;
  /** The e-mail subject; for SMS kept for the record only (not sent). */
  subject: string;
  body: string;
  /** The report the message is about, if any. */
  reportId?: string | null;
  /** The report event that caused it, if one did. */
  eventSeq?: number | null;
  /**
   * Names the message: a second message with the same key and channel in
   * the tenant is not queued. Say what it is and which occurrence:
   * `report:<id>:event:<seq>`, `report:<id>:rating-reminder:<round>`,
   * `deadline-warning:<reportId>:<stage>:<userId>`, … (at most 200 characters).
   */
  dedupeKey: string;
}

/**
 * Queues one message in the caller's tenant transaction (written with what
 * caused it, or not at all). Returns false, queuing nothing, when the tenant
 * already has a message with the same `dedupeKey` and channel, so a job that
 * runs twice queues once. A malformed message (unknown channel, empty key or
 * recipient, a phone not in E.164) is a programming error: TypeError, nothing
 * queued; its text never holds the recipient.
 */
export async function enqueueMessage(tx: TenantTx, tenantId: string, message: OutboxMessage, now: Date): Promise<boolean> {
  return (await tx.$executeRaw(outboxInsert(tenantId, [message], now)!)) === 1;
}

/** Throws the TypeError `enqueueMessage` describes when a message is malformed. */
function checkMessage(message: OutboxMessage): void {
  if (!CHANNELS.has(message.channel)) throw new TypeError(`Unknown notification channel ${JSON.stringify(String(message.channel).slice(0, 20))}`);
  if (!message.dedupeKey || message.dedupeKey.length > MAX_DEDUPE_KEY_LENGTH) throw new TypeError('A notification needs a dedupeKey of 1–200 characters');
  if (!message.recipient) throw new TypeError('A notification needs a recipient');
  if (message.channel === NotificationChannel.SMS && !E164.test(message.recipient)) throw new TypeError('An SMS recipient must be an E.164 phone number');
  if (message.reportId != null && !isUuid(message.reportId)) throw new TypeError('reportId must be a UUID');
}

/**
 * The messages as one SQL `INSERT` (checked as `enqueueMessage` says; a
 * message whose key and channel the tenant already has is skipped), or null
 * for none. Run it in the tenant's transaction (`enqueueMessage`), or as a
 * step of a larger statement (submit).
 */
export function outboxInsert(tenantId: string, messages: readonly OutboxMessage[], now: Date): Prisma.Sql | null {
  if (messages.length === 0) return null;
  for (const message of messages) checkMessage(message);
  const rows = messages.map(
    (m) => Prisma.sql`(${tenantId}::uuid, ${m.reportId ?? null}::uuid, ${m.eventSeq ?? null}::int, ${m.dedupeKey}, ${m.channel}, ${m.recipient},
                       ${m.subject}, ${m.body}, ${now}::timestamptz, ${now}::timestamptz)`,
  );
  return Prisma.sql`
    INSERT INTO notification_outbox (tenant_id, report_id, event_seq, dedupe_key, channel, recipient, subject, body, created_at, next_attempt_at)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT DO NOTHING`;
}

/** Where a reporter can be reached: what they left in their contact. */
export type CitizenContact = { email: string | null; phone: string | null } | null;

/**
 * Where the reporter of a report can be reached: the e-mail they left, and
 * the phone they left when the tenant's `notifications.sms` rule says so
 * (`ALWAYS`, or `WHEN_NO_EMAIL` and no e-mail). Empty when they left neither.
 */
function citizenChannels(tenant: TenantRecord, contact: CitizenContact): Array<{ channel: NotificationChannel; recipient: string }> {
  const channels: Array<{ channel: NotificationChannel; recipient: string }> = [];
  if (contact?.email) channels.push({ channel: NotificationChannel.EMAIL, recipient: contact.email });
  const sms = smsPolicyOf(tenant.settings);
  if (contact?.phone && E164.test(contact.phone) && (sms === 'ALWAYS' || (sms === 'WHEN_NO_EMAIL' && !contact.email))) {
    channels.push({ channel: NotificationChannel.SMS, recipient: contact.phone });
  }
  return channels;
}

/** The citizen's messages of one kind and occurrence, on every channel `contact` allows (none for a kind they are not told of). */
function citizenMessages(
  tenant: TenantRecord,
  report: { id: string; trackingCode: string },
  contact: CitizenContact,
  kind: CitizenNoticeKind,
  occurrence: { dedupeKey: string; eventSeq?: number },
): OutboxMessage[] {
  const email = citizenMessage(kind, report.trackingCode, tenant.settings);
  const sms = citizenSms(kind, report.trackingCode, tenant.settings);
  if (!email || !sms) return [];
  return citizenChannels(tenant, contact).map(({ channel, recipient }) => ({
    channel,
    recipient,
    subject: email.subject,
    body: channel === NotificationChannel.SMS ? sms : email.body,
    reportId: report.id,
    eventSeq: occurrence.eventSeq ?? null,
    dedupeKey: occurrence.dedupeKey,
  }));
}

/**
 * The citizen's messages for a report event, to the contact given (for a
 * caller that has it at hand, as submit does; `enqueueCitizenNotice` reads it).
 */
export function citizenEventMessages(
  tenant: TenantRecord,
  report: { id: string; trackingCode: string },
  contact: CitizenContact,
  event: { seq: number; type: ReportEventType },
): OutboxMessage[] {
  return citizenMessages(tenant, report, contact, event.type, { dedupeKey: `report:${report.id}:event:${event.seq}`, eventSeq: event.seq });
}

async function enqueueForCitizen(tx: TenantTx, tenantId: string, messages: OutboxMessage[], now: Date): Promise<void> {
  const insert = outboxInsert(tenantId, messages, now);
  if (insert) await tx.$executeRaw(insert);
}

/** The reporter's contact, as `citizenChannels` reads it. */
const contactOf = (tx: TenantTx, reportId: string): Promise<CitizenContact> =>
  tx.reporterContact.findUnique({ where: { reportId }, select: { email: true, phone: true } });

/**
 * Queues the citizen's messages for a report event, in the event's own
 * tenant transaction: written with the event or not at all. Nothing when the
 * event is not one the citizen is told of (`citizenNotices`) or the reporter
 * left no way to reach them; an e-mail and/or an SMS otherwise
 * (`notifications.sms`). Sending is the worker's job; this never fails on
 * the mail server or the SMS gateway.
 */
export async function enqueueCitizenNotice(
  tx: TenantTx,
  tenant: TenantRecord,
  report: { id: string; trackingCode: string },
  event: { seq: number; type: ReportEventType },
  now: Date,
): Promise<void> {
  await enqueueForCitizen(tx, tenant.id, citizenEventMessages(tenant, report, await contactOf(tx, report.id), event), now);
}

/**
 * Queues a reminder to the citizen (today: rate the answer), on every
 * channel they can be reached on, once per report and round (`round` 1 for
 * the first reminder, 2 for the next, …): a job that runs twice queues once.
 */
export async function enqueueCitizenReminder(
  tx: TenantTx,
  tenant: TenantRecord,
  report: { id: string; trackingCode: string },
  reminder: { kind: CitizenReminderKind; round: number },
  now: Date,
): Promise<void> {
  if (!Number.isInteger(reminder.round) || reminder.round < 1) throw new TypeError(`A reminder round is a whole number from 1, got ${reminder.round}`);
  const key = `report:${report.id}:${reminder.kind.toLowerCase().replace(/_/g, '-')}:${reminder.round}`;
  await enqueueForCitizen(tx, tenant.id, citizenMessages(tenant, report, await contactOf(tx, report.id), reminder.kind, { dedupeKey: key }), now);
}

/** A message the worker claimed: send it, then `markNotificationSent` or `markNotificationFailed`. */
export interface ClaimedNotification {
  id: string;
  tenantId: string;
  /** The report it is about, or null (e.g. a staff message). */
  reportId: string | null;
  channel: NotificationChannel;
  recipient: string;
  subject: string;
  body: string;
  /** Attempts so far, this one included. */
  attempts: number;
}

/**
 * Claims up to `limit` of a tenant's messages on `channels` (default all)
 * that are due at `now`: each
 * gets one more attempt and is leased for `NOTIFICATION_LEASE_MS`. Rows
 * another process holds are skipped (`FOR UPDATE SKIP LOCKED`), so workers
 * in several processes send each message once.
 */
export async function claimDueNotifications(
  ctx: CoreContext,
  tenantId: string,
  now: Date,
  limit = 20,
  channels: readonly NotificationChannel[] = Object.values(NotificationChannel),
): Promise<ClaimedNotification[]> {
  if (channels.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + NOTIFICATION_LEASE_MS);
  const wanted = channels.filter((c) => CHANNELS.has(c));
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.$queryRaw<Array<{
    id: string; tenant_id: string; report_id: string | null; channel: string; recipient: string; subject: string; body: string; attempts: number;
  }>>`
    UPDATE "notification_outbox" SET "attempts" = "attempts" + 1, "next_attempt_at" = ${leaseUntil}
     WHERE "id" IN (SELECT "id" FROM "notification_outbox"
                     WHERE "sent_at" IS NULL AND "failed_at" IS NULL AND "next_attempt_at" <= ${now}
                       AND "channel" = ANY(${wanted}::text[])
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
 * Records a failed attempt: the error without the recipient's address or
 * phone (nor any other), and the next attempt after a growing wait; after
 * `MAX_NOTIFICATION_ATTEMPTS`, or at once when the failure is `permanent`
 * (the server refused the message itself), gives up. Returns whether it gave up.
 */
export async function markNotificationFailed(
  ctx: CoreContext,
  message: ClaimedNotification,
  error: string,
  now: Date,
  options: { permanent?: boolean } = {},
): Promise<{ gaveUp: boolean }> {
  const gaveUp = options.permanent === true || message.attempts >= MAX_NOTIFICATION_ATTEMPTS;
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

/**
 * An error text safe to store and log: the recipient, anything shaped like
 * an e-mail address and any run of 9 or more digits (a phone number in any
 * spelling: `+84 912 345 678`, `0912345678`) replaced; one line, bounded.
 */
export function withoutAddresses(text: string, recipient: string): string {
  const digits = recipient.replace(/\D/g, '');
  let out = text.split(recipient).join('<recipient>');
  // The recipient's national number, as a gateway may echo it (`0912345678`, `84912345678`).
  if (digits.length >= 9) out = out.split(digits.slice(-9)).join('<phone>');
  return out
    .replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<address>')
    .replace(/\+?\d(?:[ .()-]{0,2}\d){8,}/g, '<phone>')
    .replace(/\s+/g, ' ')
    .slice(0, MAX_ERROR_LENGTH);
}

/** A phone number fit for a development log: every digit but the last 3 masked (`+84912345678` → `+********678`). */
export function maskPhone(phone: string): string {
  const total = (phone.match(/\d/g) ?? []).length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => (++seen > total - 3 ? d : '*'));
}
