import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckedExportFilters, ExportFormat, ExportKind } from '@paht/core';
import { extensionOf } from './export-writers.js';

export const ExportStatus = { QUEUED: 'QUEUED', RUNNING: 'RUNNING', READY: 'READY', FAILED: 'FAILED' } as const;
export type ExportStatus = (typeof ExportStatus)[keyof typeof ExportStatus];

/** A background export, as kept next to its file. Identifiers, filters and times only. */
export interface ExportJobRecord {
  id: string;
  tenantId: string;
  /** The staff account that asked for it: the only one who sees it and its link. Null: made by the system (the monthly report). */
  requestedBy: string | null;
  kind: ExportKind;
  format: ExportFormat;
  filters: CheckedExportFilters;
  status: ExportStatus;
  createdAt: string;
  finishedAt: string | null;
  rowCount: number | null;
  /** Once READY: until when its links open the file; the sweep deletes it after (`exports-cleanup`). */
  expiresAt?: string | null;
  /** How long the file is kept once READY, in seconds. Default `EXPORT_LINK_TTL_SECONDS` (24 h). */
  keepSeconds?: number;
}

/** The storage root when none is given. */
export const defaultExportsDir = (): string => process.env.PAHT_EXPORTS_DIR || join(tmpdir(), 'paht-exports');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Finished exports on local disk: `<dir>/<tenant>/<id>.json` (the record)
 * and `<dir>/<tenant>/<id>.<csv|xlsx>` (the file, written to a temporary
 * name and renamed when complete). Paths are built from ids checked as UUIDs.
 */
export class ExportStore {
  constructor(readonly dir: string) {}

  private path(tenantId: string, id: string, ext: string): string {
    if (!UUID.test(tenantId) || !UUID.test(id)) throw new RangeError('export ids are UUIDs');
    return join(this.dir, tenantId, `${id}.${ext}`);
  }

  /** Records a new export (QUEUED); `id` is given for an export made once under a known id (the monthly report). */
  async create(record: Omit<ExportJobRecord, 'id' | 'status' | 'finishedAt' | 'rowCount'>, id: string = randomUUID()): Promise<ExportJobRecord> {
    const job: ExportJobRecord = { ...record, id, status: 'QUEUED', finishedAt: null, rowCount: null };
    await mkdir(join(this.dir, job.tenantId), { recursive: true });
    await this.save(job);
    return job;
  }

  async save(job: ExportJobRecord): Promise<void> {
    const path = this.path(job.tenantId, job.id, 'json');
    await writeFile(`${path}.tmp`, JSON.stringify(job));
    await rename(`${path}.tmp`, path);
  }

  /** The record of export `id` of this tenant, or null (unknown id, another tenant's, or not a UUID). */
  async find(tenantId: string, id: string): Promise<ExportJobRecord | null> {
    if (!UUID.test(tenantId) || !UUID.test(id)) return null;
    try {
      const job = JSON.parse(await readFile(this.path(tenantId, id, 'json'), 'utf8')) as ExportJobRecord;
      return job.tenantId === tenantId ? job : null;
    } catch {
      return null;
    }
  }

  /** A stream to write the file into, and the function that publishes it once complete. */
  openWrite(job: ExportJobRecord): { stream: WriteStream; publish: () => Promise<void> } {
    const path = this.path(job.tenantId, job.id, extensionOf(job.format));
    return { stream: createWriteStream(`${path}.part`), publish: () => rename(`${path}.part`, path) };
  }

  /** Every record of every tenant (the sweep, and recovery after a restart), one directory at a time. */
  async *all(): AsyncGenerator<ExportJobRecord> {
    let tenants: string[];
    try {
      tenants = await readdir(this.dir);
    } catch {
      return;
    }
    for (const tenantId of tenants.filter((t) => UUID.test(t))) {
      for (const name of await readdir(join(this.dir, tenantId)).catch(() => [] as string[])) {
        const id = /^(.+)\.json$/.exec(name)?.[1];
        if (!id) continue;
        const job = await this.find(tenantId, id);
        if (job) yield job;
      }
    }
  }

  /** Deletes the file (finished or partial) and then the record. */
  async remove(job: ExportJobRecord): Promise<void> {
    const file = this.path(job.tenantId, job.id, extensionOf(job.format));
    await rm(file, { force: true });
    await rm(`${file}.part`, { force: true });
    await rm(this.path(job.tenantId, job.id, 'json'), { force: true });
  }

  openRead(job: ExportJobRecord): ReadStream {
    return createReadStream(this.path(job.tenantId, job.id, extensionOf(job.format)));
  }
}
