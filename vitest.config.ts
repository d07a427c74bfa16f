import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import packages by their public names; in the repository those
// names resolve to the sources, so no build is needed before testing.
const alias = {
  // The SDK's subpaths before its root: a key also matches the paths under it.
  '@paht/client-sdk/public': fileURLToPath(new URL('./packages/client-sdk/src/public.ts', import.meta.url)),
  '@paht/client-sdk/staff': fileURLToPath(new URL('./packages/client-sdk/src/staff.ts', import.meta.url)),
  '@paht/core': src('core'),
  '@paht/graphql-server': src('graphql-server'),
  '@paht/client-sdk': src('client-sdk'),
  '@paht/widgets': src('widgets'),
};

const integration = ['packages/*/test/integration/**/*.test.ts'];
// The integration projects share one module graph per worker too (isolate: false): importing
// core, the server and PGlite again for each file was about a quarter of their time (docs/testing.md).
// A file must therefore leave no process-wide state behind: it closes what it opens (databases,
// servers, telemetry) and puts back any environment variable it sets.

// PGlite runs in the test's own process, one core per file: two of its files
// at once even on 2 cores, where vitest's default (cpus − 1) is one. All 68
// files passed so with the machine under other load (docs/testing.md).
// VITEST_MAX_WORKERS=<n> overrides every project's count.
const pgliteWorkers = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        // One module graph for all unit files (isolate: false): importing core and the server once
        // instead of once per file took the project from 166 s to 52 s (docs/testing.md). A unit
        // test must therefore not depend on a fresh module or global state (a registered element, an env var).
        extends: true,
        test: { name: 'unit', include: ['packages/*/test/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          isolate: false,
          env: { TEST_DB: 'postgres', PAHT_JOB_SCHEDULE: '0' },
          globalSetup: ['test/setup/postgres-global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          isolate: false,
          maxWorkers: pgliteWorkers,
          // Projects with their own worker count run as a group of their own (after the unit files).
          sequence: { groupOrder: 1 },
          env: { TEST_DB: 'pglite', PAHT_JOB_SCHEDULE: '0' },
          globalSetup: ['test/setup/pglite-global.ts'],
        },
      },
      {
        // The packed SDK installed into an empty project (builds and packs it first).
        extends: true,
        test: { name: 'package', include: ['packages/*/test/package/**/*.test.ts'] },
      },
      {
        // End to end as a province meets it: the CLI and the server as processes, Chromium, a real SMTP server.
        extends: true,
        test: {
          name: 'e2e',
          include: ['packages/*/test/e2e/**/*.test.ts'],
          env: { TEST_DB: 'postgres' },
          globalSetup: ['test/setup/postgres-global.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['packages/widgets/test/browser/**/*.test.ts'],
          env: { TEST_DB: 'postgres', PAHT_JOB_SCHEDULE: '0' },
          globalSetup: ['test/setup/postgres-global.ts'],
        },
      },
    ],
  },
});
