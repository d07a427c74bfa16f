import { checkExportRequest, EXPORT_LINK_TTL_SECONDS, exportLinkValid, exportRows, isDomainError, signExportLink, type Actor, type CoreContext, type DomainError, type TenantRecord } from '@paht/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { currentStaff } from '../auth/current-staff.js';
import { requestTenant } from '../security/request-tenant.js';
import { defineExportCleanup, EXPORT_CLEANUP_EVERY_MS } from './export-cleanup.js';
import { ExportQueue } from './export-jobs.js';
import { defaultExportsDir, ExportStore, type ExportJobRecord } from './export-store.js';
import { contentTypeOf, extensionOf, writeExport } from './export-writers.js';
import { defineMonthlyReports, MONTHLY_REPORT_EVERY_MS } from './monthly-reports.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background exports (src/exports, docs/exports.md). */
    exports: ExportService;
  }
}

export interface ExportsOptions {
  /** Where finished exports are kept (shared by every server process with PostgreSQL). Default `PAHT_EXPORTS_DIR`, else `<os tmpdir>/paht-exports`. */
  dir?: string;
  /** The API's public address, for the link in monthly report e-mails (`https://api.paht.gov.vn`). Default `PAHT_PUBLIC_URL`, else none: the e-mail has the figures only. */
  publicUrl?: string | null;
  /** Milliseconds between sweeps of expired exports (`exports-cleanup`). Default hourly. */
  cleanupEveryMs?: number;
  /** Milliseconds between looks for a monthly report due (`exports-monthly-report`). Default hourly. */
  monthlyEveryMs?: number;
}

export interface ExportService {
  store: ExportStore;
  queue: ExportQueue;
  /** The download path of a READY export, signed until the export expires (`expiresAt`: 24 h after it was written); null once expired. */
  downloadUrl(job: ExportJobRecord, tenantSlug: string): string | null;
}

const services = new WeakMap<CoreContext, ExportService>();
/** The export service of the app built on this core (GraphQL resolvers reach it through their core). */
export const exportServiceOf = (core: CoreContext): ExportService | undefined => services.get(core);

const bearerOf = (request: FastifyRequest): string | null => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;

const refuse = (reply: FastifyReply, status: number, code: string, message: string, fields?: unknown) =>
  reply.code(status).type('application/json').send({ error: { code, message, ...(fields ? { fields } : {}) } });

function refuseDomain(reply: FastifyReply, error: DomainError) {
  const status = error.code === 'VALIDATION' ? 400 : error.code === 'FORBIDDEN' ? 403 : error.code === 'NOT_FOUND' ? 404 : 400;
  return refuse(reply, status, error.code, error.message, error.details.fields);
}

/**
 * `GET /exports/:file` (`reports.csv`, `reports.xlsx`, `kpis.csv`, `kpis.xlsx`)
 * streams a small export at once to staff with KPI access (bearer token);
 * `GET /exports/files/:id` serves a finished background export through its
 * signed link (`?tenant=&expires=&signature=`). Background exports are
 * queued by the `requestExport` mutation.
 */
export function attachExports(app: FastifyInstance, core: CoreContext, options: ExportsOptions = {}): ExportService {
  const store = new ExportStore(options.dir ?? defaultExportsDir());
  const queue = new ExportQueue(core, store, app.jobs, app.log);
  defineExportCleanup(app.jobs, core, store, options.cleanupEveryMs ?? EXPORT_CLEANUP_EVERY_MS);
  defineMonthlyReports(app.jobs, core, store, queue, app.log, {
    publicUrl: options.publicUrl === undefined ? (process.env.PAHT_PUBLIC_URL ?? null) : options.publicUrl,
    everyMs: options.monthlyEveryMs ?? MONTHLY_REPORT_EVERY_MS,
  });
  const service: ExportService = {
    store,
    queue,
    downloadUrl: (job, tenantSlug) => {
      const now = core.now();
      const expiresAt = job.expiresAt ? Date.parse(job.expiresAt) : now.getTime() + EXPORT_LINK_TTL_SECONDS * 1000;
      if (expiresAt <= now.getTime()) return null;
      const grant = signExportLink(core.secretKey, job.tenantId, job.id, now, (expiresAt - now.getTime()) / 1000);
      return `/exports/files/${job.id}?tenant=${encodeURIComponent(tenantSlug)}&expires=${grant.expires}&signature=${grant.signature}`;
    },
  };
  services.set(core, service);
  app.decorate('exports', service);
  // PGlite: the in-process queue was lost with the last process; the records say what was acknowledged and not finished.
  if (app.jobs.engine === 'in-process') {
    app.addHook('onListen', async () => {
      const queued = await queue.recover();
      if (queued > 0) app.log.info({ queued }, 'Exports queued again after a restart');
    });
  }

  async function tenantOf(request: FastifyRequest, reply: FastifyReply): Promise<TenantRecord | null> {
    const lookup = await requestTenant(core, request);
    if (lookup.ok) return lookup.tenant;
    refuse(reply, lookup.reason === 'NOT_NAMED' ? 400 : 404, lookup.reason === 'NOT_NAMED' ? 'TENANT_REQUIRED' : 'NOT_FOUND', 'Không rõ tỉnh/thành / Unknown tenant');
    return null;
  }

  app.get<{ Params: { file: string }; Querystring: Record<string, string> }>('/exports/:file', async (request, reply) => {
    const tenant = await tenantOf(request, reply);
    if (!tenant) return reply;
    const bearer = bearerOf(request);
    const actor: Actor | null = bearer ? await currentStaff(core, bearer, tenant.id) : null;
    if (!actor) return refuse(reply, 401, 'UNAUTHENTICATED', 'Cần đăng nhập cán bộ / Sign in as staff');
    const m = /^(reports|kpis)\.(csv|xlsx)$/.exec(request.params.file);
    if (!m) return refuse(reply, 404, 'NOT_FOUND', 'Không có loại xuất này / No such export');
    const { tenant: _slug, ...filters } = request.query;
    let checked;
    try {
      checked = checkExportRequest(actor, m[1]!.toUpperCase(), m[2]!.toUpperCase(), filters);
    } catch (error) {
      if (isDomainError(error)) return refuseDomain(reply, error);
      throw error;
    }
    // The first chunk is read before the headers go, so a bad filter still gets its error status.
    const rows = exportRows(core, tenant.id, checked.kind, checked.filters);
    let first: IteratorResult<Awaited<ReturnType<typeof rows.next>>['value']>;
    try {
      first = await rows.next();
    } catch (error) {
      if (isDomainError(error)) return refuseDomain(reply, error);
      throw error;
    }
    const chunks = (async function* () {
      if (!first.done) yield first.value;
      yield* rows;
    })();
    const body = new PassThrough();
    const name = `${m[1]}-${checked.filters.from}-${checked.filters.to}.${extensionOf(checked.format)}`;
    reply.header('content-type', contentTypeOf(checked.format)).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    writeExport(checked.kind, checked.format, chunks, body).catch((error: unknown) => {
      request.log.error({ err: error instanceof Error ? error.message : String(error) }, 'Export stream failed');
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return reply.send(body);
  });

  app.get<{ Params: { id: string }; Querystring: { expires?: string; signature?: string } }>('/exports/files/:id', async (request, reply) => {
    const tenant = await tenantOf(request, reply);
    if (!tenant) return reply;
    const { id } = request.params;
    if (!exportLinkValid(core.secretKey, tenant.id, id, request.query, core.now())) {
      return refuse(reply, 403, 'FORBIDDEN', 'Liên kết không hợp lệ hoặc đã hết hạn / The link is invalid or has expired');
    }
    const job = await store.find(tenant.id, id);
    if (!job || job.status !== 'READY') return refuse(reply, 404, 'NOT_FOUND', 'Không tìm thấy tệp / No such file');
    const name = `${job.kind.toLowerCase()}-${job.filters.from}-${job.filters.to}.${extensionOf(job.format)}`;
    reply.header('content-type', contentTypeOf(job.format)).header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    return reply.send(store.openRead(job));
  });
  return service;
}
