/** How often an indicator is submitted. */
export const Periodicity = {
  MONTH: 'MONTH',
  QUARTER: 'QUARTER',
  YEAR: 'YEAR',
} as const;
export type Periodicity = (typeof Periodicity)[keyof typeof Periodicity];
export const PERIODICITIES = Object.values(Periodicity);

/** A reporting period: `2026-03` (month), `2026-Q1` (quarter) or `2026` (year). */
export interface Period {
  periodicity: Periodicity;
  year: number;
  /** Month 1–12, quarter 1–4; 1 for a year. */
  index: number;
}

const PATTERNS: ReadonlyArray<[Periodicity, RegExp]> = [
  [Periodicity.MONTH, /^(\d{4})-(0[1-9]|1[0-2])$/],
  [Periodicity.QUARTER, /^(\d{4})-Q([1-4])$/],
  [Periodicity.YEAR, /^(\d{4})$/],
];

/** Reads a period key, or null when it is none of the three forms. */
export function parsePeriod(key: string): Period | null {
  for (const [periodicity, pattern] of PATTERNS) {
    const m = pattern.exec(key);
    if (m) return { periodicity, year: Number(m[1]), index: m[2] ? Number(m[2]) : 1 };
  }
  return null;
}

export function formatPeriod(p: Period): string {
  switch (p.periodicity) {
    case Periodicity.MONTH:
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case Periodicity.QUARTER:
      return `${p.year}-Q${p.index}`;
    case Periodicity.YEAR:
      return String(p.year);
  }
}

const RANK: Readonly<Record<Periodicity, number>> = { MONTH: 0, QUARTER: 1, YEAR: 2 };

/** Whether values of `fine` periodicity can be aggregated into a period of `coarse` periodicity. */
export const coversPeriodicity = (coarse: Periodicity, fine: Periodicity): boolean => RANK[coarse] >= RANK[fine];

/** The periods of `fine` periodicity inside `period` (itself when the same), in time order. */
export function subPeriods(period: Period, fine: Periodicity): string[] {
  if (period.periodicity === fine) return [formatPeriod(period)];
  const months =
    period.periodicity === Periodicity.YEAR
      ? Array.from({ length: 12 }, (_, i) => i + 1)
      : period.periodicity === Periodicity.QUARTER
        ? [1, 2, 3].map((m) => (period.index - 1) * 3 + m)
        : [period.index];
  if (fine === Periodicity.MONTH) return months.map((m) => formatPeriod({ periodicity: fine, year: period.year, index: m }));
  // QUARTER inside a YEAR
  return [1, 2, 3, 4].map((q) => formatPeriod({ periodicity: fine, year: period.year, index: q }));
}

/** The same period one year earlier (growth against the same period last year). */
export const samePeriodLastYear = (p: Period): Period => ({ ...p, year: p.year - 1 });
