import { DeadlineJob, type DeadlineJobRun } from '@paht/core';
import { toMessage, type SlaAlertMessage } from '../alerts/sla-alert-bus.js';

/** What one run of a job did, JSON-safe (it is a pg-boss job's output): identifiers and ISO times only. */
export interface JobRunSummary {
  job: DeadlineJob;
  /** When it ran, on the core's clock. */
  at: string;
  alerts: SlaAlertMessage[];
  /** Ids of the staff notices written. */
  notices: string[];
  reminders: Array<{ reportId: string; round: number }>;
  closed: Array<{ reportId: string; seq: number }>;
  focalPointGaps: Array<{ unitId: string; gapStartedAt: string }>;
  /** Tenants whose run failed; retried at the next run. */
  failedTenants: string[];
}

export const summarize = (run: DeadlineJobRun): JobRunSummary => ({
  job: run.job,
  at: run.at.toISOString(),
  alerts: run.alerts.map(toMessage),
  notices: run.notices.map((n) => n.id),
  reminders: run.reminders.map((r) => ({ reportId: r.reportId, round: r.round })),
  closed: run.closed.map((c) => ({ reportId: c.reportId, seq: c.seq })),
  focalPointGaps: run.focalPointGaps.map((g) => ({ unitId: g.unitId, gapStartedAt: g.gapStartedAt.toISOString() })),
  failedTenants: run.failedTenants.map((f) => f.tenantId),
});

/** Runs one job in this process (the same handler for both runners). */
export type JobHandler = (job: DeadlineJob) => Promise<JobRunSummary>;

/**
 * The app's scheduled jobs, behind one small interface: pg-boss on
 * PostgreSQL (persisted, shared by every process), or timers in this
 * process on PGlite (one process).
 */
export interface JobRunner {
  readonly engine: 'pg-boss' | 'in-process';
  /** Starts this process's workers and registers the schedules. Idempotent; `runNow` starts it too. */
  start(): Promise<void>;
  /** Queues one run of `job` now and returns its id (persisted with pg-boss: it survives a restart). */
  enqueue(job: DeadlineJob): Promise<string>;
  /** Waits until the run `id` of `job` has finished, in whichever process, and returns what it did. */
  waitFor(job: DeadlineJob, id: string): Promise<JobRunSummary>;
  /** `enqueue` then `waitFor`: a run through the real queue, awaited (tests move the core's clock, then call this). */
  runNow(job: DeadlineJob): Promise<JobRunSummary>;
  /** Stops the schedules and workers, waiting for a run in progress. Queued runs stay queued (pg-boss). */
  stop(): Promise<void>;
}

/** How often each job runs by default, in milliseconds. */
export const DEFAULT_JOB_INTERVALS: Readonly<Record<DeadlineJob, number>> = {
  [DeadlineJob.SLA_ALERTS]: 60_000,
  [DeadlineJob.RATING_REMINDERS]: 15 * 60_000,
  [DeadlineJob.AUTO_CLOSE]: 15 * 60_000,
  [DeadlineJob.FOCAL_POINTS]: 60 * 60_000,
};

/** A cron expression for an interval: whole minutes (at least one), e.g. `*\/15 * * * *`; an hour or more: at minute 0 of every hour. */
export function cronFor(intervalMs: number): string {
  const minutes = Math.max(1, Math.round(intervalMs / 60_000));
  if (minutes === 1) return '* * * * *';
  if (minutes >= 60) return '0 * * * *';
  return `*/${minutes} * * * *`;
}
