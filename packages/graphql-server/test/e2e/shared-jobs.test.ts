// Issue 14: two server processes (`pnpm start`) on one PostgreSQL database
// share the deadline jobs through pg-boss. One run of the SLA job is queued;
// the test holds the job's per-tenant advisory lock, so the run stops inside
// whichever process took it (each process names its database connections,
// `application_name`, so the test sees which one). Only one process ever
// runs it. That process is killed (SIGKILL) mid-run; the other one finds the
// run expired and runs it again to the end: the run completes once, on its
// one retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PgBoss from 'pg-boss';
import { withTenant } from '@paht/core';
import type { FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, type TestDatabase } from '../../../core/test/support/test-database.js';
import { provisionFixture, startServerProcess, type ServerProcess } from './support/server-process.js';

const NAMES = ['paht-jobs-a', 'paht-jobs-b'] as const;
/** The SLA job's queue (`src/jobs/pg-boss-runner.ts`) and its lock space (`core/src/sla/sla-alerts.ts`, 0x51a). */
const QUEUE = 'deadlines-sla-alerts';
const SLA_LOCK_SPACE = 0x51a;
/**
 * A run counts as crashed after this long (PAHT_JOB_EXPIRE_SECONDS): pg-boss looks and retries within
 * about three times that. Longer than the test watches the blocked run: past it, the run would count as
 * crashed while still running, and the other process would start it again (as it would in production after
 * 15 minutes; the job's claims make that harmless, but this test is about the crash).
 */
const EXPIRE_SECONDS = 6;

let tdb: TestDatabase;
let tenant: FixtureTenant;
let servers: ServerProcess[] = [];
let boss: PgBoss;
let startMs = 0;

/** The process connections (by `application_name`) waiting for an advisory lock. */
async function waitingOnTheLock(): Promise<string[]> {
  const rows = await tdb.db.query<{ name: string }>(
    "SELECT application_name AS name FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND application_name = ANY($1::text[])",
    [NAMES],
  );
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  const started = Date.now();
  tdb = await openTestDatabase();
  tenant = (await provisionFixture(tdb.db, 'jobs', 'JB')).tenant;
  // No schedule: the one run is the test's. Each process names its connections.
  servers = NAMES.map((name) =>
    startServerProcess({ DATABASE_URL: `${tdb.url!}?application_name=${name}`, PAHT_JOB_SCHEDULE: '0', PAHT_JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS) }),
  );
  await Promise.all(servers.map((s) => s.ready));
  // The test's own pg-boss client, to queue a run as any process would (no maintenance, no schedule of its own).
  boss = new PgBoss({ connectionString: tdb.url!, schema: 'pgboss', supervise: false, schedule: false, migrate: false });
  boss.on('error', () => undefined);
  await boss.start();
  startMs = Date.now() - started;
}, 180_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await Promise.all(servers.map((s) => s.stop()));
  await tdb?.close();
});

describe.runIf(process.env.TEST_DB === 'postgres')('two server processes sharing the deadline jobs', () => {
  it('runs a queued job in one process only, and the other finishes it when that one is killed mid-run', async () => {
    const started = Date.now();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The job's own per-tenant lock, held by the test until the runner is dead.
    let locked: () => void = () => undefined;
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    const holder = withTenant(
      tdb.db,
      tenant.tenantId,
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SLA_LOCK_SPACE}::int, hashtext(${tenant.tenantId}))`;
        locked();
        await released;
      },
      { timeoutMs: 60_000 },
    );
    try {
      await lockHeld;
      const id = await boss.send(QUEUE, {});
      expect(id).toBeTruthy();

      // One process took the run and waits inside it; over more than a polling interval (2 s) the other never does.
      let runners: string[] = [];
      await expect.poll(async () => (runners = await waitingOnTheLock()).length, { timeout: 20_000, interval: 100 }).toBe(1);
      const runner = runners[0]!;
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(await waitingOnTheLock()).toEqual([runner]);
      }
      expect(await boss.getJobById(QUEUE, id!)).toMatchObject({ state: 'active', retryCount: 0 });

      // The runner dies mid-run.
      const dead = servers[NAMES.indexOf(runner as (typeof NAMES)[number])]!;
      dead.child.kill('SIGKILL');
      await dead.exited;
      const killedAt = Date.now();
      release();
      await holder;

      // The survivor finds the run expired and runs it again, to the end, once.
      await expect.poll(async () => (await boss.getJobById(QUEUE, id!))?.state, { timeout: 30_000, interval: 200 }).toBe('completed');
      const done = await boss.getJobById(QUEUE, id!);
      expect(done).toMatchObject({ state: 'completed', retryCount: 1 });
      expect(done?.output).toMatchObject({ job: 'sla-alerts', failedTenants: [] });
      const runs = await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pgboss.job WHERE id = $1', [id]);
      expect(runs[0]!.n).toBe(1);
      const survivor = servers.find((s) => s !== dead)!;
      expect(survivor.child.exitCode).toBeNull();
      console.log(
        `[shared-jobs] the run was taken by ${runner} only; killed, it was completed by the other process ${Date.now() - killedAt} ms later (crash detection ${EXPIRE_SECONDS} s); ` +
          `database and both processes started in ${startMs} ms, the test ran ${Date.now() - started} ms`,
      );
    } finally {
      release();
      await holder.catch(() => undefined);
    }
  }, 90_000);
});
