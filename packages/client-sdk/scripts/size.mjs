// The browser bundle of the citizen helpers, as an application's bundler
// would build it from dist/: minified, gzipped, with the live (graphql-ws)
// code in the lazy chunk `subscribe` loads. Fails over budget, or when
// graphql-js gets in. Run after tsup (`pnpm build` does both).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Budget of what a page loads up front (gzip). */
const BUDGET_BYTES = 12 * 1024;
const CITIZEN_HELPERS = ['createPublicClient', 'fileReport', 'rateReport', 'reopenReport', 'provideInfo', 'listCategories', 'getStatistics', 'listPublicReports', 'allPublicReports', 'webStorage'];

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// The public part (`@paht/client-sdk/public`), which citizen pages import.
const entryFile = process.argv[2] ?? './dist/public.js';
if (!existsSync(new URL(`../${entryFile}`, import.meta.url))) {
  console.error(`size: ${entryFile} is missing; run tsup first`);
  process.exit(1);
}

const result = await build({
  stdin: { contents: `export { ${CITIZEN_HELPERS.join(', ')} } from '${entryFile}';`, resolveDir: packageDir, sourcefile: 'citizen-entry.js', loader: 'js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  write: false,
  outdir: 'size-out',
  metafile: true,
  logLevel: 'error',
});

const kB = (n) => `${(n / 1024).toFixed(2)} kB`;
const outputs = result.outputFiles.filter((f) => f.path.endsWith('.js'));
const meta = result.metafile.outputs;
const keyOf = (file) => Object.keys(meta).find((k) => file.path.endsWith(k.replace(/^.*size-out\//, '/')));
const entryKey = Object.keys(meta).find((k) => meta[k].entryPoint);
/** The entry and what it imports statically: what loads up front. */
const upfront = new Set();
const visit = (key) => {
  if (upfront.has(key)) return;
  upfront.add(key);
  for (const i of meta[key].imports) if (i.kind === 'import-statement') visit(i.path);
};
visit(entryKey);

let initial = 0;
let lazy = 0;
for (const file of outputs) {
  const gz = gzipSync(file.contents, { level: 9 }).length;
  const key = keyOf(file);
  const isUpfront = upfront.has(key);
  if (isUpfront) initial += gz;
  else lazy += gz;
  console.log(`  ${isUpfront ? 'up front' : 'lazy    '}  ${kB(file.contents.length).padStart(9)} min  ${kB(gz).padStart(8)} gzip  ${key}`);
}
const inputs = Object.keys(result.metafile.inputs);
const graphqlJs = inputs.filter((p) => /node_modules\/(\.pnpm\/graphql@[^/]+\/node_modules\/)?graphql\//.test(p));
console.log(`citizen helpers (${CITIZEN_HELPERS.length} exports): ${kB(initial)} gzip up front (budget ${kB(BUDGET_BYTES)}), ${kB(lazy)} gzip lazy (subscriptions)`);
if (graphqlJs.length) {
  console.error(`size: graphql-js is in the browser bundle: ${graphqlJs.slice(0, 3).join(', ')}`);
  process.exit(1);
}
if (initial > BUDGET_BYTES) {
  console.error(`size: over budget by ${kB(initial - BUDGET_BYTES)}`);
  process.exit(1);
}
