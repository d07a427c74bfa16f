import { randomUUID } from 'node:crypto';
import { DEADLINE_JOBS, isDeadlineJob, type DeadlineJob } from '@paht/core';
import { describeUnexpected } from '../errors/redact.js';
import { checkTask, type JobHandler, type JobRunner, type TaskData, type TaskDefinition } from './job-runner.js';

interface Logger {
  error(details: object, message: string): void;
}

/**
 * The jobs on the embedded PGlite database (one process): a timer per job
 * (unref'd: it never keeps the process alive), runs of one job one after
 * the other, nothing persisted (the claims are in the database, so a run
 * after a restart catches up on whatever fell due meanwhile; queued tasks
 * that must survive a restart keep their own record, as exports do).
 */
export function createInProcessRunner(handler: JobHandler, options: { intervals: Readonly<Record<DeadlineJob, number>> | null; log: Logger }): JobRunner {
  const timers: NodeJS.Timeout[] = [];
  const tails = new Map<string, Promise<unknown>>();
  const runs = new Map<string, Promise<unknown>>();
  const busy = new Set<string>();
  const tasks = new Map<string, TaskDefinition>();
  let started = false;

  const work = (name: string, data: TaskData): Promise<unknown> => {
    if (isDeadlineJob(name)) return handler(name);
    const task = tasks.get(name);
    if (!task) return Promise.reject(new Error(`No task ${name}`));
    return task.run(data);
  };

  const run = (name: string, data: TaskData): Promise<unknown> => {
    const tail = tails.get(name) ?? Promise.resolve();
    const next = tail.then(async () => {
      busy.add(name);
      try {
        return await work(name, data);
      } finally {
        busy.delete(name);
      }
    });
    tails.set(name, next.catch(() => undefined));
    return next;
  };

  const every = (name: string, ms: number) => {
    if (!(ms > 0)) return;
    const timer = setInterval(() => {
      // A run longer than the interval: skip this beat rather than queue up.
      if (busy.has(name)) return;
      run(name, {}).catch((error: unknown) => options.log.error({ job: name, error: describeUnexpected(error) }, 'Job failed'));
    }, ms);
    timer.unref();
    timers.push(timer);
  };

  const runner: JobRunner = {
    engine: 'in-process',
    define(task) {
      checkTask(task, tasks, started);
      tasks.set(task.name, task);
    },
    start() {
      if (started) return Promise.resolve();
      started = true;
      if (options.intervals) {
        for (const job of DEADLINE_JOBS) every(job, options.intervals[job] ?? 0);
        for (const task of tasks.values()) every(task.name, task.everyMs ?? 0);
      }
      return Promise.resolve();
    },
    async enqueue(name: string, data: TaskData = {}) {
      await runner.start();
      const id = randomUUID();
      const pending = run(name, data).finally(() => setTimeout(() => runs.delete(id), 60_000).unref());
      pending.catch((error: unknown) => {
        if (!isDeadlineJob(name)) options.log.error({ job: name, error: describeUnexpected(error) }, 'Job failed');
      });
      runs.set(id, pending);
      return id;
    },
    async waitFor(_name: string, id: string) {
      const pending = runs.get(id);
      if (!pending) throw new Error(`No run ${id} in this process`);
      return pending as never;
    },
    async runNow(name: string, data?: TaskData) {
      return runner.waitFor(name, await runner.enqueue(name, data)) as never;
    },
    async stop() {
      for (const t of timers.splice(0)) clearInterval(t);
      started = false;
      await Promise.all(tails.values());
    },
  };
  return runner;
}
