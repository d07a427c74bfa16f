import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { esbuild } from '../../../scripts/bundle.mjs';
import { launchChromium, portalPage, seriousViolations } from './browser.js';
import { startStaticServer } from './static-server.js';

/** Story modules of the staff components rendered in Chromium, one story at a time. */
export interface StaffStoryHarness {
  readonly page: Page;
  /** Renders one story (`title|export`) into #root; returns the component's text (open dialogs included). */
  renderStory(name: string): Promise<string>;
  /** Every story of the modules, as `title|export`. */
  storyNames(): Promise<string[]>;
  /**
   * Renders every story at `width` px and returns what failed: serious or
   * critical axe-core violations per story and, at 375 px, a page wider than
   * the phone. Empty when all pass. `minStories` guards against a harness that
   * found nothing to check.
   */
  checkEveryStory(width: number, minStories: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const src = fileURLToPath(new URL('../../../src/', import.meta.url));

/** Bundles the story modules (paths under src/) and opens them in Chromium on a static page. */
export async function openStaffStories(modules: readonly string[], tags: string): Promise<StaffStoryHarness> {
  // esbuild's own types are not a dependency here: the few options used.
  const build = esbuild as { build(options: Record<string, unknown>): Promise<{ outputFiles: Array<{ text: string }> }> };
  const entry = [
    "import { render } from 'lit';",
    ...modules.map((m, i) => `import * as s${i} from './${m}';`),
    `window.__stories = [${modules.map((_, i) => `s${i}`).join(', ')}];`,
    'window.__render = render;',
  ].join('\n');
  const result = await build.build({
    stdin: { contents: entry, resolveDir: src, loader: 'ts', sourcefile: 'staff-stories-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@paht/source'],
    write: false,
    logLevel: 'silent',
  });
  const site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: result.outputFiles[0]!.text },
    '/': { type: 'text/html', body: portalPage('Staff stories', '<div id="root"></div>') },
  });
  const browser: Browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${site.url}/`);

  const renderStory = (name: string): Promise<string> =>
    page.evaluate(
      async ([id, selector]) => {
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
        const element = root.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(selector);
        await element?.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return element?.shadowRoot?.textContent ?? '';
      },
      [name, tags] as const,
    );

  const storyNames = (): Promise<string[]> =>
    page.evaluate(() => {
      const all = (window as unknown as { __stories: Array<Record<string, unknown> & { default: { title: string } }> }).__stories;
      return all.flatMap((m) => Object.keys(m).filter((k) => k !== 'default').map((k) => `${m.default.title}|${k}`));
    });

  return {
    page,
    renderStory,
    storyNames,
    async checkEveryStory(width, minStories) {
      await page.setViewportSize({ width, height: 900 });
      const names = await storyNames();
      const failures: Record<string, unknown> = {};
      if (names.length < minStories) failures.stories = `only ${names.length} stories, expected at least ${minStories}`;
      for (const name of names) {
        const text = await renderStory(name);
        if (text.trim().length <= 20) failures[`${name} renders`] = text;
        const violations = await seriousViolations(page);
        if (violations.length) failures[name] = violations;
        if (width === 375) {
          const scroll = await page.evaluate(() => document.scrollingElement!.scrollWidth);
          if (scroll > 375) failures[`${name} width`] = scroll;
        }
      }
      return failures;
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
