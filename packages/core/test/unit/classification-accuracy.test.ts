import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildWorkingCalendar } from '../../src/calendar/build-calendar.js';
import { VIETNAM_OFFICE_HOURS } from '../../src/calendar/working-calendar.js';
import { trainClassificationModel, type ClassifiedExample } from '../../src/classification/classification-model.js';
import { reportText } from '../../src/classification/report-text-index.js';
import { foldVietnamese } from '../../src/reports/search-text.js';
import { DEMO_TENANTS } from '../../src/seed/demo-tenants.js';
import { generateHistory } from '../../src/seed/generate-history.js';

// The suggested category and unit, measured on the demo history (the same
// generator the demo seed writes): each tenant's classified reports, the
// first 80 % by submission time to learn from, the last 20 % held out. The
// model must beat, by a clear margin, the baseline that always guesses the
// commonest categories (and units) of the training part.

const VN = 'Asia/Ho_Chi_Minh';
const cal = buildWorkingCalendar({ timezone: VN, weeklyHours: VIETNAM_OFFICE_HOURS, years: { from: 2020, to: 2025 } });

interface Score { top1: number; top3: number; base1: number; base3: number }

function commonest(values: readonly string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([v]) => v);
}

function score(train: ClassifiedExample[], test: ClassifiedExample[], pick: (e: { categoryId: string; unitId: string | null }) => string, fold = false): Score {
  const model = trainClassificationModel(train);
  const [b1 = '', ...rest] = commonest(train.map(pick), 3);
  let top1 = 0, top3 = 0, base1 = 0, base3 = 0;
  for (const e of test) {
    const guesses = [...new Set(model.suggest(fold ? foldVietnamese(e.text) : e.text).map(pick))];
    if (guesses[0] === pick(e)) top1 += 1;
    if (guesses.slice(0, 3).includes(pick(e))) top3 += 1;
    if (b1 === pick(e)) base1 += 1;
    if ([b1, ...rest].includes(pick(e))) base3 += 1;
  }
  const share = (n: number) => Math.round((n / test.length) * 1000) / 1000;
  return { top1: share(top1), top3: share(top3), base1: share(base1), base3: share(base3) };
}

describe('suggested category and unit on held-out demo history', () => {
  for (const tenant of DEMO_TENANTS) {
    it(`beats the majority baseline for ${tenant.slug}, with and without diacritics`, () => {
      const now = DateTime.fromISO(`${tenant.history.to}T18:00`, { zone: VN }).toJSDate();
      const history = generateHistory(tenant, { seed: 2021, calendar: cal, now })
        .filter((r) => r.unitCode !== null && r.events.some((e) => e.type === 'CLASSIFY'))
        .map((r, i): ClassifiedExample => ({ id: String(i), text: reportText(r), categoryId: r.categoryCode, unitId: r.unitCode }));
      const cut = Math.floor(history.length * 0.8);
      const train = history.slice(0, cut);
      const test = history.slice(cut);
      expect(test.length).toBeGreaterThanOrEqual(20);
      const category = score(train, test, (e) => e.categoryId);
      const unit = score(train, test, (e) => e.unitId ?? '');
      const pair = score(train, test, (e) => `${e.categoryId}|${e.unitId ?? ''}`);
      const folded = score(train, test, (e) => e.categoryId, true);
      console.log(`${tenant.slug}: ${train.length} learned, ${test.length} held out`, { category, unit, pair, categoryWithoutDiacritics: folded });
      for (const s of [category, unit]) {
        expect(s.top1).toBeGreaterThanOrEqual(Math.min(0.95, s.base1 + 0.25));
        expect(s.top3).toBeGreaterThanOrEqual(Math.min(0.98, s.base3 + 0.15));
      }
      // Text typed without diacritics is classified as well as with them.
      expect(folded.top1).toBeGreaterThanOrEqual(category.top1 - 0.02);
    });
  }
});
