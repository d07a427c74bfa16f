import { describe, expect, it } from 'vitest';
import { histogramPlan } from '../../src/kpi/kpi-percentiles.js';
import { periodInstants } from '../../src/kpi/kpi-period.js';
import type { KpiGroupBy } from '../../src/kpi/kpi-groups.js';

/**
 * How a KPI read counts handling times (migration 0025): whole months from
 * the monthly histogram, a month held in part either day by day or whole
 * without the days it does not hold, whichever reads fewer days that can hold
 * reports (none after today). Every choice gives the same figures (the
 * integration tests compare them with the recomputation); this pins the
 * choices the pages rely on to read little.
 */

const ZONE = 'Asia/Ho_Chi_Minh';
const NOW = new Date('2026-11-28T03:00:00Z');

function plan(from: string, to: string, groupBy: KpiGroupBy = 'TENANT', now = NOW) {
  const q = { from, to, ...periodInstants({ from, to }, ZONE), groupBy, includePrivate: false };
  const { months, days } = histogramPlan(q, ZONE, now);
  return { months, days: days.map((d) => `${d.sign > 0 ? '+' : '-'}${d.from}..${d.to}`), spans: days };
}

describe('histogramPlan', () => {
  it('reads the year to date as whole months, the rest of this month taken away (no reports there yet)', () => {
    expect(plan('2026-01-01', '2026-11-28')).toMatchObject({ months: { first: '2026-01-01', last: '2026-11-01' }, days: ['-2026-11-29..2026-11-30'] });
  });

  it('reads the 30 days of the leader overview as one month and a few days, not 30 days', () => {
    expect(plan('2026-10-30', '2026-11-28', 'UNIT')).toMatchObject({ months: { first: '2026-11-01', last: '2026-11-01' }, days: ['+2026-10-30..2026-10-31', '-2026-11-29..2026-11-30'] });
    expect(plan('2026-09-30', '2026-10-29', 'CATEGORY')).toMatchObject({ months: { first: '2026-10-01', last: '2026-10-01' }, days: ['+2026-09-30..2026-09-30', '-2026-10-30..2026-10-31'] });
  });

  it('reads part of one month as its days, or as the month without the days around it, whichever is fewer', () => {
    expect(plan('2026-02-03', '2026-02-21')).toMatchObject({ months: { first: '2026-02-01', last: '2026-02-01' }, days: ['-2026-02-01..2026-02-02', '-2026-02-22..2026-02-28'] });
    expect(plan('2026-03-09', '2026-03-22')).toMatchObject({ months: null, days: ['+2026-03-09..2026-03-22'] });
    // Days after today hold no reports yet: they cost nothing to take away (11 days in, 4 + 5 out; 4 + 15 if they counted).
    const the20th = new Date('2026-11-20T03:00:00Z');
    expect(plan('2026-11-05', '2026-11-15', 'TENANT', the20th)).toMatchObject({ months: { first: '2026-11-01', last: '2026-11-01' }, days: ['-2026-11-01..2026-11-04', '-2026-11-16..2026-11-30'] });
    expect(plan('2026-11-05', '2026-11-15', 'TENANT', new Date('2026-12-20T03:00:00Z'))).toMatchObject({ months: null, days: ['+2026-11-05..2026-11-15'] });
  });

  it('reads whole months alone, and days and weeks day by day', () => {
    expect(plan('2026-01-01', '2026-06-30', 'MONTH')).toMatchObject({ months: { first: '2026-01-01', last: '2026-06-01' }, days: [] });
    expect(plan('2026-01-01', '2026-06-30', 'WEEK')).toMatchObject({ months: null, days: ['+2026-01-01..2026-06-30'] });
    expect(plan('2026-10-30', '2026-11-28', 'DAY')).toMatchObject({ months: null, days: ['+2026-10-30..2026-11-28'] });
  });

  it('gives each span the instants of its local days, the period’s own at its ends', () => {
    const { spans } = plan('2026-10-30', '2026-11-28');
    const { start } = periodInstants({ from: '2026-10-30', to: '2026-11-28' }, ZONE);
    expect(spans[0]).toMatchObject({ start, end: new Date('2026-10-31T17:00:00Z') });
    expect(spans[1]).toMatchObject({ start: new Date('2026-11-28T17:00:00Z'), end: new Date('2026-11-30T17:00:00Z') });
  });

  it('never sends a day after the last supported one (9999-12-31)', () => {
    const late = new Date('9999-12-31T00:00:00Z');
    expect(plan('9999-12-05', '9999-12-30', 'TENANT', late)).toMatchObject({ months: null, days: ['+9999-12-05..9999-12-30'] });
    const { months, spans } = plan('9999-10-20', '9999-12-30', 'UNIT', late);
    expect(months).toEqual({ first: '9999-11-01', last: '9999-11-01' });
    expect(spans.map((d) => `${d.sign}${d.from}..${d.to}`)).toEqual(['1' + '9999-10-20..9999-10-31', '1' + '9999-12-01..9999-12-30']);
    expect(Math.max(...spans.map((d) => d.end.getTime()))).toBeLessThan(new Date('9999-12-31T23:59:59Z').getTime());
  });
});
