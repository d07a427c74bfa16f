// Public pages must never ship a staff operation. The SDK generates the staff
// documents into a module of their own (@paht/client-sdk/staff; which
// operations are staff ones is where their file lies in the SDK's
// src/operations/); this finds any of them in a bundle's text, and any import
// of the SDK's staff part or of its whole root in a build that leaves the SDK
// to the application's bundler. Used by check-sizes.mjs (the build fails) and
// by test/unit/public-bundles.test.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { esbuild } from './bundle.mjs';

const sdkRoot = dirname(createRequire(import.meta.url).resolve('@paht/client-sdk/package.json'));

/** The names of the SDK's staff operations, read from its generated staff documents. */
export function staffOperations() {
  const source = readFileSync(join(sdkRoot, 'src/generated/staff.ts'), 'utf8');
  return [...source.matchAll(/new TypedDocumentString\(`\s*(?:query|mutation|subscription)\s+(\w+)/g)].map((m) => m[1]);
}

/** The staff operations whose text `code` holds (`mutation ClassifyReport`…), and its imports of the SDK's staff part or whole root. */
export function staffPartsIn(code, operations = staffOperations()) {
  const found = operations.filter((name) => new RegExp(`\\b(?:query|mutation|subscription)\\s+${name}\\b`).test(code));
  const imports = [...code.matchAll(/["'](@paht\/client-sdk(?:\/staff)?)["']/g)].map((m) => m[1]);
  return [...found, ...new Set(imports)];
}

/** The entries of the per-widget module scripts (dist/cdn/, tsup.config.ts); the last one is staff. */
export const CDN_ENTRIES = {
  'report-form': 'src/report-form/report-form.ts',
  'report-tracker': 'src/report-tracker/report-tracker.ts',
  'public-stats': 'src/public-stats/public-stats.ts',
  'paht-widgets': 'src/paht-widgets.ts',
  'staff-widgets': 'src/staff-widgets.ts',
};

/**
 * Bundles the module scripts from source as the build does (shared chunks),
 * and answers each entry's text with every chunk it loads, statically or on demand.
 */
export async function bundleModuleScripts() {
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(CDN_ENTRIES).map(([name, file]) => [name, new URL(`../${file}`, import.meta.url).pathname])),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@paht/source'],
    minify: true,
    outdir: 'out',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const text = new Map(result.outputFiles.map((f) => [f.path.slice(f.path.lastIndexOf('/out/') + 1), f.text]));
  const outputs = result.metafile.outputs;
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const i of outputs[file].imports) if (outputs[i.path]) closure(i.path, seen);
    return seen;
  };
  return Object.fromEntries(Object.keys(CDN_ENTRIES).map((name) => [name, [...closure(`out/${name}.js`)].map((f) => text.get(f)).join('\n')]));
}
