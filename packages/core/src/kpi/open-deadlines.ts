import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenantSql } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import { staffReportScope } from '../reports/list-reports.js';
import { statusesWhere } from '../reports/status-traits.js';

/** The open reports of one group (or of all) by their current deadline at the moment counted. */
export interface OpenDeadlineCount {
  /** The unit's or category's id (`''` for reports without one); the tenant's id for the total. */
  key: string;
  /** The unit's or category's name; null for the total and for reports without one. */
  label: string | null;
  labelEn: string | null;
  /** Open reports: in a status where an SLA stage runs (submitted, classified, assigned, accepted, in progress, waiting for the citizen). */
  open: number;
  /** Of those, past the deadline of their running stage (`Report.dueAt`) at the moment counted. */
  overdue: number;
  /** Of those, not past it, and due within the next `dueWithinDays` × 24 hours. */
  dueSoon: number;
}

/** What the leader overview shows of the open reports, exact, whatever their number. */
export interface OpenDeadlines {
  /** The moment counted (`ctx.now()`). */
  countedAt: Date;
  dueWithinDays: number;
  total: OpenDeadlineCount;
  /** Per unit holding the reports now, and per category: groups with open reports only, in key order. */
  units: OpenDeadlineCount[];
  categories: OpenDeadlineCount[];
}

/** The default and largest window of `dueSoon`, in days. */
export const DUE_WITHIN_DAYS_DEFAULT = 7;
export const DUE_WITHIN_DAYS_MAX = 31;

/**
 * The statuses in which no SLA stage runs (status-traits.ts), written as the
 * SQL literals of the partial index of open reports (migration 0022,
 * `reports_kpi_open_idx`) so that the planner can use it.
 */
const NOT_OPEN = Prisma.raw(statusesWhere((t) => t.runningStage === null).map((s) => `'${s}'`).join(', '));

interface Row {
  g: number;
  unit_id: string | null;
  category_id: string | null;
  name: string | null;
  name_en: string | null;
  open: number;
  overdue: number;
  due_soon: number;
}

/**
 * The open reports a staff member's work lists cover (`staffReportScope`:
 * the whole tenant, or their unit's), counted now by the deadline of their
 * running stage: overdue, or due within `dueWithinDays` days (default 7,
 * 1–31; else VALIDATION on `dueWithinDays`); overall, per unit holding them
 * and per category. Whatever the period: every open report, as a work list
 * of them would show. The same deadline and moment as the work list's
 * `overdue` filter (`Report.dueAt` against `now`), not the KPIs'
 * `openOverdue` (reports submitted in a period, against the answer
 * deadline): docs/kpis.md, "Open reports by deadline". One statement
 * (grouping sets) over the index of open reports.
 */
export async function openDeadlines(ctx: CoreContext, tenantId: string, actor: Actor, options: { dueWithinDays?: number } = {}): Promise<OpenDeadlines> {
  const days = options.dueWithinDays ?? DUE_WITHIN_DAYS_DEFAULT;
  if (!Number.isInteger(days) || days < 1 || days > DUE_WITHIN_DAYS_MAX) {
    throw validationError([{ path: 'dueWithinDays', message: `must be a whole number of days from 1 to ${DUE_WITHIN_DAYS_MAX}` }]);
  }
  const now = ctx.now();
  const soon = new Date(now.getTime() + days * 86_400_000);
  const rows = await withTenantSql(ctx.db, tenantId, (sql) =>
    sql.query<Row>(Prisma.sql`
      SELECT o.g, o.unit_id::text AS unit_id, o.category_id::text AS category_id, COALESCE(u.name, c.name) AS name, COALESCE(u.name_en, c.name_en) AS name_en,
             o.open, o.overdue, o.due_soon
        FROM (SELECT GROUPING(r.unit_id, r.category_id)::int AS g, r.unit_id, r.category_id, count(*)::int AS open,
                     count(*) FILTER (WHERE r.due_at < ${now}::timestamptz)::int AS overdue,
                     count(*) FILTER (WHERE r.due_at >= ${now}::timestamptz AND r.due_at < ${soon}::timestamptz)::int AS due_soon
                FROM reports r
               WHERE r.tenant_id = ${tenantId}::uuid AND r.status NOT IN (${NOT_OPEN}) AND ${staffReportScope(actor)}
               GROUP BY GROUPING SETS ((), (r.unit_id), (r.category_id))) o
        LEFT JOIN units u ON u.id = o.unit_id
        LEFT JOIN categories c ON c.id = o.category_id`),
    { oneStatement: true },
  );
  const count = (r: Row, key: string): OpenDeadlineCount => ({ key, label: r.name, labelEn: r.name_en, open: r.open, overdue: r.overdue, dueSoon: r.due_soon });
  const byKey = (a: OpenDeadlineCount, b: OpenDeadlineCount) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  // GROUPING(unit, category): 3 for the total, 1 per unit (category not grouped), 2 per category.
  const total = rows.find((r) => r.g === 3);
  return {
    countedAt: now,
    dueWithinDays: days,
    total: total ? count(total, tenantId) : { key: tenantId, label: null, labelEn: null, open: 0, overdue: 0, dueSoon: 0 },
    units: rows.filter((r) => r.g === 1).map((r) => count(r, r.unit_id ?? '')).sort(byKey),
    categories: rows.filter((r) => r.g === 2).map((r) => count(r, r.category_id ?? '')).sort(byKey),
  };
}
