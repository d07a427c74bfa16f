import type { TenantTx } from '../db/with-tenant.js';
import { citizenMessage, citizenSms } from '../notifications/citizen-notices.js';
import { enqueueMessage, NotificationChannel } from '../notifications/notification-outbox.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { smsPolicyOf } from '../tenants/tenant-settings-schema.js';
import type { ReportEventType } from './report-status.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Keeps a report's supporters informed: for a report event its reporter is
 * told of (`citizenNotices`), the same message is queued for each supporter
 * who can be reached — the reporter of a later report merged into it (their
 * contact stays with that report) or a "me too" who left a phone or e-mail —
 * by e-mail, and by SMS as the tenant's `notifications.sms` rule says. In
 * the event's transaction, once per supporter and event (dedupe key
 * `report:<id>:event:<seq>:supporter:<supporterId>`).
 */
export async function enqueueSupporterNotices(
  tx: TenantTx,
  tenant: TenantRecord,
  report: { id: string; trackingCode: string },
  event: { seq: number; type: ReportEventType },
  now: Date,
): Promise<void> {
  const email = citizenMessage(event.type, report.trackingCode, tenant.settings);
  const sms = citizenSms(event.type, report.trackingCode, tenant.settings);
  if (!email || !sms) return;
  const supporters = await tx.reportSupporter.findMany({
    where: { reportId: report.id },
    select: { id: true, phone: true, email: true, mergedReport: { select: { contact: { select: { phone: true, email: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
  const policy = smsPolicyOf(tenant.settings);
  for (const s of supporters) {
    const contact = s.mergedReport?.contact ?? { phone: s.phone, email: s.email };
    const channels: Array<{ channel: NotificationChannel; recipient: string }> = [];
    if (contact.email) channels.push({ channel: NotificationChannel.EMAIL, recipient: contact.email });
    if (contact.phone && E164.test(contact.phone) && (policy === 'ALWAYS' || (policy === 'WHEN_NO_EMAIL' && !contact.email))) {
      channels.push({ channel: NotificationChannel.SMS, recipient: contact.phone });
    }
    for (const { channel, recipient } of channels) {
      await enqueueMessage(tx, tenant.id, {
        channel,
        recipient,
        subject: email.subject,
        body: channel === NotificationChannel.SMS ? sms : email.body,
        reportId: report.id,
        eventSeq: event.seq,
        dedupeKey: `report:${report.id}:event:${event.seq}:supporter:${s.id}`,
      }, now);
    }
  }
}
