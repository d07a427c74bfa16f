import { describe, expect, it } from 'vitest';
import { periodOf, recentPeriods } from '../../src/indicator-forms/unit-forms-model.js';

// The periods the unit's indicator forms list: the one containing "now" in
// the tenant's time zone and those before it, written as the API does.

const HANOI = 'Asia/Ho_Chi_Minh';

describe('the recent periods of a form', () => {
  it('writes months, quarters and years as the API does', () => {
    expect([periodOf('MONTH', 2026, 3), periodOf('QUARTER', 2026, 3), periodOf('QUARTER', 2026, 4), periodOf('YEAR', 2026, 12)]).toEqual(['2026-03', '2026-Q1', '2026-Q2', '2026']);
  });

  it('counts back across the year', () => {
    const now = new Date('2026-02-10T03:00:00Z');
    expect(recentPeriods('MONTH', now, HANOI, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(recentPeriods('QUARTER', now, HANOI, 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(recentPeriods('YEAR', now, HANOI, 2)).toEqual(['2026', '2025']);
  });

  it('reads "now" in the tenant’s time zone, not in UTC', () => {
    // 18:00 UTC on 31 December is 01:00 on 1 January in Hà Nội.
    const now = new Date('2026-12-31T18:00:00Z');
    expect(recentPeriods('MONTH', now, HANOI, 2)).toEqual(['2027-01', '2026-12']);
    expect(recentPeriods('MONTH', now, 'UTC', 1)).toEqual(['2026-12']);
    expect(recentPeriods('QUARTER', now, HANOI, 1)).toEqual(['2027-Q1']);
  });
});
