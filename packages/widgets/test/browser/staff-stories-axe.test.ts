import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaffStories, type StaffStoryHarness } from './support/staff-story-harness.js';

// Every story of the staff components (console shell and IOC inbox: sign-in,
// password change, live states, loading, empty, errors, list, selection,
// details, every dialog), rendered in Chromium from the story modules and
// checked with axe-core at 1280 px and at 375 px: no serious or critical
// violation, and at 375 px the page never grows wider than the phone.

let stories: StaffStoryHarness;

beforeAll(async () => {
  stories = await openStaffStories(['staff-console/staff-console.stories.ts', 'ioc-inbox/ioc-inbox.stories.ts'], 'paht-staff-console, paht-ioc-inbox');
}, 60_000);

afterAll(async () => {
  await stories?.close();
});

describe('every staff story in Chromium', () => {
  for (const width of [1280, 375]) {
    it(`renders each state with no serious or critical axe-core violation at ${width} px${width === 375 ? ', never wider than the phone' : ''}`, async () => {
      expect(await stories.checkEveryStory(width, 40)).toEqual({});
    });
  }

  it('opens the dialog stories as modal dialogs with their title', async () => {
    await stories.page.setViewportSize({ width: 1280, height: 900 });
    await stories.renderStory('Staff/IOC inbox|BulkAssignDialog');
    const dialog = stories.page.locator('paht-ioc-inbox').locator('dialog[open]');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.locator('h2').textContent()).toContain('Chuyển 2 phản ánh');
    expect(await dialog.textContent()).toContain('1 phản ánh đã chọn không ở bước này');
  });
});
