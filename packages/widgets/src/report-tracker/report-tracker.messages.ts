import type { ReportEventType, ReportStatus } from '@paht/client-sdk';

export const TRACKER_LANGS = ['vi', 'en'] as const;
export type TrackerLang = (typeof TRACKER_LANGS)[number];

export interface TrackerMessages {
  label: string;
  placeholder: string;
  submit: string;
  loading: string;
  notFound: string;
  failed: (requestId: string | null) => string;
  status: string;
  unit: string;
  noUnit: string;
  deadline: string;
  noDeadline: string;
  answer: string;
  timeline: string;
  statuses: Record<ReportStatus, string>;
  events: Record<ReportEventType, string>;
  locale: string;
}

const vi: TrackerMessages = {
  label: 'Mã phản ánh',
  placeholder: 'Ví dụ: QT-123-456-789',
  submit: 'Tra cứu',
  loading: 'Đang tra cứu…',
  notFound: 'Không tìm thấy phản ánh với mã này. Vui lòng kiểm tra lại.',
  failed: (id) => `Không tra cứu được lúc này. Vui lòng thử lại sau.${id ? ` (Mã yêu cầu: ${id})` : ''}`,
  status: 'Trạng thái',
  unit: 'Đơn vị xử lý',
  noUnit: 'Chưa giao đơn vị',
  deadline: 'Hạn xử lý',
  noDeadline: 'Chưa có',
  answer: 'Kết quả xử lý',
  timeline: 'Quá trình xử lý',
  statuses: {
    SUBMITTED: 'Đã tiếp nhận',
    CLASSIFIED: 'Đã phân loại',
    REJECTED: 'Không tiếp nhận',
    ASSIGNED: 'Đã chuyển đơn vị xử lý',
    ACCEPTED: 'Đơn vị đã nhận xử lý',
    IN_PROGRESS: 'Đang xử lý',
    WAITING_FOR_CITIZEN: 'Chờ người dân bổ sung thông tin',
    RESOLVED: 'Đã xử lý xong',
    PUBLISHED: 'Đã công khai kết quả',
    CLOSED: 'Đã đóng',
  },
  events: {
    SUBMIT: 'Người dân gửi phản ánh',
    CLASSIFY: 'Trung tâm IOC phân loại',
    REJECT: 'Không tiếp nhận',
    ASSIGN: 'Chuyển đơn vị xử lý',
    ACCEPT: 'Đơn vị nhận xử lý',
    RETURN: 'Đơn vị trả lại Trung tâm IOC',
    START: 'Bắt đầu xử lý',
    EXTEND: 'Gia hạn thời gian xử lý',
    REQUEST_INFO: 'Đề nghị người dân bổ sung thông tin',
    PROVIDE_INFO: 'Người dân bổ sung thông tin',
    RESOLVE: 'Đơn vị báo cáo kết quả',
    PUBLISH: 'Công khai kết quả',
    RATE: 'Người dân đánh giá',
    REOPEN: 'Người dân chưa hài lòng, xử lý lại',
    CLOSE: 'Đóng phản ánh',
  },
  locale: 'vi-VN',
};

const en: TrackerMessages = {
  label: 'Tracking code',
  placeholder: 'For example: QT-123-456-789',
  submit: 'Track',
  loading: 'Looking it up…',
  notFound: 'No report has this code. Please check it.',
  failed: (id) => `The lookup failed. Please try again later.${id ? ` (Request id: ${id})` : ''}`,
  status: 'Status',
  unit: 'Handled by',
  noUnit: 'Not assigned yet',
  deadline: 'Due',
  noDeadline: 'Not set',
  answer: 'Answer',
  timeline: 'Progress',
  statuses: {
    SUBMITTED: 'Received',
    CLASSIFIED: 'Classified',
    REJECTED: 'Not accepted',
    ASSIGNED: 'Sent to a unit',
    ACCEPTED: 'Accepted by the unit',
    IN_PROGRESS: 'In progress',
    WAITING_FOR_CITIZEN: 'Waiting for more information from you',
    RESOLVED: 'Resolved',
    PUBLISHED: 'Answer published',
    CLOSED: 'Closed',
  },
  events: {
    SUBMIT: 'Report submitted',
    CLASSIFY: 'Classified by the IOC',
    REJECT: 'Not accepted',
    ASSIGN: 'Sent to a unit',
    ACCEPT: 'Accepted by the unit',
    RETURN: 'Returned to the IOC by the unit',
    START: 'Work started',
    EXTEND: 'Deadline extended',
    REQUEST_INFO: 'More information requested',
    PROVIDE_INFO: 'More information provided',
    RESOLVE: 'Resolved by the unit',
    PUBLISH: 'Answer published',
    RATE: 'Rated by the citizen',
    REOPEN: 'Reopened by the citizen',
    CLOSE: 'Closed',
  },
  locale: 'en-GB',
};

const MESSAGES: Readonly<Record<TrackerLang, TrackerMessages>> = { vi, en };

/** The texts for `lang`; anything but `en` gets Vietnamese. */
export const trackerMessages = (lang: string | null | undefined): TrackerMessages => (lang === 'en' ? MESSAGES.en : MESSAGES.vi);

/** An instant in Vietnam's time, in the language's usual form. */
export function formatInstant(iso: string, messages: TrackerMessages): string {
  return new Intl.DateTimeFormat(messages.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}
