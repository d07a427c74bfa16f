#!/usr/bin/env node
// Prints gzipped sizes of what the build ships and fails over budget.
// Citizens open these widgets on phones on slow networks, so what counts is
// what a page downloads before a widget shows: an entry plus every chunk it
// imports statically. Chunks loaded on demand (Leaflet when the form's map
// first renders, graphql-ws when the tracker goes live) are listed apart.
//   dist/paht-widgets.js   one classic script, everything inside
//   dist/cdn/<widget>.js   one ES module script per widget, lit and SDK inside
//   dist/<widget>.js       npm entries (lit, SDK, Leaflet left to the app's bundler)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const KiB = 1024;

/** Budgets in KiB, gzipped, of an entry with its static imports. */
const BUDGETS = {
  'paht-widgets.js': 95,
  'cdn/report-form.js': 40,
  'cdn/report-tracker.js': 35,
  // 31, not 30, since the admin console's indicator forms (#13): esbuild puts
  // a live SDK helper in the chunk of every entry that reaches it through the
  // SDK's index, so staff-only helpers land in the public widgets' shared
  // chunk (≈ 0.7 KiB here; 0.3 more since the unit indicator forms). esbuild
  // chunks whole files, so the fix needs a staff (or public) subpath of the
  // SDK and the staff documents in generated files of their own
  // (docs/widgets.md, "Sizes"); not done.
  'cdn/public-stats.js': 31,
  'cdn/paht-widgets.js': 60,
  'report-form.js': 20,
  'report-tracker.js': 15,
  'public-stats.js': 15,
  // The package's main entry exports every component, the staff workspaces
  // included (#12); portals load the per-widget entries above instead.
  'index.js': 100,
};
/** Any chunk loaded on demand. */
const LAZY_BUDGET = 50;

const read = (file) => readFileSync(join(dist, file));
const gz = (file) => gzipSync(read(file), { level: 9 }).length;
const resolveFrom = (file, spec) => relative(dist, join(dirname(join(dist, file)), spec));
const imports = (file, dynamic) => {
  const text = read(file).toString('utf8');
  const pattern = dynamic ? /import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g : /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  return [...text.matchAll(pattern)].map((m) => resolveFrom(file, m[1]));
};
function closure(entry) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of imports(file, false)) walk(next);
  };
  walk(entry);
  return [...seen];
}
const kib = (bytes) => `${(bytes / KiB).toFixed(1)} KiB`;

if (!existsSync(dist)) {
  console.error('No dist/: run the build first.');
  process.exit(1);
}
let failed = false;
const lazy = new Set();
console.log('gzipped: entry + static imports / budget');
for (const [entry, budget] of Object.entries(BUDGETS)) {
  if (!existsSync(join(dist, entry))) {
    console.error(`  ${entry.padEnd(40)} MISSING`);
    failed = true;
    continue;
  }
  const files = closure(entry);
  for (const f of files) for (const d of imports(f, true)) lazy.add(d);
  const size = files.reduce((sum, f) => sum + gz(f), 0);
  const over = size > budget * KiB;
  failed ||= over;
  console.log(`  ${entry.padEnd(40)} ${kib(size).padStart(10)} / ${budget} KiB${over ? '  OVER BUDGET' : ''}`);
}
for (const chunk of [...lazy].sort()) {
  const size = closure(chunk).reduce((sum, f) => sum + gz(f), 0);
  const over = size > LAZY_BUDGET * KiB;
  failed ||= over;
  console.log(`  ${`${chunk} (on demand)`.padEnd(40)} ${kib(size).padStart(10)} / ${LAZY_BUDGET} KiB${over ? '  OVER BUDGET' : ''}`);
}
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
