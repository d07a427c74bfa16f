// Memory of a large export: fills an in-memory PGlite database with N reports
// (default 200 000, `-- --rows 50000`), then streams them as CSV and as XLSX
// to a sink, sampling the heap. Prints the peak heap above the baseline per
// format: it stays near one chunk's worth (EXPORT_CHUNK_SIZE rows) whatever N.
// `--file`: writes to a file on disk, as a background export does (ExportStore), instead of a sink.
// Run: node --expose-gc --conditions=@paht/source --import tsx packages/graphql-server/scripts/bench-export-memory.ts
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createCoreContext, exportRows, migrate, openDatabase, withTenant, type CheckedExportFilters } from '@paht/core';
import { createFixtureTenant } from '../../core/test/support/fixture-tenant.js';
import { writeExport } from '../src/exports/export-writers.js';

const arg = process.argv.indexOf('--rows');
const ROWS = arg > 0 ? Number(process.argv[arg + 1]) : 200_000;
const TO_FILE = process.argv.includes('--file');
const fileDir = TO_FILE ? await mkdtemp(join(tmpdir(), 'paht-bench-export-')) : null;
const MiB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const db = await openDatabase({});
await migrate(db);
const ctx = createCoreContext(db, { secretKey: 'bench-secret-key-0123456789abcdef-0123456789', now: () => new Date('2026-06-30T10:00:00Z') });
const t = await createFixtureTenant(ctx, 'bench', 'BM');
console.log(`filling ${ROWS} reports…`);
for (let done = 0; done < ROWS; done += 50_000) {
  const n = Math.min(50_000, ROWS - done);
  await withTenant(ctx.db, t.tenantId, async (tx) => {
    await tx.$executeRaw`
      INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility, submitted_at, updated_at)
      SELECT ${t.tenantId}::uuid, 'BM-' || g, 'x', 'Ổ gà trên đường Hùng Vương số ' || g, 'Mô tả', ${t.roadsCategoryId}::uuid, ${t.roadsUnitId}::uuid,
             'SUBMITTED', 'APP', 'PUBLIC', timestamptz '2026-01-01 00:00+07' + g * interval '30 seconds', now()
        FROM generate_series(${done + 1}::int, ${done + n}::int) g`;
  }, { timeoutMs: 600_000 });
}
await withTenant(ctx.db, t.tenantId, (tx) => tx.$executeRaw`
  INSERT INTO report_events (tenant_id, report_id, seq, type, to_status, actor_role, at)
  SELECT tenant_id, id, 1, 'SUBMIT', 'SUBMITTED', 'CITIZEN', submitted_at FROM reports`, { timeoutMs: 600_000 });

const filters: CheckedExportFilters = { from: '2026-01-01', to: '2026-12-31', status: null, unitId: null, categoryId: null, groupBy: 'TENANT' };
for (const format of ['CSV', 'XLSX'] as const) {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  let bytes = 0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().heapUsed); }, 20);
  const file = fileDir ? join(fileDir, `bench.${format.toLowerCase()}`) : null;
  const sink = file ? createWriteStream(file) : new Writable({ write(chunk: Buffer, _enc, done) { bytes += chunk.length; done(); } });
  const started = Date.now();
  const rows = await writeExport('REPORTS', format, exportRows(ctx, t.tenantId, 'REPORTS', filters), sink);
  if (file) bytes = (await stat(file)).size;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(`${format}: ${rows} rows, ${(bytes / MiB).toFixed(1)} MiB written in ${((Date.now() - started) / 1000).toFixed(1)} s; heap baseline ${(base / MiB).toFixed(1)} MiB, peak ${(peak / MiB).toFixed(1)} MiB (+${((peak - base) / MiB).toFixed(1)} MiB)`);
}
await db.close();
if (fileDir) await rm(fileDir, { recursive: true, force: true });
