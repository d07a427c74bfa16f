// Fixed data for the leader overview's and the admin console's stories (no
// server). Not part of the published entries.
import type { Kpi, Unit } from '@paht/client-sdk/public';
import { CATEGORIES, KPI_TOTAL, KPI_UNITS, reportAt } from '../shared/story-fixtures.js';
import type { QueueDetail, QueueReport } from '../unit-queue/unit-queue.component.js';
import type { OverviewData, OverviewRow } from '../leader-overview/overview-model.js';
import type { AdminData, SlaPolicy } from '../admin-console/admin-model.js';
import { FORMS, INDICATORS } from '../admin-console/indicator-story-fixtures.js';

const POLICIES: SlaPolicy[] = [
  { id: 'p1', code: 'SLA-5', name: 'Thông thường: 5 ngày làm việc', clock: 'WORKING', classifyMinutes: 240, acceptMinutes: 480, resolveMinutes: 2400, warnRatio: 0.8 },
  { id: 'p2', code: 'SLA-7', name: 'Phức tạp: 7 ngày làm việc', clock: 'WORKING', classifyMinutes: 480, acceptMinutes: 480, resolveMinutes: 3360, warnRatio: 0.75 },
];

const scaled = (k: Kpi, f: number): Kpi => ({ ...k, received: Math.round(k.received * f), resolved: Math.round(k.resolved * f), onTime: Math.round(k.onTime * f), overdue: Math.round(k.overdue * f) });

const unitRows: OverviewRow[] = KPI_UNITS.map((k, i) => ({
  key: k.key,
  label: k.label ?? null,
  labelEn: k.labelEn ?? null,
  kpi: k,
  previous: i === 3 ? null : scaled(k, i % 2 ? 1.2 : 0.8),
  overdueNow: [7, 4, 0, 2, 9, 1][i] ?? 0,
  dueThisWeek: [12, 6, 3, 0, 5, 2][i] ?? 0,
}));

const categoryRows: OverviewRow[] = CATEGORIES.map((c, i) => {
  const kpi: Kpi = { ...KPI_UNITS[i % KPI_UNITS.length]!, key: c.id, label: c.name, labelEn: c.nameEn ?? null };
  return { key: c.id, label: c.name, labelEn: c.nameEn ?? null, kpi, previous: scaled(kpi, 0.9), overdueNow: (5 - i) % 4, dueThisWeek: i + 1 };
});

/** A province's overview: overdue and due reports per unit and category, the period against the previous one. */
export const OVERVIEW_DATA: OverviewData = {
  period: { from: '2026-10-30', to: '2026-11-28', previousFrom: '2026-09-30', previousTo: '2026-10-29' },
  total: KPI_TOTAL,
  previousTotal: scaled(KPI_TOTAL, 0.85),
  open: { overdueNow: 23, dueThisWeek: 28 },
  units: [...unitRows, { key: '', label: null, labelEn: null, kpi: null, previous: null, overdueNow: 3, dueThisWeek: 1 }].sort((a, b) => b.overdueNow - a.overdueNow),
  categories: categoryRows,
  readAt: '2026-11-28T02:00:00.000Z',
};

/** Settings as read (a field the schema gains later is ignored by the console). */
const SETTINGS = {
  allowedOrigins: ['https://quangtri.gov.vn', 'https://dichvucong.quangtri.gov.vn'],
  trackingPrefix: 'QT',
  singleSignOn: false,
  branding: { nameVi: 'Tỉnh Quảng Trị', nameEn: 'Quảng Trị Province', primaryColor: '#7a1f2b', accentColor: '#f2c94c', logoUrl: null },
  notifications: null,
  workflow: { answerApproval: true },
  officeHours: [],
} as unknown as NonNullable<AdminData['settings']>;

/** A tenant's configuration as the admin console reads it. */
export const ADMIN_DATA: AdminData = {
  units: [
    { id: 'u0', code: 'IOC', name: 'Trung tâm Giám sát, điều hành đô thị thông minh', nameEn: 'Smart city operations centre', kind: 'IOC', parentId: null, active: true },
    { id: 'u1', code: 'SGTVT', name: 'Sở Giao thông vận tải', nameEn: 'Department of Transport', kind: 'DEPARTMENT', parentId: null, active: true },
    { id: 'u1a', code: 'SGTVT-TTR', name: 'Thanh tra Sở Giao thông vận tải', nameEn: 'Transport Inspectorate', kind: 'AGENCY', parentId: 'u1', active: true },
    { id: 'u2', code: 'DONG-HA', name: 'UBND thành phố Đông Hà', nameEn: 'Đông Hà City', kind: 'DISTRICT', parentId: null, active: true },
    { id: 'u2a', code: 'P-DONG-HA', name: 'UBND phường Đông Hà', nameEn: 'Đông Hà Ward', kind: 'COMMUNE', parentId: 'u2', active: true },
    { id: 'u3', code: 'BQL-CU', name: 'Ban Quản lý dự án cũ', nameEn: null, kind: 'AGENCY', parentId: null, active: false },
  ],
  focal: {
    unitId: 'u1',
    points: [
      { id: 'f1', unitId: 'u1', role: 'STAFF', fullName: 'Lê Thị Hoa', title: 'Chuyên viên', phone: '0233 3852 111', email: 'hoa.lt@sgtvt.example.gov.vn', validFrom: '2026-03-01T01:00:00Z', validTo: null },
      { id: 'f2', unitId: 'u1', role: 'LEADER', fullName: 'Trần Văn Minh', title: 'Phó Giám đốc Sở', phone: null, email: 'minh.tv@sgtvt.example.gov.vn', validFrom: '2025-06-01T01:00:00Z', validTo: null },
      { id: 'f0', unitId: 'u1', role: 'STAFF', fullName: 'Nguyễn Văn Bình', title: null, phone: '0233 3852 000', email: null, validFrom: '2024-01-02T01:00:00Z', validTo: '2026-03-01T01:00:00Z' },
    ],
  },
  categories: [
    { id: 'c1', code: 'GIAO-THONG', name: 'Giao thông', nameEn: 'Traffic', isPublic: true, active: true, defaultUnitId: 'u1', slaPolicy: POLICIES[0]! },
    { id: 'c2', code: 'MOI-TRUONG', name: 'Môi trường', nameEn: 'Environment', isPublic: true, active: true, defaultUnitId: null, slaPolicy: POLICIES[1]! },
    { id: 'c3', code: 'AN-NINH', name: 'An ninh trật tự', nameEn: 'Public order', isPublic: false, active: true, defaultUnitId: null, slaPolicy: POLICIES[1]! },
    { id: 'c4', code: 'CU', name: 'Lĩnh vực cũ', nameEn: 'Old category', isPublic: true, active: false, defaultUnitId: null, slaPolicy: POLICIES[0]! },
  ],
  policies: POLICIES,
  staff: [
    { id: 's1', email: 'ioc.quang-tri@example.gov.vn', fullName: 'Phạm Thu Trang', role: 'IOC_OPERATOR', unitId: 'u0', active: true },
    { id: 's2', email: 'chuyenvien.quang-tri@example.gov.vn', fullName: 'Hoàng Văn Nam', role: 'UNIT_OFFICER', unitId: 'u1', active: true },
    { id: 's3', email: 'lanhdao.quang-tri@example.gov.vn', fullName: 'Võ Đức Thắng', role: 'LEADER', unitId: null, active: true },
    { id: 's4', email: 'nghiviec.quang-tri@example.gov.vn', fullName: 'Đặng Thị Lan', role: 'UNIT_OFFICER', unitId: 'u2a', active: false },
  ],
  keys: [
    { id: 'k1', kind: 'PUBLIC', name: 'Cổng dịch vụ công tỉnh', prefix: 'pk_live_3fA9', allowedOrigins: ['https://dichvucong.quangtri.gov.vn'], createdAt: '2026-05-04T02:00:00Z', revokedAt: null },
    { id: 'k2', kind: 'SECRET', name: 'Tổng đài 1022', prefix: 'sk_live_Q1z8', allowedOrigins: [], createdAt: '2026-06-10T02:00:00Z', revokedAt: null },
    { id: 'k3', kind: 'PUBLIC', name: 'Trang thử nghiệm', prefix: 'pk_live_00aa', allowedOrigins: ['https://thu.example.gov.vn'], createdAt: '2026-01-10T02:00:00Z', revokedAt: '2026-02-01T02:00:00Z' },
  ],
  settings: SETTINGS,
  audit: {
    entries: [
      { id: 'a1', at: '2026-11-28T01:50:00Z', action: 'api-key.create', actorId: '6c1f3e1a-0000-4000-8000-000000000001', actorRole: 'TENANT_ADMIN', subjectType: 'api_key', subjectId: 'k2', data: '{"name":"Tổng đài 1022","kind":"SECRET"}' },
      { id: 'a2', at: '2026-11-28T01:40:00Z', action: 'category.upsert', actorId: '6c1f3e1a-0000-4000-8000-000000000001', actorRole: 'TENANT_ADMIN', subjectType: 'category', subjectId: 'c3', data: '{"code":"AN-NINH","slaPolicyCode":"SLA-7"}' },
      { id: 'a3', at: '2026-11-28T01:00:00Z', action: 'sla.breach', actorId: null, actorRole: 'SYSTEM', subjectType: 'report', subjectId: 'r1', data: '{"stage":"RESOLVE"}' },
    ],
    hasNextPage: true,
    endCursor: 'c3',
    action: '',
  },
  calendar: [
    { date: '2026-12-31', kind: 'WORKING_DAY', name: 'Làm bù ngày 2/1/2027' },
    { date: '2027-01-02', kind: 'HOLIDAY', name: 'Nghỉ bù Tết Dương lịch' },
  ],
  settingsSchema: null,
  indicators: INDICATORS,
  forms: FORMS,
};

const queueReport = (i: number, status: QueueReport['status'], title: string, dueHours: number): QueueReport => {
  const { timeline: _t, attachments: _a, sla: _s, ...summary } = reportAt(status);
  return { ...summary, id: `q${i}`, trackingCode: `QT-200-300-${400 + i}`, title, dueAt: new Date(Date.parse('2026-11-28T02:00:00Z') + dueHours * 3_600_000).toISOString() };
};

/** A department's queue: a new assignment, one in progress, one overdue (the deadline fixed in the past). */
export const QUEUE_REPORTS: QueueReport[] = [
  queueReport(1, 'IN_PROGRESS', 'Đèn tín hiệu giao thông ngã tư Lê Duẩn – Hùng Vương không hoạt động', -30 * 24),
  queueReport(2, 'ASSIGNED', 'Ổ gà lớn trên đường Hùng Vương', 24 * 400),
  queueReport(3, 'ACCEPTED', 'Biển báo bị che khuất bởi cây xanh', 24 * 420),
];

/** The open report: forwarded to the department, an extension and a draft answer awaiting the unit leader. */
export const QUEUE_DETAIL: QueueDetail = {
  ...reportAt('IN_PROGRESS'),
  __typename: 'Report',
  id: 'q1',
  trackingCode: 'QT-200-300-401',
  timeline: reportAt('IN_PROGRESS').timeline.map((e) => ({
    ...e,
    actorRole: e.type === 'SUBMIT' ? null : 'UNIT_OFFICER',
    actorUnitId: e.type === 'SUBMIT' ? null : e.type === 'ASSIGN' || e.type === 'CLASSIFY' ? 'u0' : 'u1',
    toUnitId: e.type === 'ASSIGN' ? 'u1' : null,
  })),
  answers: [],
  forwardedBy: null,
  staffActions: ['EXTEND', 'REFUSE_EXTENSION', 'RESOLVE', 'SEND_BACK_ANSWER', 'FORWARD', 'REQUEST_INFO'],
  pendingExtension: { seq: 6, at: '2026-11-27T03:00:00Z', actorRole: 'UNIT_OFFICER', actorUnitId: 'u1', reason: 'Chờ nhà thầu thay bộ điều khiển tín hiệu.', extensionMinutes: 960, answer: null, outcome: null, throughLink: false },
  pendingAnswer: { seq: 7, at: '2026-11-27T04:00:00Z', actorRole: 'UNIT_OFFICER', actorUnitId: 'u1', reason: null, extensionMinutes: null, answer: 'Đã thay bộ điều khiển, đèn hoạt động bình thường từ 15 giờ ngày 27/11.', outcome: 'FIXED', throughLink: false },
};

/** The same report as the unit officer sees it before it is started. */
export const QUEUE_DETAIL_OFFICER: QueueDetail = { ...QUEUE_DETAIL, status: 'ACCEPTED', pendingExtension: null, pendingAnswer: null, staffActions: ['START', 'FORWARD', 'REQUEST_INFO', 'REQUEST_EXTENSION', 'DRAFT_ANSWER', 'RETURN'] };

/** Units with a sub-unit of the department (to forward to). */
export const QUEUE_UNITS: Unit[] = [
  { id: 'u0', code: 'IOC', name: 'Trung tâm Giám sát, điều hành đô thị thông minh', nameEn: 'Smart city operations centre', kind: 'IOC', parentId: null },
  { id: 'u1', code: 'SGTVT', name: 'Sở Giao thông vận tải', nameEn: 'Department of Transport', kind: 'DEPARTMENT', parentId: null },
  { id: 'u1a', code: 'SGTVT-TTR', name: 'Thanh tra Sở Giao thông vận tải', nameEn: 'Transport Inspectorate', kind: 'AGENCY', parentId: 'u1' },
];
