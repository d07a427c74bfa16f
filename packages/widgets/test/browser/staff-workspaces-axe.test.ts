import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/browser.js';
import { openStaffStories, type StaffStoryHarness } from './support/staff-story-harness.js';

// Every story of the staff workspaces (leader overview: loading, empty,
// errors, by unit and by category, English, phone; admin console: every
// section with data and empty, loading, errors, every dialog, the API key
// shown once; unit queue: list, officer's and leader's steps, each dialog;
// unit indicator forms: list, a new and a submitted period, the history,
// refusals at their fields, phone; the draft saving, saved, restored, not
// saved, saved by someone else),
// rendered in Chromium from the story modules and checked with
// axe-core at 1280 px and at 375 px: no serious or critical violation, and
// at 375 px the page never grows wider than the phone.

let stories: StaffStoryHarness;

beforeAll(async () => {
  stories = await openStaffStories(['leader-overview/leader-overview.stories.ts', 'admin-console/admin-console.stories.ts', 'unit-queue/unit-queue.stories.ts', 'indicator-forms/unit-forms.stories.ts'], 'paht-leader-overview, paht-admin-console, paht-unit-queue, paht-unit-forms');
}, 60_000);

afterAll(async () => {
  await stories?.close();
});

describe('every staff workspace story in Chromium', () => {
  for (const width of [1280, 375]) {
    it(`renders each state with no serious or critical axe-core violation at ${width} px${width === 375 ? ', never wider than the phone' : ''}`, async () => {
      expect(await stories.checkEveryStory(width, 40)).toEqual({});
    });
  }

  it('opens the dialog stories as modal dialogs with their title, the new API key in it', async () => {
    await stories.page.setViewportSize({ width: 1280, height: 900 });
    await stories.renderStory('Staff/Admin console|ApiKeyShownOnce');
    const dialog = stories.page.locator('paht-admin-console').locator('dialog[open]');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.locator('h2').textContent()).toContain('Tạo khóa API');
    expect(await dialog.locator('#d-new-key').inputValue()).toMatch(/^pk_live_/);
    expect(await dialog.textContent()).toContain('lần duy nhất');
  });

  it('shows the trends in words, not by colour or arrow alone', async () => {
    await stories.page.setViewportSize({ width: 1280, height: 900 });
    const text = await stories.renderStory('Staff/Leader overview|ByUnit');
    expect(text).toContain('so với kỳ trước');
    expect(text).toContain('Đang quá hạn');
    expect(await stories.page.locator('paht-leader-overview').locator('[data-kpi=overdue-now] .figure').textContent()).toBe('23');
  });

  it('shows a correction refused at its fields and a value\'s revisions, with no serious violation on a phone', async () => {
    await stories.page.setViewportSize({ width: 375, height: 800 });
    await stories.renderStory('Staff/Unit indicator forms|CorrectionRefused');
    const forms = stories.page.locator('paht-unit-forms');
    await expect.poll(() => forms.locator('#f-reason-error').count()).toBe(1);
    expect(await forms.locator('#v-HS_DUNG_HAN-error').textContent()).toBe('Giá trị nhỏ hơn mức tối thiểu 0 / is below the minimum 0');
    expect(await forms.locator('#f-reason').getAttribute('aria-describedby')).toBe('f-reason-hint f-reason-error');
    expect(await forms.locator('form.values [role="alert"]').textContent()).toContain('2 mục chưa hợp lệ');
    await forms.locator('.item[data-code="HS_DUNG_HAN"] summary').click();
    expect(await forms.locator('.item[data-code="HS_DUNG_HAN"] tbody tr').allTextContents()).toHaveLength(2);
    expect(await forms.locator('.item[data-code="HS_DUNG_HAN"] tbody tr').first().textContent()).toContain('Bổ sung 14 hồ sơ sau rà soát');
    expect(await seriousViolations(stories.page)).toEqual([]);
    expect(await stories.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('shows a restored draft in the fields, its status in a live region, with a way to discard it', async () => {
    await stories.page.setViewportSize({ width: 1280, height: 900 });
    await stories.renderStory('Staff/Unit indicator forms|DraftRestored');
    const forms = stories.page.locator('paht-unit-forms');
    await expect.poll(() => forms.locator('form.values').count()).toBe(1);
    const status = forms.locator('.draft-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toMatch(/^Đã khôi phục bản nháp lưu lúc .+27.+11.+2026/);
    expect(await forms.locator('#v-HS_TIEP_NHAN').inputValue()).toBe('640');
    expect(await forms.locator('#v-HS_DUNG_HAN').inputValue()).toBe('-3');
    expect(await forms.getByRole('button', { name: 'Bỏ bản nháp' }).count()).toBe(1);
    await stories.renderStory('Staff/Unit indicator forms|DraftSavedEnglish');
    await expect.poll(() => status.textContent()).toMatch(/^Draft saved at .+\. It is not submitted and counts in no figure\.$/);
    expect(await seriousViolations(stories.page)).toEqual([]);
  });
});
