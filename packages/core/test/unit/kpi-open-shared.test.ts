import { describe, expect, it } from 'vitest';
import { openMatchesSums, zeroSums, type Sums } from '../../src/kpi/kpi-rollups.js';

// Issue 13: a page's reads of one period share one count of its open reports
// (`openSharedSql`), read in another transaction than each read's sums. A read
// keeps that count only if it is the one its sums imply (received minus the
// rejected and answered reports, per group); otherwise (a report changed in
// between) it counts its own. This is the check.

const sums = (received: number, closed: Partial<Sums> = {}): Sums => ({ ...zeroSums(), received, ...closed });

describe('open reports counted apart from the sums', () => {
  const read = new Map([
    ['unit-a', sums(10, { rejected: 1, resolved_on_time: 3, resolved_late: 2, not_fixed: 1 })], // 3 open
    ['unit-b', sums(4, { resolved_on_time: 4 })], // none open
  ]);

  it('are kept when every group has the open reports its sums leave', () => {
    expect(openMatchesSums(read, new Map([['unit-a', { within: 2, overdue: 1 }]]))).toBe(true);
    expect(openMatchesSums(read, new Map([['unit-a', { within: 0, overdue: 3 }], ['unit-b', { within: 0, overdue: 0 }]]))).toBe(true);
  });

  it('are refused when a report changed between the two reads', () => {
    // One more open report (reopened), one fewer (answered), one in a group the sums do not know (moved there).
    expect(openMatchesSums(read, new Map([['unit-a', { within: 3, overdue: 1 }]]))).toBe(false);
    expect(openMatchesSums(read, new Map([['unit-a', { within: 1, overdue: 1 }]]))).toBe(false);
    expect(openMatchesSums(read, new Map([['unit-a', { within: 2, overdue: 1 }], ['unit-c', { within: 1, overdue: 0 }]]))).toBe(false);
    // The same split but the sums say none is open any more.
    expect(openMatchesSums(new Map([['unit-a', sums(3, { resolved_late: 3 })]]), new Map([['unit-a', { within: 2, overdue: 1 }]]))).toBe(false);
  });
});
