// `pnpm bench`: requests per second of the public reads (tracker lookup,
// public report list, public statistics) against a bare node:http server
// answering a fixed 50-item JSON list, measured in the same run with the
// same load generator. The API runs on a real PostgreSQL (a throwaway server
// like the tests', or DATABASE_URL) seeded with the demo tenants.
//
// Environment: BENCH_SECONDS (per target, default 5), BENCH_CONNECTIONS
// (default 20), DATABASE_URL (skip the throwaway server), BENCH_ENGINE=pglite.
// Prints a table and the ratios; exits 0 whatever the figures (no timed
// assertions: numbers are for people to read).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createCoreContext, migrate, openDatabase, seedDemo, type Database } from '@paht/core';
import { buildApp } from '../src/app.js';
import { executionStatsOf } from '../src/execution/jit-gateway.js';
import { publicAnswerCacheOf } from '../src/cache/public-answer-cache.js';
import { startPostgres, type PostgresServer } from '../../../test/setup/postgres-server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const TENANT = 'quang-tri';

const LIST = 'query PublicList($first: Int) { publicReports(first: $first) { ... on ReportConnection { nodes { id trackingCode title status submittedAt category { code name } unit { name } } } } }';
const TRACK = 'query Track($code: String!) { trackReport(trackingCode: $code) { __typename ... on TrackedReport { access report { trackingCode title status submittedAt dueAt answer unit { name } timeline { type at } } } } }';
const STATS = 'query Stats($from: String!, $to: String!) { kpis(from: $from, to: $to, groupBy: UNIT) { __typename ... on KpisSuccess { data { key label received resolved onTime overdue inProgress avgResolutionHours satisfiedShare } } } }';

interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function measure(target: Target): Promise<{ rps: number; p99: number; bad: number }> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers ?? {},
    ...(target.body ? { body: target.body } : {}),
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return { rps: result.requests.average, p99: result.latency.p99, bad: result.non2xx + result.errors + result.timeouts };
}

/** One request first: the answer must be data, not an error, or the figures mean nothing. */
async function check(target: Target): Promise<number> {
  const response = await fetch(target.url, { method: target.method ?? 'GET', headers: target.headers ?? {}, ...(target.body ? { body: target.body } : {}) });
  const text = await response.text();
  const json = JSON.parse(text) as { errors?: unknown; data?: Record<string, unknown> };
  if (response.status !== 200 || json.errors) throw new Error(`${target.name}: ${response.status} ${text.slice(0, 300)}`);
  return text.length;
}

async function openBenchDatabase(): Promise<{ db: Database; label: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_ENGINE === 'pglite') {
    const db = await openDatabase({});
    return { db, label: 'PGlite (in memory)', stop: () => db.close() };
  }
  let server: PostgresServer | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    server = await startPostgres();
    const admin = await openDatabase({ url: server.url });
    await admin.query('CREATE DATABASE paht_bench');
    await admin.close();
    url = server.url.replace(/\/[^/?]*(\?|$)/, '/paht_bench$1');
  }
  const db = await openDatabase({ url });
  return {
    db,
    label: server ? 'PostgreSQL 15 (throwaway server)' : 'PostgreSQL (DATABASE_URL)',
    stop: async () => {
      await db.close();
      server?.stop();
    },
  };
}

const { db, label, stop } = await openBenchDatabase();
const core = createCoreContext(db, { secretKey: 'bench-only-secret-key-not-for-production' });
await migrate(db);
await seedDemo(core);
const rows = await db.query<{ tracking_code: string; items: number }>(
  `SELECT r.tracking_code, (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id) AS items
     FROM reports r JOIN tenants t ON t.id = r.tenant_id
    WHERE t.slug = $1 AND r.visibility = 'PUBLIC' AND r.status = 'CLOSED'
    ORDER BY r.submitted_at DESC LIMIT 1`,
  [TENANT],
);
const trackingCode = rows[0]?.tracking_code;
if (!trackingCode) throw new Error('no public report in the demo data');

// The bare server answers what the public list answers: 50 items of the same shape, fixed.
const apps = { cached: await buildApp({ core, production: true }), jitOnly: await buildApp({ core, production: true, cache: false }), apolloDefaults: await buildApp({ core, production: true, cache: false, jit: false }) };
const bases = { cached: await apps.cached.listen({ port: 0, host: '127.0.0.1' }), jitOnly: await apps.jitOnly.listen({ port: 0, host: '127.0.0.1' }), apolloDefaults: await apps.apolloDefaults.listen({ port: 0, host: '127.0.0.1' }) };
const gql = (base: string, name: string, query: string, variables: Record<string, unknown>): Target => ({
  name,
  url: `${base}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-tenant': TENANT },
  body: JSON.stringify({ query, variables }),
});
const sample = await (await fetch(`${bases.cached}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': TENANT }, body: JSON.stringify({ query: LIST, variables: { first: 50 } }) })).text();
const bare = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(sample);
});
const bareBase = await listen(bare);

const reads = (base: string, suffix: string) => [
  gql(base, `tracker lookup${suffix}`, TRACK, { code: trackingCode }),
  gql(base, `public list (50)${suffix}`, LIST, { first: 50 }),
  gql(base, `public statistics${suffix}`, STATS, { from: '2021-01-01', to: '2023-12-31' }),
];
const targets: Target[] = [
  { name: 'bare node:http, fixed JSON', url: bareBase },
  ...reads(bases.cached, ''),
  ...reads(bases.jitOnly, ' [JIT, no answer cache]'),
  ...reads(bases.apolloDefaults, ' [graphql-js, no answer cache]'),
];

console.log(`\npnpm bench — ${label}, tenant ${TENANT}, ${CONNECTIONS} connections, ${SECONDS} s per target, Node ${process.version}`);
const results: Array<{ name: string; bytes: number; rps: number; p99: number; bad: number }> = [];
for (const target of targets) {
  const bytes = await check(target);
  const figures = await measure(target);
  results.push({ name: target.name, bytes, ...figures });
  console.log(`  ${target.name.padEnd(52)} ${figures.rps.toFixed(0).padStart(7)} req/s   p99 ${String(figures.p99).padStart(4)} ms   ${bytes} B${figures.bad ? `   ${figures.bad} failed` : ''}`);
}
const bareRps = results[0]!.rps;
console.log('\nRatio to the bare server (target ≥ 0.40 for the public reads as served):');
for (const r of results.slice(1)) console.log(`  ${r.name.padEnd(52)} ${(r.rps / bareRps).toFixed(2)} ×`);
const cache = publicAnswerCacheOf(apps.cached)?.stats;
const jit = executionStatsOf(apps.jitOnly);
console.log(`\nAnswer cache (served app): ${cache?.hits ?? 0} hits, ${cache?.misses ?? 0} misses; JIT (no-cache app): ${jit?.compiled ?? 0} documents compiled, ${jit?.jitRuns ?? 0} compiled runs, ${jit?.fallbackRuns ?? 0} graphql-js runs`);
const failed = results.filter((r) => r.bad > 0);
if (failed.length) console.log(`Failed responses during the run: ${failed.map((r) => `${r.name} (${r.bad})`).join(', ')}`);

bare.close();
for (const app of Object.values(apps)) await app.close();
await stop();
