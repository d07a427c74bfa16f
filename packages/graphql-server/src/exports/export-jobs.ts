import { EXPORT_LINK_TTL_SECONDS, exportRows, findTenantById, notifyStaff, withTenant, type CheckedExportFilters, type CoreContext, type ExportFormat, type ExportKind } from '@paht/core';
import type { FastifyBaseLogger } from 'fastify';
import { publishStaffNotifications } from '../live/staff-inbox-bus.js';
import { describeUnexpected } from '../errors/redact.js';
import type { JobRunner, TaskData } from '../jobs/job-runner.js';
import type { ExportJobRecord, ExportStore } from './export-store.js';
import { writeExport } from './export-writers.js';

export interface ExportRequest {
  tenantId: string;
  requestedBy: string;
  kind: ExportKind;
  format: ExportFormat;
  filters: CheckedExportFilters;
}

/** The job runner's queue of background exports: one run per export, `{ tenantId, exportId }`. */
export const EXPORT_RUN_TASK = 'exports-run';
/** A long export (a million rows takes minutes) counts as crashed after this long, and is run again once. */
const EXPORT_EXPIRE_SECONDS = 2 * 60 * 60;

/** What one run of `exports-run` did (the job's output). */
export interface ExportRunOutput extends TaskData {
  exportId: string;
  status: ExportJobRecord['status'] | 'MISSING';
  rowCount: number | null;
}

/**
 * Background exports on the app's job runner (src/jobs): pg-boss on
 * PostgreSQL, so an acknowledged request is in the database and survives a
 * restart (a run cut short by a crash is run again); on PGlite the runner
 * is in process and `recover()` queues again what the records say was
 * queued or running. A worker writes one export at a time (bounded memory),
 * to the store, then tells the requester (EXPORT_READY in their inbox).
 */
export class ExportQueue {
  constructor(
    private readonly core: CoreContext,
    private readonly store: ExportStore,
    private readonly jobs: JobRunner,
    private readonly log: FastifyBaseLogger,
  ) {
    jobs.define({
      name: EXPORT_RUN_TASK,
      retryLimit: 1,
      expireInSeconds: EXPORT_EXPIRE_SECONDS,
      run: async (data) => this.run(String(data.tenantId), String(data.exportId)),
    });
  }

  /** Records the export (QUEUED) and queues its run; returns the record once both are stored (the request is then acknowledged). */
  async request(request: ExportRequest): Promise<ExportJobRecord> {
    const job = await this.store.create({ ...request, createdAt: this.core.now().toISOString() });
    await this.jobs.enqueue(EXPORT_RUN_TASK, { tenantId: job.tenantId, exportId: job.id });
    return job;
  }

  /** Resolves with the record once export `exportId` is READY or FAILED, in whichever process ran it (tests; polls the store). */
  async settled(tenantId: string, exportId: string, timeoutMs = 120_000): Promise<ExportJobRecord> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.store.find(tenantId, exportId);
      if (job && (job.status === 'READY' || job.status === 'FAILED')) return job;
      if (Date.now() > until) throw new Error(`Export ${exportId} not finished after ${timeoutMs} ms (${job?.status ?? 'no record'})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Queues again every export the records say was queued or running (PGlite after a restart: its queue was in memory). */
  async recover(): Promise<number> {
    let queued = 0;
    for await (const job of this.store.all()) {
      if (job.status !== 'QUEUED' && job.status !== 'RUNNING') continue;
      await this.jobs.enqueue(EXPORT_RUN_TASK, { tenantId: job.tenantId, exportId: job.id });
      queued++;
    }
    return queued;
  }

  /**
   * Writes export `exportId` (any record state but READY: a retry after a
   * crash starts the file again), marks it READY with its expiry, and tells
   * whoever asked. A run for a READY or unknown export does nothing.
   */
  async run(tenantId: string, exportId: string): Promise<ExportRunOutput> {
    const found = await this.store.find(tenantId, exportId);
    if (!found) return { exportId, status: 'MISSING', rowCount: null };
    if (found.status === 'READY') return { exportId, status: 'READY', rowCount: found.rowCount };
    const job: ExportJobRecord = { ...found, status: 'RUNNING' };
    await this.store.save(job);
    const { stream, publish } = this.store.openWrite(job);
    let rowCount: number;
    try {
      rowCount = await writeExport(job.kind, job.format, exportRows(this.core, job.tenantId, job.kind, job.filters), stream);
      await publish();
    } catch (error) {
      stream.destroy();
      await this.store.save({ ...job, status: 'FAILED', finishedAt: this.core.now().toISOString() });
      this.log.error({ exportId: job.id, error: describeUnexpected(error) }, 'Export failed');
      return { exportId, status: 'FAILED', rowCount: null };
    }
    const finishedAt = this.core.now();
    const expiresAt = new Date(finishedAt.getTime() + (job.keepSeconds ?? EXPORT_LINK_TTL_SECONDS) * 1000);
    const ready: ExportJobRecord = { ...job, status: 'READY', finishedAt: finishedAt.toISOString(), expiresAt: expiresAt.toISOString(), rowCount };
    await this.store.save(ready);
    if (ready.requestedBy) await this.notify({ ...ready, requestedBy: ready.requestedBy }, finishedAt);
    return { exportId, status: 'READY', rowCount };
  }

  private async notify(job: ExportJobRecord & { requestedBy: string }, at: Date): Promise<void> {
    const tenant = await findTenantById(this.core, job.tenantId);
    const notices = await withTenant(this.core.db, job.tenantId, (tx) =>
      notifyStaff(tx, tenant, {
        kind: 'EXPORT_READY',
        staffUserId: job.requestedBy,
        dedupeKey: `export:${job.id}`,
        data: { exportId: job.id, exportKind: job.kind, format: job.format, rowCount: job.rowCount },
      }, at),
    );
    publishStaffNotifications(this.core, notices, (error) => this.log.error({ exportId: job.id, error: describeUnexpected(error) }, 'Staff notice not published'));
  }
}
