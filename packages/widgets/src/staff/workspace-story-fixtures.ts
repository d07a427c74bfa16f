// Fixed data for the leader overview's and the admin console's stories (no
// server). Not part of the published entries.
import type { Kpi } from '@paht/client-sdk';
import { CATEGORIES, KPI_TOTAL, KPI_UNITS } from '../shared/story-fixtures.js';
import type { OverviewData, OverviewRow } from '../leader-overview/overview-model.js';

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
  open: { overdueNow: 23, dueThisWeek: 28, truncated: false },
  units: [...unitRows, { key: '', label: null, labelEn: null, kpi: null, previous: null, overdueNow: 3, dueThisWeek: 1 }].sort((a, b) => b.overdueNow - a.overdueNow),
  categories: categoryRows,
  readAt: '2026-11-28T02:00:00.000Z',
};
