import type { Lang } from '../shared/i18n.js';
import type { AdminSection } from './admin-model.js';
import { INDICATOR_MESSAGES, type IndicatorMessages } from './admin-indicators.messages.js';
import { SETTINGS_MESSAGES, type SettingsMessages } from './admin-settings.messages.js';

export interface AdminMessages extends SettingsMessages {
  /** The indicators and report forms section. */
  ind: IndicatorMessages;
  heading: string;
  sections: Record<AdminSection, string>;
  sectionsLabel: string;
  loading: string;
  signedOut: string;
  forbidden: string;
  failed: (requestId: string | null) => string;
  refused: (kind: string, detail: string) => string;
  saved: string;
  reload: string;
  cancel: string;
  close: string;
  save: string;
  sending: string;
  yes: string;
  no: string;
  none: string;
  active: string;
  inactive: string;
  activate: string;
  deactivate: string;
  edit: string;
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  unitKinds: Record<'IOC' | 'DEPARTMENT' | 'DISTRICT' | 'COMMUNE' | 'AGENCY', string>;
  parent: string;
  topLevel: string;
  addUnit: string;
  unitsEmpty: string;
  focalPoints: string;
  focalFor: (unit: string) => string;
  focalEmpty: string;
  focalRoles: Record<'LEADER' | 'STAFF', string>;
  setFocal: string;
  endTerm: string;
  fullName: string;
  title: string;
  phone: string;
  email: string;
  since: string;
  until: string;
  current: string;
  categories: string;
  addCategory: string;
  categoriesEmpty: string;
  policy: string;
  policies: string;
  addPolicy: string;
  policiesEmpty: string;
  defaultUnit: string;
  isPublic: string;
  clock: string;
  clocks: Record<'WORKING' | 'CALENDAR', string>;
  classifyMinutes: string;
  acceptMinutes: string;
  resolveMinutes: string;
  warnRatio: string;
  minutesHint: string;
  minutes: (n: number) => string;
  staff: string;
  addStaff: string;
  staffEmpty: string;
  role: string;
  unit: string;
  password: string;
  passwordHint: string;
  keys: string;
  addKey: string;
  keysEmpty: string;
  keyKinds: Record<'PUBLIC' | 'SECRET', string>;
  prefix: string;
  origins: string;
  originsHint: string;
  created: string;
  revoked: string;
  revoke: string;
  revokeTitle: (name: string) => string;
  revokeWarning: string;
  keyShownOnce: string;
  keyCopy: string;
  keyCopied: string;
  keySaved: string;
  settings: string;
  allowedOrigins: string;
  trackingPrefix: string;
  trackingPrefixHint: string;
  branding: string;
  brandNameVi: string;
  brandNameEn: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string;
  colorHint: string;
  preview: string;
  previewHint: string;
  saveSettings: string;
  audit: string;
  auditEmpty: string;
  auditAction: string;
  auditActionHint: string;
  filter: string;
  at: string;
  actor: string;
  subject: string;
  details: string;
  more: string;
  calendar: string;
  calendarHint: string;
  calendarEmpty: string;
  addDay: string;
  date: string;
  dayKinds: Record<'HOLIDAY' | 'WORKING_DAY', string>;
  remove: string;
  importFeed: string;
  importHint: string;
  importTitle: (n: number) => string;
  importSubmit: (n: number) => string;
  importDone: (done: number, total: number) => string;
  importEmpty: string;
  importInvalid: string;
}

const vi: AdminMessages = {
  ...SETTINGS_MESSAGES.vi,
  ind: INDICATOR_MESSAGES.vi,
  heading: 'Quản trị hệ thống',
  sections: { units: 'Đơn vị', categories: 'Lĩnh vực và thời hạn', staff: 'Tài khoản cán bộ', keys: 'Khóa API', settings: 'Cài đặt và nhận diện', audit: 'Nhật ký thay đổi', calendar: 'Lịch làm việc', indicators: 'Chỉ tiêu & biểu mẫu' },
  sectionsLabel: 'Mục quản trị',
  loading: 'Đang tải…',
  signedOut: 'Đăng nhập bằng tài khoản quản trị để tiếp tục.',
  forbidden: 'Chỉ quản trị hệ thống được dùng mục này.',
  failed: (id) => `Không tải được dữ liệu. Vui lòng thử lại${id ? ` (mã yêu cầu ${id})` : ''}.`,
  refused: (kind, detail) => `Không lưu được (${kind}): ${detail}`,
  saved: 'Đã lưu. Thay đổi được ghi vào nhật ký.',
  reload: 'Tải lại',
  cancel: 'Hủy',
  close: 'Đóng',
  save: 'Lưu',
  sending: 'Đang lưu…',
  yes: 'Có',
  no: 'Không',
  none: '—',
  active: 'Đang hoạt động',
  inactive: 'Ngừng hoạt động',
  activate: 'Kích hoạt lại',
  deactivate: 'Ngừng hoạt động',
  edit: 'Sửa',
  code: 'Mã',
  name: 'Tên',
  nameEn: 'Tên tiếng Anh',
  kind: 'Loại',
  unitKinds: { IOC: 'Trung tâm IOC', DEPARTMENT: 'Sở, ban, ngành', DISTRICT: 'Huyện, thị xã, thành phố', COMMUNE: 'Xã, phường, thị trấn', AGENCY: 'Cơ quan, doanh nghiệp' },
  parent: 'Trực thuộc',
  topLevel: '(cấp cao nhất)',
  addUnit: 'Thêm đơn vị',
  unitsEmpty: 'Chưa có đơn vị nào.',
  focalPoints: 'Đầu mối',
  focalFor: (unit) => `Đầu mối của ${unit}`,
  focalEmpty: 'Đơn vị chưa có đầu mối.',
  focalRoles: { LEADER: 'Lãnh đạo phụ trách', STAFF: 'Cán bộ đầu mối' },
  setFocal: 'Đổi đầu mối',
  endTerm: 'Kết thúc nhiệm vụ',
  fullName: 'Họ và tên',
  title: 'Chức vụ',
  phone: 'Số điện thoại',
  email: 'Thư điện tử',
  since: 'Từ',
  until: 'Đến',
  current: 'hiện tại',
  categories: 'Lĩnh vực',
  addCategory: 'Thêm lĩnh vực',
  categoriesEmpty: 'Chưa có lĩnh vực nào.',
  policy: 'Chính sách thời hạn (SLA)',
  policies: 'Chính sách thời hạn (SLA)',
  addPolicy: 'Thêm chính sách SLA',
  policiesEmpty: 'Chưa có chính sách thời hạn nào.',
  defaultUnit: 'Đơn vị xử lý mặc định',
  isPublic: 'Công khai trên cổng thông tin',
  clock: 'Cách tính thời gian',
  clocks: { WORKING: 'Giờ làm việc', CALENDAR: 'Lịch liên tục' },
  classifyMinutes: 'Phân loại (phút)',
  acceptMinutes: 'Tiếp nhận (phút)',
  resolveMinutes: 'Xử lý (phút)',
  warnRatio: 'Cảnh báo khi đã dùng (tỷ lệ 0–1)',
  minutesHint: 'Một ngày làm việc là 480 phút.',
  minutes: (n) => `${n} phút`,
  staff: 'Tài khoản cán bộ',
  addStaff: 'Thêm tài khoản',
  staffEmpty: 'Chưa có tài khoản nào.',
  role: 'Vai trò',
  unit: 'Đơn vị',
  password: 'Mật khẩu ban đầu',
  passwordHint: 'Ít nhất 12 ký tự; để trống nếu cán bộ đăng nhập một lần (SSO).',
  keys: 'Khóa API',
  addKey: 'Tạo khóa API',
  keysEmpty: 'Chưa có khóa API nào.',
  keyKinds: { PUBLIC: 'Công khai (pk_, cho trang web)', SECRET: 'Bí mật (sk_, cho máy chủ)' },
  prefix: 'Đầu khóa',
  origins: 'Nguồn được phép',
  originsHint: 'Mỗi dòng một nguồn, ví dụ https://dichvucong.quangtri.gov.vn. Bắt buộc với khóa công khai.',
  created: 'Tạo lúc',
  revoked: 'Đã thu hồi',
  revoke: 'Thu hồi',
  revokeTitle: (name) => `Thu hồi khóa “${name}”?`,
  revokeWarning: 'Các trang và máy chủ đang dùng khóa này sẽ bị từ chối ngay. Không thể hoàn tác.',
  keyShownOnce: 'Đây là lần duy nhất khóa được hiển thị. Hãy sao chép và cất giữ an toàn trước khi đóng.',
  keyCopy: 'Sao chép khóa',
  keyCopied: 'Đã sao chép.',
  keySaved: 'Tôi đã lưu khóa',
  settings: 'Cài đặt',
  allowedOrigins: 'Nguồn được nhúng tiện ích',
  trackingPrefix: 'Tiền tố mã tra cứu',
  trackingPrefixHint: '2–4 chữ in hoa; để trống để dùng mặc định.',
  branding: 'Nhận diện trên tiện ích cho người dân',
  brandNameVi: 'Tên hiển thị',
  brandNameEn: 'Tên hiển thị tiếng Anh',
  primaryColor: 'Màu chính',
  accentColor: 'Màu nhấn',
  logoUrl: 'Địa chỉ logo (https)',
  colorHint: 'Dạng #rrggbb.',
  preview: 'Xem trước nhận diện',
  previewHint: 'Số liệu minh họa; chỉ màu sắc, logo và tên là của đơn vị.',
  saveSettings: 'Lưu cài đặt',
  audit: 'Nhật ký thay đổi',
  auditEmpty: 'Không có mục nào.',
  auditAction: 'Hành động',
  auditActionHint: 'Ví dụ unit.create, api-key.create',
  filter: 'Lọc',
  at: 'Thời điểm',
  actor: 'Người thực hiện',
  subject: 'Đối tượng',
  details: 'Chi tiết',
  more: 'Xem thêm',
  calendar: 'Lịch làm việc',
  calendarHint: 'Ngày nghỉ lễ quốc gia đã có sẵn; tại đây thêm ngày nghỉ riêng và ngày làm bù của địa phương.',
  calendarEmpty: 'Chưa có ngày riêng nào.',
  addDay: 'Thêm ngày',
  date: 'Ngày',
  dayKinds: { HOLIDAY: 'Ngày nghỉ', WORKING_DAY: 'Ngày làm bù' },
  remove: 'Xóa',
  importFeed: 'Nhập từ tệp lịch (iCalendar .ics)',
  importHint: 'Mỗi sự kiện cả ngày là ngày nghỉ; sự kiện có chữ “làm bù” là ngày làm bù. Xem trước rồi mới nhập.',
  importTitle: (n) => `Nhập ${n} ngày từ tệp lịch`,
  importSubmit: (n) => `Nhập ${n} ngày`,
  importDone: (done, total) => `Đã nhập ${done}/${total} ngày.`,
  importEmpty: 'Tệp lịch không có sự kiện nào.',
  importInvalid: 'Tệp không phải lịch iCalendar hợp lệ.',
};

const en: AdminMessages = {
  ...SETTINGS_MESSAGES.en,
  ind: INDICATOR_MESSAGES.en,
  heading: 'Administration',
  sections: { units: 'Units', categories: 'Categories and deadlines', staff: 'Staff accounts', keys: 'API keys', settings: 'Settings and branding', audit: 'Audit log', calendar: 'Working calendar', indicators: 'Indicators & forms' },
  sectionsLabel: 'Administration sections',
  loading: 'Loading…',
  signedOut: 'Sign in with an administrator account to continue.',
  forbidden: 'Only tenant administrators may use this.',
  failed: (id) => `The data could not be loaded. Please try again${id ? ` (request ${id})` : ''}.`,
  refused: (kind, detail) => `Not saved (${kind}): ${detail}`,
  saved: 'Saved. The change is in the audit log.',
  reload: 'Reload',
  cancel: 'Cancel',
  close: 'Close',
  save: 'Save',
  sending: 'Saving…',
  yes: 'Yes',
  no: 'No',
  none: '—',
  active: 'Active',
  inactive: 'Inactive',
  activate: 'Reactivate',
  deactivate: 'Deactivate',
  edit: 'Edit',
  code: 'Code',
  name: 'Name',
  nameEn: 'English name',
  kind: 'Kind',
  unitKinds: { IOC: 'IOC', DEPARTMENT: 'Department', DISTRICT: 'District', COMMUNE: 'Commune or ward', AGENCY: 'Agency or company' },
  parent: 'Under',
  topLevel: '(top level)',
  addUnit: 'Add a unit',
  unitsEmpty: 'No units yet.',
  focalPoints: 'Focal points',
  focalFor: (unit) => `Focal points of ${unit}`,
  focalEmpty: 'The unit has no focal point.',
  focalRoles: { LEADER: 'Leader in charge', STAFF: 'Focal officer' },
  setFocal: 'Change focal point',
  endTerm: 'End the term',
  fullName: 'Full name',
  title: 'Position',
  phone: 'Phone',
  email: 'E-mail',
  since: 'From',
  until: 'To',
  current: 'now',
  categories: 'Categories',
  addCategory: 'Add a category',
  categoriesEmpty: 'No categories yet.',
  policy: 'Deadline policy (SLA)',
  policies: 'Deadline policies (SLA)',
  addPolicy: 'Add an SLA policy',
  policiesEmpty: 'No deadline policies yet.',
  defaultUnit: 'Default unit',
  isPublic: 'Public on the portal',
  clock: 'Clock',
  clocks: { WORKING: 'Working hours', CALENDAR: 'Calendar time' },
  classifyMinutes: 'Classify (minutes)',
  acceptMinutes: 'Accept (minutes)',
  resolveMinutes: 'Resolve (minutes)',
  warnRatio: 'Warn when used (ratio 0–1)',
  minutesHint: 'A working day is 480 minutes.',
  minutes: (n) => `${n} min`,
  staff: 'Staff accounts',
  addStaff: 'Add an account',
  staffEmpty: 'No accounts yet.',
  role: 'Role',
  unit: 'Unit',
  password: 'First password',
  passwordHint: 'At least 12 characters; leave empty for single sign-on accounts.',
  keys: 'API keys',
  addKey: 'Create an API key',
  keysEmpty: 'No API keys yet.',
  keyKinds: { PUBLIC: 'Public (pk_, for web pages)', SECRET: 'Secret (sk_, for servers)' },
  prefix: 'Prefix',
  origins: 'Allowed origins',
  originsHint: 'One origin a line, e.g. https://portal.example.gov.vn. Required for a public key.',
  created: 'Created',
  revoked: 'Revoked',
  revoke: 'Revoke',
  revokeTitle: (name) => `Revoke the key “${name}”?`,
  revokeWarning: 'Pages and servers using this key are refused at once. This cannot be undone.',
  keyShownOnce: 'This is the only time the key is shown. Copy it and keep it safe before closing.',
  keyCopy: 'Copy the key',
  keyCopied: 'Copied.',
  keySaved: 'I have saved the key',
  settings: 'Settings',
  allowedOrigins: 'Origins that may embed the widgets',
  trackingPrefix: 'Tracking code prefix',
  trackingPrefixHint: '2–4 capital letters; leave empty for the default.',
  branding: 'Branding on the citizen widgets',
  brandNameVi: 'Display name (Vietnamese)',
  brandNameEn: 'Display name (English)',
  primaryColor: 'Primary colour',
  accentColor: 'Accent colour',
  logoUrl: 'Logo address (https)',
  colorHint: 'As #rrggbb.',
  preview: 'Branding preview',
  previewHint: 'Sample figures; only the colours, logo and name are the tenant’s.',
  saveSettings: 'Save settings',
  audit: 'Audit log',
  auditEmpty: 'No entries.',
  auditAction: 'Action',
  auditActionHint: 'E.g. unit.create, api-key.create',
  filter: 'Filter',
  at: 'When',
  actor: 'By',
  subject: 'Subject',
  details: 'Details',
  more: 'Show more',
  calendar: 'Working calendar',
  calendarHint: 'National holidays are built in; add the tenant’s own days off and make-up working days here.',
  calendarEmpty: 'No own days yet.',
  addDay: 'Add a day',
  date: 'Date',
  dayKinds: { HOLIDAY: 'Day off', WORKING_DAY: 'Make-up working day' },
  remove: 'Remove',
  importFeed: 'Import from a calendar file (iCalendar .ics)',
  importHint: 'Each all-day event is a day off; an event saying “make-up” is a make-up working day. Preview before importing.',
  importTitle: (n) => `Import ${n} days from the calendar file`,
  importSubmit: (n) => `Import ${n} days`,
  importDone: (done, total) => `Imported ${done}/${total} days.`,
  importEmpty: 'The calendar file has no events.',
  importInvalid: 'The file is not a valid iCalendar calendar.',
};

export const ADMIN_MESSAGES: Readonly<Record<Lang, AdminMessages>> = { vi, en };
