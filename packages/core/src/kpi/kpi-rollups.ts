import { areaName, type AreaName } from '../areas/area-names.js';
import type { CoreContext } from '../context.js';
import { withTenant, withTenantSql } from '../db/with-tenant.js';
import { Prisma } from '../generated/prisma/client.js';
import type { TenantRecord } from '../tenants/tenant-directory.js';
import { CHANNEL_LABELS, type KpiGroupBy } from './kpi-groups.js';
import { fillHandlingMinutes } from './kpi-handling.js';
import { percentilesOf, rankedValuesSql, unfilledSql, type RankedValue } from './kpi-percentiles.js';
import { DIMENSION, FACT_KEY, groupKeySql, IS_PERIOD, keyOf, type RollupQuery } from './kpi-rollup-keys.js';
import type { ReportFigures } from './report-figures.js';
import type { KpiRow } from './report-kpis.js';

export interface Sums {
  received: number; classified: number; rejected: number; resolved_on_time: number; resolved_late: number; not_fixed: number;
  returned: number; reopened: number; ratings: number; rating_sum: number; satisfied: number; published: number; handled: number; wall_ms: number;
}
const SUM_COLUMNS = ['received', 'classified', 'rejected', 'resolved_on_time', 'resolved_late', 'not_fixed', 'returned', 'reopened', 'ratings', 'rating_sum', 'satisfied', 'published', 'handled', 'wall_ms'] as const;
export const zeroSums = (): Sums => Object.fromEntries(SUM_COLUMNS.map((c) => [c, 0])) as unknown as Sums;

/** The additive counts per group key (periods: per day, added up in `sumsOf`). */
function sumsSql(tenant: TenantRecord, q: RollupQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT ${groupKeySql(q.groupBy, Prisma.sql`day`, Prisma.sql`key`)} AS k, ${Prisma.join(SUM_COLUMNS.map((c) => Prisma.sql`sum(${Prisma.raw(c)})::float8 AS ${Prisma.raw(c)}`))}
      FROM kpi_daily_rollups
     WHERE tenant_id = ${tenant.id}::uuid AND dim = ${DIMENSION[q.groupBy]} AND day BETWEEN ${q.from}::date AND ${q.to}::date
       ${q.includePrivate ? Prisma.empty : Prisma.sql`AND is_public`}
     GROUP BY 1 HAVING sum(received) > 0`;
}

function sumsOf(rows: readonly (Sums & { k: string })[], tenant: TenantRecord, q: RollupQuery): Map<string, Sums> {
  const sums = new Map<string, Sums>();
  for (const row of rows) {
    const key = keyOf(q.groupBy, row.k, tenant);
    const s = sums.get(key) ?? zeroSums();
    for (const c of SUM_COLUMNS) s[c] += row[c];
    sums.set(key, s);
  }
  return sums;
}

/**
 * What an open report (`r`, a row of reports) is grouped by first for a grouping: its local day for the periods
 * (cut into weeks, months... once per day by `openGroupKeySql`, not once per report), else its key.
 */
function openKeySql(tenant: TenantRecord, groupBy: KpiGroupBy): Prisma.Sql {
  return IS_PERIOD(groupBy) ? Prisma.sql`(r.submitted_at AT TIME ZONE ${tenant.timezone})::date`
    : groupBy === 'TENANT' ? Prisma.sql`''::text`
      : FACT_KEY[groupBy] === 'unit_key' ? Prisma.sql`COALESCE(r.unit_id::text, '')`
        : FACT_KEY[groupBy] === 'category_key' ? Prisma.sql`COALESCE(r.category_id::text, '')`
          : FACT_KEY[groupBy] === 'area_key' ? Prisma.sql`COALESCE(r.area_code, '')` : Prisma.sql`r.channel::text`;
}
/** The group key, as `groupKeySql` keys the rollups, of what `openKeySql` grouped by (`k`). */
const openGroupKeySql = (groupBy: KpiGroupBy, k: Prisma.Sql): Prisma.Sql => (IS_PERIOD(groupBy) ? groupKeySql(groupBy, k, Prisma.empty) : k);

/**
 * The open reports of a query's period (`q`: its instants and privacy), each with its keys (`keys`, SQL
 * expressions over `r`) and whether it is overdue at `now`, read from the index of open reports (migrations
 * 0018, 0022). The split is `reportStanding`'s (report-figures.ts) for an open report: the deadline that binds it
 * is its answer deadline, else the routing deadline; none is never overdue; while waiting for the citizen it is
 * overdue if the deadline had passed when the pause began (`updated_at`); otherwise if `now` is after it. The
 * kpi-rollups test checks it against `reportStanding` through the recomputation.
 */
function openReportsSql(tenant: TenantRecord, q: RollupQuery, now: Date, keys: readonly Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`
    SELECT ${Prisma.join(keys.map((k, i) => Prisma.sql`${k} AS ${Prisma.raw(`k${i}`)}`))},
           CASE WHEN COALESCE(r.answer_due_at, r.due_at) IS NULL THEN false
                WHEN r.status = 'WAITING_FOR_CITIZEN' THEN COALESCE(r.answer_due_at, r.due_at) <= r.updated_at
                ELSE ${now}::timestamptz > COALESCE(r.answer_due_at, r.due_at) END AS overdue
      FROM reports r LEFT JOIN categories c ON c.id = r.category_id
     WHERE r.tenant_id = ${tenant.id}::uuid AND r.submitted_at >= ${q.start} AND r.submitted_at < ${q.end}
       AND r.status NOT IN ('REJECTED', 'RESOLVED', 'PUBLISHED', 'CLOSED')
       ${q.includePrivate ? Prisma.empty : Prisma.sql`AND r.visibility = 'PUBLIC' AND (c.id IS NULL OR c.is_public)`}`;
}

const OPEN_COUNTS = Prisma.sql`count(*) - count(*) FILTER (WHERE overdue) AS within, count(*) FILTER (WHERE overdue) AS overdue`;

/** Open reports split at `now` into within deadline and overdue, counted per group of one query (`openReportsSql`). */
function openSql(tenant: TenantRecord, q: RollupQuery, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT ${openGroupKeySql(q.groupBy, Prisma.sql`k0`)} AS k, sum(within)::int AS within, sum(overdue)::int AS overdue
      FROM (SELECT k0, ${OPEN_COUNTS} FROM (${openReportsSql(tenant, q, now, [openKeySql(tenant, q.groupBy)])}) o GROUP BY k0) d
     GROUP BY 1`;
}

/**
 * The open reports of one period counted once for several groupings (grouping sets over one read of the index):
 * rows `g` (the grouping's index in `groupBys`), `k`, `within`, `overdue`. For the reads of a page that share a
 * period (`kpisFromRollupsMany`), instead of each read counting them again.
 */
export function openSharedSql(tenant: TenantRecord, q: RollupQuery, groupBys: readonly KpiGroupBy[], now: Date): Prisma.Sql {
  const names = groupBys.map((_, i) => Prisma.raw(`k${i}`));
  const whenGrouped = (then: (n: Prisma.Sql, i: number) => Prisma.Sql) =>
    Prisma.join(names.map((n, i) => Prisma.sql`WHEN GROUPING(${n}) = 0 THEN ${then(n, i)}`), ' ');
  return Prisma.sql`
    SELECT g, k, sum(within)::int AS within, sum(overdue)::int AS overdue FROM (
      SELECT CASE ${whenGrouped((_, i) => Prisma.raw(String(i)))} END AS g, CASE ${whenGrouped((n, i) => openGroupKeySql(groupBys[i]!, n))} END AS k, ${OPEN_COUNTS}
        FROM (${openReportsSql(tenant, q, now, groupBys.map((g) => openKeySql(tenant, g)))}) o
       GROUP BY GROUPING SETS (${Prisma.join(names.map((n) => Prisma.sql`(${n})`))})) s
     GROUP BY g, k`;
}

function openOf(rows: readonly { k: string; within: number; overdue: number }[], tenant: TenantRecord, q: RollupQuery): Map<string, { within: number; overdue: number }> {
  const open = new Map<string, { within: number; overdue: number }>();
  for (const r of rows) {
    const key = keyOf(q.groupBy, r.k, tenant);
    const o = open.get(key) ?? { within: 0, overdue: 0 };
    o.within += r.within;
    o.overdue += r.overdue;
    open.set(key, o);
  }
  return open;
}

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

function figures(s: Sums, open: { within: number; overdue: number } | undefined, p: { p50: number; p90: number } | undefined): ReportFigures {
  const answered = s.resolved_on_time + s.resolved_late + s.not_fixed;
  return {
    received: s.received,
    classified: s.classified,
    rejected: s.rejected,
    resolvedOnTime: s.resolved_on_time,
    resolvedLate: s.resolved_late,
    notFixed: s.not_fixed,
    openWithinDeadline: open?.within ?? 0,
    openOverdue: open?.overdue ?? 0,
    returned: s.returned,
    reopened: s.reopened,
    medianHandlingHours: round1(p?.p50 ?? null),
    p90HandlingHours: round1(p?.p90 ?? null),
    ratings: s.ratings,
    avgRating: s.ratings === 0 ? null : Math.round((s.rating_sum / s.ratings) * 100) / 100,
    satisfiedShare: s.ratings === 0 ? null : s.satisfied / s.ratings,
    published: s.published,
    publishedShare: answered === 0 ? null : s.published / answered,
    avgResolutionHours: s.handled === 0 ? null : Math.round((s.wall_ms / 3_600_000 / s.handled) * 10) / 10,
  };
}

/** Unit or category names (other groupings are named in code). */
function labelsSql(tenant: TenantRecord, groupBy: KpiGroupBy): Prisma.Sql {
  if (groupBy !== 'UNIT' && groupBy !== 'CATEGORY') return Prisma.sql`SELECT NULL::text AS id, NULL::text AS name, NULL::text AS name_en WHERE false`;
  const table = groupBy === 'UNIT' ? Prisma.sql`units` : Prisma.sql`categories`;
  return Prisma.sql`SELECT id::text AS id, name, name_en FROM ${table} WHERE tenant_id = ${tenant.id}::uuid`;
}

function labelsOf(groupBy: KpiGroupBy, key: string, names: Map<string, { label: string | null; labelEn: string | null }>): { label: string | null; labelEn: string | null; area: AreaName | null } {
  switch (groupBy) {
    case 'UNIT':
    case 'CATEGORY':
      return { label: null, labelEn: null, ...names.get(key), area: null };
    case 'AREA': {
      const area = key ? areaName(key) : null;
      return { label: area?.name ?? null, labelEn: area?.nameEn ?? null, area };
    }
    case 'CHANNEL': {
      const [label, labelEn] = CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS];
      return { label, labelEn, area: null };
    }
    default:
      return { label: null, labelEn: null, area: null };
  }
}

/** What a read's statement returns: its sums, open reports, ranked handling times and names (JSON text), and whether handling times are missing. */
type Read = { sums: string; open: string; ranked: string; names: string; unfilled: boolean };
type OpenCounts = Map<string, { within: number; overdue: number }>;

/**
 * The parts of one read's statement, each a query of its own (the bench explains them one by one): the sums,
 * the open reports, the ranked handling times, the names, and whether handling times are missing.
 */
export function kpiReadParts(tenant: TenantRecord, q: RollupQuery, now: Date): Record<keyof Read, Prisma.Sql> {
  return { sums: sumsSql(tenant, q), open: openSql(tenant, q, now), ranked: rankedValuesSql(tenant, q, now), names: labelsSql(tenant, q.groupBy), unfilled: unfilledSql(tenant, q) };
}

/**
 * One read's statement: its parts as the columns of one row (one round trip, one snapshot). Without its open
 * reports (`withOpen` false) when they are counted for several reads at once (`openSharedSql`).
 */
export function kpiReadSql(tenant: TenantRecord, q: RollupQuery, now: Date, withOpen = true): Prisma.Sql {
  const parts = kpiReadParts(tenant, q, now);
  const rows = (sql: Prisma.Sql): Prisma.Sql => Prisma.sql`(SELECT COALESCE(json_agg(x), '[]')::text FROM (${sql}) x)`;
  return Prisma.sql`SELECT ${rows(parts.sums)} AS sums, ${withOpen ? rows(parts.open) : Prisma.sql`'[]'`} AS open, ${rows(parts.ranked)} AS ranked,
    ${rows(parts.names)} AS names, EXISTS (${parts.unfilled}) AS unfilled`;
}

/** Reports of a group neither rejected nor answered, from its sums: what its open reports must add up to. */
const openBySums = (s: Sums): number => s.received - s.rejected - s.resolved_on_time - s.resolved_late - s.not_fixed;

/**
 * Whether open reports counted apart (another transaction, another snapshot) are those of these sums: every group
 * as many open reports as its sums leave neither rejected nor answered, and none in a group without sums.
 * When a report changed in between they may not be; the read then counts its own.
 */
export function openMatchesSums(sums: ReadonlyMap<string, Sums>, open: OpenCounts): boolean {
  for (const [key, o] of open) if (!sums.has(key) && o.within + o.overdue !== 0) return false;
  for (const [key, s] of sums) {
    const o = open.get(key);
    if (openBySums(s) !== (o ? o.within + o.overdue : 0)) return false;
  }
  return true;
}

/** The rows of one query from what its statement read, its own open reports included. */
function rowsOf(read: Read, tenant: TenantRecord, q: RollupQuery): KpiRow[] {
  const sums = sumsOf(JSON.parse(read.sums) as (Sums & { k: string })[], tenant, q);
  return rowsFrom(read, tenant, q, sums, openOf(JSON.parse(read.open) as { k: string; within: number; overdue: number }[], tenant, q));
}

/** The rows of one query from its sums, its open reports (read with them or counted apart) and the rest of what its statement read. */
function rowsFrom(read: Read, tenant: TenantRecord, q: RollupQuery, sums: Map<string, Sums>, open: OpenCounts): KpiRow[] {
  const pct = percentilesOf(JSON.parse(read.ranked) as RankedValue[], tenant, q);
  const names = new Map((JSON.parse(read.names) as { id: string; name: string; name_en: string | null }[]).map((r) => [r.id, { label: r.name, labelEn: r.name_en }]));
  const keys = [...sums.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => {
    const f = figures(sums.get(key)!, open.get(key), pct.get(key));
    return {
      key,
      ...labelsOf(q.groupBy, key, names),
      ...f,
      resolved: f.resolvedOnTime + f.resolvedLate,
      onTime: f.resolvedOnTime,
      overdue: f.resolvedLate,
      inProgress: f.openWithinDeadline,
      open: f.openWithinDeadline + f.openOverdue,
    };
  });
}

/** One read's statement in its tenant transaction on the driver (without JIT: its cost estimate can pass the threshold while it reads a few thousand rows; planned afresh: its best plan depends on the period). */
const readOnce = <R = Read>(ctx: CoreContext, tenant: TenantRecord, statement: Prisma.Sql): Promise<R[]> =>
  withTenantSql(ctx.db, tenant.id, (sql) => sql.query<R>(statement), { noJit: true, oneStatement: true, replan: true });

/**
 * The report KPIs of a checked query of one tenant, from the daily rollups
 * (counts), the index of open reports (split at `now`) and the handling
 * histograms and resolved facts (exact percentiles): the same rows as
 * recomputing every report (docs/kpis.md). One tenant transaction on the
 * driver with one statement (one round trip, one snapshot). The handling
 * times it lacks are filled first, rarely: then a Prisma tenant transaction
 * on the primary fills them and reads again.
 */
export async function kpisFromRollups(ctx: CoreContext, tenant: TenantRecord, q: RollupQuery): Promise<KpiRow[]> {
  const statement = kpiReadSql(tenant, q, ctx.now());
  let [read] = await readOnce(ctx, tenant, statement);
  if (read!.unfilled) {
    // Through the primary: a lag-tolerant read (`lagTolerant(ctx)`) may be on a read-only replica.
    [read] = await withTenant(ctx.db.writable, tenant.id, async (tx) => {
      await fillHandlingMinutes(tx, tenant, q);
      return tx.$queryRaw<Read[]>(statement);
    });
  }
  return rowsOf(read!, tenant, q);
}

/**
 * Several checked queries of one tenant, each answered as `kpisFromRollups` answers it alone, all at once, each
 * in its own transaction (side by side on the pool). The queries that share a period and privacy (a page's
 * groupings) have their open reports counted once for all of them (`openSharedSql`, one more transaction at the
 * same time) instead of once each; a read keeps those counts only if they are those of its own sums
 * (`openMatchesSums`), else, as when handling times are missing, it is read again alone, open reports included.
 */
export async function kpisFromRollupsMany(ctx: CoreContext, tenant: TenantRecord, qs: readonly RollupQuery[]): Promise<KpiRow[][]> {
  const now = ctx.now();
  const periods = new Map<string, number[]>();
  for (const [i, q] of qs.entries()) {
    const id = `${q.from}/${q.to}/${q.includePrivate}`;
    periods.set(id, [...(periods.get(id) ?? []), i]);
  }
  const shared = new Map<number, Promise<OpenCounts>>();
  for (const members of periods.values()) {
    if (members.length < 2) continue;
    const groupBys = [...new Set(members.map((i) => qs[i]!.groupBy))];
    const q = qs[members[0]!]!;
    const counted = readOnce<{ g: number; k: string; within: number; overdue: number }>(ctx, tenant, openSharedSql(tenant, q, groupBys, now));
    for (const i of members) {
      shared.set(i, counted.then((rows) => openOf(rows.filter((r) => groupBys[r.g] === qs[i]!.groupBy), tenant, qs[i]!)));
    }
  }
  return Promise.all(qs.map(async (q, i) => {
    const open = shared.get(i);
    if (!open) return kpisFromRollups(ctx, tenant, q);
    const [[read], counts] = await Promise.all([readOnce(ctx, tenant, kpiReadSql(tenant, q, now, false)), open]);
    const sums = sumsOf(JSON.parse(read!.sums) as (Sums & { k: string })[], tenant, q);
    if (read!.unfilled || !openMatchesSums(sums, counts)) return kpisFromRollups(ctx, tenant, q);
    return rowsFrom(read!, tenant, q, sums, counts);
  }));
}
