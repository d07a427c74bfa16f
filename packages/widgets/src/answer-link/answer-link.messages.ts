import type { AnswerLinkRefusal, ReportStatus } from '@paht/client-sdk/public';
import type { Lang } from '../shared/i18n.js';

export interface AnswerLinkMessages {
  heading: string;
  loading: string;
  noLink: string;
  refused: Record<AnswerLinkRefusal, string>;
  failed: (requestId: string | null) => string;
  misconfigured: string;
  trackingCode: string;
  status: string;
  category: string;
  unit: string;
  place: string;
  description: string;
  expires: (when: string) => string;
  intro: string;
  answer: string;
  answerHint: string;
  answerRequired: string;
  photos: string;
  photosHint: string;
  photoRefused: (file: string, code: string) => string;
  send: string;
  sending: string;
  sent: string;
  used: string;
  notOpen: string;
  statuses: Record<ReportStatus, string>;
}

const vi: AnswerLinkMessages = {
  heading: 'Trả lời phản ánh qua liên kết',
  loading: 'Đang mở phản ánh…',
  noLink: 'Liên kết không đầy đủ. Vui lòng mở đúng liên kết đơn vị đã gửi.',
  refused: {
    INVALID: 'Liên kết không hợp lệ. Vui lòng mở đúng liên kết đơn vị đã gửi.',
    EXPIRED: 'Liên kết đã hết hạn. Vui lòng đề nghị đơn vị gửi liên kết mới.',
    WRONG_REPORT: 'Liên kết này không dành cho phản ánh này.',
    USED: 'Liên kết đã được dùng để trả lời.',
  },
  failed: (id) => `Không kết nối được. Vui lòng thử lại${id ? ` (mã yêu cầu ${id})` : ''}.`,
  misconfigured: 'Trang chưa được cấu hình (thiếu địa chỉ máy chủ hoặc đơn vị).',
  trackingCode: 'Mã phản ánh',
  status: 'Trạng thái',
  category: 'Lĩnh vực',
  unit: 'Đơn vị giao',
  place: 'Địa điểm',
  description: 'Nội dung phản ánh',
  expires: (when) => `Liên kết hết hạn lúc ${when}.`,
  intro: 'Đơn vị xử lý đề nghị quý cơ quan, đơn vị trả lời kết quả xử lý phản ánh dưới đây. Câu trả lời được gửi một lần và chờ lãnh đạo đơn vị duyệt trước khi gửi người dân.',
  answer: 'Kết quả xử lý',
  answerHint: 'Nêu việc đã làm, thời gian và kết quả.',
  answerRequired: 'Vui lòng nhập kết quả xử lý.',
  photos: 'Ảnh kết quả (không bắt buộc)',
  photosHint: 'Ảnh JPEG hoặc PNG; có thể chọn nhiều ảnh.',
  photoRefused: (file, code) => `Ảnh ${file} không được nhận (${code}): chỉ nhận ảnh JPEG hoặc PNG, dung lượng vừa phải.`,
  send: 'Gửi kết quả',
  sending: 'Đang gửi…',
  sent: 'Đã gửi kết quả xử lý. Lãnh đạo đơn vị sẽ xem xét và duyệt. Cảm ơn quý cơ quan, đơn vị.',
  used: 'Liên kết này đã được dùng để trả lời; không thể gửi thêm.',
  notOpen: 'Phản ánh không còn chờ trả lời qua liên kết này.',
  statuses: {
    SUBMITTED: 'Mới tiếp nhận',
    CLASSIFIED: 'Đã phân loại',
    REJECTED: 'Không tiếp nhận',
    ASSIGNED: 'Đã chuyển đơn vị xử lý',
    ACCEPTED: 'Đơn vị đã nhận',
    IN_PROGRESS: 'Đang xử lý',
    WAITING_FOR_CITIZEN: 'Chờ người dân bổ sung',
    RESOLVED: 'Đã có kết quả xử lý',
    PUBLISHED: 'Đã công khai kết quả',
    CLOSED: 'Đã đóng',
  },
};

const en: AnswerLinkMessages = {
  heading: 'Answer a report through a link',
  loading: 'Opening the report…',
  noLink: 'The link is incomplete. Please open the exact link the unit sent.',
  refused: {
    INVALID: 'The link is not valid. Please open the exact link the unit sent.',
    EXPIRED: 'The link has expired. Please ask the unit for a new one.',
    WRONG_REPORT: 'This link is not for this report.',
    USED: 'The link has already been used to answer.',
  },
  failed: (id) => `Could not connect. Please try again${id ? ` (request ${id})` : ''}.`,
  misconfigured: 'The page is not set up (the server address or tenant is missing).',
  trackingCode: 'Tracking code',
  status: 'Status',
  category: 'Category',
  unit: 'Assigned unit',
  place: 'Place',
  description: 'The report',
  expires: (when) => `The link expires ${when}.`,
  intro: 'The handling unit asks you to report how the issue below was handled. You answer once; the unit leader approves the answer before the citizen sees it.',
  answer: 'What was done',
  answerHint: 'Say what was done, when, and the result.',
  answerRequired: 'Please write what was done.',
  photos: 'Photos of the result (optional)',
  photosHint: 'JPEG or PNG; several may be chosen.',
  photoRefused: (file, code) => `The photo ${file} was refused (${code}): JPEG or PNG of a reasonable size only.`,
  send: 'Send the answer',
  sending: 'Sending…',
  sent: 'Your answer was sent. The unit leader will review and approve it. Thank you.',
  used: 'This link has already been used to answer; nothing more can be sent.',
  notOpen: 'The report no longer awaits an answer through this link.',
  statuses: {
    SUBMITTED: 'Received',
    CLASSIFIED: 'Classified',
    REJECTED: 'Not accepted',
    ASSIGNED: 'Sent to a unit',
    ACCEPTED: 'Accepted by the unit',
    IN_PROGRESS: 'In progress',
    WAITING_FOR_CITIZEN: 'Waiting for the citizen',
    RESOLVED: 'Answered',
    PUBLISHED: 'Answer published',
    CLOSED: 'Closed',
  },
};

export const ANSWER_LINK_MESSAGES: Readonly<Record<Lang, AnswerLinkMessages>> = { vi, en };
