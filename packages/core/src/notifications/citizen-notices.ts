import type { ReportEventType } from '../reports/report-status.js';
import { TRACKING_CODE_PLACEHOLDER, type TenantSettings } from '../tenants/tenant-settings-schema.js';

/** What the citizen is told of one kind of event: a subject and a sentence, Vietnamese and English, and a short form for SMS. */
export interface CitizenNotice {
  vi: { subject: string; text: string };
  en: { subject: string; text: string };
  /** The SMS sentences (written with diacritics; `citizenSms` sends them without). */
  sms: { vi: string; en: string };
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
    sms: { vi: 'Phản ánh của bạn đã được tiếp nhận.', en: 'Your report was received.' },
  },
  CLASSIFY: {
    vi: { subject: 'Phản ánh đã được phân loại', text: 'Phản ánh của bạn đã được tiếp nhận và phân loại; chúng tôi sẽ chuyển đến đơn vị xử lý.' },
    en: { subject: 'Your report was classified', text: 'Your report was received and classified; it will be passed to the unit in charge.' },
    sms: { vi: 'Phản ánh đã được phân loại.', en: 'Your report was classified.' },
  },
  ASSIGN: {
    vi: { subject: 'Phản ánh đã được chuyển đơn vị xử lý', text: 'Phản ánh của bạn đã được chuyển đến đơn vị có thẩm quyền xử lý.' },
    en: { subject: 'Your report was assigned', text: 'Your report was assigned to the unit responsible for it.' },
    sms: { vi: 'Phản ánh đã được chuyển đơn vị xử lý.', en: 'Your report was assigned.' },
  },
  REQUEST_INFO: {
    vi: { subject: 'Đơn vị xử lý cần thêm thông tin', text: 'Đơn vị xử lý cần bạn bổ sung thông tin. Vui lòng mở trang tra cứu, nhập mã bí mật và trả lời.' },
    en: { subject: 'More information needed', text: 'The unit handling your report needs more information. Please open the tracker, enter your secret and answer.' },
    sms: { vi: 'Đơn vị xử lý cần thêm thông tin, vui lòng trả lời trên trang tra cứu.', en: 'More information needed; answer in the tracker.' },
  },
  RESOLVE: {
    vi: { subject: 'Phản ánh đã được trả lời', text: 'Đơn vị xử lý đã trả lời phản ánh của bạn. Xem câu trả lời trên trang tra cứu.' },
    en: { subject: 'Your report was answered', text: 'The unit has answered your report. See the answer in the tracker.' },
    sms: { vi: 'Phản ánh đã được trả lời.', en: 'Your report was answered.' },
  },
  CLOSE: {
    vi: { subject: 'Phản ánh đã được đóng', text: 'Phản ánh của bạn đã được đóng. Cảm ơn bạn đã phản ánh.' },
    en: { subject: 'Your report was closed', text: 'Your report was closed. Thank you for reporting.' },
    sms: { vi: 'Phản ánh đã được đóng. Cảm ơn bạn.', en: 'Your report was closed. Thank you.' },
  },
  REJECT: {
    vi: { subject: 'Phản ánh không được tiếp nhận', text: 'Phản ánh của bạn không được tiếp nhận. Xem lý do trên trang tra cứu.' },
    en: { subject: 'Your report was not accepted', text: 'Your report was not accepted. See the reason in the tracker.' },
    sms: { vi: 'Phản ánh không được tiếp nhận, xem lý do trên trang tra cứu.', en: 'Your report was not accepted; see the tracker.' },
  },
};

/** Reminders the citizen gets that no report event causes (queued by the deadline jobs). */
export const CitizenReminderKind = { RATING_REMINDER: 'RATING_REMINDER' } as const;
export type CitizenReminderKind = (typeof CitizenReminderKind)[keyof typeof CitizenReminderKind];

/** What the citizen is reminded of, in the same shape as `citizenNotices`. */
export const citizenReminders: Readonly<Record<CitizenReminderKind, CitizenNotice>> = {
  RATING_REMINDER: {
    vi: {
      subject: 'Mời bạn đánh giá kết quả xử lý',
      text: 'Phản ánh của bạn đã được trả lời. Mời bạn mở trang tra cứu, nhập mã bí mật và đánh giá câu trả lời; ý kiến của bạn giúp chúng tôi làm tốt hơn.',
    },
    en: {
      subject: 'Please rate the answer to your report',
      text: 'Your report was answered. Please open the tracker, enter your secret and rate the answer; your opinion helps us do better.',
    },
    sms: { vi: 'Mời bạn đánh giá câu trả lời trên trang tra cứu.', en: 'Please rate the answer in the tracker.' },
  },
};

/** A report event the citizen is told of, or a reminder. */
export type CitizenNoticeKind = ReportEventType | CitizenReminderKind;

const noticeOf = (kind: CitizenNoticeKind): CitizenNotice | undefined =>
  kind in citizenReminders ? citizenReminders[kind as CitizenReminderKind] : citizenNotices[kind as ReportEventType];

export interface CitizenMessage {
  subject: string;
  body: string;
}

function trackerLink(trackingCode: string, settings: TenantSettings): string | null {
  const template = settings.notifications?.publicTrackerUrl;
  return template ? template.split(TRACKING_CODE_PLACEHOLDER).join(encodeURIComponent(trackingCode)) : null;
}

/**
 * The e-mail for one event of a report (or a reminder), or null when the
 * citizen is not told of this kind of event. Vietnamese first, then English;
 * the tracking code and, when the tenant set `notifications.publicTrackerUrl`,
 * the tracker link. Never the citizen's secret or contact: the message names
 * the report only by its public code.
 */
export function citizenMessage(kind: CitizenNoticeKind, trackingCode: string, settings: TenantSettings): CitizenMessage | null {
  const notice = noticeOf(kind);
  if (!notice) return null;
  const link = trackerLink(trackingCode, settings);
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

/** Septets of one SMS segment in GSM-7. */
export const SMS_SEGMENT_SEPTETS = 160;
// GSM 03.38 default alphabet (one septet each) and its extension table (two: escape + char).
const GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENDED = '^{}\\[~]|€\f';

/** Septets `text` takes in GSM-7, or null when it has a character GSM-7 cannot carry (the gateway would send UCS-2). */
export function gsm7Septets(text: string): number | null {
  let septets = 0;
  for (const char of text) {
    if (GSM7_BASIC.includes(char)) septets += 1;
    else if (GSM7_EXTENDED.includes(char)) septets += 2;
    else return null;
  }
  return septets;
}

/** Vietnamese without diacritics (`Phản ánh` → `Phan anh`, `Đ` → `D`), case kept. */
export const withoutDiacritics = (text: string): string =>
  text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');

/**
 * The SMS for one event of a report (or a reminder), or null when the
 * citizen is not told of it: `<code>: <Vietnamese>[ Tra cuu: <link>] / <English>`.
 *
 * Encoding: written without Vietnamese diacritics, so it goes as GSM-7 (160
 * characters a segment) rather than UCS-2 (70): with diacritics even the
 * shortest notice with a link takes three or four segments, and carriers'
 * brandname rules in Viet Nam expect unaccented text. Length: the English
 * sentence is added only when the whole stays in one segment (160
 * septets); otherwise the Vietnamese alone is sent (a long tracker URL may
 * still make that two segments, never more than the link adds).
 */
export function citizenSms(kind: CitizenNoticeKind, trackingCode: string, settings: TenantSettings): string | null {
  const notice = noticeOf(kind);
  if (!notice) return null;
  const link = trackerLink(trackingCode, settings);
  const vietnamese = `${trackingCode}: ${withoutDiacritics(notice.sms.vi)}${link ? ` Tra cuu: ${link}` : ''}`;
  const both = `${vietnamese} / ${notice.sms.en}`;
  const septets = gsm7Septets(both);
  return septets !== null && septets <= SMS_SEGMENT_SEPTETS ? both : vietnamese;
}
