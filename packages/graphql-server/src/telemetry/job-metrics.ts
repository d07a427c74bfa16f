import type { JobHandler, JobRunner, TaskData } from '../jobs/job-runner.js';
import { activeTelemetry } from './active.js';

/** Runs of the background jobs (deadline jobs and tasks) by `paht.job.name` and `paht.job.outcome` (`ok`, `failed`): duration, and so the count. */
export const METRIC_JOB_DURATION = 'paht.job.duration';
/** Job runs in progress in this process, by `paht.job.name`. */
export const METRIC_JOB_ACTIVE = 'paht.job.active';

type Timed = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** A timer of job runs on this process's meter, or null when telemetry is off. */
function jobTimer(): Timed | null {
  const telemetry = activeTelemetry();
  if (!telemetry) return null;
  const duration = telemetry.meter.createHistogram(METRIC_JOB_DURATION, { description: 'Duration of background job runs', unit: 's' });
  const active = telemetry.meter.createUpDownCounter(METRIC_JOB_ACTIVE, { description: 'Background job runs in progress', unit: '{run}' });
  return async (name, work) => {
    const started = performance.now();
    active.add(1, { 'paht.job.name': name });
    let outcome = 'failed';
    try {
      const result = await work();
      outcome = 'ok';
      return result;
    } finally {
      active.add(-1, { 'paht.job.name': name });
      duration.record((performance.now() - started) / 1000, { 'paht.job.name': name, 'paht.job.outcome': outcome });
    }
  };
}

/**
 * The job runner with every run timed (`paht.job.duration`,
 * `paht.job.active`): the deadline jobs through `handler`, tasks through
 * `define`. Telemetry off: `handler` and the runner as they are.
 */
export function observeJobs(handler: JobHandler, makeRunner: (handler: JobHandler) => JobRunner): JobRunner {
  const timed = jobTimer();
  if (!timed) return makeRunner(handler);
  const runner = makeRunner((job) => timed(job, () => handler(job)));
  const define = runner.define.bind(runner);
  runner.define = (task) => define({ ...task, run: (data: TaskData) => timed(task.name, () => task.run(data)) });
  return runner;
}
