import type { Actor } from '../auth/actor.js';
import { can, Permission } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenantSql } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { Prisma } from '../generated/prisma/client.js';
import { isUuid } from '../ids.js';
import { baseView, hasPublicContent } from './report-row-view.js';
import { readReportRows } from './report-rows.js';
import { REPORT_STATUSES, type ReportStatus } from './report-status.js';
import { FINISHED_STATUSES, UNLISTED_STATUSES } from './status-traits.js';
import type { PublicReportView } from './report-views.js';
import { escapeLikePattern, foldVietnamese } from './search-text.js';
import { isSupportedInstant } from '../calendar/supported-dates.js';
import { hasNul } from '../input/untrusted-input.js';
import { CHANNELS, type Channel } from './submit-input.js';

export interface ReportFilter {
  status?: ReportStatus[];
  categoryId?: string;
  unitId?: string;
  areaCode?: string;
  /** Any of these channels (how it came in: web, hotline 1022, Zalo, ...). */
  channel?: Channel[];
  /** Submitted at or after. */
  submittedFrom?: Date;
  /** Submitted before. */
  submittedTo?: Date;
  /** true: past its current deadline now, or answered late; false: neither. */
  overdue?: boolean;
  /** Words to find in the code, title, description or address, with or without diacritics. */
  search?: string;
}

export const ReportSort = { NEWEST: 'NEWEST', OLDEST: 'OLDEST', RECENTLY_UPDATED: 'RECENTLY_UPDATED' } as const;
export type ReportSort = (typeof ReportSort)[keyof typeof ReportSort];

export interface ListReportsArgs {
  filter?: ReportFilter;
  sort?: ReportSort;
  /** Page size, 1–100 (default 20). */
  first?: number;
  /** The `endCursor` of the previous page. */
  after?: string;
}

export interface ReportPage {
  items: Array<Omit<PublicReportView, 'timeline'>>;
  /** Each item's cursor, in the same order: paging may resume after any of them. */
  cursors: string[];
  endCursor: string | null;
  hasNextPage: boolean;
}

type SortKey = 'submittedAt' | 'updatedAt';
const SORTS: Record<ReportSort, { key: SortKey; dir: 'asc' | 'desc' }> = {
  NEWEST: { key: 'submittedAt', dir: 'desc' },
  OLDEST: { key: 'submittedAt', dir: 'asc' },
  RECENTLY_UPDATED: { key: 'updatedAt', dir: 'desc' },
};

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    const date = typeof at === 'string' ? new Date(at) : new Date(Number.NaN);
    if (!isSupportedInstant(date) || typeof id !== 'string' || !isUuid(id)) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw validationError([{ path: 'after', message: 'is not a cursor from this list' }]);
  }
}

/**
 * The reports a staff member's lists and counts cover (`r` is the reports'
 * alias): every report for the IOC, admins and leaders (REPORT_READ_ALL),
 * else those their unit holds.
 */
export function staffReportScope(actor: Actor): Prisma.Sql {
  if (can(actor, Permission.REPORT_READ_ALL)) return Prisma.sql`TRUE`;
  return Prisma.sql`r.unit_id = ${'unitId' in actor ? actor.unitId : '00000000-0000-0000-0000-000000000000'}::uuid`;
}

/**
 * Lists reports, newest first by default, with filters and keyset paging.
 * What is listed depends on who asks: the public (`actor` null) sees public
 * reports the IOC has classified into public categories, never rejected ones; a unit sees its own;
 * the IOC, admins and leaders see all.
 */
export async function listReports(ctx: CoreContext, tenantId: string, actor: Actor | null, args: ListReportsArgs = {}): Promise<ReportPage> {
  const take = args.first ?? 20;
  if (!Number.isInteger(take) || take < 1 || take > 100) throw validationError([{ path: 'first', message: 'must be from 1 to 100' }]);
  const sort = SORTS[args.sort ?? 'NEWEST'];
  if (!sort) throw validationError([{ path: 'sort', message: 'is not a known order' }]);
  const f = args.filter ?? {};
  if (f.status?.some((s) => !REPORT_STATUSES.includes(s))) throw validationError([{ path: 'filter.status', message: 'has an unknown status' }]);
  if (f.channel?.some((c) => !CHANNELS.includes(c))) throw validationError([{ path: 'filter.channel', message: 'has an unknown channel' }]);
  const now = ctx.now();
  for (const key of ['submittedFrom', 'submittedTo'] as const) {
    const at = f[key];
    if (at !== undefined && !isSupportedInstant(at)) throw validationError([{ path: `filter.${key}`, message: 'must be a date from 1900 to 9999' }]);
  }
  if (f.search !== undefined && hasNul(f.search)) throw validationError([{ path: 'filter.search', message: 'must not contain a NUL character' }]);
  const cursor = args.after ? decodeCursor(args.after) : null;

  // One SQL statement (`readReportRows`) under the tenant's row-level security.
  const and: Prisma.Sql[] = [];
  if (!actor) {
    // Moderation first: a report reaches public lists once the IOC has read
    // and classified it (whatever category the citizen picked) into a public
    // category. Until then only its reporter follows it (tracking code); a
    // complaint that turns out to be about an official (a private category)
    // is never listed at all.
    and.push(Prisma.sql`r.visibility = 'PUBLIC' AND NOT (r.status::text = ANY(${[...UNLISTED_STATUSES]}::text[]))
      AND EXISTS (SELECT 1 FROM categories c WHERE c.id = r.category_id AND c.is_public)`);
  } else {
    and.push(staffReportScope(actor));
  }
  if (f.status?.length) and.push(Prisma.sql`r.status::text = ANY(${f.status}::text[])`);
  if (f.channel?.length) and.push(Prisma.sql`r.channel::text = ANY(${f.channel}::text[])`);
  if (f.categoryId) and.push(isUuid(f.categoryId) ? Prisma.sql`r.category_id = ${f.categoryId}::uuid` : Prisma.sql`FALSE`);
  if (f.unitId) and.push(isUuid(f.unitId) ? Prisma.sql`r.unit_id = ${f.unitId}::uuid` : Prisma.sql`FALSE`);
  if (f.areaCode) and.push(Prisma.sql`r.area_code = ${f.areaCode}`);
  if (f.submittedFrom) and.push(Prisma.sql`r.submitted_at >= ${f.submittedFrom}`);
  if (f.submittedTo) and.push(Prisma.sql`r.submitted_at < ${f.submittedTo}`);
  if (f.overdue !== undefined) {
    // Past its current deadline now, or answered late; NULLs count as neither (as SQL's NOT does).
    const late = Prisma.sql`(r.resolved_on_time = FALSE
      OR (r.resolved_at IS NULL AND r.due_at < ${now} AND NOT (r.status::text = ANY(${[...FINISHED_STATUSES]}::text[]))))`;
    and.push(f.overdue ? late : Prisma.sql`NOT ${late}`);
  }
  for (const word of foldVietnamese(f.search ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    and.push(Prisma.sql`r.search_text LIKE ${`%${escapeLikePattern(word)}%`}`);
  }
  const column = Prisma.raw(sort.key === 'submittedAt' ? 'r.submitted_at' : 'r.updated_at');
  const dir = Prisma.raw(sort.dir === 'desc' ? 'DESC' : 'ASC');
  if (cursor) {
    const op = Prisma.raw(sort.dir === 'desc' ? '<' : '>');
    and.push(Prisma.sql`(${column} ${op} ${cursor.at} OR (${column} = ${cursor.at} AND r.id ${op} ${cursor.id}::uuid))`);
  }
  const where = and.length > 0 ? Prisma.join(and, ' AND ') : Prisma.sql`TRUE`;
  const rows = await withTenantSql(ctx.db, tenantId, (sql) => readReportRows(sql, where, Prisma.sql`${column} ${dir}, r.id ${dir}`, take + 1), { oneStatement: true });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  const full = actor !== null;
  return {
    items: page.map((row) => baseView(row, full || hasPublicContent(row), full)),
    cursors: page.map((row) => encodeCursor(row[sort.key], row.id)),
    endCursor: last ? encodeCursor(last[sort.key], last.id) : null,
    hasNextPage: rows.length > take,
  };
}
