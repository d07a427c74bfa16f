import { describe, expect, it } from 'vitest';
import type { InboxReport } from '@paht/client-sdk';
import { apiFilter, DEFAULT_FILTERS, inboxOrder, peopleAffected, triageable, urgencyOf } from '@paht/widgets';

const NOW = Date.parse('2026-03-02T03:00:00Z');

const report = (id: string, extra: Partial<InboxReport> = {}): InboxReport =>
  ({
    id,
    trackingCode: id,
    status: 'SUBMITTED',
    channel: 'WEB',
    submittedAt: '2026-03-02T02:00:00Z',
    dueAt: null,
    sla: null,
    ...extra,
  }) as InboxReport;
const sla = (state: 'ON_TRACK' | 'WARNING' | 'BREACHED', dueAt: string | null) => ({ outcome: 'IN_PROGRESS', breached: state === 'BREACHED', stage: 'CLASSIFY', state, dueAt }) as InboxReport['sla'];

describe('the IOC inbox order', () => {
  it('puts overdue first, then due soon, then the earliest deadline, reports without one last, ties oldest first', () => {
    const reports = [
      report('none-new', { submittedAt: '2026-03-02T05:00:00Z' }),
      report('late-due', { sla: sla('ON_TRACK', '2026-03-05T02:00:00Z') }),
      report('warning', { sla: sla('WARNING', '2026-03-06T02:00:00Z') }),
      report('none-old', { submittedAt: '2026-03-01T05:00:00Z' }),
      report('breached', { sla: sla('BREACHED', '2026-03-07T02:00:00Z') }),
      report('early-due', { sla: sla('ON_TRACK', '2026-03-03T02:00:00Z') }),
      report('own-due', { dueAt: '2026-03-04T02:00:00Z' }),
    ];
    expect(inboxOrder(reports, DEFAULT_FILTERS, NOW).map((r) => r.id)).toEqual(['breached', 'warning', 'early-due', 'own-due', 'late-due', 'none-old', 'none-new']);
  });

  it('counts a deadline passed since the last step as overdue, and puts it first', () => {
    const passed = report('passed', { sla: sla('ON_TRACK', '2026-03-02T02:30:00Z') });
    const later = report('later', { sla: sla('WARNING', '2026-03-02T04:00:00Z') });
    expect(urgencyOf(passed, NOW)).toBe('BREACHED');
    expect(urgencyOf(passed, Date.parse('2026-03-02T02:00:00Z'))).toBe('ON_TRACK');
    expect(inboxOrder([later, passed], DEFAULT_FILTERS, NOW).map((r) => r.id)).toEqual(['passed', 'later']);
  });

  it('raises reports more people are affected by within the same urgency, never above a more urgent one', () => {
    const reports = [
      report('soon-alone', { sla: sla('ON_TRACK', '2026-03-03T02:00:00Z') }),
      report('later-three', { supporterCount: 2, sla: sla('ON_TRACK', '2026-03-05T02:00:00Z') }),
      report('later-two', { supporterCount: 1, sla: sla('ON_TRACK', '2026-03-04T02:00:00Z') }),
      report('warning-alone', { sla: sla('WARNING', '2026-03-06T02:00:00Z') }),
    ];
    expect(inboxOrder(reports, DEFAULT_FILTERS, NOW).map((r) => r.id)).toEqual(['warning-alone', 'later-three', 'later-two', 'soon-alone']);
    expect(peopleAffected(reports[1]!)).toBe(3);
  });

  it('keeps only the chosen channel in fixed data (the server filters lists it reads)', () => {
    const reports = [report('a', { channel: 'ZALO' }), report('b'), report('c', { channel: 'HOTLINE_1022' })];
    expect(inboxOrder(reports, { ...DEFAULT_FILTERS, channel: 'ZALO' }, NOW).map((r) => r.id)).toEqual(['a']);
  });
});

describe('the API filter', () => {
  it('asks for the IOC queue by default and leaves empty filters out', () => {
    expect(apiFilter(DEFAULT_FILTERS)).toEqual({ status: ['SUBMITTED', 'CLASSIFIED'] });
  });

  it('passes one status, channel, category, unit and the trimmed search', () => {
    expect(apiFilter({ status: 'ASSIGNED', categoryId: 'c1', unitId: 'u1', channel: 'ZALO', search: '  cay xanh ' })).toEqual({
      status: ['ASSIGNED'],
      channel: ['ZALO'],
      categoryId: 'c1',
      unitId: 'u1',
      search: 'cay xanh',
    });
  });
});

describe('triage steps', () => {
  it.each([
    ['classify', ['s']],
    ['assign', ['c']],
    ['reject', ['s', 'c']],
  ] as const)('%s applies to the reports at its step only', (action, ids) => {
    const reports = [report('s'), report('c', { status: 'CLASSIFIED' }), report('a', { status: 'ASSIGNED' })];
    expect(triageable(reports, action).map((r) => r.id)).toEqual(ids);
  });
});
