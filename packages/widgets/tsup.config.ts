import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.base.js';

// Two entries sharing one chunk: the side-effect-free classes, and the
// module that registers the tags. Browsers are the target.
export default defineConfig(
  baseConfig({
    entry: { index: 'src/index.ts', 'report-tracker': 'src/report-tracker/report-tracker.ts' },
    splitting: true,
    target: 'es2022',
    platform: 'browser',
  }),
);
