import type { ReportEventType, ReportStatus } from '@paht/client-sdk/public';

export const TRACKER_LANGS = ['vi', 'en'] as const;
export type TrackerLang = (typeof TRACKER_LANGS)[number];

export interface TrackerMessages {
  heading: string;
  label: string;
  placeholder: string;
  secretLabel: string;
  secretHint: string;
  submit: string;
  loading: string;
  notFound: string;
  wrongSecret: string;
  offline: string;
  failed: (requestId: string | null) => string;
  /** The page set the tracker up wrongly (no endpoint or tenant): the citizen learns it is not their fault; the developer sees `paht-error`. */
  misconfigured: (code: string) => string;
  reportTitle: string;
  privateTitle: string;
  category: string;
  submittedAt: string;
  onTime: string;
  timeliness: Record<'ON_TIME' | 'OVERDUE' | 'ON_TRACK' | 'WARNING' | 'BREACHED' | 'NONE', string>;
  attachments: string;
  openAttachment: (n: number, kind: string) => string;
  live: Record<'connecting' | 'live' | 'off', string>;
  liveHint: string;
  changed: (status: string) => string;
  rateHeading: string;
  rateIntro: string;
  stars: (n: number) => string;
  comment: string;
  rateSubmit: string;
  rateSending: string;
  rateThanks: string;
  rateFailed: string;
  rateChoose: string;
  yourRating: (n: number) => string;
  status: string;
  unit: string;
  noUnit: string;
  /** The date the unit must answer by (`Report.answerDueAt`), never an internal stage's deadline. */
  deadline: string;
  /** Put before the date: "<answerDueBy> 12 thg 3, 2026 17:00". */
  answerDueBy: string;
  /** No answer deadline yet: the report is still being classified and assigned. */
  noDeadline: string;
  replyHeading: string;
  replyQuestion: string;
  replyLabel: string;
  replyHint: string;
  replySubmit: string;
  replyRequired: string;
  replyDone: string;
  reopenHeading: string;
  reopenIntro: string;
  reopenLabel: string;
  reopenHint: string;
  reopenSubmit: string;
  reopenRequired: string;
  reopenDone: string;
  sending: string;
  /** The report moved on meanwhile (e.g. the unit already answered): the page shows where it is now. */
  actionMovedOn: string;
  actionConflict: string;
  actionFailed: string;
  answer: string;
  timeline: string;
  /** A hop of the timeline (assigned, forwarded to a sub-unit, sent back): the unit that received the report. */
  hopUnit: (unit: string) => string;
  statuses: Record<ReportStatus, string>;
  events: Record<ReportEventType, string>;
  locale: string;
}

const vi: TrackerMessages = {
  heading: 'Tra cứu phản ánh',
  label: 'Mã phản ánh',
  placeholder: 'Ví dụ: QT-123-456-789',
  secretLabel: 'Mã bí mật (không bắt buộc)',
  secretHint: 'Nhập mã bí mật nhận được khi gửi để xem đầy đủ, nhận cập nhật trực tiếp và đánh giá kết quả.',
  submit: 'Tra cứu',
  loading: 'Đang tra cứu…',
  notFound: 'Không tìm thấy phản ánh với mã này. Vui lòng kiểm tra lại.',
  wrongSecret: 'Mã bí mật không đúng. Hãy kiểm tra lại, hoặc để trống để xem thông tin công khai.',
  offline: 'Bạn đang ngoại tuyến. Sẽ tra cứu lại khi có mạng.',
  reportTitle: 'Nội dung',
  privateTitle: 'Phản ánh không công khai',
  category: 'Lĩnh vực',
  submittedAt: 'Ngày gửi',
  onTime: 'Tiến độ',
  timeliness: {
    ON_TIME: 'Xử lý đúng hạn',
    OVERDUE: 'Xử lý trễ hạn',
    ON_TRACK: 'Trong hạn',
    WARNING: 'Sắp đến hạn',
    BREACHED: 'Đã quá hạn',
    NONE: 'Chưa tính hạn',
  },
  attachments: 'Hình ảnh, tệp đính kèm',
  openAttachment: (n, kind) => `Mở tệp ${n} (${kind === 'VIDEO' ? 'video' : kind === 'PHOTO' ? 'ảnh' : 'tài liệu'})`,
  live: { connecting: 'Đang kết nối cập nhật trực tiếp…', live: 'Đang cập nhật trực tiếp', off: 'Không có cập nhật trực tiếp' },
  liveHint: 'Trang sẽ tự cập nhật khi phản ánh chuyển bước.',
  changed: (status) => `Phản ánh vừa chuyển sang: ${status}`,
  rateHeading: 'Đánh giá kết quả xử lý',
  rateIntro: 'Bạn có hài lòng với kết quả xử lý không?',
  stars: (n) => `${n} sao`,
  comment: 'Góp ý (không bắt buộc)',
  rateSubmit: 'Gửi đánh giá',
  rateSending: 'Đang gửi đánh giá…',
  rateThanks: 'Cảm ơn bạn đã đánh giá.',
  rateFailed: 'Chưa gửi được đánh giá. Vui lòng thử lại.',
  rateChoose: 'Vui lòng chọn số sao.',
  yourRating: (n) => `Bạn đã đánh giá ${n}/5 sao`,
  failed: (id) => `Không tra cứu được lúc này. Vui lòng thử lại sau.${id ? ` (Mã yêu cầu: ${id})` : ''}`,
  misconfigured: (code) => `Trang web chưa cấu hình xong ô tra cứu nên chưa tra cứu được (mã lỗi ${code}). Vui lòng báo cho quản trị trang web.`,
  status: 'Trạng thái',
  unit: 'Đơn vị xử lý',
  noUnit: 'Chưa giao đơn vị',
  deadline: 'Hạn trả lời',
  answerDueBy: 'Đơn vị phải trả lời trước',
  noDeadline: 'Chưa có — phản ánh đang được phân loại, chuyển đơn vị xử lý',
  replyHeading: 'Bổ sung thông tin',
  replyQuestion: 'Đơn vị xử lý đề nghị:',
  replyLabel: 'Thông tin bổ sung của bạn',
  replyHint: 'Trả lời đề nghị của đơn vị. Thời hạn xử lý tiếp tục được tính khi bạn gửi.',
  replySubmit: 'Gửi thông tin bổ sung',
  replyRequired: 'Vui lòng nhập thông tin bổ sung.',
  replyDone: 'Đã gửi thông tin bổ sung. Đơn vị tiếp tục xử lý phản ánh.',
  reopenHeading: 'Chưa hài lòng với kết quả?',
  reopenIntro: 'Bạn có thể đề nghị xử lý lại; phản ánh sẽ được chuyển lại cho đơn vị.',
  reopenLabel: 'Lý do đề nghị xử lý lại',
  reopenHint: 'Nêu rõ điều gì chưa được giải quyết.',
  reopenSubmit: 'Đề nghị xử lý lại',
  reopenRequired: 'Vui lòng nêu lý do đề nghị xử lý lại.',
  reopenDone: 'Đã gửi đề nghị xử lý lại. Phản ánh được chuyển lại cho đơn vị.',
  sending: 'Đang gửi…',
  actionMovedOn: 'Phản ánh đã chuyển sang bước khác nên chưa gửi được. Trang đã cập nhật tình trạng mới nhất.',
  actionConflict: 'Phản ánh vừa thay đổi. Vui lòng tải lại và thử lại.',
  actionFailed: 'Chưa gửi được. Vui lòng thử lại sau.',
  answer: 'Kết quả xử lý',
  timeline: 'Quá trình xử lý',
  hopUnit: (unit) => `Đơn vị nhận: ${unit}`,
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
    FORWARD: 'Chuyển đơn vị cấp dưới xử lý',
    REQUEST_EXTENSION: 'Đơn vị đề nghị gia hạn',
    REFUSE_EXTENSION: 'Không chấp thuận gia hạn',
    DRAFT_ANSWER: 'Dự thảo kết quả xử lý',
    SEND_BACK_ANSWER: 'Lãnh đạo đơn vị trả lại dự thảo',
  },
  locale: 'vi-VN',
};

const en: TrackerMessages = {
  heading: 'Track a report',
  label: 'Tracking code',
  placeholder: 'For example: QT-123-456-789',
  secretLabel: 'Secret (optional)',
  secretHint: 'Enter the secret you received when sending to see every detail, get live updates and rate the answer.',
  submit: 'Track',
  loading: 'Looking it up…',
  notFound: 'No report has this code. Please check it.',
  wrongSecret: 'This secret is not right. Check it, or leave it empty to see the public view.',
  offline: 'You are offline. The lookup will run again when you are back online.',
  reportTitle: 'Report',
  privateTitle: 'Private report',
  category: 'Topic',
  submittedAt: 'Sent on',
  onTime: 'Timeliness',
  timeliness: {
    ON_TIME: 'Resolved on time',
    OVERDUE: 'Resolved late',
    ON_TRACK: 'On track',
    WARNING: 'Deadline near',
    BREACHED: 'Overdue',
    NONE: 'No deadline yet',
  },
  attachments: 'Photos and files',
  openAttachment: (n, kind) => `Open file ${n} (${kind.toLowerCase()})`,
  live: { connecting: 'Connecting for live updates…', live: 'Live updates on', off: 'No live updates' },
  liveHint: 'This page updates itself when the report moves on.',
  changed: (status) => `The report is now: ${status}`,
  rateHeading: 'Rate the answer',
  rateIntro: 'Are you satisfied with how your report was handled?',
  stars: (n) => `${n} ${n === 1 ? 'star' : 'stars'}`,
  comment: 'Comment (optional)',
  rateSubmit: 'Send rating',
  rateSending: 'Sending…',
  rateThanks: 'Thank you for your rating.',
  rateFailed: 'The rating was not sent. Please try again.',
  rateChoose: 'Please choose a number of stars.',
  yourRating: (n) => `You rated it ${n} out of 5`,
  failed: (id) => `The lookup failed. Please try again later.${id ? ` (Request id: ${id})` : ''}`,
  misconfigured: (code) => `This website has not finished setting up the lookup, so it cannot run (error code ${code}). Please tell the website's administrator.`,
  status: 'Status',
  unit: 'Handled by',
  noUnit: 'Not assigned yet',
  deadline: 'Answer due',
  answerDueBy: 'The unit must answer by',
  noDeadline: 'Not yet set — the report is being classified and assigned',
  replyHeading: 'Add information',
  replyQuestion: 'The unit asks:',
  replyLabel: 'Your answer',
  replyHint: 'Answer the unit’s question. The time for handling runs again once you send it.',
  replySubmit: 'Send the information',
  replyRequired: 'Please enter your answer.',
  replyDone: 'Your information was sent. The unit carries on with your report.',
  reopenHeading: 'Not satisfied with the answer?',
  reopenIntro: 'You can ask for the report to be handled again; it goes back to the unit.',
  reopenLabel: 'Why it should be handled again',
  reopenHint: 'Say what has not been resolved.',
  reopenSubmit: 'Ask to handle it again',
  reopenRequired: 'Please say why it should be handled again.',
  reopenDone: 'Your request was sent. The report is back with the unit.',
  sending: 'Sending…',
  actionMovedOn: 'The report has moved on, so this was not sent. The page now shows where it stands.',
  actionConflict: 'The report changed just now. Please reload and try again.',
  actionFailed: 'This was not sent. Please try again later.',
  answer: 'Answer',
  timeline: 'Progress',
  hopUnit: (unit) => `Received by: ${unit}`,
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
    FORWARD: 'Forwarded to a sub-unit',
    REQUEST_EXTENSION: 'Extension requested by the unit',
    REFUSE_EXTENSION: 'Extension refused',
    DRAFT_ANSWER: 'Answer drafted',
    SEND_BACK_ANSWER: 'Draft answer sent back by the unit leader',
  },
  locale: 'en-GB',
};

const MESSAGES: Readonly<Record<TrackerLang, TrackerMessages>> = { vi, en };

/** The built-in tables, Vietnamese first. */
export const TRACKER_MESSAGES = MESSAGES;

/** The texts for `lang`; anything but `en` gets Vietnamese. */
export const trackerMessages = (lang: string | null | undefined): TrackerMessages => (lang === 'en' ? MESSAGES.en : MESSAGES.vi);

/** An instant in Vietnam's time, in the language's usual form. */
export function formatInstant(iso: string, messages: TrackerMessages): string {
  return new Intl.DateTimeFormat(messages.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}
