import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { esbuild } from '../../scripts/bundle.mjs';
import { launchChromium, portalPage, seriousViolations } from './support/browser.js';
import { startStaticServer } from './support/static-server.js';

// Every Storybook story (each widget state: loading, empty, errors,
// offline, each lifecycle status, long Vietnamese text, phone width),
// rendered in Chromium from the story modules themselves and checked with
// axe-core: no serious or critical violation in any state.

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
    ...STORY_MODULES.map((m, i) => `import * as s${i} from './${m}';`),
    `window.__stories = [${STORY_MODULES.map((_, i) => `s${i}`).join(', ')}];`,
    'window.__render = render;',
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

describe('every story in Chromium', () => {
  it('renders each state with no serious or critical axe-core violation', async () => {
    const names: string[] = await page.evaluate(() => {
      const modules = (window as unknown as { __stories: Array<Record<string, unknown> & { default: { title: string } }> }).__stories;
      return modules.flatMap((m) => Object.keys(m).filter((k) => k !== 'default').map((k) => `${m.default.title}|${k}`));
    });
    expect(names.length).toBeGreaterThanOrEqual(40);
    const failures: Record<string, unknown> = {};
    for (const name of names) {
      const text = await page.evaluate(async (id) => {
        type Story = { args?: Record<string, unknown>; render?: (a: Record<string, unknown>) => unknown };
        const w = window as unknown as { __stories: Array<Record<string, Story> & { default: Story & { title: string } }>; __render(t: unknown, el: Element): void };
        const [title, key] = id.split('|') as [string, string];
        const module = w.__stories.find((m) => m.default.title === title)!;
        const story = module[key]!;
        // A fresh container each time: lit keeps its render state on the container.
        const root = document.createElement('div');
        document.getElementById('root')!.replaceChildren(root);
        w.__render((story.render ?? module.default.render)!({ ...module.default.args, ...story.args }), root);
        const element = root.querySelector('paht-report-form, paht-report-tracker, paht-public-stats') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
        await element?.updateComplete;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return element?.shadowRoot?.textContent ?? '';
      }, name);
      expect(text.trim().length, `${name} renders`).toBeGreaterThan(20);
      const violations = await seriousViolations(page);
      if (violations.length) failures[name] = violations;
    }
    expect(failures).toEqual({});
  });
});
