import { fileURLToPath } from 'node:url';
// Core and server by path: they are not dependencies of the widgets package.
import { seedDemo } from '../../../../core/src/index.js';
import { buildApp } from '../../../../graphql-server/src/index.js';
import { createClient, type PahtClient } from '@paht/client-sdk';
import type { Browser, Page } from 'playwright-core';
import { openTestDatabase, testContext, type DatabaseFill } from '../../../../core/test/support/test-database.js';
import { esbuild } from '../../../scripts/bundle.mjs';
import { launchChromium, portalPage } from './browser.js';
import { startStaticServer } from './static-server.js';

/** The demo data's clock, tenant and staff password (packages/core/src/seed). */
export const DEMO_NOW = new Date('2026-11-27T02:00:00Z');
export const DEMO_TENANT = 'quang-tri';
export const DEMO_PASSWORD = 'demo-quang-tri';

/** The real server on the demo data, and the staff console bundle open in Chromium on a page of another origin. */
export interface StaffConsoleBench {
  /** The API's base URL (`…/graphql` is the endpoint). */
  readonly api: string;
  /** The console page, signed out, 1280 × 900, Vietnamese locale. */
  readonly page: Page;
  /** An SDK client signed in as a demo staff member, and that member's unit. */
  signIn(email: string, password?: string): Promise<{ client: PahtClient; unitId: string | null }>;
  close(): Promise<void>;
}

const entry = fileURLToPath(new URL('../../../src/staff-widgets.ts', import.meta.url));

/** The demo data seeded at `DEMO_NOW` (`only` these demo tenants: default all): seeded once per run, each bench gets its own copy. */
function demoFill(only?: readonly string[]): DatabaseFill {
  return {
    key: `demo ${DEMO_NOW.toISOString()} ${only ? only.join(',') : 'all'}`,
    run: async (db) => void (await seedDemo(testContext(db, DEMO_NOW), only ? { only } : {})),
  };
}

/** Opens a copy of the demo data at `DEMO_NOW`, starts the server and opens `<paht-staff-console>` in Chromium. */
export async function openStaffConsoleBench(options: { pageTimeoutMs?: number; only?: readonly string[] } = {}): Promise<StaffConsoleBench> {
  const tdb = await openTestDatabase(demoFill(options.only));
  const ctx = testContext(tdb.db, DEMO_NOW);
  const app = await buildApp({ core: ctx });
  const api = await app.listen({ port: 0, host: '127.0.0.1' });
  const bundle = await (esbuild as { build(o: Record<string, unknown>): Promise<{ outputFiles: Array<{ text: string }> }> }).build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@paht/source'],
    write: false,
    logLevel: 'silent',
  });
  const site = await startStaticServer({
    '/paht-widgets.js': { type: 'text/javascript', body: bundle.outputFiles[0]!.text },
    '/console.html': { type: 'text/html', body: portalPage('Bàn làm việc', `<paht-staff-console endpoint="${api}/graphql" tenant="${DEMO_TENANT}"></paht-staff-console>`) },
  });
  const browser: Browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(options.pageTimeoutMs ?? 10_000);
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`${site.url}/console.html`);
  return {
    api,
    page,
    async signIn(email, password = DEMO_PASSWORD) {
      const client = createClient({ endpoint: `${api}/graphql`, tenant: DEMO_TENANT });
      const result = await client.signIn(email, password);
      if (result.__typename !== 'SignInSuccess') throw new Error(`sign-in failed: ${result.message}`);
      return { client: client.withToken(result.token), unitId: result.unitId ?? null };
    },
    async close() {
      await browser.close();
      await site.close();
      await app.close();
      await tdb.close();
    },
  };
}
