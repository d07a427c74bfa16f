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
import { staffOperations, staffPartsIn } from './public-bundles.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const KiB = 1024;

/**
 * Budgets in KiB, gzipped, of an entry with its static imports. The `cdn/`
 * ones were lowered when the public widgets stopped loading the SDK's staff
 * part (#13: about 5 KiB each), to 5–10 % over what they weigh.
 */
const BUDGETS = {
  'paht-widgets.js': 95,
  'cdn/report-form.js': 35,
  'cdn/report-tracker.js': 29,
  'cdn/public-stats.js': 27,
  'cdn/paht-widgets.js': 57,
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
/** What public pages load: none may hold a staff operation or import the SDK's staff part (public-bundles.mjs). */
const PUBLIC_ENTRIES = ['paht-widgets.js', 'cdn/report-form.js', 'cdn/report-tracker.js', 'cdn/public-stats.js', 'cdn/paht-widgets.js', 'report-form.js', 'report-tracker.js', 'public-stats.js', 'answer-link.js'];

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
const staff = staffOperations();
for (const entry of PUBLIC_ENTRIES) {
  const files = new Set(closure(entry));
  for (const f of [...files]) for (const d of imports(f, true)) for (const g of closure(d)) files.add(g);
  const found = staffPartsIn([...files].map((f) => read(f).toString('utf8')).join('\n'), staff);
  if (found.length > 0) {
    console.error(`  ${entry} (a public entry) holds staff parts of the SDK: ${found.join(', ')}`);
    failed = true;
  }
}
if (failed) {
  console.error('Size budget exceeded, or staff code in a public entry.');
  process.exit(1);
}
