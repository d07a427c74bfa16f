import { describe, expect, it } from 'vitest';
import { ReportStatus } from '@paht/client-sdk';
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
