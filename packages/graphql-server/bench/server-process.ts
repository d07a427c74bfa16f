// The API under test, in its own process (bench/main.ts starts it, pinned to
// one core when `taskset` exists). Opens the engine it is told to (PGlite in
// memory, or the PostgreSQL at BENCH_DATABASE_URL), migrates, seeds the demo
// tenants, listens on a free loopback port and answers the parent's IPC
// messages: `ready` (sent once, with the fixtures), `count` (reports whose
// title carries a marker, read as the owner so RLS does not hide any),
// `profile` (start the V8 CPU profiler, or stop it and write the
// .cpuprofile: one per case with --profile) and `stop`.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { createCoreContext, migrate, openDatabase, seedDemo } from '@paht/core';
import { reportSecret } from '../../core/src/reports/report-secret.js';
import { buildApp } from '../src/app.js';
import { postgresCpu } from './db-usage.js';
import { BENCH_SECRET_KEY, BENCH_TENANT, usage, type FromServer, type ToServer } from './protocol.js';

const url = process.env.BENCH_DATABASE_URL;
const db = await openDatabase(url ? { url, poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10) } : {});
const core = createCoreContext(db, { secretKey: BENCH_SECRET_KEY });
await migrate(db);
await seedDemo(core);

// The citizen's view: a closed report with a full timeline, and its secret.
const [tracked] = await db.query<{ id: string; tracking_code: string; events: number }>(
  `SELECT r.id, r.tracking_code, (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id) AS events
     FROM reports r JOIN tenants t ON t.id = r.tenant_id
    WHERE t.slug = $1 AND r.visibility = 'PUBLIC' AND r.status = 'CLOSED'
    ORDER BY r.submitted_at DESC LIMIT 1`,
  [BENCH_TENANT],
);
if (!tracked) throw new Error('no closed public report in the demo data');

// The database server's CPU (PostgreSQL on this machine; PGlite's is the process's own).
const dbCpu = url ? postgresCpu((await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid) : () => undefined;

// Production mode as deployed; rate limits off, or the submit load measures the limiter.
const app = await buildApp({ core, production: true, rateLimits: false });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const send = (message: FromServer) => process.send!(message);
send({
  type: 'ready',
  base,
  engine: db.engine,
  trackingCode: tracked.tracking_code,
  secret: reportSecret(BENCH_SECRET_KEY, tracked.id),
  timelineEvents: tracked.events,
});

const inspector = new Session();
process.on('message', (message: ToServer) => {
  void (async () => {
    if (message.type === 'count') {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE title LIKE $1', [`%${message.marker}%`]);
      send({ type: 'count', id: message.id, n: row!.n });
    } else if (message.type === 'usage') {
      send(usage(message.id, dbCpu()));
    } else if (message.type === 'profile-start') {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
      await inspector.post('Profiler.start');
      send({ type: 'profile', id: message.id });
    } else if (message.type === 'profile-stop') {
      const { profile } = await inspector.post('Profiler.stop');
      inspector.disconnect();
      await writeFile(message.file, JSON.stringify(profile));
      send({ type: 'profile', id: message.id });
    } else if (message.type === 'stop') {
      await app.close();
      await db.close();
      // process.exit writes the --cpu-prof profile.
      process.exit(0);
    }
  })();
});
