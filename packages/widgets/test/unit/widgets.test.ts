import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, PUBLIC_STATS_MESSAGES, PahtPublicStats, PahtReportForm, REPORT_FORM_MESSAGES, TRACKER_MESSAGES, groupForReading, isVietnamesePhone, rankUnits, withOverrides, type Kpi } from '@paht/widgets';
import { LEAFLET_STYLES_PATH, leafletStylesModule } from '../../scripts/leaflet-css.mjs';

const kpi = (key: string, onTime: number, overdue: number, label = key): Kpi => ({
  key, label, labelEn: null, area: null, received: onTime + overdue, resolved: onTime + overdue, onTime, overdue, inProgress: 0, rejected: 0,
  avgResolutionHours: null, ratings: 0, avgRating: null, satisfiedShare: null,
});

describe('widgets without a browser', () => {
  it('registers nothing when the classes are imported', () => {
    expect(typeof PahtReportForm).toBe('function');
    expect(typeof PahtPublicStats).toBe('function');
    expect(globalThis.customElements?.get('paht-report-form')).toBeUndefined();
    expect(globalThis.customElements?.get('paht-public-stats')).toBeUndefined();
  });

  it.each([
    ['0912 345 678', true],
    ['0912.345.678', true],
    ['+84 912 345 678', true],
    ['84912345678', true],
    ['0236 3821 234', true],
    ['0312345678', true],
    ['091234567', false],
    ['0112345678', false],
    ['12345', false],
    ['', false],
    ['+1 415 555 0100', false],
  ])('checks %j as a Vietnamese phone number: %s', (phone, valid) => {
    expect(isVietnamesePhone(phone)).toBe(valid);
  });

  it('groups a secret in fours for reading out, spaces and dashes being separators only', () => {
    expect(groupForReading('7KQ2-M9XD-4HB1-0WRE')).toEqual(['7KQ2', 'M9XD', '4HB1', '0WRE']);
    expect(groupForReading(' 7KQ2M9 XD4HB10WRE')).toEqual(['7KQ2', 'M9XD', '4HB1', '0WRE']);
  });

  it('lays the embedder’s wording over the built-in table, for all languages or per language', () => {
    const vi = REPORT_FORM_MESSAGES.vi;
    expect(withOverrides(vi, 'vi', { submit: 'Gửi ngay' }).submit).toBe('Gửi ngay');
    expect(withOverrides(vi, 'vi', { en: { submit: 'Send now' } }).submit).toBe(vi.submit);
    const en = withOverrides(REPORT_FORM_MESSAGES.en, 'en', { en: { submit: 'Send now' }, vi: { submit: 'Gửi ngay' } });
    expect(en.submit).toBe('Send now');
    const statuses = withOverrides(TRACKER_MESSAGES.vi, 'vi', { statuses: { CLOSED: 'Hoàn tất' } }).statuses;
    expect(statuses.CLOSED).toBe('Hoàn tất');
    expect(statuses.SUBMITTED).toBe('Đã tiếp nhận');
    expect(withOverrides(vi, 'vi', { notAKey: 'x' })).not.toHaveProperty('notAKey');
    expect(withOverrides(vi, 'vi', 'garbage')).toBe(vi);
  });

  it('has every text in both languages, Vietnamese and English', () => {
    for (const table of [REPORT_FORM_MESSAGES, TRACKER_MESSAGES, PUBLIC_STATS_MESSAGES]) {
      expect(Object.keys(table)).toEqual([...LANGS]);
      expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.vi).sort());
      expect(table.vi).not.toEqual(table.en);
    }
  });

  it('ranks units by on-time share, then by resolved count, leaving out units that resolved nothing', () => {
    const ranked = rankUnits([kpi('a', 1, 1), kpi('b', 3, 0), kpi('c', 0, 0), kpi('d', 6, 0), kpi('e', 2, 2)], 3);
    expect(ranked.map((k) => k.key)).toEqual(['d', 'b', 'e']);
  });

  it('keeps the checked-in Leaflet stylesheet module in step with the installed Leaflet', () => {
    expect(readFileSync(LEAFLET_STYLES_PATH, 'utf8')).toBe(leafletStylesModule());
  });
});
