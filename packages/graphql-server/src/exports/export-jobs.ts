import { exportRows, findTenantById, notifyStaff, withTenant, type CheckedExportFilters, type CoreContext, type ExportFormat, type ExportKind } from '@paht/core';
import type { FastifyBaseLogger } from 'fastify';
import { publishStaffNotifications } from '../live/staff-inbox-bus.js';
import { describeUnexpected } from '../errors/redact.js';
import type { ExportJobRecord, ExportStore } from './export-store.js';
import { writeExport } from './export-writers.js';

export interface ExportRequest {
  tenantId: string;
  requestedBy: string;
  kind: ExportKind;
  format: ExportFormat;
  filters: CheckedExportFilters;
}

/**
 * Background exports: queued, run one at a time in this process (bounded
 * memory and one database connection at a time), written to the store, then
 * the requester gets an EXPORT_READY notice in their inbox. Queued jobs live
 * in this process: a restart marks none ready (docs/exports.md).
 */
export class ExportQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly core: CoreContext, private readonly store: ExportStore, private readonly log: FastifyBaseLogger) {}

  /** Records the job (QUEUED) and queues its run; returns the record. */
  async request(request: ExportRequest): Promise<ExportJobRecord> {
    const job = await this.store.create({ ...request, createdAt: this.core.now().toISOString() });
    this.tail = this.tail.then(() => this.run(job)).catch((error: unknown) => {
      this.log.error({ exportId: job.id, error: describeUnexpected(error) }, 'Export failed');
    });
    return job;
  }

  /** Resolves once every job queued so far has finished (tests; shutdown). */
  idle(): Promise<void> {
    return this.tail;
  }

  private async run(job: ExportJobRecord): Promise<void> {
    await this.store.save({ ...job, status: 'RUNNING' });
    const { stream, publish } = this.store.openWrite(job);
    let rowCount: number;
    try {
      rowCount = await writeExport(job.kind, job.format, exportRows(this.core, job.tenantId, job.kind, job.filters), stream);
      await publish();
    } catch (error) {
      stream.destroy();
      await this.store.save({ ...job, status: 'FAILED', finishedAt: this.core.now().toISOString() });
      throw error;
    }
    const finishedAt = this.core.now();
    await this.store.save({ ...job, status: 'READY', finishedAt: finishedAt.toISOString(), rowCount });
    const tenant = await findTenantById(this.core, job.tenantId);
    const notices = await withTenant(this.core.db, job.tenantId, (tx) =>
      notifyStaff(tx, tenant, {
        kind: 'EXPORT_READY',
        staffUserId: job.requestedBy,
        dedupeKey: `export:${job.id}`,
        data: { exportId: job.id, exportKind: job.kind, format: job.format, rowCount },
      }, finishedAt),
    );
    publishStaffNotifications(this.core, notices, (error) => this.log.error({ exportId: job.id, error: describeUnexpected(error) }, 'Staff notice not published'));
  }
}
