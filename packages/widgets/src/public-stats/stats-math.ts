import type { Kpi } from '@paht/client-sdk/public';
import type { Lang } from '../shared/i18n.js';

/**
 * A row's name in the widget's language: the unit's, category's or area's
 * English name in English (Vietnamese when it has none), else Vietnamese;
 * null for rows without a name (months, reports without a unit or area).
 */
export const kpiName = (k: Pick<Kpi, 'label' | 'labelEn' | 'area'>, lang: Lang): string | null =>
  (lang === 'en' ? k.labelEn ?? k.area?.nameEn : null) || k.label || k.area?.name || null;

/** Share of resolved reports resolved on time, null when none was resolved. */
export const onTimeShare = (k: Pick<Kpi, 'onTime' | 'overdue'>): number | null => (k.onTime + k.overdue > 0 ? k.onTime / (k.onTime + k.overdue) : null);

/**
 * Units ranked by on-time share, then by the number resolved, then by
 * name; units that resolved nothing are left out.
 */
export function rankUnits(units: Kpi[], size: number): Kpi[] {
  return units
    .filter((u) => u.onTime + u.overdue > 0)
    .sort((a, b) => (onTimeShare(b) ?? 0) - (onTimeShare(a) ?? 0) || b.resolved - a.resolved || (a.label ?? a.key).localeCompare(b.label ?? b.key, 'vi'))
    .slice(0, Math.max(0, size));
}

/** Today in Vietnam, `YYYY-MM-DD`. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
