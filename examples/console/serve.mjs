#!/usr/bin/env node
// `pnpm example:console`: starts the API with its demo data (`pnpm start`:
// PGlite in .data/pglite unless DATABASE_URL is set) and serves the staff
// console (<paht-staff-console>) with the staff script-tag bundle, built
// from source on start. The console's URL is printed once the API answers
// /healthz. Sign in with a demo account (README.md). Ctrl-C stops both.
//   PORT (API, default 4000), CONSOLE_PORT (page, default 8081),
//   PAHT_ENDPOINT (use an API that is already running: no API is started),
//   PAHT_TENANT (default quang-tri)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { esbuild } from '../../packages/widgets/scripts/bundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const apiPort = Number(process.env.PORT ?? 4000);
const consolePort = Number(process.env.CONSOLE_PORT ?? 8081);
const endpoint = process.env.PAHT_ENDPOINT ?? `http://localhost:${apiPort}/graphql`;
const tenant = process.env.PAHT_TENANT ?? 'quang-tri';
const health = new URL('/healthz', endpoint);

// An API already running elsewhere (PAHT_ENDPOINT) is used as it is.
const api = process.env.PAHT_ENDPOINT
  ? null
  : spawn(process.execPath, ['--conditions=@paht/source', '--import', 'tsx', 'packages/graphql-server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(apiPort), LOG: process.env.LOG ?? 'false' },
      stdio: 'inherit',
    });
api?.on('exit', (code) => {
  console.error(`API stopped (${code}).`);
  process.exit(code ?? 1);
});

const built = await esbuild.build({
  entryPoints: [fileURLToPath(new URL('../../packages/widgets/src/staff-widgets.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  globalName: 'PahtStaffWidgets',
  platform: 'browser',
  target: 'es2022',
  conditions: ['@paht/source'],
  minify: true,
  write: false,
  logLevel: 'silent',
});
const bundle = built.outputFiles[0].text;
const page = readFileSync(new URL('./index.html', import.meta.url), 'utf8').replaceAll('__PAHT_ENDPOINT__', endpoint).replaceAll('__PAHT_TENANT__', tenant);
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (path === '/' || path === '/index.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  else if (path === '/staff-widgets.js') response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
  else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
});
await waitForApi(health, 300_000);
server.listen(consolePort, () => {
  console.log(`\nStaff console on http://localhost:${consolePort}/  (bundle ${(bundle.length / 1024).toFixed(0)} KiB, API ${endpoint}, tenant ${tenant})`);
  console.log(`Demo IOC operator: ioc.${tenant}@example.gov.vn / demo-${tenant}\n`);
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
      api?.kill('SIGTERM');
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
    if (api) api.kill(signal);
    else process.exit(0);
  });
}
