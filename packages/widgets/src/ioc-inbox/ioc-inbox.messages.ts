import type { Lang } from '../shared/i18n.js';
import { TRIAGE_MESSAGES, type TriageMessages } from './inbox-triage.messages.js';

export interface InboxMessages extends TriageMessages {
  heading: string;
  filters: string;
  status: string;
  queue: string;
  category: string;
  unit: string;
  channel: string;
  any: string;
  search: string;
  searchHint: string;
  apply: string;
  reload: string;
  loading: string;
  empty: string;
  emptyFiltered: string;
  failed: (requestId: string | null) => string;
  forbidden: string;
  signedOut: string;
  truncated: (n: number) => string;
  count: (shown: number) => string;
  list: string;
  select: (code: string) => string;
  selectAll: string;
  selected: (n: number) => string;
  clearSelection: string;
  due: string;
  noDue: string;
  submittedAt: string;
  classify: string;
  reject: string;
  assign: string;
  intake: string;
  shortcuts: string;
  shortcutList: Array<[string, string]>;
  close: string;
  cancel: string;
  confirm: string;
  sending: string;
  classifyTitle: (n: number) => string;
  assignTitle: (n: number) => string;
  rejectTitle: (n: number) => string;
  chooseCategory: string;
  chooseUnit: string;
  rejection: string;
  reason: string;
  reasonHint: string;
  reasonRequired: string;
  duplicateOf: string;
  note: string;
  notApplicable: (n: number) => string;
  done: (done: number, total: number) => string;
  refused: (code: string, message: string) => string;
  detail: string;
  noDetail: string;
  timeline: string;
  description: string;
  address: string;
  showContact: string;
  contactHeading: string;
  contactAudit: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  none: string;
  intakeTitle: string;
  intakeIntro: string;
  intakeChannel: string;
  callerPhone: string;
  callerName: string;
  callerEmail: string;
  title: string;
  intakeSubmit: string;
  intakeDone: (code: string, secret: string) => string;
  required: string;
  live: string;
  readOnly: string;
}

const vi: InboxMessages = {
  ...TRIAGE_MESSAGES.vi,
  heading: 'Hộp thư IOC',
  filters: 'Bộ lọc',
  status: 'Trạng thái',
  queue: 'Việc của IOC (mới, chờ chuyển đơn vị)',
  category: 'Lĩnh vực',
  unit: 'Đơn vị xử lý',
  channel: 'Kênh tiếp nhận',
  any: 'Tất cả',
  search: 'Tìm kiếm',
  searchHint: 'Mã, tiêu đề, nội dung hoặc địa chỉ; có dấu hoặc không dấu.',
  apply: 'Lọc',
  reload: 'Tải lại',
  loading: 'Đang tải phản ánh…',
  empty: 'Không có phản ánh nào cần xử lý.',
  emptyFiltered: 'Không có phản ánh nào khớp bộ lọc.',
  failed: (id) => `Không tải được danh sách. Vui lòng thử lại.${id ? ` (Mã yêu cầu: ${id})` : ''}`,
  forbidden: 'Tài khoản của bạn không được xem hộp thư IOC.',
  signedOut: 'Vui lòng đăng nhập để xem hộp thư.',
  truncated: (n) => `Chỉ hiển thị ${n} phản ánh đầu tiên; hãy thu hẹp bộ lọc.`,
  count: (n) => `${n} phản ánh, việc gấp và nhiều người cùng phản ánh trước`,
  list: 'Danh sách phản ánh',
  select: (code) => `Chọn ${code}`,
  selectAll: 'Chọn tất cả',
  selected: (n) => `Đã chọn ${n}`,
  clearSelection: 'Bỏ chọn',
  due: 'Hạn',
  noDue: 'Chưa có hạn',
  submittedAt: 'Gửi lúc',
  classify: 'Phân loại',
  reject: 'Không tiếp nhận',
  assign: 'Chuyển đơn vị',
  intake: 'Tiếp nhận hộ',
  shortcuts: 'Phím tắt',
  shortcutList: [
    ['j / ↓', 'Phản ánh tiếp theo'],
    ['k / ↑', 'Phản ánh trước'],
    ['x', 'Chọn / bỏ chọn'],
    ['Enter', 'Xem chi tiết'],
    ['c', 'Phân loại'],
    ['a', 'Chuyển đơn vị'],
    ['r', 'Không tiếp nhận (kèm lý do)'],
    ['s', 'Nhận gợi ý phân loại (lĩnh vực và đơn vị)'],
    ['i', 'Tiếp nhận hộ người dân'],
    ['/', 'Tìm kiếm'],
    ['?', 'Phím tắt'],
  ],
  close: 'Đóng',
  cancel: 'Hủy',
  confirm: 'Xác nhận',
  sending: 'Đang gửi…',
  classifyTitle: (n) => (n > 1 ? `Phân loại ${n} phản ánh` : 'Phân loại phản ánh'),
  assignTitle: (n) => (n > 1 ? `Chuyển ${n} phản ánh cho đơn vị` : 'Chuyển phản ánh cho đơn vị'),
  rejectTitle: (n) => (n > 1 ? `Không tiếp nhận ${n} phản ánh` : 'Không tiếp nhận phản ánh'),
  chooseCategory: 'Chọn lĩnh vực',
  chooseUnit: 'Chọn đơn vị',
  rejection: 'Lý do không tiếp nhận',
  reason: 'Giải thích cho người dân',
  reasonHint: 'Người dân sẽ đọc nội dung này.',
  reasonRequired: 'Vui lòng nhập giải thích.',
  duplicateOf: 'Mã phản ánh trùng',
  note: 'Ghi chú (không bắt buộc)',
  notApplicable: (n) => `${n} phản ánh đã chọn không ở bước này và sẽ được bỏ qua.`,
  done: (done, total) => `Đã xử lý ${done}/${total} phản ánh.`,
  refused: (code, message) => `Bị từ chối (${code}): ${message}`,
  detail: 'Chi tiết',
  noDetail: 'Chọn một phản ánh để xem chi tiết.',
  timeline: 'Quá trình xử lý',
  description: 'Nội dung',
  address: 'Địa chỉ',
  showContact: 'Xem liên hệ người phản ánh',
  contactHeading: 'Liên hệ người phản ánh',
  contactAudit: 'Lần xem này được ghi vào nhật ký. Không sao chép, không chuyển tiếp.',
  contactName: 'Họ tên',
  contactPhone: 'Điện thoại',
  contactEmail: 'Thư điện tử',
  none: '—',
  intakeTitle: 'Tiếp nhận phản ánh hộ người dân',
  intakeIntro: 'Ghi lại phản ánh nhận qua tổng đài, fanpage hoặc Zalo; kênh tiếp nhận được lưu cùng phản ánh.',
  intakeChannel: 'Kênh tiếp nhận',
  callerPhone: 'Số điện thoại người phản ánh',
  callerName: 'Họ tên (không bắt buộc)',
  callerEmail: 'Thư điện tử (không bắt buộc)',
  title: 'Tiêu đề',
  intakeSubmit: 'Ghi nhận phản ánh',
  intakeDone: (code, secret) => `Đã ghi nhận phản ánh ${code}. Đọc cho người dân mã tra cứu ${code} và mã bí mật ${secret}.`,
  required: 'Bắt buộc.',
  live: 'Danh sách tự cập nhật khi có thay đổi.',
  readOnly: 'Bạn xem được hộp thư; chỉ điều phối viên IOC phân loại, chuyển đơn vị hoặc từ chối.',
};

const en: InboxMessages = {
  ...TRIAGE_MESSAGES.en,
  heading: 'IOC inbox',
  filters: 'Filters',
  status: 'Status',
  queue: "The IOC's work (new, awaiting a unit)",
  category: 'Category',
  unit: 'Handling unit',
  channel: 'Channel',
  any: 'Any',
  search: 'Search',
  searchHint: 'Code, title, text or address; with or without diacritics.',
  apply: 'Filter',
  reload: 'Reload',
  loading: 'Loading reports…',
  empty: 'Nothing to handle.',
  emptyFiltered: 'No report matches the filters.',
  failed: (id) => `The list could not be loaded. Please try again.${id ? ` (Request id: ${id})` : ''}`,
  forbidden: 'Your account may not open the IOC inbox.',
  signedOut: 'Please sign in to see the inbox.',
  truncated: (n) => `Only the first ${n} reports are shown; narrow the filters.`,
  count: (n) => `${n} reports, most urgent and most people affected first`,
  list: 'Reports',
  select: (code) => `Select ${code}`,
  selectAll: 'Select all',
  selected: (n) => `${n} selected`,
  clearSelection: 'Clear selection',
  due: 'Due',
  noDue: 'No deadline',
  submittedAt: 'Sent',
  classify: 'Classify',
  reject: 'Reject',
  assign: 'Assign',
  intake: 'Take a report',
  shortcuts: 'Keyboard shortcuts',
  shortcutList: [
    ['j / ↓', 'Next report'],
    ['k / ↑', 'Previous report'],
    ['x', 'Select / unselect'],
    ['Enter', 'Open details'],
    ['c', 'Classify'],
    ['a', 'Assign to a unit'],
    ['r', 'Reject (with a reason)'],
    ['s', 'Accept the suggested category and unit'],
    ['i', "Take a caller's report"],
    ['/', 'Search'],
    ['?', 'Shortcuts'],
  ],
  close: 'Close',
  cancel: 'Cancel',
  confirm: 'Confirm',
  sending: 'Sending…',
  classifyTitle: (n) => (n > 1 ? `Classify ${n} reports` : 'Classify the report'),
  assignTitle: (n) => (n > 1 ? `Assign ${n} reports to a unit` : 'Assign the report to a unit'),
  rejectTitle: (n) => (n > 1 ? `Reject ${n} reports` : 'Reject the report'),
  chooseCategory: 'Choose a category',
  chooseUnit: 'Choose a unit',
  rejection: 'Why it is rejected',
  reason: 'Explanation for the citizen',
  reasonHint: 'The citizen reads this.',
  reasonRequired: 'Please write an explanation.',
  duplicateOf: 'Tracking code of the original',
  note: 'Note (optional)',
  notApplicable: (n) => `${n} of the selected reports are not at this step and will be skipped.`,
  done: (done, total) => `${done} of ${total} reports done.`,
  refused: (code, message) => `Refused (${code}): ${message}`,
  detail: 'Details',
  noDetail: 'Choose a report to see its details.',
  timeline: 'Progress',
  description: 'Text',
  address: 'Address',
  showContact: "Show the reporter's contact",
  contactHeading: "Reporter's contact",
  contactAudit: 'This view is in the audit log. Do not copy or forward it.',
  contactName: 'Name',
  contactPhone: 'Phone',
  contactEmail: 'E-mail',
  none: '—',
  intakeTitle: "Take a report for a caller",
  intakeIntro: 'Record a report received by the hotline, the fanpage or Zalo; the channel is kept with the report.',
  intakeChannel: 'Received by',
  callerPhone: "Caller's phone number",
  callerName: 'Name (optional)',
  callerEmail: 'E-mail (optional)',
  title: 'Title',
  intakeSubmit: 'Record the report',
  intakeDone: (code, secret) => `Report ${code} recorded. Read the caller the tracking code ${code} and the secret ${secret}.`,
  required: 'Required.',
  live: 'The list updates itself when reports change.',
  readOnly: 'You can read the inbox; only IOC operators classify, assign or reject.',
};

export const INBOX_MESSAGES: Readonly<Record<Lang, InboxMessages>> = { vi, en };
