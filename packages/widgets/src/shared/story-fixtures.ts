// Fixed data for the stories (no server): a report at each point of its
// life, categories and KPI rows. Not part of the published entries.
import type { Category, Kpi, Report, ReportEventType, ReportStatus, TenantBranding, TimelineEntry } from '@paht/client-sdk/public';

export const CATEGORIES: Category[] = [
  { id: 'c1', code: 'ROADS', name: 'Giao thông', nameEn: 'Roads and traffic' },
  { id: 'c2', code: 'LIGHTS', name: 'Chiếu sáng công cộng', nameEn: 'Street lighting' },
  { id: 'c3', code: 'ENV', name: 'Môi trường, rác thải, nước thải sinh hoạt và ô nhiễm tiếng ồn khu dân cư', nameEn: 'Environment' },
];

const STEPS: Array<[ReportEventType, ReportStatus, string | null]> = [
  ['SUBMIT', 'SUBMITTED', null],
  ['CLASSIFY', 'CLASSIFIED', null],
  ['ASSIGN', 'ASSIGNED', null],
  ['ACCEPT', 'ACCEPTED', null],
  ['START', 'IN_PROGRESS', null],
  ['REQUEST_INFO', 'WAITING_FOR_CITIZEN', 'Đề nghị ông/bà cho biết chính xác số nhà gần nhất.'],
  ['PROVIDE_INFO', 'IN_PROGRESS', 'Trước số nhà 120.'],
  ['RESOLVE', 'RESOLVED', null],
  ['PUBLISH', 'PUBLISHED', null],
  ['RATE', 'CLOSED', null],
];

/** The unit the stories' reports are assigned to. */
export const TRANSPORT = { id: 'u1', code: 'SGTVT', name: 'Sở Giao thông vận tải', nameEn: 'Department of Transport' };

const START = Date.parse('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;

/** A report whose timeline has walked up to `status` (REJECTED: turned away after submission). */
export function reportAt(status: ReportStatus, extra: Partial<Report> = {}): Report {
  const steps: Array<[ReportEventType, ReportStatus, string | null]> =
    status === 'REJECTED' ? [STEPS[0]!, ['REJECT', 'REJECTED', 'Nội dung trùng với phản ánh QT-101-202-303 đang được xử lý.']] : STEPS.slice(0, STEPS.findIndex((s) => s[1] === status) + 1);
  const timeline: TimelineEntry[] = steps.map(([type, s, note], i) => ({ seq: i + 1, type, status: s, at: new Date(START + i * HOUR).toISOString(), note, unit: type === 'ASSIGN' ? TRANSPORT : null }));
  const assigned = steps.some(([type]) => type === 'ASSIGN');
  const resolved = steps.some(([type]) => type === 'RESOLVE');
  return {
    id: 'r1',
    trackingCode: 'QT-123-456-789',
    status,
    visibility: 'PUBLIC',
    channel: 'WEB',
    title: 'Ổ gà lớn trên đường Hùng Vương',
    description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
    category: { id: 'c1', code: 'ROADS', name: 'Giao thông', nameEn: 'Roads and traffic' },
    unit: assigned ? { id: 'u1', code: 'SGTVT', name: 'Sở Giao thông vận tải', nameEn: 'Department of Transport', kind: 'DEPARTMENT', parentId: null } : null,
    address: '120 Hùng Vương, Đông Hà',
    areaCode: null,
    latitude: 16.8163,
    longitude: 107.1003,
    submittedAt: new Date(START).toISOString(),
    updatedAt: timeline.at(-1)!.at,
    dueAt: resolved || status === 'REJECTED' ? null : new Date(START + 5 * 24 * HOUR).toISOString(),
    answerDueAt: assigned ? new Date(START + 7 * 24 * HOUR).toISOString() : null,
    answerDue: assigned ? { at: new Date(START + 7 * 24 * HOUR).toISOString(), workingDaysLeft: resolved ? null : 5, overdueWorkingDays: null } : null,
    resolvedAt: resolved ? new Date(START + 7 * HOUR).toISOString() : null,
    resolvedOnTime: resolved ? true : null,
    answer: resolved ? 'Đã vá ổ gà ngày 02/3/2026. Cảm ơn ông/bà đã phản ánh.' : null,
    rating: status === 'CLOSED' ? 5 : null,
    attachments: [],
    timeline,
    sla: resolved ? { outcome: 'ON_TIME', breached: false, stage: 'RESOLVE', state: 'MET', dueAt: null } : { outcome: 'IN_PROGRESS', breached: false, stage: 'RESOLVE', state: 'ON_TRACK', dueAt: null },
    ...extra,
  };
}

/**
 * The steps a citizen with the secret may take in `status`, as the API's
 * `TrackedReport.actions` answers them (core's transition table).
 */
export function citizenActionsAt(status: ReportStatus): ReportEventType[] {
  if (status === 'WAITING_FOR_CITIZEN') return ['PROVIDE_INFO'];
  if (status === 'PUBLISHED') return ['RATE', 'REOPEN'];
  return [];
}

/** A server refusal as the API words it, Vietnamese and English (a ValidationError's messages). */
export const REFUSAL = {
  vi: 'Nội dung dài quá 10.000 ký tự.',
  en: 'The text is longer than 10,000 characters.',
};

export const LONG_TEXT =
  'Tại khu vực ngã ba giao giữa đường Nguyễn Huệ và đường Trần Hưng Đạo, phường Đông Hà, tỉnh Quảng Trị, hệ thống thoát nước bị tắc nghẽn kéo dài nhiều tuần liền, mỗi khi trời mưa lớn nước ngập sâu hơn nửa mét, gây ách tắc giao thông nghiêm trọng vào giờ cao điểm, ảnh hưởng đến việc đi lại của học sinh các trường tiểu học và trung học cơ sở lân cận cũng như hoạt động kinh doanh của các hộ dân hai bên đường.';

const row = (key: string, label: string | null, received: number, onTime: number, overdue: number, inProgress: number, hours: number, satisfied: number | null, labelEn: string | null = null): Kpi => ({
  key, label, labelEn, area: null, received, resolved: onTime + overdue, onTime, overdue, inProgress, rejected: received - onTime - overdue - inProgress,
  avgResolutionHours: hours, ratings: satisfied === null ? 0 : 20, avgRating: satisfied === null ? null : 4.2, satisfiedShare: satisfied,
});

export const KPI_TOTAL = row('t', null, 637, 419, 210, 8, 61.5, 0.87);
export const KPI_UNITS: Kpi[] = [
  row('u1', 'Sở Giao thông vận tải', 182, 140, 40, 2, 40.2, 0.9, 'Department of Transport'),
  row('u2', 'Sở Tài nguyên và Môi trường', 121, 70, 49, 2, 80.1, 0.81, 'Department of Natural Resources and Environment'),
  row('u3', 'UBND thành phố Đông Hà', 96, 80, 15, 1, 30.5, 0.93, 'Đông Hà City People’s Committee'),
  row('u4', 'Công an tỉnh', 74, 60, 14, 0, 22.2, null, 'Provincial Police'),
  row('u5', 'Sở Xây dựng', 51, 20, 30, 1, 120.4, 0.7, 'Department of Construction'),
  row('u6', 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông và nông nghiệp tỉnh Quảng Trị', 40, 25, 14, 1, 96.3, 0.75, null),
];
/** AREA rows as the API names them (from the national address database). */
export const KPI_AREAS: Kpi[] = (
  [
    ['19333', 'Phường Đông Hà', 'Đông Hà Ward', 120, 80, 30, 2],
    ['19351', 'Phường Nam Đông Hà', 'Nam Đông Hà Ward', 90, 60, 25, 1],
    ['19360', 'Phường Quảng Trị', 'Quảng Trị Ward', 64, 40, 20, 0],
    ['19414', 'Xã Cửa Tùng', 'Cửa Tùng Commune', 41, 30, 9, 1],
  ] as const
).map(([code, name, nameEn, received, onTime, overdue, inProgress]) => ({
  ...row(code, name, received, onTime, overdue, inProgress, 48, 0.85, nameEn),
  area: { code, name, nameEn },
}));
export const KPI_MONTHS: Kpi[] = ['2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09'].map((key, i) =>
  row(key, null, 40 + i * 9, 25 + i * 5, 10 + i * 2, i === 5 ? 8 : 0, 50 + i * 3, 0.8 + i * 0.02),
);

// A tenant's branding (what `tenantBranding` answers). The stories' logo is
// inline (no network); a tenant's real logo is an https URL.
const LOGO_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#7a1f2b"/><path d="M32 12l6 14h15l-12 9 5 15-14-9-14 9 5-15-12-9h15z" fill="#f2c94c"/></svg>';
export const BRAND_LOGO = `data:image/svg+xml,${encodeURIComponent(LOGO_SVG)}`;
/** A dark brand colour: white text on it. */
export const BRANDING: TenantBranding = { name: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh Province', primaryColor: '#7a1f2b', accentColor: '#f2c94c', logoUrl: BRAND_LOGO };
/** A light brand colour white text cannot be read on: dark text on it, links darkened. No logo: the name alone. */
export const BRANDING_LIGHT: TenantBranding = { name: 'Thành phố Huế', nameEn: 'Hue City', primaryColor: '#f6c945', accentColor: '#5b2c83', logoUrl: null };
