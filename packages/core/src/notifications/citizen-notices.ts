import type { ReportEventType } from '../reports/report-status.js';
import { TRACKING_CODE_PLACEHOLDER, type TenantSettings } from '../tenants/tenant-settings-schema.js';

/** What the citizen is told of one kind of event: a subject and a sentence, Vietnamese and English. */
export interface CitizenNotice {
  vi: { subject: string; text: string };
  en: { subject: string; text: string };
}

/**
 * The events a reporter who left an e-mail is told of, as one table: the
 * report was received (a receipt with the code, also for reports a hotline
 * operator filed for a caller), classified, assigned, answered, the unit
 * asked for more information, and the report ended (closed by the IOC, or
 * rejected). Events the citizen caused (rating, reopening, answering) and
 * internal steps (accept, start, extend, return, publish) send nothing.
 */
export const citizenNotices: Readonly<Partial<Record<ReportEventType, CitizenNotice>>> = {
  SUBMIT: {
    vi: { subject: 'Đã tiếp nhận phản ánh', text: 'Chúng tôi đã nhận phản ánh của bạn. Hãy giữ mã phản ánh để tra cứu; mã bí mật chỉ được cho bạn khi gửi, không có trong thư này.' },
    en: { subject: 'Your report was received', text: 'We received your report. Keep the tracking code to follow it; your secret was given to you when you filed and is not in this message.' },
  },
  CLASSIFY: {
    vi: { subject: 'Phản ánh đã được phân loại', text: 'Phản ánh của bạn đã được tiếp nhận và phân loại; chúng tôi sẽ chuyển đến đơn vị xử lý.' },
    en: { subject: 'Your report was classified', text: 'Your report was received and classified; it will be passed to the unit in charge.' },
  },
  ASSIGN: {
    vi: { subject: 'Phản ánh đã được chuyển đơn vị xử lý', text: 'Phản ánh của bạn đã được chuyển đến đơn vị có thẩm quyền xử lý.' },
    en: { subject: 'Your report was assigned', text: 'Your report was assigned to the unit responsible for it.' },
  },
  REQUEST_INFO: {
    vi: { subject: 'Đơn vị xử lý cần thêm thông tin', text: 'Đơn vị xử lý cần bạn bổ sung thông tin. Vui lòng mở trang tra cứu, nhập mã bí mật và trả lời.' },
    en: { subject: 'More information needed', text: 'The unit handling your report needs more information. Please open the tracker, enter your secret and answer.' },
  },
  RESOLVE: {
    vi: { subject: 'Phản ánh đã được trả lời', text: 'Đơn vị xử lý đã trả lời phản ánh của bạn. Xem câu trả lời trên trang tra cứu.' },
    en: { subject: 'Your report was answered', text: 'The unit has answered your report. See the answer in the tracker.' },
  },
  CLOSE: {
    vi: { subject: 'Phản ánh đã được đóng', text: 'Phản ánh của bạn đã được đóng. Cảm ơn bạn đã phản ánh.' },
    en: { subject: 'Your report was closed', text: 'Your report was closed. Thank you for reporting.' },
  },
  REJECT: {
    vi: { subject: 'Phản ánh không được tiếp nhận', text: 'Phản ánh của bạn không được tiếp nhận. Xem lý do trên trang tra cứu.' },
    en: { subject: 'Your report was not accepted', text: 'Your report was not accepted. See the reason in the tracker.' },
  },
};

export interface CitizenMessage {
  subject: string;
  body: string;
}

/**
 * The e-mail for one event of a report, or null when the citizen is not told
 * of this kind of event. Vietnamese first, then English; the tracking code
 * and, when the tenant set `notifications.publicTrackerUrl`, the tracker
 * link. Never the citizen's secret or contact: the message names the report
 * only by its public code.
 */
export function citizenMessage(type: ReportEventType, trackingCode: string, settings: TenantSettings): CitizenMessage | null {
  const notice = citizenNotices[type];
  if (!notice) return null;
  const template = settings.notifications?.publicTrackerUrl;
  const link = template ? template.split(TRACKING_CODE_PLACEHOLDER).join(encodeURIComponent(trackingCode)) : null;
  const body = [
    `${notice.vi.text}`,
    `Mã phản ánh: ${trackingCode}`,
    ...(link ? [`Tra cứu: ${link}`] : []),
    '',
    '---',
    '',
    `${notice.en.text}`,
    `Tracking code: ${trackingCode}`,
    ...(link ? [`Track it: ${link}`] : []),
    '',
    'Thư này được gửi tự động; vui lòng không trả lời. / This message was sent automatically; please do not reply.',
  ].join('\n');
  return { subject: `[${trackingCode}] ${notice.vi.subject} / ${notice.en.subject}`, body };
}
