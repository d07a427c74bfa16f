// `pnpm bench`: throughput, p50/p99 latency and server memory of the API
// next to a bare node:http server answering the same bytes, measured in the
// same run over real HTTP. The API and the bare server each run in their own
// process pinned to core 0 (`taskset`, when there are two cores); this
// process is the load generator (autocannon), pinned to core 1. The API is
// measured on PostgreSQL (a throwaway server like the tests', or
// DATABASE_URL) and on the embedded PGlite default, each seeded with the
// demo tenants. Options: bench/options.ts. Figures are printed, never
// asserted: the bench is not part of the test suite.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';
import { openDatabase } from '@paht/core';
import { startPostgres, type PostgresServer } from '../../../test/setup/postgres-server.js';
import type { ChildProcess } from 'node:child_process';
import { exited, memoryOf, pinGenerator, pinning, startChild, type Child } from './children.js';
import { SIGN_IN } from './documents.js';
import { load, sample } from './measure.js';
import { options } from './options.js';
import { BENCH_PASSWORD, BENCH_TENANT, type FromBare, type FromServer, type ToBare, type ToServer, type Usage } from './protocol.js';
import { printEngine, printSideBySide, type Row } from './table.js';
import { SubmitCounter, WORKLOADS, graphqlRequest, type Session } from './workloads.js';

pinGenerator();
let messageId = 0;
const children = new Set<ChildProcess>();
// A failure here must not leave a server running (it holds the terminal's output open).
process.on('exit', () => {
  for (const child of children) child.kill();
});

const bare = startChild<ToBare, FromBare>('./bare-process.ts', {});
children.add(bare.process);
const { base: bareBase } = await bare.next((m): m is Extract<FromBare, { type: 'listening' }> => m.type === 'listening');

async function serveOnBare(body: string): Promise<void> {
  const id = ++messageId;
  bare.send({ type: 'body', id, body });
  await bare.next((m): m is Extract<FromBare, { type: 'body' }> => m.type === 'body' && m.id === id);
}

async function bareUsage(): Promise<number> {
  const id = ++messageId;
  bare.send({ type: 'usage', id });
  return (await bare.next((m): m is Usage => m.type === 'usage' && m.id === id)).cpuMicros;
}

async function ask<T extends FromServer>(server: Child<ToServer, FromServer>, message: ToServer & { id: number }, type: T['type']): Promise<T> {
  server.send(message);
  return server.next((m): m is T => m.type === type && 'id' in m && m.id === message.id);
}

async function signIn(base: string, who: string): Promise<string> {
  const request = graphqlRequest(SIGN_IN, { email: `${who}.${BENCH_TENANT}@example.gov.vn`, password: BENCH_PASSWORD });
  const answer = (await (await fetch(`${base}/graphql`, { method: 'POST', headers: request.headers, body: request.body })).json()) as { data?: { signIn?: { token?: string } } };
  const token = answer.data?.signIn?.token;
  if (!token) throw new Error(`sign-in of ${who} failed: ${JSON.stringify(answer).slice(0, 300)}`);
  return token;
}

async function postgresUrl(): Promise<{ url: string; pg: PostgresServer | null; label: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, pg: null, label: 'PostgreSQL (DATABASE_URL)' };
  const pg = await startPostgres();
  const admin = await openDatabase({ url: pg.url });
  await admin.query('CREATE DATABASE paht_bench');
  await admin.close();
  return { url: pg.url.replace(/\/[^/?]*(\?|$)/, '/paht_bench$1'), pg, label: 'PostgreSQL 15 (throwaway server, unpinned)' };
}

async function benchEngine(engine: 'postgres' | 'pglite'): Promise<Row[]> {
  const database = engine === 'postgres' ? await postgresUrl() : { url: undefined, pg: null, label: 'PGlite (embedded, in memory, in the server process)' };
  const server = startChild<ToServer, FromServer>('./server-process.ts', { BENCH_DATABASE_URL: database.url });
  children.add(server.process);
  const ready = await server.next((m): m is Extract<FromServer, { type: 'ready' }> => m.type === 'ready');
  const session: Session = {
    trackingCode: ready.trackingCode,
    secret: ready.secret,
    iocToken: await signIn(ready.base, 'ioc'),
    unitToken: await signIn(ready.base, 'chuyenvien'),
  };
  const rows: Row[] = [];
  const label = `${database.label}: ${options.connections} connections, ${options.seconds} s per case, tracked report with ${ready.timelineEvents} timeline events`;
  for (const workload of WORKLOADS.filter((w) => options.cases.includes(w.key))) {
    const run = new SubmitCounter(`bench${Date.now().toString(36)}`);
    const count = async () => (await ask<Extract<FromServer, { type: 'count' }>>(server, { type: 'count', id: ++messageId, marker: run.marker }, 'count')).n;
    const requests = workload.requests(session, run);
    const body = await sample(ready.base, requests);
    await serveOnBare(body);
    const bareCpuBefore = await bareUsage();
    const bareFigures = await load(bareBase, workload.requests(session, new SubmitCounter('bare')), options.seconds, options.connections);
    const bareCpu = (await bareUsage()) - bareCpuBefore;
    const before = workload.writes ? await count() : 0;
    run.acknowledged = 0;
    run.refused = 0;
    if (options.profile) await ask(server, { type: 'profile-start', id: ++messageId }, 'profile');
    const usageBefore = await ask<Usage>(server, { type: 'usage', id: ++messageId }, 'usage');
    const figures = await load(ready.base, requests, options.seconds, options.connections);
    const usageAfter = await ask<Usage>(server, { type: 'usage', id: ++messageId }, 'usage');
    const cpu = usageAfter.cpuMicros - usageBefore.cpuMicros;
    const dbCpu = usageAfter.dbCpuMicros === undefined || usageBefore.dbCpuMicros === undefined ? null : usageAfter.dbCpuMicros - usageBefore.dbCpuMicros;
    if (options.profile) {
      const file = resolve(options.profile, `${engine}-${workload.key}.cpuprofile`);
      await ask(server, { type: 'profile-stop', id: ++messageId, file }, 'profile');
    }
    const memory = memoryOf(server.process.pid);
    let note = '';
    if (workload.writes) {
      await new Promise((r) => setTimeout(r, 500));
      const added = (await count()) - before;
      const lost = run.acknowledged - added;
      note = `${run.acknowledged} acknowledged, ${added} rows${lost > 0 ? `, ${lost} LOST` : ''}${added > run.acknowledged ? ` (${added - run.acknowledged} answered after the clock stopped)` : ''}${run.refused ? `, ${run.refused} refused` : ''}`;
    }
    rows.push({ engine, key: workload.key, name: workload.name, bytes: Buffer.byteLength(body), ...figures, rssMb: memory?.rss ?? null, cpuMs: cpu / 1000 / Math.max(1, figures.total), dbCpuMs: dbCpu === null ? null : dbCpu / 1000 / Math.max(1, figures.total), bareCpuMs: bareCpu / 1000 / Math.max(1, bareFigures.total), bareRps: bareFigures.rps, bareP99: bareFigures.p99, failed: figures.failed, note });
  }
  const memory = memoryOf(server.process.pid);
  server.send({ type: 'stop' });
  await exited(server.process);
  database.pg?.stop();
  printEngine(`${label}; server peak RSS ${memory ? memory.peak.toFixed(0) : '–'} MB`, rows);
  return rows;
}

if (options.profile) mkdirSync(options.profile, { recursive: true });
console.log(
  `pnpm bench — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ` +
    (pinning ? `server and bare server on core ${pinning.server}, load generator (autocannon) on core ${pinning.generator}` : 'no pinning (no taskset or one core)') +
    `; tenant ${BENCH_TENANT}; ratio = req/s ÷ the bare server's req/s answering the same bytes, measured just before; CPU ratio = the bare server's CPU time per request ÷ the server's (less sensitive to other load on the machine)`,
);
const all: Row[] = [];
for (const engine of options.engines) all.push(...(await benchEngine(engine)));
if (options.engines.length > 1) printSideBySide(all);
if (options.profile) console.log(`\nCPU profiles (one per case): ${join(resolve(options.profile), '*.cpuprofile')}; summary: node --import tsx packages/graphql-server/bench/profile-summary.ts <file>`);
bare.process.disconnect();
await exited(bare.process);
