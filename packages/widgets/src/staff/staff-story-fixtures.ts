// Fixed data for the staff components' stories (no server). Not part of the
// published entries.
import type { Unit } from '@paht/client-sdk/public';
import type { InboxReport } from '@paht/client-sdk/staff';
import { CATEGORIES, LONG_TEXT, reportAt } from '../shared/story-fixtures.js';
import type { StaffReport } from '../ioc-inbox/ioc-inbox.component.js';

export { CATEGORIES };

export const UNITS: Unit[] = [
  { id: 'u0', code: 'IOC', name: 'Trung tâm Giám sát, điều hành đô thị thông minh', nameEn: 'Smart city operations centre', kind: 'IOC', parentId: null },
  { id: 'u1', code: 'SGTVT', name: 'Sở Giao thông vận tải', nameEn: 'Department of Transport', kind: 'DEPARTMENT', parentId: null },
  { id: 'u2', code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', nameEn: 'Department of Natural Resources and Environment', kind: 'DEPARTMENT', parentId: null },
  { id: 'u3', code: 'P-DONGHA', name: 'UBND phường Đông Hà', nameEn: 'Đông Hà Ward', kind: 'COMMUNE', parentId: null },
];

/** The stories' clock: the fixtures' deadlines are read against it. */
export const STORY_NOW = Date.parse('2026-03-03T02:00:00Z');
const NOW = STORY_NOW;
const HOUR = 3_600_000;

function inboxReport(i: number, extra: Partial<InboxReport>): InboxReport {
  const { timeline: _t, attachments: _a, ...summary } = reportAt('SUBMITTED');
  return {
    ...summary,
    id: `r${i}`,
    trackingCode: `QT-100-200-${String(300 + i)}`,
    category: null,
    supporterCount: 0,
    dueAt: new Date(NOW + i * 5 * HOUR).toISOString(),
    sla: { outcome: 'IN_PROGRESS', breached: false, stage: 'CLASSIFY', state: 'ON_TRACK', dueAt: new Date(NOW + i * 5 * HOUR).toISOString() },
    ...extra,
  };
}

/** The IOC's queue: overdue, due soon, on track; new and awaiting a unit; several channels; a long text. */
export const INBOX_REPORTS: InboxReport[] = [
  inboxReport(1, { title: 'Đèn đường hỏng cả đoạn Lê Duẩn', channel: 'HOTLINE_1022', sla: { outcome: 'IN_PROGRESS', breached: true, stage: 'CLASSIFY', state: 'BREACHED', dueAt: new Date(NOW - 2 * HOUR).toISOString() } }),
  inboxReport(2, { title: 'Rác thải ùn ứ tại chợ Đông Hà', channel: 'ZALO', status: 'CLASSIFIED', category: CATEGORIES[2]!, sla: { outcome: 'IN_PROGRESS', breached: false, stage: 'CLASSIFY', state: 'WARNING', dueAt: new Date(NOW + HOUR).toISOString() } }),
  inboxReport(3, { title: 'Ổ gà lớn trên đường Hùng Vương', channel: 'WEB' }),
  inboxReport(4, { title: LONG_TEXT.slice(0, 160), channel: 'FANPAGE', status: 'CLASSIFIED', category: CATEGORIES[0]! }),
  inboxReport(5, { title: 'Cây xanh đổ chắn ngang đường Trần Hưng Đạo', channel: 'APP' }),
];

/** One report opened, with its timeline (as `report(id)` answers staff). */
export const DETAIL: StaffReport = {
  __typename: 'Report',
  ...reportAt('CLASSIFIED'),
  id: 'r2',
  trackingCode: 'QT-100-200-302',
  channel: 'ZALO',
  timeline: reportAt('CLASSIFIED').timeline.map((e) => ({ ...e, actorRole: e.type === 'SUBMIT' ? null : 'IOC_OPERATOR' })),
  ratingComment: null,
  answers: [],
};
