#!/usr/bin/env node
// `pnpm example:portal`: starts the API with its demo data (`pnpm start`:
// PGlite in .data/pglite unless DATABASE_URL is set) and serves this plain
// HTML "provincial portal" with the widgets' script-tag bundle, built from
// source on start. The portal's URL is printed once the API answers
// /healthz (the first start migrates and seeds the demo data). Ctrl-C stops both.
//   PORT (API, default 4000), PORTAL_PORT (page, default 8080)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { bundleWidgets } from '../../packages/widgets/scripts/bundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const apiPort = Number(process.env.PORT ?? 4000);
const portalPort = Number(process.env.PORTAL_PORT ?? 8080);
const endpoint = process.env.PAHT_ENDPOINT ?? `http://localhost:${apiPort}/graphql`;
const health = new URL('/healthz', endpoint);

const api = spawn(process.execPath, ['--conditions=@paht/source', '--import', 'tsx', 'packages/graphql-server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(apiPort), LOG: process.env.LOG ?? 'false' },
  stdio: 'inherit',
});
api.on('exit', (code) => {
  console.error(`API stopped (${code}).`);
  process.exit(code ?? 1);
});

const bundle = await bundleWidgets({ minify: true });
const page = readFileSync(new URL('./index.html', import.meta.url), 'utf8').replaceAll('__PAHT_ENDPOINT__', endpoint);
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (path === '/' || path === '/index.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  else if (path === '/paht-widgets.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
  else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
});
await waitForApi(health, 300_000);
server.listen(portalPort, () => {
  console.log(`\nPortal example on http://localhost:${portalPort}/  (widgets ${(bundle.length / 1024).toFixed(0)} KiB, API ${endpoint})\n`);
});

/** Polls the API's health check until it answers 200 (or gives up after `timeoutMs`). */
async function waitForApi(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  for (;;) {
    try {
      const answer = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      console.error(`The API did not answer ${url} within ${timeoutMs / 1000} s.`);
      api.kill('SIGTERM');
      process.exit(1);
    }
    if (!said) console.log(`Waiting for the API (${url})…`);
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    api.kill(signal);
  });
}
