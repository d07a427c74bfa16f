import { randomUUID } from 'node:crypto';
import { DEADLINE_JOBS, type DeadlineJob } from '@paht/core';
import { describeUnexpected } from '../errors/redact.js';
import type { JobHandler, JobRunner, JobRunSummary } from './job-runner.js';

interface Logger {
  error(details: object, message: string): void;
}

/**
 * The jobs on the embedded PGlite database (one process): a timer per job
 * (unref'd: it never keeps the process alive), runs of one job one after
 * the other, nothing persisted (the claims are in the database, so a run
 * after a restart catches up on whatever fell due meanwhile).
 */
export function createInProcessRunner(handler: JobHandler, options: { intervals: Readonly<Record<DeadlineJob, number>> | null; log: Logger }): JobRunner {
  const timers: NodeJS.Timeout[] = [];
  const tails = new Map<DeadlineJob, Promise<unknown>>();
  const runs = new Map<string, Promise<JobRunSummary>>();
  const busy = new Set<DeadlineJob>();
  let started = false;

  const run = (job: DeadlineJob): Promise<JobRunSummary> => {
    const tail = tails.get(job) ?? Promise.resolve();
    const next = tail.then(async () => {
      busy.add(job);
      try {
        return await handler(job);
      } finally {
        busy.delete(job);
      }
    });
    tails.set(job, next.catch(() => undefined));
    return next;
  };

  const runner: JobRunner = {
    engine: 'in-process',
    start() {
      if (started) return Promise.resolve();
      started = true;
      for (const job of DEADLINE_JOBS) {
        const every = options.intervals?.[job] ?? 0;
        if (!(every > 0)) continue;
        const timer = setInterval(() => {
          // A run longer than the interval: skip this beat rather than queue up.
          if (busy.has(job)) return;
          run(job).catch((error: unknown) => options.log.error({ job, error: describeUnexpected(error) }, 'Deadline job failed'));
        }, every);
        timer.unref();
        timers.push(timer);
      }
      return Promise.resolve();
    },
    async enqueue(job) {
      await runner.start();
      const id = randomUUID();
      const pending = run(job).finally(() => setTimeout(() => runs.delete(id), 60_000).unref());
      pending.catch(() => undefined);
      runs.set(id, pending);
      return id;
    },
    async waitFor(_job, id) {
      const pending = runs.get(id);
      if (!pending) throw new Error(`No run ${id} in this process`);
      return pending;
    },
    async runNow(job) {
      return runner.waitFor(job, await runner.enqueue(job));
    },
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t);
      started = false;
      await Promise.all(tails.values());
    },
  };
  return runner;
}
