import { DEADLINE_JOBS, type CoreContext, type DeadlineJob } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { deadlineHandler } from './deadline-handler.js';
import { createInProcessRunner } from './in-process-runner.js';
import { DEFAULT_JOB_INTERVALS, type JobRunner } from './job-runner.js';
import { createPgBossRunner } from './pg-boss-runner.js';
import { observeJobs } from '../telemetry/job-metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The deadline jobs (src/jobs, docs/deadlines.md): `runNow(job)` runs one through the real queue and awaits it. */
    jobs: JobRunner;
  }
}

export interface JobsOptions {
  /**
   * Run the jobs on a schedule once the app listens. Default true, unless
   * `PAHT_JOB_SCHEDULE=0` (the test projects set it, so a test's injected
   * clock never meets a wall-clock schedule). False:
   * no timer and no schedule registered by this process (`app.jobs.runNow`
   * still works; with pg-boss, schedules other processes registered still run).
   */
  schedule?: boolean;
  /** Milliseconds between runs per job; default `DEFAULT_JOB_INTERVALS` (SLA alerts every minute, rating reminders and auto-close every 15 minutes, focal points and form reminders hourly). With pg-boss, rounded to whole minutes (a cron schedule). */
  intervals?: Partial<Record<DeadlineJob, number>>;
  /** Work the queues in this process (pg-boss). Default true, unless `PAHT_JOB_WORKERS=0`: a process that serves requests only. */
  workers?: boolean;
  /** pg-boss: seconds between an idle worker's polls (at least 0.5). Default 2. */
  pollingIntervalSeconds?: number;
  /**
   * pg-boss: seconds a deadline job's run may take before it counts as
   * crashed (its process killed mid-run) and another process retries it.
   * Default `PAHT_JOB_EXPIRE_SECONDS`, else 900 (15 minutes).
   */
  expireInSeconds?: number;
  /**
   * pg-boss: seconds between a process's looks for a schedule that is due
   * (1 to 45). Default `PAHT_JOB_CRON_CHECK_SECONDS`, else 30. Whichever
   * process looks, each tick is queued once.
   */
  cronCheckSeconds?: number;
}

/** A whole number of seconds from the variable `name`, within `[min, max]`; unset: undefined. */
function secondsFromEnv(name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number of seconds, ${max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `${min} to ${max}`}, not ${text}`);
  }
  return value;
}

/**
 * The app's scheduled jobs: pg-boss on PostgreSQL, an in-process runner on
 * PGlite, the same handler either way. Started when the app listens (or at
 * the first `runNow`), stopped when it closes, before the buses close.
 */
export function attachJobs(app: FastifyInstance, core: CoreContext, options: JobsOptions = {}): JobRunner {
  const intervals = { ...DEFAULT_JOB_INTERVALS, ...options.intervals };
  for (const job of DEADLINE_JOBS) {
    const every = intervals[job];
    if (!Number.isFinite(every) || every < 0) throw new RangeError(`jobs.intervals.${job} must be 0 or more milliseconds, got ${every}`);
  }
  const scheduled = (options.schedule ?? process.env.PAHT_JOB_SCHEDULE !== '0') ? intervals : null;
  // Timed runs when telemetry is on (src/telemetry/job-metrics.ts).
  const runner = observeJobs(deadlineHandler(core, app.log), (handler) => core.db.engine === 'postgres'
    ? createPgBossRunner(core.db, handler, {
      intervals: scheduled,
      workers: options.workers ?? process.env.PAHT_JOB_WORKERS !== '0',
      pollingIntervalSeconds: options.pollingIntervalSeconds,
      expireInSeconds: options.expireInSeconds ?? secondsFromEnv('PAHT_JOB_EXPIRE_SECONDS', 1),
      cronCheckSeconds: options.cronCheckSeconds ?? secondsFromEnv('PAHT_JOB_CRON_CHECK_SECONDS', 1, 45),
      log: app.log,
    })
    : createInProcessRunner(handler, { intervals: scheduled, log: app.log }));
  app.decorate('jobs', runner);
  app.addHook('onListen', async () => runner.start());
  app.addHook('preClose', async () => runner.stop());
  return runner;
}
