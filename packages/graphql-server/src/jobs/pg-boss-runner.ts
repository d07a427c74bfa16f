import { DEADLINE_JOBS, isDeadlineJob, type Database, type DeadlineJob } from '@paht/core';
import PgBoss from 'pg-boss';
import { describeUnexpected } from '../errors/redact.js';
import { checkTask, cronFor, tickSeconds, type JobHandler, type JobRunner, type TaskData, type TaskDefinition } from './job-runner.js';

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
  /**
   * How long a deadline job's run may take before it counts as crashed (its
   * process killed mid-run): then another process retries it. pg-boss looks
   * for such runs every `min(120, this)` seconds and retries after
   * `min(30, this)`. Default 900 (15 minutes).
   */
  expireInSeconds?: number;
  /**
   * How often each process looks whether a schedule is due, and picks up the
   * runs that look queues, in seconds (1 to 45). Default pg-boss's: 30 and 5.
   * Whichever process looks, a tick is queued once.
   */
  cronCheckSeconds?: number;
  log: Logger;
}

/** A deadline job's run counts as crashed after this long by default. */
export const DEFAULT_JOB_EXPIRE_SECONDS = 15 * 60;

/** pg-boss's schema in the database. */
export const PG_BOSS_SCHEMA = 'pgboss';
/** A job's queue: `deadlines-<job>`; a task's is its name. */
export const queueOf = (job: string): string => (isDeadlineJob(job) ? `deadlines-${job}` : job);

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
  const expireInSeconds = options.expireInSeconds ?? DEFAULT_JOB_EXPIRE_SECONDS;
  const boss = new PgBoss({
    db: { executeSql: async (text: string, values?: unknown[]) => ({ rows: await db.query(text, values ?? []) }) },
    schema: PG_BOSS_SCHEMA,
    schedule: options.intervals !== null,
    supervise: true,
    migrate: true,
    // Crashed runs (active past their expiry) are failed, and so retried, by the next maintenance.
    maintenanceIntervalSeconds: Math.min(120, expireInSeconds),
    ...(options.cronCheckSeconds ? { cronMonitorIntervalSeconds: options.cronCheckSeconds, cronWorkerIntervalSeconds: options.cronCheckSeconds } : {}),
  });
  boss.on('error', (error) => options.log.error({ error: describeUnexpected(error) }, 'pg-boss failed'));
  const workers = new Map<string, string>();
  const tasks = new Map<string, TaskDefinition>();
  let starting: Promise<void> | null = null;

  /**
   * A cron schedule whose runs are queued once per tick. pg-boss's own
   * guard (one queued run per schedule and minute of database time) lets an
   * hourly or quarter-hourly tick through twice when two looks fall on both
   * sides of the minute after the tick (the tick is due for 60 s by the
   * looking process's clock, a look in its last instant is stored in the
   * next minute, and the queued run is moved to its queue seconds later).
   * Such runs carry their tick as a singleton slot (`tickSeconds`), so a
   * second run for the same tick is not queued.
   */
  const schedule = (name: string, intervalMs: number) => {
    const slot = tickSeconds(intervalMs);
    return boss.schedule(name, cronFor(intervalMs), {}, { tz: 'UTC', ...(slot ? { singletonSeconds: slot } : {}) });
  };

  async function startOnce(): Promise<void> {
    // Processes starting together would race to create pg-boss's schema and
    // the queues' tables (deadlocks, duplicate schema): one at a time.
    await db.withLock(START_LOCK, async () => {
      await boss.start();
      for (const job of DEADLINE_JOBS) {
        const name = queueOf(job);
        const queue = { name, policy: 'singleton', retryLimit: 2, retryDelay: Math.min(30, expireInSeconds), expireInSeconds } as const;
        await boss.createQueue(name, queue);
        // An existing queue takes this start's settings too (createQueue leaves it as it was).
        await boss.updateQueue(name, queue);
        if (options.intervals && options.intervals[job] > 0) await schedule(name, options.intervals[job]);
      }
      for (const task of tasks.values()) {
        const name = task.name;
        await boss.createQueue(name, { name, policy: task.policy ?? 'standard', retryLimit: task.retryLimit ?? 1, retryDelay: 30, expireInSeconds: task.expireInSeconds ?? 15 * 60 });
        if (options.intervals && (task.everyMs ?? 0) > 0) await schedule(name, task.everyMs!);
      }
    });
    if (!(options.workers ?? true)) return;
    const poll = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };
    for (const job of DEADLINE_JOBS) {
      const id = await boss.work(queueOf(job), poll, async ([run]) => {
        if (!run) return null;
        return handler(job);
      });
      workers.set(queueOf(job), id);
    }
    for (const task of tasks.values()) {
      const id = await boss.work<TaskData>(task.name, poll, async ([run]) => {
        if (!run) return null;
        return task.run(run.data ?? {});
      });
      workers.set(task.name, id);
    }
  }

  const runner: JobRunner = {
    engine: 'pg-boss',
    define(task) {
      checkTask(task, tasks, starting !== null);
      tasks.set(task.name, task);
    },
    start() {
      starting ??= startOnce();
      return starting;
    },
    async enqueue(job: string, data: TaskData = {}) {
      await runner.start();
      const id = await boss.send(queueOf(job), data);
      if (!id) throw new Error(`pg-boss did not queue ${job}`);
      const worker = workers.get(queueOf(job));
      if (worker) boss.notifyWorker(worker);
      return id;
    },
    async waitFor(job: string, id: string) {
      await runner.start();
      for (;;) {
        const run = await boss.getJobById(queueOf(job), id);
        if (run && FINISHED.has(run.state)) {
          if (run.state !== 'completed') throw new Error(`Job ${job} ${run.state}`);
          return run.output as never;
        }
        // Still queued (e.g. behind another run of the singleton queue): wake this process's worker rather than wait for its next poll.
        const worker = workers.get(queueOf(job));
        if (worker && run?.state === 'created') boss.notifyWorker(worker);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async runNow(job: string, data?: TaskData) {
      return runner.waitFor(job, await runner.enqueue(job, data)) as never;
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
