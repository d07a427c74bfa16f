import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { esbuild } from '../../scripts/bundle.mjs';
import { launchChromium, portalPage, seriousViolations } from './support/browser.js';
import { startStaticServer } from './support/static-server.js';

// Every Storybook story (each widget state: loading, empty, errors,
// offline, each lifecycle status, long Vietnamese text, phone width),
// rendered in Chromium from the story modules themselves and checked with
// axe-core: no serious or critical violation in any state. Then every
// story again at 375 px inside a grid and a flex host (the statistics with
// their table open): the page never grows wider than the phone.

const STORY_MODULES = ['report-form/report-form.stories.ts', 'report-tracker/report-tracker.stories.ts', 'public-stats/public-stats.stories.ts'];
const src = fileURLToPath(new URL('../../src/', import.meta.url));

let browser: Browser;
let page: Page;
let site: Awaited<ReturnType<typeof startStaticServer>>;

beforeAll(async () => {
  // esbuild's own types are not a dependency here: the few options used.
  const build = esbuild as {
    build(options: Record<string, unknown>): Promise<{ outputFiles: Array<{ text: string }> }>;
  };
  const entry = [
    "import { render } from 'lit';",
    "import { inHost } from './shared/story-hosts.ts';",
    ...STORY_MODULES.map((m, i) => `import * as s${i} from './${m}';`),
    `window.__stories = [${STORY_MODULES.map((_, i) => `s${i}`).join(', ')}];`,
    'window.__render = render;',
    'window.__inHost = inHost;',
  ].join('\n');
  const result = await build.build({
    stdin: { contents: entry, resolveDir: src, loader: 'ts', sourcefile: 'stories-entry.ts' },
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
    '/': { type: 'text/html', body: portalPage('Stories', '<div id="root"></div>') },
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

/** Renders one story (`title|export`) into #root, inside a host layout; returns the widget's text. */
function renderStory(name: string, host: 'block' | 'grid' | 'flex'): Promise<string> {
  return page.evaluate(
    async ([id, layout]) => {
      type Story = { args?: Record<string, unknown>; render?: (a: Record<string, unknown>) => unknown };
      const w = window as unknown as {
        __stories: Array<Record<string, Story> & { default: Story & { title: string } }>;
        __render(t: unknown, el: Element): void;
        __inHost(host: string, story: unknown): unknown;
      };
      const [title, key] = id.split('|') as [string, string];
      const module = w.__stories.find((m) => m.default.title === title)!;
      const story = module[key]!;
      // A fresh container each time: lit keeps its render state on the container.
      const root = document.createElement('div');
      document.getElementById('root')!.replaceChildren(root);
      w.__render(w.__inHost(layout, (story.render ?? module.default.render)!({ ...module.default.args, ...story.args })), root);
      const element = root.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('paht-report-form, paht-report-tracker, paht-public-stats');
      await element?.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return element?.shadowRoot?.textContent ?? '';
    },
    [name, host] as const,
  );
}

const storyNames = (): Promise<string[]> =>
  page.evaluate(() => {
    const modules = (window as unknown as { __stories: Array<Record<string, unknown> & { default: { title: string } }> }).__stories;
    return modules.flatMap((m) => Object.keys(m).filter((k) => k !== 'default').map((k) => `${m.default.title}|${k}`));
  });

describe('every story in Chromium', () => {
  it('renders each state with no serious or critical axe-core violation', async () => {
    const names = await storyNames();
    expect(names.length).toBeGreaterThanOrEqual(40);
    const failures: Record<string, unknown> = {};
    for (const name of names) {
      const text = await renderStory(name, 'block');
      expect(text.trim().length, `${name} renders`).toBeGreaterThan(20);
      const violations = await seriousViolations(page);
      if (violations.length) failures[name] = violations;
    }
    expect(failures).toEqual({});
  });
});

describe('every story at 375 px in a grid and a flex host', () => {
  it('never makes the page wider than the phone, the statistics table open included', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const names = await storyNames();
    const widths: Record<string, number> = {};
    let tables = 0;
    for (const name of names) {
      for (const host of ['grid', 'flex'] as const) {
        await renderStory(name, host);
        widths[`${name} in ${host}`] = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        // The statistics' "show as table": the widest state there is.
        const toggle = page.locator('paht-public-stats').locator('button[aria-controls=chart-table]');
        if ((await toggle.count()) > 0) {
          await toggle.click();
          await expect.poll(() => page.locator('paht-public-stats').locator('.table-wrap table').isVisible()).toBe(true);
          tables += 1;
          widths[`${name} in ${host}, table open`] = await page.evaluate(() => document.scrollingElement!.scrollWidth);
          const violations = await seriousViolations(page);
          if (violations.length) widths[`${name} in ${host}, table open: axe ${JSON.stringify(violations)}`] = Number.POSITIVE_INFINITY;
        }
      }
    }
    expect(tables).toBeGreaterThanOrEqual(8);
    const tooWide = Object.fromEntries(Object.entries(widths).filter(([, w]) => w > 375));
    expect(tooWide).toEqual({});
  });
});
