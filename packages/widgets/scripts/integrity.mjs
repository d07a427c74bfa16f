#!/usr/bin/env node
// Publishes the script-tag bundle under a versioned name with its
// Subresource Integrity hash, so a portal can pin exactly what it loads:
//   dist/paht-widgets-<version>.js   a copy of dist/paht-widgets.js
//   dist/manifest.json               { version, file, integrity, bytes }
// and prints the <script> tag to copy. Run by `pnpm build` after tsup;
// `node scripts/integrity.mjs` again prints the tag.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SRI value of `bytes`: `sha384-` and the base64 SHA-384 digest (what browsers check). */
export function sriHash(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** The script tag for a published file. */
export function scriptTag(url, integrity) {
  return `<script src="${url}" integrity="${integrity}" crossorigin="anonymous" defer></script>`;
}

/**
 * Copies `<dist>/paht-widgets.js` to `paht-widgets-<version>.js`, writes
 * `<dist>/manifest.json` and returns the manifest.
 */
export function publishVersioned(dist, version) {
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new TypeError(`not a semantic version: ${version}`);
  const file = `paht-widgets-${version}.js`;
  copyFileSync(join(dist, 'paht-widgets.js'), join(dist, file));
  const bytes = readFileSync(join(dist, file));
  const manifest = { version, file, integrity: sriHash(bytes), bytes: bytes.length };
  writeFileSync(join(dist, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const manifest = publishVersioned(join(root, 'dist'), version);
  console.log(`dist/${manifest.file}  ${manifest.bytes} bytes`);
  console.log(scriptTag(`https://<your-cdn>/paht-widgets/${manifest.file}`, manifest.integrity));
}
