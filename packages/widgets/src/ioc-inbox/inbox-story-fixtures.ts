// Fixed data for the inbox's triage-help stories (no server): suggestions,
// people affected, possible duplicates. Not part of the published entries.
import type { InboxReport } from '@paht/client-sdk/staff';
import type { DetailState } from './ioc-inbox.component.js';
import type { Duplicate } from './inbox-duplicates.js';
import { CATEGORIES, DETAIL, INBOX_REPORTS, UNITS } from '../staff/staff-story-fixtures.js';

const [roads, lights, env] = CATEGORIES as [InboxReport['category'] & object, InboxReport['category'] & object, InboxReport['category'] & object];
const [, transport, environment, ward] = UNITS as [unknown, NonNullable<InboxReport['unit']>, NonNullable<InboxReport['unit']>, NonNullable<InboxReport['unit']>];

/** The IOC's queue with suggestions on the new reports and supporters on some. */
export const TRIAGE_REPORTS: InboxReport[] = INBOX_REPORTS.map((r) => {
  switch (r.id) {
    case 'r1':
      return { ...r, supporterCount: 4, suggestions: [{ category: lights, unit: ward, confidence: 0.91 }] };
    case 'r2':
      return { ...r, supporterCount: 1, suggestions: [{ category: env, unit: environment, confidence: 0.64 }, { category: env, unit: ward, confidence: 0.28 }] };
    case 'r3':
      return {
        ...r,
        suggestions: [
          { category: roads, unit: transport, confidence: 0.82 },
          { category: roads, unit: ward, confidence: 0.12 },
          { category: lights, unit: ward, confidence: 0.06 },
        ],
      };
    default:
      return { ...r, suggestions: [] };
  }
});

/** The new report r3 opened (as `report(id)` answers staff). */
export const NEW_DETAIL: Extract<DetailState, { kind: 'ready' }>['report'] = {
  ...DETAIL,
  id: 'r3',
  trackingCode: 'QT-100-200-303',
  status: 'SUBMITTED',
  channel: 'WEB',
  title: 'Ổ gà lớn trên đường Hùng Vương',
  description: 'Ổ gà sâu khoảng 20 cm giữa làn xe máy, trước số nhà 120 Hùng Vương; tối qua có người ngã.',
  address: '120 Hùng Vương, phường Đông Hà',
  category: null,
  unit: null,
  submittedAt: '2026-03-03T01:10:00Z',
  timeline: DETAIL.timeline.slice(0, 1),
};

const summary = (id: string, code: string, extra: Partial<Duplicate['report']>): Duplicate['report'] => {
  const { sla: _sla, suggestions: _s, ...rest } = TRIAGE_REPORTS[0]!;
  return { ...rest, id, trackingCode: code, status: 'CLASSIFIED', channel: 'APP', category: roads, unit: null, supporterCount: 0, ...extra };
};

/** Two possible duplicates of r3: an earlier one (r3 merges into it) and a later one (it merges into r3). */
export const DUPLICATES: Duplicate[] = [
  {
    similarity: 0.78,
    distanceMeters: 35,
    report: summary('r6', 'QT-100-200-306', {
      title: 'Ổ gà giữa đường Hùng Vương gây nguy hiểm',
      description: 'Ổ gà lớn gần số 118 Hùng Vương, xe máy phải tránh gấp.',
      address: '118 Hùng Vương, phường Đông Hà',
      submittedAt: '2026-03-02T08:30:00Z',
      supporterCount: 2,
    }),
  },
  {
    similarity: 0.41,
    distanceMeters: null,
    report: summary('r7', 'QT-100-200-307', {
      status: 'SUBMITTED',
      category: null,
      title: 'Đường Hùng Vương bị hư hỏng',
      description: 'Mặt đường xuống cấp, nhiều ổ gà.',
      address: 'Hùng Vương, phường Đông Hà',
      submittedAt: '2026-03-03T01:40:00Z',
    }),
  },
];
