import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { esbuild } from '../../scripts/bundle.mjs';
import { launchChromium, portalPage, seriousViolations } from './support/browser.js';
import { startStaticServer } from './support/static-server.js';

// Every story of the staff workspaces (leader overview: loading, empty,
// errors, by unit and by category, English, phone; admin console: every
// section with data and empty, loading, errors, every dialog, the API key
// shown once; unit queue: list, officer's and leader's steps, each dialog),
// rendered in Chromium from the story modules and checked with
// axe-core at 1280 px and at 375 px: no serious or critical violation, and
// at 375 px the page never grows wider than the phone.

const STORY_MODULES = ['leader-overview/leader-overview.stories.ts', 'admin-console/admin-console.stories.ts', 'unit-queue/unit-queue.stories.ts'];
const TAGS = 'paht-leader-overview, paht-admin-console, paht-unit-queue';
const src = fileURLToPath(new URL('../../src/', import.meta.url));

let browser: Browser;
let page: Page;
let site: Awaited<ReturnType<typeof startStaticServer>>;

beforeAll(async () => {
  const build = esbuild as { build(options: Record<string, unknown>): Promise<{ outputFiles: Array<{ text: string }> }> };
  const entry = [
    "import { render } from 'lit';",
    ...STORY_MODULES.map((m, i) => `import * as s${i} from './${m}';`),
    `window.__stories = [${STORY_MODULES.map((_, i) => `s${i}`).join(', ')}];`,
    'window.__render = render;',
  ].join('\n');
  const result = await build.build({
    stdin: { contents: entry, resolveDir: src, loader: 'ts', sourcefile: 'workspace-stories-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@paht/source'],
    write: false,
    logLevel: 'silent',
  });
  site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: result.outputFiles[0]!.text },
    '/': { type: 'text/html', body: portalPage('Staff workspace stories', '<div id="root"></div>') },
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${site.url}/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Renders one story (`title|export`) into #root; returns the component's text (open dialogs included). */
function renderStory(name: string): Promise<string> {
  return page.evaluate(
    async ([id, tags]) => {
      type Story = { args?: Record<string, unknown>; render?: (a: Record<string, unknown>) => unknown };
      const w = window as unknown as {
        __stories: Array<Record<string, Story> & { default: Story & { title: string } }>;
        __render(t: unknown, el: Element): void;
      };
      const [title, key] = id.split('|') as [string, string];
      const module = w.__stories.find((m) => m.default.title === title)!;
      const story = module[key]!;
      const root = document.createElement('div');
      document.getElementById('root')!.replaceChildren(root);
      w.__render((story.render ?? module.default.render)!({ ...module.default.args, ...story.args }), root);
      const element = root.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(tags);
      await element?.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return element?.shadowRoot?.textContent ?? '';
    },
    [name, TAGS] as const,
  );
}

const storyNames = (): Promise<string[]> =>
  page.evaluate(() => {
    const modules = (window as unknown as { __stories: Array<Record<string, unknown> & { default: { title: string } }> }).__stories;
    return modules.flatMap((m) => Object.keys(m).filter((k) => k !== 'default').map((k) => `${m.default.title}|${k}`));
  });

describe('every staff workspace story in Chromium', () => {
  for (const width of [1280, 375]) {
    it(`renders each state with no serious or critical axe-core violation at ${width} px${width === 375 ? ', never wider than the phone' : ''}`, async () => {
      await page.setViewportSize({ width, height: 900 });
      const names = await storyNames();
      expect(names.length).toBeGreaterThanOrEqual(40);
      const failures: Record<string, unknown> = {};
      for (const name of names) {
        const text = await renderStory(name);
        expect(text.trim().length, `${name} renders`).toBeGreaterThan(20);
        const violations = await seriousViolations(page);
        if (violations.length) failures[name] = violations;
        if (width === 375) {
          const scroll = await page.evaluate(() => document.scrollingElement!.scrollWidth);
          if (scroll > 375) failures[`${name} width`] = scroll;
        }
      }
      expect(failures).toEqual({});
    });
  }

  it('opens the dialog stories as modal dialogs with their title, the new API key in it', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await renderStory('Staff/Admin console|ApiKeyShownOnce');
    const dialog = page.locator('paht-admin-console').locator('dialog[open]');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.locator('h2').textContent()).toContain('Tạo khóa API');
    expect(await dialog.locator('#d-new-key').inputValue()).toMatch(/^pk_live_/);
    expect(await dialog.textContent()).toContain('lần duy nhất');
  });

  it('shows the trends in words, not by colour or arrow alone', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const text = await renderStory('Staff/Leader overview|ByUnit');
    expect(text).toContain('so với kỳ trước');
    expect(text).toContain('Đang quá hạn');
    expect(await page.locator('paht-leader-overview').locator('[data-kpi=overdue-now] .figure').textContent()).toBe('23');
  });
});
