import { describe, expect, it } from 'vitest';
import { ReportStatus, type ExpectedError } from '@paht/client-sdk';
import { PahtReportTracker, TRACKER_LANGS, formatInstant, trackerMessages } from '../../src/index.js';

describe('<paht-report-tracker> module', () => {
  it('imports the component class without registering the tag', () => {
    expect(typeof PahtReportTracker).toBe('function');
    expect(globalThis.customElements?.get('paht-report-tracker')).toBeUndefined();
  });

  it('registers the tag once when the registering module is imported', async () => {
    // Lit's Node build brings a minimal customElements registry.
    await import('../../src/report-tracker/report-tracker.js');
    await import('../../src/report-tracker/report-tracker.js');
    expect(customElements.get('paht-report-tracker')).toBe(PahtReportTracker);
  });

  it('has a status label for every status in both languages', () => {
    for (const lang of TRACKER_LANGS) {
      const labels = trackerMessages(lang).statuses;
      expect(Object.keys(labels).sort()).toEqual(Object.values(ReportStatus).sort());
    }
    expect(trackerMessages('vi').statuses.WAITING_FOR_CITIZEN).toBe('Chờ người dân bổ sung thông tin');
    expect(trackerMessages('en').statuses.CLOSED).toBe('Closed');
    expect(trackerMessages('fr')).toBe(trackerMessages('vi'));
  });

  it("shows instants in Vietnam's time", () => {
    expect(formatInstant('2026-03-02T02:00:00.000Z', trackerMessages('en'))).toBe('2 Mar 2026, 09:00');
  });
});

describe('what a citizen reads of deadlines, refusals and figures', () => {
  it('judges timeliness against the answer deadline only, never an internal stage', async () => {
    const { timelinessOf } = await import('../../src/report-tracker/report-tracker.parts.js');
    const { reportAt } = await import('../../src/shared/story-fixtures.js');
    const now = Date.parse('2026-03-03T00:00:00Z');
    // Just filed: the classification stage is running late, but no answer is due yet.
    const filed = reportAt('SUBMITTED', { answerDueAt: null, sla: { outcome: 'IN_PROGRESS', breached: true, stage: 'CLASSIFY', state: 'BREACHED', dueAt: '2026-03-02T03:00:00Z' } });
    expect(timelinessOf(filed, now)).toBe('NONE');
    // Assigned: acceptance is late (a staff matter); the answer is not.
    const assigned = reportAt('ASSIGNED', { answerDueAt: '2026-03-09T02:00:00Z', sla: { outcome: 'IN_PROGRESS', breached: true, stage: 'ACCEPT', state: 'BREACHED', dueAt: '2026-03-02T10:00:00Z' } });
    expect(timelinessOf(assigned, now)).toBe('ON_TRACK');
    expect(timelinessOf({ ...assigned, answerDueAt: '2026-03-02T10:00:00Z' }, now)).toBe('BREACHED');
  });

  it('shows a validation refusal in the server’s words of the widget’s language, others in the widget’s', async () => {
    const { refusalText } = await import('../../src/report-tracker/citizen-actions.js');
    const validation: ExpectedError = { __typename: 'ValidationError', code: 'VALIDATION', message: 'vi / en', messageVi: 'Quá dài.', messageEn: 'Too long.', fields: [] };
    expect(refusalText(validation, 'vi', trackerMessages('vi'))).toBe('Quá dài.');
    expect(refusalText(validation, 'en', trackerMessages('en'))).toBe('Too long.');
    const moved: ExpectedError = { __typename: 'IllegalTransitionError', code: 'ILLEGAL_TRANSITION', message: 'Cannot PROVIDE_INFO a report that is IN_PROGRESS', fromStatus: 'IN_PROGRESS' };
    expect(refusalText(moved, 'en', trackerMessages('en'))).toBe(trackerMessages('en').actionMovedOn);
  });

  it('names a figure row in English when it has an English name, else in Vietnamese', async () => {
    const { kpiName } = await import('../../src/public-stats/stats-math.js');
    const area = { label: 'Phường Đông Hà', labelEn: 'Đông Hà Ward', area: { code: '19333', name: 'Phường Đông Hà', nameEn: 'Đông Hà Ward' } };
    expect(kpiName(area, 'en')).toBe('Đông Hà Ward');
    expect(kpiName(area, 'vi')).toBe('Phường Đông Hà');
    expect(kpiName({ label: 'Công an tỉnh', labelEn: null, area: null }, 'en')).toBe('Công an tỉnh');
    expect(kpiName({ label: null, labelEn: null, area: null }, 'en')).toBeNull();
  });
});

describe('the working days left of the answer date', () => {
  it('are worded in both languages, late or left, and say nothing of an answer given in time', async () => {
    const { answerDueWords } = await import('../../src/shared/answer-due.js');
    const at = '2026-03-09T02:00:00Z';
    expect(answerDueWords({ at, workingDaysLeft: 3, overdueWorkingDays: null }, false, 'vi')).toBe('còn 3 ngày làm việc');
    expect(answerDueWords({ at, workingDaysLeft: 1, overdueWorkingDays: null }, false, 'en')).toBe('1 working day left');
    expect(answerDueWords({ at, workingDaysLeft: null, overdueWorkingDays: 2 }, false, 'vi')).toBe('đã quá hạn 2 ngày làm việc');
    expect(answerDueWords({ at, workingDaysLeft: null, overdueWorkingDays: 2 }, false, 'en')).toBe('2 working days overdue');
    expect(answerDueWords({ at, workingDaysLeft: null, overdueWorkingDays: 1 }, true, 'en')).toBe('answered 1 working day late');
    expect(answerDueWords({ at, workingDaysLeft: null, overdueWorkingDays: null }, true, 'vi')).toBeNull();
    expect(answerDueWords(null, false, 'vi')).toBeNull();
  });
});
