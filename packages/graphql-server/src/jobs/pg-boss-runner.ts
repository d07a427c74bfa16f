import { DEADLINE_JOBS, type Database, type DeadlineJob } from '@paht/core';
import PgBoss from 'pg-boss';
import { describeUnexpected } from '../errors/redact.js';
import { cronFor, type JobHandler, type JobRunner, type JobRunSummary } from './job-runner.js';

interface Logger {
  error(details: object, message: string): void;
}

export interface PgBossRunnerOptions {
  /** Interval per job (whole minutes in the cron schedule); null: register no schedule from this process. */
  intervals: Readonly<Record<DeadlineJob, number>> | null;
  /** Work the queues in this process. Default true; false: a process that only schedules and queues. */
  workers?: boolean;
  /** How often an idle worker looks for queued runs, in seconds (at least 0.5). Default 2; `runNow` wakes it at once. */
  pollingIntervalSeconds?: number;
  log: Logger;
}

/** pg-boss's schema in the database. */
export const PG_BOSS_SCHEMA = 'pgboss';
/** A job's queue: `deadlines-<job>`. */
export const queueOf = (job: DeadlineJob): string => `deadlines-${job}`;

const FINISHED = new Set(['completed', 'failed', 'cancelled']);
/** Advisory lock key held while a process starts pg-boss (installs or migrates its schema). */
const START_LOCK = 0x7b055;

/**
 * The jobs on PostgreSQL, through pg-boss 10 on the platform's own
 * connection pool (its tables in the `pgboss` schema, owned by the
 * connecting role). Each job has a `singleton` queue (one run active at a
 * time across every process) and a cron schedule stored in the database:
 * whichever processes run, pg-boss queues one run per scheduled minute and
 * one worker takes it. Queued runs survive a restart. The core's claims make
 * a repeated run harmless anyway.
 */
export function createPgBossRunner(db: Database, handler: JobHandler, options: PgBossRunnerOptions): JobRunner {
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: await db.query(text, values ?? []) }) },
    schema: PG_BOSS_SCHEMA,
    schedule: options.intervals !== null,
    supervise: true,
    migrate: true,
  });
  boss.on('error', (error) => options.log.error({ error: describeUnexpected(error) }, 'pg-boss failed'));
  const workers = new Map<DeadlineJob, string>();
  let starting: Promise<void> | null = null;

  async function startOnce(): Promise<void> {
    // Processes starting together would race to create pg-boss's schema and
    // the queues' tables (deadlocks, duplicate schema): one at a time.
    await db.withLock(START_LOCK, async () => {
      await boss.start();
      for (const job of DEADLINE_JOBS) {
        const name = queueOf(job);
        await boss.createQueue(name, { name, policy: 'singleton', retryLimit: 2, retryDelay: 30, expireInSeconds: 15 * 60 });
        if (options.intervals && options.intervals[job] > 0) await boss.schedule(name, cronFor(options.intervals[job]), {}, { tz: 'UTC' });
      }
    });
    if (!(options.workers ?? true)) return;
    for (const job of DEADLINE_JOBS) {
      const id = await boss.work(queueOf(job), { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([run]) => {
        if (!run) return null;
        return handler(job);
      });
      workers.set(job, id);
    }
  }

  const runner: JobRunner = {
    engine: 'pg-boss',
    start() {
      starting ??= startOnce();
      return starting;
    },
    async enqueue(job) {
      await runner.start();
      const id = await boss.send(queueOf(job), {});
      if (!id) throw new Error(`pg-boss did not queue ${job}`);
      const worker = workers.get(job);
      if (worker) boss.notifyWorker(worker);
      return id;
    },
    async waitFor(job, id) {
      await runner.start();
      for (;;) {
        const run = await boss.getJobById(queueOf(job), id);
        if (run && FINISHED.has(run.state)) {
          if (run.state !== 'completed') throw new Error(`Deadline job ${job} ${run.state}`);
          return run.output as JobRunSummary;
        }
        // Still queued (e.g. behind another run of the singleton queue): wake this process's worker rather than wait for its next poll.
        const worker = workers.get(job);
        if (worker && run?.state === 'created') boss.notifyWorker(worker);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async runNow(job) {
      return runner.waitFor(job, await runner.enqueue(job));
    },
    async stop() {
      if (!starting) return;
      await starting.catch(() => undefined);
      starting = null;
      workers.clear();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
  return runner;
}
