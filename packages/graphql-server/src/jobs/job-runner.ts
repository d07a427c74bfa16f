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
  formReminders: Array<{ formId: string; period: string; unitId: string; kind: string }>;
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
  formReminders: run.formReminders.map((r) => ({ formId: r.formId, period: r.period, unitId: r.unitId, kind: r.kind })),
  failedTenants: run.failedTenants.map((f) => f.tenantId),
});

/** Runs one job in this process (the same handler for both runners). */
export type JobHandler = (job: DeadlineJob) => Promise<JobRunSummary>;

/** JSON-safe data a task is queued with, and what a run returns. */
export type TaskData = Record<string, unknown>;

/**
 * A job besides the deadline ones, run by the same runner: queued with data
 * (one background export) or on a schedule (the exports' sweep, the monthly
 * reports). Defined before the runner starts (`JobRunner.define`).
 */
export interface TaskDefinition {
  /** The queue's name (pg-boss), e.g. `exports-run`. Not a deadline job's. */
  name: string;
  /** Runs once; its result is the run's output (JSON-safe). Throwing fails the run (retried by pg-boss up to `retryLimit`). */
  run(data: TaskData): Promise<TaskData>;
  /** Also run on a schedule, every this many milliseconds (whole minutes with pg-boss), when the app schedules jobs. Default: only when queued. */
  everyMs?: number;
  /** `singleton`: one run active at a time across every process; `standard`: any number (one at a time per process). Default `standard`. */
  policy?: 'standard' | 'singleton';
  /** pg-boss: retries after a failure, or after a crash once `expireInSeconds` have passed. Default 1. */
  retryLimit?: number;
  /** pg-boss: how long a run may take before it counts as crashed. Default 15 minutes. */
  expireInSeconds?: number;
}

/**
 * The app's scheduled jobs, behind one small interface: pg-boss on
 * PostgreSQL (persisted, shared by every process), or timers in this
 * process on PGlite (one process).
 */
export interface JobRunner {
  readonly engine: 'pg-boss' | 'in-process';
  /** Adds a task (before `start`; a second definition of a name is refused). */
  define(task: TaskDefinition): void;
  /** Starts this process's workers and registers the schedules. Idempotent; `runNow` starts it too. */
  start(): Promise<void>;
  /** Queues one run of `job` now and returns its id (persisted with pg-boss: it survives a restart). */
  enqueue(job: DeadlineJob): Promise<string>;
  /** Queues one run of the task `name` with `data` and returns its id (persisted with pg-boss). */
  enqueue(name: string, data?: TaskData): Promise<string>;
  /** Waits until the run `id` of `job` has finished, in whichever process, and returns what it did. */
  waitFor(job: DeadlineJob, id: string): Promise<JobRunSummary>;
  waitFor(name: string, id: string): Promise<TaskData>;
  /** `enqueue` then `waitFor`: a run through the real queue, awaited (tests move the core's clock, then call this). */
  runNow(job: DeadlineJob): Promise<JobRunSummary>;
  runNow(name: string, data?: TaskData): Promise<TaskData>;
  /** Stops the schedules and workers, waiting for a run in progress. Queued runs stay queued (pg-boss). */
  stop(): Promise<void>;
}

/** The checks `define` makes: a new name, not a deadline job's, a sane interval. */
export function checkTask(task: TaskDefinition, defined: ReadonlyMap<string, TaskDefinition>, started: boolean): void {
  if (started) throw new Error(`Task ${task.name} defined after the jobs started`);
  if (defined.has(task.name) || (Object.values(DeadlineJob) as string[]).includes(task.name)) throw new Error(`Task ${task.name} is already defined`);
  if (task.everyMs !== undefined && !(Number.isFinite(task.everyMs) && task.everyMs >= 0)) throw new RangeError(`Task ${task.name}: everyMs must be 0 or more`);
}

/** How often each job runs by default, in milliseconds. */
export const DEFAULT_JOB_INTERVALS: Readonly<Record<DeadlineJob, number>> = {
  [DeadlineJob.SLA_ALERTS]: 60_000,
  [DeadlineJob.RATING_REMINDERS]: 15 * 60_000,
  [DeadlineJob.AUTO_CLOSE]: 15 * 60_000,
  [DeadlineJob.FOCAL_POINTS]: 60 * 60_000,
  [DeadlineJob.FORM_REMINDERS]: 60 * 60_000,
};

const wholeMinutes = (intervalMs: number): number => Math.max(1, Math.round(intervalMs / 60_000));

/** A cron expression for an interval: whole minutes (at least one), e.g. `*\/15 * * * *`; an hour or more: at minute 0 of every hour. */
export function cronFor(intervalMs: number): string {
  const minutes = wholeMinutes(intervalMs);
  if (minutes === 1) return '* * * * *';
  if (minutes >= 60) return '0 * * * *';
  return `*/${minutes} * * * *`;
}

/**
 * The tick of `cronFor(intervalMs)` as an aligned slot of clock time in
 * seconds (an hour, a quarter of an hour…), for schedules of more than a
 * minute whose minutes divide the hour; else null (every minute, pg-boss's
 * own guard is per minute already; `*\/7` is not evenly spaced).
 */
export function tickSeconds(intervalMs: number): number | null {
  const minutes = wholeMinutes(intervalMs);
  if (minutes >= 60) return 3600;
  return minutes > 1 && 60 % minutes === 0 ? minutes * 60 : null;
}
