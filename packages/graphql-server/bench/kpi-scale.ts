// `pnpm bench:kpi`: the report KPIs at a million reports (issue #13). On
// PostgreSQL (a throwaway server like the tests', or DATABASE_URL), makes a
// tenant with --reports reports (default 1 000 000) spread over three years,
// 20 units, 30 categories (5 private), 60 areas, every channel and status,
// with their timeline steps that the KPIs read (CLASSIFY, RETURN, REOPEN);
// rebuilds the KPI rollups (migration 0018); then times, over repeated runs,
// the reads of the public statistics page (year to date: totals, months,
// units; public reports) and of the leader overview (30 days and the 30
// before: totals, units, categories; private included), through the real
// core function `reportKpisMany` as the GraphQL resolvers read a request's
// `kpis` fields (one tenant look-up, one transaction per read, side by
// side, the open reports of a period several reads share counted once in
// one more), and for comparison one `reportKpis` per field at once.
// Also the leader overview's open reports: counted by `openDeadlines` (one
// statement), against reading them through the work list (`listReports`,
// 100 a page up to 2,000, as the widget did); and eight overviews at once,
// both ways. Prints the figures; asserts
// nothing (not part of the test suite).
//   --reports N   reports to generate (default 1000000)
//   --runs N      timed runs of each page (default 30, after 3 warm-ups)
//   --pages       time the two pages only (both ways), not the open
//                 reports, the work list or eight overviews at once
//   --reuse       with DATABASE_URL: read the tenant a former run generated
//                 there (after migrating, so before/after a migration compare
//                 on the same data) instead of generating one
import { performance } from 'node:perf_hooks';
import {
  createCoreContext,
  listReports,
  migrate,
  openDatabase,
  openDeadlines,
  provisionTenant,
  rebuildKpiRollups,
  recomputeReportKpis,
  reportKpis,
  reportKpisMany,
  SLA_RUNNING_STATUSES,
  upsertSlaPolicy,
  type KpiQuery,
} from '@paht/core';
import { startPostgres, type PostgresServer } from '../../../test/setup/postgres-server.js';

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPORTS = option('reports', 1_000_000);
const RUNS = option('runs', 30);
const PAGES_ONLY = process.argv.includes('--pages');
const REUSE = process.argv.includes('--reuse') && Boolean(process.env.DATABASE_URL);
const NOW = new Date('2026-11-28T03:00:00Z');
const YEAR_START = '2026-01-01';
const TODAY = '2026-11-28';

async function database(): Promise<{ url: string; pg: PostgresServer | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, pg: null };
  const pg = await startPostgres();
  const admin = await openDatabase({ url: pg.url });
  await admin.query('CREATE DATABASE paht_kpi_bench');
  await admin.close();
  return { url: pg.url.replace(/\/[^/?]*(\?|$)/, '/paht_kpi_bench$1'), pg };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const quantile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

const { url, pg } = await database();
const db = await openDatabase({ url });
try {
  await migrate(db);
  const ctx = createCoreContext(db, { secretKey: 'kpi-scale-bench-secret-key-0123456789abcdef', now: () => NOW });
  const [kept] = REUSE ? await db.query<{ id: string }>(`SELECT id::text AS id FROM tenants WHERE slug = 'kpi-scale'`) : [];
  if (REUSE && !kept) throw new Error('--reuse: no tenant kpi-scale in DATABASE_URL (run once without --reuse)');
  const tenant = kept ?? await provisionTenant(ctx, { slug: 'kpi-scale', name: 'Tỉnh Đo Tải', nameEn: 'Load province', kind: 'PROVINCE', provinceCode: '44', trackingPrefix: 'KS' });

  let generated = NaN;
  let rebuild = NaN;
  let rebuilt = { reports: NaN, handlingFilled: NaN };
  if (!kept) ({ generated, rebuild, rebuilt } = await generate());
  async function generate() {
    const admin = { role: 'TENANT_ADMIN', userId: crypto.randomUUID() } as const;
    const policy = await upsertSlaPolicy(ctx, tenant.id, admin, { code: 'STANDARD', name: 'Tiêu chuẩn', clock: 'WORKING', classifyMinutes: 240, acceptMinutes: 480, resolveMinutes: 2250, warnRatio: 0.8 });

    let t0 = performance.now();
    // One transaction, as the tenant (row-level security is forced on the owner too), the KPI triggers deferred: rebuilt below.
    await db.execScript(`
      BEGIN;
      SELECT set_config('app.tenant_id', '${tenant.id}', true), set_config('app.kpi_rollups', 'deferred', true), setseed(0.13);
      INSERT INTO units (tenant_id, code, name, name_en, kind)
        SELECT '${tenant.id}', 'U' || i, 'Đơn vị ' || i, 'Unit ' || i, (CASE WHEN i = 1 THEN 'IOC' ELSE 'DEPARTMENT' END)::"UnitKind" FROM generate_series(1, 20) i;
      INSERT INTO categories (tenant_id, code, name, name_en, is_public, sla_policy_id)
        SELECT '${tenant.id}', 'C' || i, 'Lĩnh vực ' || i, 'Field ' || i, i > 5, '${policy.id}' FROM generate_series(1, 30) i;
      CREATE TEMP TABLE bench_units AS SELECT row_number() OVER (ORDER BY code) AS n, id FROM units WHERE tenant_id = '${tenant.id}';
      CREATE TEMP TABLE bench_categories AS SELECT row_number() OVER (ORDER BY code) AS n, id FROM categories WHERE tenant_id = '${tenant.id}';
      -- Submitted uniformly over three years; answered after 1 hour to 20 days; the recent ones more often open.
      CREATE TEMP TABLE bench_reports AS
        SELECT i, gen_random_uuid() AS id, s AS submitted_at, random() AS u, random() AS v, random() AS w,
               s + make_interval(secs => 3600 + random() * 20 * 86400) AS answered_at
          FROM (SELECT i, timestamptz '${NOW.toISOString()}' - make_interval(secs => random() * 3 * 365 * 86400) AS s
                  FROM generate_series(1, ${REPORTS}) i) g;
      INSERT INTO reports (id, tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility,
                           area_code, submitted_at, updated_at, due_at, answer_due_at, resolved_at, resolved_on_time, resolution_outcome, rating)
        SELECT b.id, '${tenant.id}', 'KS-' || b.i, 'x', 'Phản ánh ' || b.i, 'Nội dung', c.id, un.id, st.status::"ReportStatus",
               (enum_range(NULL::"Channel"))[1 + (b.i % 8)], (CASE WHEN b.i % 50 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END)::"Visibility",
               (19000 + (b.i * 7) % 60)::text, b.submitted_at,
               CASE WHEN st.answered THEN b.answered_at ELSE b.submitted_at + interval '2 hours' END,
               b.submitted_at + interval '1 day', CASE WHEN st.status <> 'SUBMITTED' THEN b.submitted_at + interval '10 days' END,
               CASE WHEN st.answered THEN b.answered_at END,
               CASE WHEN st.answered THEN b.w < 0.7 END,
               (CASE WHEN st.answered THEN CASE WHEN b.v < 0.03 THEN 'NOT_FIXED' ELSE 'FIXED' END END)::"ResolutionOutcome",
               CASE WHEN st.answered AND b.v > 0.6 THEN 1 + floor(b.w * 5)::int END
          FROM bench_reports b
          JOIN bench_units un ON un.n = 1 + (b.i * 13) % 20
          JOIN bench_categories c ON c.n = 1 + (b.i * 17) % 30
          CROSS JOIN LATERAL (SELECT CASE
              WHEN b.u < 0.03 THEN 'REJECTED'
              WHEN b.answered_at > timestamptz '${NOW.toISOString()}' OR b.u > 0.985 THEN (ARRAY['SUBMITTED', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN'])[1 + (b.i % 4)]
              WHEN b.u < 0.5 THEN 'CLOSED' WHEN b.u < 0.8 THEN 'PUBLISHED' ELSE 'RESOLVED' END AS status) s0
          CROSS JOIN LATERAL (SELECT s0.status, s0.status IN ('RESOLVED', 'PUBLISHED', 'CLOSED') AS answered) st;
      INSERT INTO report_events (tenant_id, report_id, seq, type, to_status, actor_role, at)
        SELECT '${tenant.id}', b.id, 1, 'SUBMIT', 'SUBMITTED', 'CITIZEN', b.submitted_at FROM bench_reports b;
      INSERT INTO report_events (tenant_id, report_id, seq, type, to_status, actor_role, at)
        SELECT '${tenant.id}', b.id, 2, 'CLASSIFY', 'CLASSIFIED', 'IOC_OPERATOR', b.submitted_at + interval '1 hour' FROM bench_reports b WHERE b.v < 0.95;
      INSERT INTO report_events (tenant_id, report_id, seq, type, to_status, actor_role, at)
        SELECT '${tenant.id}', b.id, 3, 'RETURN', 'CLASSIFIED', 'UNIT_OFFICER', b.submitted_at + interval '2 hours' FROM bench_reports b WHERE b.i % 20 = 0;
      INSERT INTO report_events (tenant_id, report_id, seq, type, to_status, actor_role, at)
        SELECT '${tenant.id}', b.id, 4, 'REOPEN', 'IN_PROGRESS', 'CITIZEN', b.submitted_at + interval '3 hours' FROM bench_reports b WHERE b.i % 33 = 0;
      COMMIT;
    `);
    const generated = performance.now() - t0;
    console.log(`generated ${REPORTS.toLocaleString('en')} reports in ${seconds(generated)}; rebuilding the rollups…`);
    t0 = performance.now();
    const rebuilt = await rebuildKpiRollups(ctx, tenant.id, { timeoutMs: 3_600_000 });
    const rebuild = performance.now() - t0;
    console.log(`rebuilt in ${seconds(rebuild)}; timing the reads…`);
    return { generated, rebuild, rebuilt };
  }
  await db.execScript('VACUUM ANALYZE');
  const [sizes] = await db.query<{ facts: number; rollups: number; open: number }>(
    `SELECT (SELECT count(*) FROM kpi_report_facts)::int AS facts, (SELECT count(*) FROM kpi_daily_rollups)::int AS rollups,
            (SELECT count(*) FROM reports WHERE status NOT IN ('REJECTED', 'RESOLVED', 'PUBLISHED', 'CLOSED'))::int AS open`,
  );

  const publicStats: KpiQuery[] = (['TENANT', 'MONTH', 'UNIT'] as const).map((groupBy) => ({ from: YEAR_START, to: TODAY, groupBy, includePrivate: false }));
  const overview: KpiQuery[] = [{ from: '2026-10-30', to: TODAY }, { from: '2026-09-30', to: '2026-10-29' }].flatMap((p) =>
    (['TENANT', 'UNIT', 'CATEGORY'] as const).map((groupBy) => ({ ...p, groupBy, includePrivate: true })),
  );
  // As GraphQL now resolves a page's `kpis` fields (kpi.ts's loader: reportKpisMany, one look-up, the reads side by side); and one reportKpis per field.
  const batched = (queries: KpiQuery[]) => () => reportKpisMany(ctx, tenant.id, queries);
  const perField = (queries: KpiQuery[]) => () => Promise.all(queries.map((q) => reportKpis(ctx, tenant.id, q)));
  // The leader overview's open reports: counted by the server now; before, read 100 a page (up to 2,000) and counted in the browser.
  const leader = { role: 'LEADER', userId: crypto.randomUUID() } as const;
  const openCounted = () => openDeadlines(ctx, tenant.id, leader);
  async function openListed(): Promise<number> {
    let read = 0;
    for (let after: string | undefined; read < 2000; ) {
      const page = await listReports(ctx, tenant.id, leader, { filter: { status: [...SLA_RUNNING_STATUSES] }, sort: 'OLDEST', first: 100, ...(after ? { after } : {}) });
      read += page.items.length;
      if (!page.hasNextPage) break;
      after = page.endCursor!;
    }
    return read;
  }
  async function time(read: () => Promise<unknown>): Promise<{ p50: number; p99: number; max: number }> {
    for (let i = 0; i < 3; i++) await read();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await read();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times[times.length - 1]! };
  }
  const stats = await time(batched(publicStats));
  const lead = await time(batched(overview));
  const statsPerField = await time(perField(publicStats));
  const leadPerField = await time(perField(overview));
  // Eight leaders refreshing at once (the pool has 10 connections): reportKpisMany, then one read per field with its own tenant look-up.
  const eight = (read: () => Promise<unknown>) => () => Promise.all(Array.from({ length: 8 }, read));
  const extras = PAGES_ONLY ? null : {
    open: await time(openCounted),
    listed: await time(openListed),
    leadWithOpen: await time(() => Promise.all([batched(overview)(), openCounted()])),
    leadEight: await time(eight(batched(overview))),
    leadEightPerField: await time(eight(perField(overview))),
  };
  const sameRows = JSON.stringify(await batched([...publicStats, ...overview])()) === JSON.stringify(await perField([...publicStats, ...overview])());
  const t0 = performance.now();
  const [ytd] = await recomputeReportKpis(ctx, tenant.id, publicStats[0]!);
  const recomputed = performance.now() - t0;
  const [viaRollups] = await reportKpis(ctx, tenant.id, publicStats[0]!);

  // Where the time goes inside one read: the server's own execution time of the rollup sums (year to date, public, per month), and for
  // comparison of the exact percentiles as read before migration 0022 (percentile_cont over every resolved fact of the period).
  const explain = async (sql: string): Promise<number> => {
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, FORMAT TEXT) ${sql}`);
    return Number(/Execution Time: ([\d.]+)/.exec(plan.map((r) => r['QUERY PLAN']).join('\n'))?.[1] ?? NaN);
  };
  const sumsMs = await explain(`SELECT day::text, sum(received), sum(resolved_on_time), sum(wall_ms) FROM kpi_daily_rollups
    WHERE tenant_id = '${tenant.id}' AND dim = 'T' AND day BETWEEN '${YEAR_START}' AND '${TODAY}' AND is_public GROUP BY 1`);
  const percentileMs = await explain(`SELECT date_trunc('month', day), percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY handling_minutes / 60.0)
    FROM kpi_report_facts WHERE tenant_id = '${tenant.id}' AND submitted_at >= '${YEAR_START}T00:00:00+07' AND submitted_at < '2026-11-29T00:00:00+07'
     AND standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND resolved_at IS NOT NULL AND is_public GROUP BY 1`);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(`\nKPIs at ${REPORTS.toLocaleString('en')} reports (PostgreSQL${pg ? ', throwaway server' : ', DATABASE_URL'}; ${RUNS} timed runs per page)`);
  console.log(`  generate reports and timelines (SQL)   ${seconds(generated)}`);
  console.log(`  rebuildKpiRollups                      ${seconds(rebuild)}  (${rebuilt.reports.toLocaleString('en')} facts, ${rebuilt.handlingFilled.toLocaleString('en')} handling times)`);
  console.log(`  rollup rows ${sizes!.rollups.toLocaleString('en')}, open reports ${sizes!.open.toLocaleString('en')}`);
  const line = (label: string, r: { p50: number; p99: number; max: number }) => console.log(`  ${label.padEnd(78)} p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  max ${ms(r.max)}`);
  line('public statistics, year to date (3 reads: TENANT, MONTH, UNIT), reportKpisMany', stats);
  line('  the same, one reportKpis per field', statsPerField);
  line('leader overview, 30 days + previous 30 (6 reads: TENANT, UNIT, CATEGORY), reportKpisMany', lead);
  line('  the same, one reportKpis per field', leadPerField);
  if (extras) {
    line(`leader overview, open reports by deadline: openDeadlines (${(await openCounted()).total.open.toLocaleString('en')} open)`, extras.open);
    line(`  before: read through the work list, 100 a page (${(await openListed()).toLocaleString('en')} of them)`, extras.listed);
    line('leader overview refresh: reportKpisMany and openDeadlines at once', extras.leadWithOpen);
    line('8 leader overviews at once (KPIs), reportKpisMany: time for all 8', extras.leadEight);
    line('  the same, one reportKpis per field', extras.leadEightPerField);
  }
  console.log(`  batched and per-field reads give the same rows: ${sameRows}`);
  console.log(`  inside one read (year to date, per month): rollup sums ${ms(sumsMs)}; percentile_cont over every resolved fact, as before migration 0022: ${ms(percentileMs)} (server execution time)`);
  console.log(`  for comparison, one TENANT read year to date recomputed from the reports: ${ms(recomputed)} (${ytd?.received.toLocaleString('en')} reports)`);
  console.log(`  same row from rollups and recomputation: ${JSON.stringify(ytd) === JSON.stringify(viaRollups)}`);
} finally {
  await db.close();
  pg?.stop();
}
