import { DateTime } from 'luxon';
import type { Channel } from '../reports/submit-input.js';

/**
 * How KPI rows are grouped: one row for the tenant, or per unit, category,
 * area, channel, period, or tenant the reports were submitted to
 * (FORMER_TENANT: after a merge, the tenant's own and each former tenant's).
 */
export const KpiGroupBy = {
  TENANT: 'TENANT',
  FORMER_TENANT: 'FORMER_TENANT',
  UNIT: 'UNIT',
  CATEGORY: 'CATEGORY',
  AREA: 'AREA',
  CHANNEL: 'CHANNEL',
  DAY: 'DAY',
  WEEK: 'WEEK',
  MONTH: 'MONTH',
  QUARTER: 'QUARTER',
  YEAR: 'YEAR',
} as const;
export type KpiGroupBy = (typeof KpiGroupBy)[keyof typeof KpiGroupBy];
export const KPI_GROUP_BYS = Object.values(KpiGroupBy) as readonly KpiGroupBy[];

/** The Luxon format of each period's key, in the tenant's time zone. */
const PERIOD_FORMAT: Partial<Record<KpiGroupBy, string>> = {
  DAY: 'yyyy-MM-dd',
  WEEK: "kkkk-'W'WW",
  MONTH: 'yyyy-MM',
  QUARTER: "yyyy-'Q'q",
  YEAR: 'yyyy',
};

/**
 * The key of a period containing `at`, in `timezone`: `2023-09-28` (DAY),
 * `2023-W39` (ISO week, Monday first), `2023-09` (MONTH), `2023-Q3`, `2023`.
 */
export function periodKey(groupBy: KpiGroupBy, at: Date, timezone: string): string {
  const format = PERIOD_FORMAT[groupBy];
  if (format === undefined) throw new RangeError(`${groupBy} is not a period`);
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat(format);
}

/** Channel names for CHANNEL rows, Vietnamese then English. */
export const CHANNEL_LABELS: Readonly<Record<Channel, readonly [vi: string, en: string]>> = {
  APP: ['Ứng dụng di động', 'Mobile app'],
  WEB: ['Cổng thông tin', 'Web portal'],
  FANPAGE: ['Fanpage Facebook', 'Facebook page'],
  ZALO: ['Zalo', 'Zalo'],
  EMAIL: ['Thư điện tử', 'E-mail'],
  HOTLINE_1022: ['Đường dây nóng 1022', 'Hotline 1022'],
  AI_CALL_CENTRE: ['Tổng đài AI', 'AI call centre'],
  OPEN311: ['Open311', 'Open311'],
};
