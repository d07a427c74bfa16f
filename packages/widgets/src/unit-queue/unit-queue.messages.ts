import type { Lang } from '../shared/i18n.js';

export interface QueueMessages {
  heading: string;
  reload: string;
  loading: string;
  signedOut: string;
  forbidden: string;
  failed: (requestId: string | null) => string;
  refused: (code: string, message: string) => string;
  empty: string;
  list: string;
  due: string;
  noDue: string;
  detailEmpty: string;
  detailFailed: string;
  timeline: string;
  byUnit: (unit: string) => string;
  toUnit: (unit: string) => string;
  forwardedBy: (unit: string) => string;
  pendingExtension: (minutes: number, reason: string) => string;
  pendingAnswer: string;
  actions: string;
  noActions: string;
  accept: string;
  returnIt: string;
  start: string;
  forward: string;
  askCitizen: string;
  requestExtension: string;
  approveExtension: string;
  refuseExtension: string;
  draftAnswer: string;
  approveAnswer: string;
  sendBack: string;
  reason: string;
  question: string;
  subUnit: string;
  noSubUnits: string;
  extensionHours: string;
  answer: string;
  photos: string;
  photosHint: string;
  submit: string;
  cancel: string;
  sending: string;
  done: string;
  required: string;
  live: string;
  /** The answer link for a contractor or a commune without an account. */
  answerLink: string;
  linkHours: string;
  linkDays: (days: number) => string;
  linkCreate: string;
  linkLabel: string;
  linkOnce: string;
  linkExpires: (when: string) => string;
  copy: string;
  copied: string;
  close: string;
}

const vi: QueueMessages = {
  heading: 'Phản ánh của đơn vị',
  reload: 'Tải lại',
  loading: 'Đang tải…',
  signedOut: 'Đăng nhập để xem phản ánh của đơn vị.',
  forbidden: 'Tài khoản của bạn không thuộc đơn vị xử lý.',
  failed: (id) => `Không tải được. Vui lòng thử lại${id ? ` (mã yêu cầu ${id})` : ''}.`,
  refused: (code, message) => `Bị từ chối (${code}): ${message}`,
  empty: 'Đơn vị không có phản ánh nào đang chờ xử lý.',
  list: 'Phản ánh đơn vị đang giữ, hạn gần nhất trước',
  due: 'Hạn',
  noDue: 'Chưa có hạn',
  detailEmpty: 'Chọn một phản ánh để xem và xử lý.',
  detailFailed: 'Không mở được phản ánh này.',
  timeline: 'Tiến trình',
  byUnit: (unit) => `bởi ${unit}`,
  toUnit: (unit) => `chuyển đến ${unit}`,
  forwardedBy: (unit) => `Được chuyển từ ${unit}`,
  pendingExtension: (minutes, reason) => `Đang xin gia hạn thêm ${Math.round(minutes / 60)} giờ: ${reason}`,
  pendingAnswer: 'Dự thảo trả lời chờ lãnh đạo duyệt:',
  actions: 'Xử lý',
  noActions: 'Bạn không có bước xử lý nào cho phản ánh này lúc này.',
  accept: 'Tiếp nhận',
  returnIt: 'Trả lại',
  start: 'Bắt đầu xử lý',
  forward: 'Chuyển đơn vị cấp dưới',
  askCitizen: 'Hỏi thêm người dân',
  requestExtension: 'Xin gia hạn',
  approveExtension: 'Duyệt gia hạn',
  refuseExtension: 'Không duyệt gia hạn',
  draftAnswer: 'Trả lời (chờ duyệt)',
  approveAnswer: 'Duyệt trả lời',
  sendBack: 'Yêu cầu sửa trả lời',
  reason: 'Lý do',
  question: 'Nội dung cần người dân bổ sung',
  subUnit: 'Đơn vị cấp dưới',
  noSubUnits: 'Đơn vị không có đơn vị cấp dưới.',
  extensionHours: 'Số giờ xin thêm (theo giờ làm việc)',
  answer: 'Nội dung trả lời',
  photos: 'Ảnh kết quả xử lý',
  photosHint: 'Ảnh JPEG hoặc PNG; có thể chọn nhiều ảnh.',
  submit: 'Gửi',
  cancel: 'Hủy',
  sending: 'Đang gửi…',
  done: 'Đã xử lý.',
  required: 'Vui lòng điền',
  live: 'Danh sách tự cập nhật khi có phản ánh thay đổi.',
  answerLink: 'Liên kết trả lời cho nhà thầu, xã',
  linkHours: 'Liên kết có hiệu lực trong',
  linkDays: (days) => `${days} ngày`,
  linkCreate: 'Tạo liên kết',
  linkLabel: 'Liên kết trả lời (chỉ dùng cho phản ánh này, trả lời được một lần)',
  linkOnce: 'Liên kết chỉ hiện một lần: hãy sao chép và gửi cho người trả lời. Câu trả lời qua liên kết chờ lãnh đạo đơn vị duyệt.',
  linkExpires: (when) => `Hết hạn lúc ${when}.`,
  copy: 'Sao chép',
  copied: 'Đã sao chép.',
  close: 'Đóng',
};

const en: QueueMessages = {
  heading: 'My unit’s reports',
  reload: 'Reload',
  loading: 'Loading…',
  signedOut: 'Sign in to see your unit’s reports.',
  forbidden: 'Your account does not belong to a handling unit.',
  failed: (id) => `Could not load. Please try again${id ? ` (request ${id})` : ''}.`,
  refused: (code, message) => `Refused (${code}): ${message}`,
  empty: 'Your unit has no reports waiting.',
  list: 'Reports the unit holds, nearest deadline first',
  due: 'Due',
  noDue: 'No deadline',
  detailEmpty: 'Choose a report to see and handle it.',
  detailFailed: 'This report could not be opened.',
  timeline: 'Timeline',
  byUnit: (unit) => `by ${unit}`,
  toUnit: (unit) => `to ${unit}`,
  forwardedBy: (unit) => `Forwarded by ${unit}`,
  pendingExtension: (minutes, reason) => `Extension of ${Math.round(minutes / 60)} hours requested: ${reason}`,
  pendingAnswer: 'Draft answer awaiting the leader’s approval:',
  actions: 'Handle',
  noActions: 'You have no step to take on this report now.',
  accept: 'Accept',
  returnIt: 'Return',
  start: 'Start handling',
  forward: 'Forward to a sub-unit',
  askCitizen: 'Ask the citizen',
  requestExtension: 'Request an extension',
  approveExtension: 'Approve the extension',
  refuseExtension: 'Refuse the extension',
  draftAnswer: 'Answer (for approval)',
  approveAnswer: 'Approve the answer',
  sendBack: 'Send the answer back',
  reason: 'Reason',
  question: 'What the citizen should add',
  subUnit: 'Sub-unit',
  noSubUnits: 'The unit has no sub-units.',
  extensionHours: 'Extra hours (working time)',
  answer: 'Answer',
  photos: 'Photos of the work done',
  photosHint: 'JPEG or PNG; several may be chosen.',
  submit: 'Send',
  cancel: 'Cancel',
  sending: 'Sending…',
  done: 'Done.',
  required: 'Please fill in',
  live: 'The list updates itself when reports change.',
  answerLink: 'Answer link for a contractor or commune',
  linkHours: 'The link works for',
  linkDays: (days) => (days === 1 ? '1 day' : `${days} days`),
  linkCreate: 'Create the link',
  linkLabel: 'Answer link (this report only, answers once)',
  linkOnce: 'The link is shown only once: copy it and send it to whoever answers. An answer through the link awaits the unit leader’s approval.',
  linkExpires: (when) => `Expires ${when}.`,
  copy: 'Copy',
  copied: 'Copied.',
  close: 'Close',
};

export const QUEUE_MESSAGES: Readonly<Record<Lang, QueueMessages>> = { vi, en };
