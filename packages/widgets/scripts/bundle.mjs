// Bundles the widgets from source with esbuild (the one tsup uses), for the
// browser tests and the example portal: no build step needed first.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(createRequire(import.meta.url).resolve('tsup'));
/** @type {typeof import('esbuild')} */
export const esbuild = require('esbuild');

const SCRIPT_TAG_ENTRY = fileURLToPath(new URL('../src/paht-widgets.ts', import.meta.url));

/** The script-tag bundle (IIFE, every dependency inside) as text. */
export async function bundleWidgets({ minify = true, sourcemap = false } = {}) {
  const result = await esbuild.build({
    entryPoints: [SCRIPT_TAG_ENTRY],
    bundle: true,
    format: 'iife',
    globalName: 'PahtWidgets',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@paht/source'],
    minify,
    sourcemap: sourcemap ? 'inline' : false,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
