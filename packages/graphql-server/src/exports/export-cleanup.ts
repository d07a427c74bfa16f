import { EXPORT_LINK_TTL_SECONDS, type CoreContext } from '@paht/core';
import type { JobRunner, TaskData } from '../jobs/job-runner.js';
import type { ExportJobRecord, ExportStore } from './export-store.js';

/** The scheduled sweep of expired exports. */
export const EXPORT_CLEANUP_TASK = 'exports-cleanup';
/** How often the sweep runs by default: hourly. */
export const EXPORT_CLEANUP_EVERY_MS = 60 * 60_000;

/** What one sweep removed (the job's output). */
export interface ExportCleanupOutput extends TaskData {
  removed: string[];
}

/**
 * When an export may be deleted: a READY one once its links have expired
 * (`expiresAt`); a FAILED one, or one stuck QUEUED or RUNNING (lost), a link
 * lifetime (24 h) after it was asked for or finished.
 */
export function exportExpired(job: ExportJobRecord, now: Date): boolean {
  if (job.status === 'READY') {
    const until = job.expiresAt ?? (job.finishedAt ? new Date(Date.parse(job.finishedAt) + EXPORT_LINK_TTL_SECONDS * 1000).toISOString() : null);
    return until !== null && Date.parse(until) <= now.getTime();
  }
  const since = Date.parse(job.finishedAt ?? job.createdAt);
  // Lost runs are kept four lifetimes: a long export may still be running (it expires after 2 h at most).
  const keep = (job.status === 'FAILED' ? 1 : 4) * EXPORT_LINK_TTL_SECONDS * 1000;
  return since + keep <= now.getTime();
}

/** Defines the hourly sweep that deletes exports whose links have expired (file and record), at the core's clock. */
export function defineExportCleanup(jobs: JobRunner, core: CoreContext, store: ExportStore, everyMs = EXPORT_CLEANUP_EVERY_MS): void {
  jobs.define({
    name: EXPORT_CLEANUP_TASK,
    policy: 'singleton',
    everyMs,
    run: async (): Promise<ExportCleanupOutput> => {
      const now = core.now();
      const removed: string[] = [];
      for await (const job of store.all()) {
        if (!exportExpired(job, now)) continue;
        await store.remove(job);
        removed.push(job.id);
      }
      return { removed };
    },
  });
}
