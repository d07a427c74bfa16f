import type { Lang } from '../shared/i18n.js';
import type { ProblemWords } from './settings-schema.js';

/**
 * The words of the settings form and of unit editing. The facts (ranges,
 * patterns, choices, defaults, rules) come from the settings schema; a
 * setting the schema gains later shows with its path until it is named here.
 */
export interface SettingsMessages {
  settingSections: Record<'notifications' | 'deadlines' | 'workflow' | 'monthlyReport' | 'oidc' | 'officeHours', string>;
  settingSectionHints: Partial<Record<'notifications' | 'deadlines' | 'workflow' | 'monthlyReport' | 'oidc', string>>;
  settingLabels: Partial<Record<string, string>>;
  settingHints: Partial<Record<string, string>>;
  /** Labels of a choice, keyed `path=VALUE`. */
  settingChoices: Partial<Record<string, string>>;
  byDefault: string;
  rangeHint: (min: number | undefined, max: number | undefined, fallback: number | undefined) => string;
  crossRule: (rule: string) => string;
  officeHoursHint: string;
  officePeriod: string;
  weekdays: readonly string[];
  settingsInvalid: (n: number) => string;
  /** Where in a list (one entry a line) a problem is: `Dòng 2`. */
  listLine: (n: number) => string;
  problems: ProblemWords;
  previewOn: string;
  previewWidgets: Record<'stats' | 'form' | 'tracker', string>;
  editUnit: string;
  moveUnit: string;
  moveHint: string;
  noMoveTargets: string;
}

const between = (min: number | undefined, max: number | undefined, word: string) => (min !== undefined && max !== undefined ? `${min}–${max}` : min !== undefined ? `≥ ${min}` : `≤ ${max}`) + word;

const vi: SettingsMessages = {
  settingSections: {
    notifications: 'Thông báo cho người dân',
    deadlines: 'Thời hạn nhắc và tự đóng',
    workflow: 'Quy trình xử lý',
    monthlyReport: 'Báo cáo tháng qua thư điện tử',
    oidc: 'Đăng nhập một lần (OpenID Connect)',
    officeHours: 'Giờ làm việc',
  },
  settingSectionHints: {
    notifications: 'Để trống để dùng mặc định của máy chủ.',
    deadlines: 'Tính theo ngày làm việc của lịch đơn vị; áp dụng từ lần chạy kế tiếp.',
    monthlyReport: 'Số liệu tháng trước và liên kết tệp Excel theo đơn vị, gửi vào ngày làm việc đầu tiên của tháng. Để trống là không gửi.',
    oidc: 'Để trống tất cả để tắt đăng nhập một lần. Cán bộ đăng nhập bằng thư điện tử đã xác minh trùng với tài khoản.',
  },
  settingLabels: {
    'notifications.emailFrom': 'Thư điện tử gửi đi',
    'notifications.emailFromName': 'Tên người gửi',
    'notifications.publicTrackerUrl': 'Trang tra cứu công khai (có {code})',
    'notifications.sms': 'Gửi tin nhắn SMS',
    'notifications.smsSender': 'Tên người gửi SMS (brandname)',
    'deadlines.ratingReminderDays': 'Nhắc người dân đánh giá sau (ngày làm việc)',
    'deadlines.autoCloseDays': 'Tự đóng phản ánh chưa đánh giá sau (ngày làm việc)',
    'deadlines.focalPointGraceDays': 'Báo IOC khi đơn vị thiếu đầu mối quá (ngày làm việc)',
    'workflow.answerApproval': 'Trả lời của cán bộ cần lãnh đạo đơn vị duyệt',
    'monthlyReport.recipients': 'Người nhận (mỗi dòng một địa chỉ thư điện tử)',
    'oidc.issuer': 'Nhà cung cấp (issuer)',
    'oidc.audience': 'Mã ứng dụng (client id / audience)',
    'oidc.jwksUrl': 'Địa chỉ khóa công khai (JWKS)',
    'oidc.emailClaim': 'Trường chứa thư điện tử (mặc định email)',
    'oidc.trustUnverifiedEmail': 'Chấp nhận thư điện tử chưa xác minh (chỉ khi mọi địa chỉ do cơ quan cấp)',
  },
  settingHints: { 'notifications.publicTrackerUrl': 'Ví dụ https://dichvucong.quangtri.gov.vn/tra-cuu?code={code}' },
  settingChoices: {
    'notifications.sms=OFF': 'Không gửi',
    'notifications.sms=WHEN_NO_EMAIL': 'Chỉ khi người dân không để lại thư điện tử',
    'notifications.sms=ALWAYS': 'Luôn gửi, kèm thư điện tử',
  },
  byDefault: '(mặc định)',
  rangeHint: (min, max, fallback) => `Từ ${between(min, max, '')}${fallback !== undefined ? `; mặc định ${fallback}` : ''}.`,
  crossRule: (rule) => `Kiểm tra thêm khi lưu: ${rule}.`,
  officeHoursHint: 'Mỗi ngày các ca giờ:phút, ví dụ 07:30-11:30, 13:30-17:00; để trống là ngày nghỉ. Dùng để tính thời hạn xử lý.',
  officePeriod: 'Mỗi ca dạng bắt đầu-kết thúc, ví dụ 07:30-11:30.',
  weekdays: ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'],
  settingsInvalid: (n) => `Chưa lưu: ${n} mục chưa hợp lệ, xem bên dưới.`,
  listLine: (n) => `Dòng ${n}`,
  problems: {
    range: (min, max) => `Phải trong khoảng ${between(min, max, '')}.`,
    length: (min, max) => `Độ dài ${between(min, max, ' ký tự')}.`,
    wholeNumber: 'Phải là số nguyên.',
    choice: (options) => `Chọn một trong ${options.join(', ')}.`,
    format: (rule) => `Không đúng định dạng${rule ? ` (${rule})` : ''}.`,
    required: 'Bắt buộc.',
    tooMany: (max) => `Tối đa ${max} mục.`,
  },
  previewOn: 'Xem trước trên',
  previewWidgets: { stats: 'Thống kê công khai', form: 'Biểu mẫu phản ánh', tracker: 'Tra cứu phản ánh' },
  editUnit: 'Sửa đơn vị',
  moveUnit: 'Trực thuộc',
  moveHint: 'Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
  noMoveTargets: '(không có đơn vị phù hợp)',
};

const en: SettingsMessages = {
  settingSections: {
    notifications: 'Notifications to citizens',
    deadlines: 'Reminders and automatic closing',
    workflow: 'Workflow',
    monthlyReport: 'Monthly report by e-mail',
    oidc: 'Single sign-on (OpenID Connect)',
    officeHours: 'Office hours',
  },
  settingSectionHints: {
    notifications: 'Leave empty for the server’s defaults.',
    deadlines: 'In working days of the tenant’s calendar; effective from the jobs’ next run.',
    monthlyReport: 'Last month’s figures and a link to the Excel file per unit, sent on the first working day of the month. Empty: none sent.',
    oidc: 'Leave all empty to turn single sign-on off. Staff sign in with a verified e-mail matching their account.',
  },
  settingLabels: {
    'notifications.emailFrom': 'Sender e-mail',
    'notifications.emailFromName': 'Sender name',
    'notifications.publicTrackerUrl': 'Public tracker page (with {code})',
    'notifications.sms': 'SMS to citizens',
    'notifications.smsSender': 'SMS sender (brandname)',
    'deadlines.ratingReminderDays': 'Remind citizens to rate after (working days)',
    'deadlines.autoCloseDays': 'Close unrated reports after (working days)',
    'deadlines.focalPointGraceDays': 'Alert the IOC when a unit lacks a focal point for (working days)',
    'workflow.answerApproval': 'Officers’ answers need the unit leader’s approval',
    'monthlyReport.recipients': 'Recipients (one e-mail address a line)',
    'oidc.issuer': 'Issuer',
    'oidc.audience': 'Client id (audience)',
    'oidc.jwksUrl': 'JSON Web Key Set URL',
    'oidc.emailClaim': 'E-mail claim (default email)',
    'oidc.trustUnverifiedEmail': 'Accept unverified e-mails (only if every address is issued by the organisation)',
  },
  settingHints: { 'notifications.publicTrackerUrl': 'E.g. https://portal.example.gov.vn/track?code={code}' },
  settingChoices: {
    'notifications.sms=OFF': 'Never',
    'notifications.sms=WHEN_NO_EMAIL': 'Only when the citizen left no e-mail',
    'notifications.sms=ALWAYS': 'Always, besides the e-mail',
  },
  byDefault: '(default)',
  rangeHint: (min, max, fallback) => `${between(min, max, '')}${fallback !== undefined ? `; default ${fallback}` : ''}.`,
  crossRule: (rule) => `Also checked on saving: ${rule}.`,
  officeHoursHint: 'Each day’s periods as hours:minutes, e.g. 07:30-11:30, 13:30-17:00; empty is a day off. Deadlines are counted in these hours.',
  officePeriod: 'Each period as start-end, e.g. 07:30-11:30.',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  settingsInvalid: (n) => `Not saved: ${n} ${n === 1 ? 'entry is' : 'entries are'} not valid, see below.`,
  listLine: (n) => `Line ${n}`,
  problems: {
    range: (min, max) => `Must be ${between(min, max, '')}.`,
    length: (min, max) => `Length ${between(min, max, ' characters')}.`,
    wholeNumber: 'Must be a whole number.',
    choice: (options) => `Choose one of ${options.join(', ')}.`,
    format: (rule) => `Wrong format${rule ? ` (${rule})` : ''}.`,
    required: 'Required.',
    tooMany: (max) => `At most ${max} entries.`,
  },
  previewOn: 'Preview on',
  previewWidgets: { stats: 'Public statistics', form: 'Report form', tracker: 'Report tracker' },
  editUnit: 'Edit the unit',
  moveUnit: 'Under',
  moveHint: 'A unit cannot be moved under itself or one of its sub-units.',
  noMoveTargets: '(no suitable unit)',
};

export const SETTINGS_MESSAGES: Readonly<Record<Lang, SettingsMessages>> = { vi, en };
