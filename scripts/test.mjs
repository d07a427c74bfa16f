#!/usr/bin/env node
// `pnpm test`: the TypeScript compiler and the linter over the whole
// workspace (side by side), then every test of every package, on a real
// PostgreSQL server (started by the tests themselves) and on PGlite. Ends
// with one plain line `N passed, N failed` read from vitest's JSON report,
// where the typecheck and the lint count as one test each, so a run that
// executed no test, or that does not compile or lint, is visible.
//
// Extra arguments go to vitest and run only the tests they select, without
// the typecheck and the lint (`pnpm typecheck`, `pnpm lint`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemDeps } from './ensure-system-deps.mjs';

const vitestArgs = process.argv.slice(2);
const CHECKS = [
  { name: 'typecheck', args: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', args: ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.'] },
];

/** Runs a check, its output printed once it ends (so the two never interleave); resolves to whether it passed. */
function runCheck({ name, args }) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      const text = Buffer.concat(output).toString().trimEnd();
      if (text) console.log(text);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`${name}: ${code === 0 ? 'passed' : 'FAILED'} (${seconds} s)`);
      resolve(code === 0);
    });
  });
}

ensureSystemDeps();

const checks = vitestArgs.length === 0 ? await Promise.all(CHECKS.map(runCheck)) : [];

const report = '.test-results/vitest.json';
mkdirSync('.test-results', { recursive: true });
rmSync(report, { force: true });

const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  if (json.numFailedTestSuites && failed === 0) failed = json.numFailedTestSuites;
} else {
  failed = 1;
}
const testsPassed = vitest.status === 0 && failed === 0 && passed > 0;
for (const ok of checks) {
  if (ok) passed++;
  else failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(testsPassed && checks.every(Boolean) ? 0 : 1);
