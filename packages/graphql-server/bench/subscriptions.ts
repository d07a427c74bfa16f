// `pnpm bench:live`: N citizens (default 10,000) hold a graphql-ws connection
// each, subscribed to the same report's status (`reportStatus(trackingCode,
// secret)`); one status change goes through the API (`classifyReport` by the
// demo IOC operator) and the time until each client has it is measured from
// the moment the mutation is sent. The API runs in its own process
// (bench/server-process.ts, pinned to core 0 when `taskset` exists); this
// process holds the clients (pinned to core 1). Prints server RSS before and
// after connecting, memory per idle connection (the server's JS heap and
// buffers after a full GC, asked through bench/heap-probe.mjs: with the
// clients connected, minus once they have all closed, ÷ connections), and
// p50/p99/max delivery.
// Not part of the test suite: figures are printed, never asserted.
//
// Options (`--name=value`, or BENCH_*):
//   --clients / BENCH_CLIENTS   connections to open, default 10000
//   --engine / BENCH_ENGINE     postgres (default: a throwaway server, or DATABASE_URL) or pglite
//   --ramp / BENCH_RAMP         connections opening at once, default 200
//   --timeout / BENCH_TIMEOUT   seconds to wait for every client's update, default 600
//   --profile / BENCH_PROFILE   write the server's V8 CPU profile, from the mutation sent to the last delivery, to this file
//                               (summary: node --import tsx packages/graphql-server/bench/profile-summary.ts <file>)
// Each connection is a file descriptor on both sides: raise `ulimit -n` above
// the client count (the server and this process each need one per client).
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { openDatabase } from '@paht/core';
import { startPostgres, type PostgresServer } from '../../../test/setup/postgres-server.js';
import { exited, memoryOf, pinGenerator, pinning, startChild } from './children.js';
import { SIGN_IN, SUBMIT_REPORT } from './documents.js';
import { BENCH_PASSWORD, BENCH_TENANT, type FromServer, type ToServer } from './protocol.js';

function option(name: string): string | undefined {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : process.env[`BENCH_${name.toUpperCase()}`];
}
function positive(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`--${name} must be a positive integer`);
  return value;
}
const clients = positive('clients', 10_000);
const ramp = positive('ramp', 200);
const timeoutMs = positive('timeout', 600) * 1000;
const engine = option('engine') ?? 'postgres';
if (engine !== 'postgres' && engine !== 'pglite') throw new RangeError('--engine must be postgres or pglite');
const profile = option('profile');

const STATUS = `subscription ReportStatus($trackingCode: String!, $secret: String!) {
  reportStatus(trackingCode: $trackingCode, secret: $secret) { trackingCode status entry { seq type status } }
}`;
const CATEGORIES = 'query { categories { id code } }';
const CLASSIFY = `mutation Classify($id: ID!, $categoryId: ID!) {
  classifyReport(id: $id, categoryId: $categoryId) { __typename ... on Error { code message } }
}`;

pinGenerator();
const mb = (n: number) => `${n.toFixed(0)} MB`;

async function graphql<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': BENCH_TENANT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as { data?: T; errors?: unknown };
  if (response.status !== 200 || answer.errors || !answer.data) throw new Error(`${query.slice(0, 40)}…: ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
  return answer.data;
}

async function database(): Promise<{ url: string | undefined; pg: PostgresServer | null; label: string }> {
  if (engine === 'pglite') return { url: undefined, pg: null, label: 'PGlite (embedded, in the server process)' };
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, pg: null, label: 'PostgreSQL (DATABASE_URL)' };
  const pg = await startPostgres();
  const admin = await openDatabase({ url: pg.url });
  await admin.query('CREATE DATABASE paht_bench_live');
  await admin.close();
  return { url: pg.url.replace(/\/[^/?]*(\?|$)/, '/paht_bench_live$1'), pg, label: 'PostgreSQL 15 (throwaway server, unpinned)' };
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);

const db = await database();
type Heap = { type: 'heap'; id: number; rss: number; heapUsed: number; external: number; sockets: number };
const server = startChild<ToServer | { type: 'heap'; id: number }, FromServer | Heap>('./server-process.ts', { BENCH_DATABASE_URL: db.url }, [
  '--expose-gc',
  '--import',
  fileURLToPath(new URL('./heap-probe.mjs', import.meta.url)),
]);
let heapAsks = 0;
/** The server's memory after a full collection (bench/heap-probe.mjs). */
async function heapOf(): Promise<Heap> {
  const id = ++heapAsks;
  server.send({ type: 'heap', id });
  return server.next((m): m is Heap => m.type === 'heap' && m.id === id);
}
process.on('exit', () => server.process.kill());
const ready = await server.next((m): m is Extract<FromServer, { type: 'ready' }> => m.type === 'ready');
const base = ready.base;
const wsUrl = `${base.replace(/^http/, 'ws')}/graphql`;
console.log(
  `pnpm bench:live — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ${db.label}; ` +
    (pinning ? `server on core ${pinning.server}, clients on core ${pinning.generator}` : 'no pinning') +
    `; ${clients} clients, ${ramp} opening at once; tenant ${BENCH_TENANT}`,
);

// A fresh report (SUBMITTED), so the IOC can classify it: one status change.
const ioc = (await graphql<{ signIn: { token?: string } }>(base, SIGN_IN, { email: `ioc.${BENCH_TENANT}@example.gov.vn`, password: BENCH_PASSWORD })).signIn.token;
if (!ioc) throw new Error('sign-in of the IOC operator failed');
const submitted = (
  await graphql<{ submitReport: { __typename: string; id: string; trackingCode: string; secret: string } }>(base, SUBMIT_REPORT, {
    input: {
      title: 'Cống thoát nước bị tắc (bench:live)',
      description: 'Cống trước chợ bị tắc, nước tràn ra đường sau mưa.',
      channel: 'APP',
      latitude: 16.8163,
      longitude: 107.1003,
      address: 'Đông Hà, Quảng Trị',
      reporter: { fullName: 'Người Thử Tải', phone: '0905 222 333' },
      idempotencyKey: `bench-live-${Date.now()}`,
    },
  })
).submitReport;
if (submitted.__typename !== 'SubmitReportSuccess') throw new Error(`submit: ${JSON.stringify(submitted)}`);
const category = (await graphql<{ categories: Array<{ id: string }> }>(base, CATEGORIES, {})).categories[0];
if (!category) throw new Error('no category in the demo data');

await new Promise((r) => setTimeout(r, 2000));
const idleHeap = await heapOf();
const idle = memoryOf(server.process.pid);

// Open the connections, `ramp` at a time; each counts as subscribed once its first item (the current status) arrives.
const all: Client[] = [];
const received = new Array<number>(clients).fill(NaN);
const failures = new Map<string, number>();
const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
/** Clients that received the update, or an error in its place. */
let answered = 0;
/** Clients whose subscription started (first item received): the ones the update must reach. */
let started = 0;
let everyone: () => void = () => {};
const allDelivered = new Promise<void>((resolve) => (everyone = resolve));
let sentAt = Infinity;

function open(i: number): Promise<void> {
  return new Promise((resolve) => {
    // A client whose first item does not come within a minute counts as failed; the ramp goes on.
    const timer = setTimeout(() => {
      fail('no first item within 60 s');
      resolve();
    }, 60_000);
    const subscribed = () => {
      clearTimeout(timer);
      resolve();
    };
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { tenant: BENCH_TENANT }, retryAttempts: 0, lazy: false, keepAlive: 0 });
    all.push(client);
    let items = 0;
    let mine = false;
    let over = false;
    /** A started client has its answer (the update, an error, or the end), once; one that ends before the change no longer counts as started. */
    const ended = () => {
      if (!mine || over) return;
      over = true;
      if (sentAt === Infinity) started -= 1;
      else answered += 1;
      if (sentAt !== Infinity && answered === started) everyone();
    };
    client.subscribe(
      { query: STATUS, variables: { trackingCode: submitted.trackingCode, secret: submitted.secret } },
      {
        next: (value) => {
          items += 1;
          if (items === 1 && !value.errors) {
            mine = true;
            started += 1;
            subscribed();
          } else if (items === 1) {
            fail(`GraphQL error on the first item ${JSON.stringify(value.errors).slice(0, 120)}`);
            subscribed();
          } else if (items === 2) {
            // An error in place of the update ends this client's wait too (else the bench would wait for it until --timeout).
            if (value.errors) fail(`GraphQL error on the update ${JSON.stringify(value.errors).slice(0, 120)}`);
            else received[i] = performance.now() - sentAt;
            ended();
          }
        },
        error: (error) => {
          fail(error instanceof Error ? error.message : `close ${(error as { code?: number }).code ?? '?'} ${(error as { reason?: string }).reason ?? ''}`);
          subscribed();
          ended();
        },
        complete: () => {
          subscribed();
          ended();
        },
      },
    );
  });
}

const connectStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(ramp, clients) }, async () => {
    while (next < clients) {
      const i = next++;
      await open(i);
      if ((i + 1) % 1000 === 0) console.log(`  ${next} opened, ${started} subscribed, ${(performance.now() - connectStart) / 1000 | 0} s`);
    }
  }),
);
const connectSeconds = (performance.now() - connectStart) / 1000;
await new Promise((r) => setTimeout(r, 3000));
const connectedHeap = await heapOf();
const connected = memoryOf(server.process.pid);
const open_ = started;

// One status change through the API.
let asks = 0;
if (profile) {
  server.send({ type: 'profile-start', id: ++asks });
  await server.next((m): m is Extract<FromServer, { type: 'profile' }> => m.type === 'profile');
}
sentAt = performance.now();
const classified = (await graphql<{ classifyReport: { __typename: string } }>(base, CLASSIFY, { id: submitted.id, categoryId: category.id }, ioc)).classifyReport;
const mutationMs = performance.now() - sentAt;
if (/Error$/.test(classified.__typename)) throw new Error(`classify: ${JSON.stringify(classified)}`);
await Promise.race([allDelivered, new Promise((r) => setTimeout(r, timeoutMs))]);
const after = memoryOf(server.process.pid);
if (profile) {
  server.send({ type: 'profile-stop', id: ++asks, file: resolve(profile) });
  await server.next((m): m is Extract<FromServer, { type: 'profile' }> => m.type === 'profile');
}

const times = received.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
const usedMb = (h: Heap) => (h.heapUsed + h.external) / 2 ** 20;
const perConnectionKb = idle && connected ? ((connected.rss - idle.rss) * 1024) / Math.max(1, open_) : NaN;
console.log(`
connections opened and subscribed   ${open_} of ${clients} in ${connectSeconds.toFixed(1)} s (${(open_ / connectSeconds).toFixed(0)}/s)
server RSS before connecting        ${idle ? mb(idle.rss) : '–'}
server RSS with ${open_} idle clients ${connected ? mb(connected.rss) : '–'} (peak ${connected ? mb(connected.peak) : '–'})
memory per idle connection (RSS)    ${perConnectionKb.toFixed(1)} KB (RSS difference ÷ connections; noisy: the RSS keeps garbage and returns pages late)
classifyReport answered in          ${mutationMs.toFixed(0)} ms
update received by                  ${times.length} of ${open_}${times.length < open_ ? ` (the rest failed, see below, or not within ${timeoutMs / 1000} s)` : ''}
delivery from the mutation sent     first ${(times[0] ?? NaN).toFixed(0)} ms, p50 ${quantile(times, 0.5).toFixed(0)} ms, p99 ${quantile(times, 0.99).toFixed(0)} ms, max ${(times.at(-1) ?? NaN).toFixed(0)} ms
server RSS after delivery           ${after ? mb(after.rss) : '–'} (peak ${after ? mb(after.peak) : '–'})${profile ? `\nserver CPU profile (mutation sent → last delivery) ${resolve(profile)}` : ''}`);
for (const [why, n] of failures) console.log(`failed: ${n} × ${why}`);

// The heap with the clients, against the heap once they have all gone: what the idle connections held, warm-up and caches aside.
await Promise.all(all.map((client) => Promise.resolve(client.dispose())));
// The server closes 10,000 sockets slowly: wait (up to two minutes) until it holds no more of them than before connecting.
let goneHeap = await heapOf();
for (let waited = 0; goneHeap.sockets > idleHeap.sockets && waited < 120; waited += 2) {
  await new Promise((r) => setTimeout(r, 2000));
  goneHeap = await heapOf();
}
const perConnectionHeapKb = ((usedMb(connectedHeap) - usedMb(goneHeap)) * 1024) / Math.max(1, open_);
const perConnectionUpperKb = ((usedMb(connectedHeap) - usedMb(idleHeap)) * 1024) / Math.max(1, open_);
console.log(`server heap + buffers after a GC     ${mb(usedMb(idleHeap))} before connecting, ${mb(usedMb(connectedHeap))} with ${open_} idle clients, ${mb(usedMb(goneHeap))} once they closed (${goneHeap.sockets} TCP sockets left, ${idleHeap.sockets} before)
memory per idle connection          ${perConnectionHeapKb.toFixed(1)} KB of JS heap and buffers (with clients − once closed, after a full GC, ÷ connections); ${perConnectionUpperKb.toFixed(1)} KB against before connecting (warm-up included)`);
server.send({ type: 'stop' });
await exited(server.process);
db.pg?.stop();
process.exit(0);
