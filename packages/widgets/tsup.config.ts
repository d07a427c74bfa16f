import { defineConfig, type Options } from 'tsup';
import { baseConfig } from '../../tsup.base.js';

// `pnpm build` empties dist first: the two configs run side by side, so
// neither may clean it.
/** What the dist/cdn/ ES modules share: every dependency inside, bundled from the workspace's sources (no stale dist of the SDK). */
const cdnModule: Options = {
  dts: false,
  clean: false,
  minify: true,
  noExternal: [/.*/],
  esbuildOptions(options) {
    options.conditions = ['@paht/source'];
  },
  target: 'es2022',
  platform: 'browser',
};

export default defineConfig([
  // npm entries: the side-effect-free classes, and one module per tag that
  // registers it, sharing chunks. Leaflet is a chunk of its own, loaded
  // when the form's map first renders.
  baseConfig({
    entry: {
      index: 'src/index.ts',
      'report-form': 'src/report-form/report-form.ts',
      'report-tracker': 'src/report-tracker/report-tracker.ts',
      'public-stats': 'src/public-stats/public-stats.ts',
      'staff-console': 'src/staff-console/staff-console.ts',
      'ioc-inbox': 'src/ioc-inbox/ioc-inbox.ts',
      'leader-overview': 'src/leader-overview/leader-overview.ts',
      'admin-console': 'src/admin-console/admin-console.ts',
      'unit-queue': 'src/unit-queue/unit-queue.ts',
      'unit-forms': 'src/indicator-forms/unit-forms.ts',
      'answer-link': 'src/answer-link/answer-link.ts',
    },
    splitting: true,
    minify: true,
    clean: false,
    target: 'es2022',
    platform: 'browser',
  }),
  // Script tags per widget, self-contained ES modules sharing chunks
  // (dist/cdn/): a page with only the tracker loads neither the form nor
  // Leaflet. <script type="module" src="…/cdn/report-tracker.js"></script>
  baseConfig({
    entry: {
      'report-form': 'src/report-form/report-form.ts',
      'report-tracker': 'src/report-tracker/report-tracker.ts',
      'public-stats': 'src/public-stats/public-stats.ts',
      'paht-widgets': 'src/paht-widgets.ts',
    },
    outDir: 'dist/cdn',
    splitting: true,
    ...cdnModule,
  }),
  // The staff workspaces' module, built apart: sharing chunks with the
  // public widgets put every SDK document and helper a staff workspace uses
  // into the chunk public pages load (docs/widgets.md#sizes).
  baseConfig({ entry: { 'staff-widgets': 'src/staff-widgets.ts' }, outDir: 'dist/cdn', splitting: false, ...cdnModule }),
  // The script-tag bundles: one self-contained file each, every dependency
  // inside (the staff one apart: public pages never load it).
  baseConfig({
    entry: { 'paht-widgets': 'src/paht-widgets.ts', 'staff-widgets': 'src/staff-widgets.ts' },
    format: ['iife'],
    globalName: 'PahtWidgets',
    esbuildOptions(options) {
      options.conditions = ['@paht/source'];
    },
    outExtension: () => ({ js: '.js' }),
    dts: false,
    clean: false,
    minify: true,
    noExternal: [/.*/],
    target: 'es2022',
    platform: 'browser',
  }),
]);
