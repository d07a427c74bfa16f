import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { addWorkingMinutes } from '../calendar/working-time.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { headerOf, KPI_COLUMNS, type ExportRow } from './export-rows.js';

/** The month a monthly report covers, and when it may be sent. */
export interface MonthlyReportPeriod {
  /** `YYYY-MM`: the month reported on (the month before `now`'s, local). */
  month: string;
  /** Its first and last local day, inclusive (`YYYY-MM-DD`): the export's filters. */
  from: string;
  to: string;
  /** When the report may be sent: the start of the first working day of the month after, on the tenant's calendar. */
  opensAt: Date;
}

/**
 * Last month's report at `now`, once the first working day of this month
 * has begun on the tenant's calendar (1 January, Tết or a weekend push it
 * to the next working day); null before. A run after that day (the server
 * was down) still finds it due: the outbox's dedupe key sends it once.
 */
export function monthlyReportDue(cal: WorkingCalendar, now: Date): MonthlyReportPeriod | null {
  const local = DateTime.fromJSDate(now, { zone: cal.timezone });
  const monthStart = local.startOf('month');
  // The start of the first working interval of the month: one working minute in, minus that minute.
  const opensAt = new Date(addWorkingMinutes(cal, monthStart.toJSDate(), 1).getTime() - 60_000);
  if (now.getTime() < opensAt.getTime()) return null;
  const last = monthStart.minus({ months: 1 });
  return { month: last.toFormat('yyyy-MM'), from: last.toISODate()!, to: last.endOf('month').toISODate()!, opensAt };
}

/**
 * The outbox's dedupe key of one recipient's report for `month`: unique in
 * the tenant, so a job that runs again (hourly, on several processes, after
 * a restart) queues it once. The address is hashed, never spelled out.
 */
export function monthlyReportDedupeKey(month: string, recipient: string): string {
  const hash = createHash('sha256').update(recipient.toLowerCase()).digest('hex').slice(0, 24);
  return `monthly-report:${month}:${hash}`;
}

/**
 * The export id of a tenant's monthly report (a UUID derived from tenant and
 * month): the same run twice finds the file already written.
 */
export function monthlyReportExportId(tenantId: string, month: string): string {
  const h = createHash('sha256').update(`paht/monthly-report/v1:${tenantId}:${month}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SUMMARY_KEYS = [
  'received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'notFixed', 'openWithinDeadline', 'openOverdue', 'rejected',
  'medianHandlingHours', 'p90HandlingHours', 'ratings', 'satisfiedShare', 'publishedShare',
] as const;

/**
 * The e-mail of a monthly report, Vietnamese then English: the tenant's
 * figures of the month (the KPI table's TENANT row) and the link to the
 * Excel file per unit (signed, expiring), when there is one.
 */
export function monthlyReportMail(tenant: Pick<TenantRecord, 'name' | 'nameEn'>, period: MonthlyReportPeriod, summary: ExportRow | null, link: { url: string; expiresAt: Date } | null): { subject: string; body: string } {
  const [year, month] = period.month.split('-');
  const subject = `Báo cáo phản ánh tháng ${Number(month)}/${year} – ${tenant.name} / Monthly report ${period.month} – ${tenant.nameEn}`;
  const lines = [
    `Số liệu xử lý phản ánh từ ${period.from} đến ${period.to} / Report-handling figures from ${period.from} to ${period.to}:`,
    '',
    ...SUMMARY_KEYS.map((key) => {
      const column = KPI_COLUMNS.find((c) => c.key === key)!;
      const value = summary?.[key];
      return `- ${headerOf(column)}: ${value === null || value === undefined ? '–' : String(value)}`;
    }),
    '',
    link
      ? `Bảng theo đơn vị (Excel) / Figures per unit (Excel): ${link.url}\n(liên kết hết hạn ${link.expiresAt.toISOString().slice(0, 10)} / the link expires on ${link.expiresAt.toISOString().slice(0, 10)})`
      : 'Bảng theo đơn vị có trong mục Xuất dữ liệu của trang quản trị / The figures per unit are in the console’s exports.',
    '',
    'Thư tự động, vui lòng không trả lời / An automatic message, please do not reply.',
  ];
  return { subject, body: lines.join('\n') };
}
