import { createHash } from 'node:crypto';
import type { TenantTx } from '../db/with-tenant.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { enqueueMessage, NotificationChannel } from './notification-outbox.js';
import type { StaffNotice, StaffNoticeRule } from './staff-notices.js';

const MAX_KEY = 200;

/** The outbox key of one notice to one focal point: the notice's key when it fits, else its hash. */
function mailKey(noticeKey: string, focalPointId: string): string {
  const key = `staff-notice:${noticeKey}:focal-point:${focalPointId}`;
  if (key.length <= MAX_KEY) return key;
  return `staff-notice:${createHash('sha256').update(noticeKey).digest('hex')}:focal-point:${focalPointId}`;
}

/** A time as the tenant's staff read it: `dd/MM/yyyy HH:mm` in the tenant's time zone. */
export function localTime(iso: string, timeZone: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return parts.replace(',', '');
}

/**
 * Queues an e-mail about a deadline notice to each current focal point of
 * the notice's unit who has an e-mail address (through the outbox, in the
 * caller's transaction; once per notice and focal point). The message names
 * the report by its tracking code and the deadline, never the reporter; a
 * notice about something else (a report form) brings its own `mailLines`.
 * Returns how many were queued.
 */
export async function mailFocalPoints(tx: TenantTx, tenant: TenantRecord, notice: StaffNotice, rule: StaffNoticeRule, now: Date): Promise<number> {
  if (!notice.unitId) return 0;
  const focalPoints = await tx.focalPoint.findMany({
    where: { unitId: notice.unitId, validTo: null, email: { not: null } },
    select: { id: true, email: true },
    orderBy: { id: 'asc' },
  });
  if (focalPoints.length === 0) return 0;
  const data = notice.data ?? {};
  let code = typeof data.trackingCode === 'string' ? data.trackingCode : null;
  if (!code && notice.reportId) {
    code = (await tx.report.findUnique({ where: { id: notice.reportId }, select: { trackingCode: true } }))?.trackingCode ?? null;
  }
  const due = typeof data.dueAt === 'string' ? localTime(data.dueAt, tenant.timezone) : null;
  const subject = `${code ? `[${code}] ` : ''}${rule.title.vi} / ${rule.title.en}`;
  const body = [
    rule.title.vi,
    ...(code ? [`Mã phản ánh: ${code}`] : []),
    ...(due ? [`Hạn xử lý: ${due}`] : []),
    ...(notice.mailLines?.vi ?? []),
    'Đăng nhập hệ thống để xem chi tiết.',
    '',
    '---',
    '',
    rule.title.en,
    ...(code ? [`Tracking code: ${code}`] : []),
    ...(due ? [`Deadline: ${due} (${tenant.timezone})`] : []),
    ...(notice.mailLines?.en ?? []),
    'Sign in to see the details.',
    '',
    'Thư này được gửi tự động; vui lòng không trả lời. / This message was sent automatically; please do not reply.',
  ].join('\n');
  let queued = 0;
  for (const fp of focalPoints) {
    const sent = await enqueueMessage(tx, tenant.id, {
      channel: NotificationChannel.EMAIL,
      recipient: fp.email!,
      subject,
      body,
      reportId: notice.reportId ?? null,
      dedupeKey: mailKey(notice.dedupeKey, fp.id),
    }, now);
    if (sent) queued += 1;
  }
  return queued;
}
