import { lagTolerant, listReports, ReportSort, type ListReportsArgs, type ReportFilter, type ReportPage } from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff, type GraphQLContext } from '../context.js';
import { callCore, ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { ChannelEnum, ReportStatusEnum } from './enums.js';
import { Report } from './report.js';
import { fromListItem, type ReportShape } from './report-shape.js';
import { DateTime } from './scalars.js';

// Relay cursor connections over core's keyset paging (`listReports`): the
// public list and the staff work lists share one shape, filters and orders.

interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

interface ReportConnectionShape {
  edges: Array<{ cursor: string; node: ReportShape }>;
  pageInfo: PageInfoShape;
}

export const PageInfo = builder.objectRef<PageInfoShape>('PageInfo').implement({
  description: 'Relay page information. Paging is forward only (`first`/`after`): `hasPreviousPage` is true when the page was asked for with `after`.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.exposeString('startCursor', { nullable: true }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

const ReportEdge = builder.objectRef<ReportConnectionShape['edges'][number]>('ReportEdge').implement({
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.expose('node', { type: Report }),
  }),
});

export const ReportConnection = builder.objectRef<ReportConnectionShape>('ReportConnection').implement({
  description: 'A page of reports (timelines are empty in lists; read one report for its timeline).',
  fields: (t) => ({
    edges: t.expose('edges', { type: [ReportEdge] }),
    nodes: t.field({ type: [Report], description: 'The edges’ nodes, for clients that need no cursor per item.', resolve: (c) => c.edges.map((e) => e.node) }),
    pageInfo: t.expose('pageInfo', { type: PageInfo }),
  }),
});

const ReportOrderEnum = builder.enumType('ReportOrder', {
  values: {
    NEWEST: { value: ReportSort.NEWEST, description: 'Submitted last first (default).' },
    OLDEST: { value: ReportSort.OLDEST, description: 'Submitted first first.' },
    RECENTLY_UPDATED: { value: ReportSort.RECENTLY_UPDATED, description: 'Changed last first.' },
  },
});

const ReportFilterInput = builder.inputType('ReportFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: [ReportStatusEnum], description: 'Any of these statuses.' }),
    channel: t.field({ type: [ChannelEnum], description: 'Any of these channels (how the report came in).' }),
    categoryId: t.id(),
    unitId: t.id({ description: 'The unit handling it.' }),
    areaCode: t.string({ description: 'Commune or ward code.' }),
    submittedFrom: t.field({ type: DateTime, description: 'Submitted at or after.' }),
    submittedTo: t.field({ type: DateTime, description: 'Submitted before.' }),
    overdue: t.boolean({ description: 'true: past its current deadline, or answered late; false: neither.' }),
    search: t.string({ description: 'Words in the code, title, description or address, with or without Vietnamese diacritics.' }),
  }),
});

type FilterArg = {
  status?: readonly string[] | null;
  channel?: readonly string[] | null;
  categoryId?: string | number | null;
  unitId?: string | number | null;
  areaCode?: string | null;
  submittedFrom?: Date | null;
  submittedTo?: Date | null;
  overdue?: boolean | null;
  search?: string | null;
};

/** The GraphQL filter as core's (absent and null are the same: no condition). */
function toFilter(f: FilterArg | null | undefined): ReportFilter {
  if (!f) return {};
  const filter: ReportFilter = {};
  if (f.status?.length) filter.status = [...f.status] as ReportFilter['status'];
  if (f.channel?.length) filter.channel = [...f.channel] as ReportFilter['channel'];
  if (f.categoryId != null) filter.categoryId = String(f.categoryId);
  if (f.unitId != null) filter.unitId = String(f.unitId);
  if (f.areaCode) filter.areaCode = f.areaCode;
  if (f.submittedFrom) filter.submittedFrom = f.submittedFrom;
  if (f.submittedTo) filter.submittedTo = f.submittedTo;
  if (f.overdue != null) filter.overdue = f.overdue;
  if (f.search?.trim()) filter.search = f.search;
  return filter;
}

function toConnection(page: ReportPage, after: string | null | undefined): ReportConnectionShape {
  const edges = page.items.map((item, i) => ({ cursor: page.cursors[i]!, node: fromListItem(item) }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: page.endCursor },
  };
}

interface ListArgs {
  first?: number | null;
  after?: string | null;
  filter?: FilterArg | null;
  orderBy?: ReportSort | null;
}

function coreArgs(args: ListArgs): ListReportsArgs {
  return {
    filter: toFilter(args.filter),
    ...(args.first != null ? { first: args.first } : {}),
    ...(args.after ? { after: args.after } : {}),
    ...(args.orderBy ? { sort: args.orderBy } : {}),
  };
}

const listArgs = (t: Parameters<Parameters<typeof builder.queryField>[1]>[0]) => ({
  first: t.arg.int({ description: 'Page size, 1 to 100; default 20.' }),
  after: t.arg.string({ description: 'The `endCursor` (or any edge `cursor`) of the previous page.' }),
  filter: t.arg({ type: ReportFilterInput }),
  orderBy: t.arg({ type: ReportOrderEnum, description: 'Default NEWEST.' }),
});

// The public list tolerates replication lag (read replica when configured); the staff work list reads the primary.
const list = (ctx: GraphQLContext, args: ListArgs, staff: boolean) =>
  callCore(async () => toConnection(await listReports(staff ? ctx.core : lagTolerant(ctx.core), ctx.tenant.id, staff ? requireStaff(ctx) : null, coreArgs(args)), args.after));

builder.queryField('publicReports', (t) =>
  t.field({
    type: ReportConnection,
    description:
      'Public reports of public categories (never rejected ones, never contact data), newest first by default, with filters and cursor paging.',
    errors: { types: [ValidationError] },
    args: listArgs(t),
    resolve: (_root, args, ctx) => list(ctx, args, false),
  }),
);

builder.queryField('reports', (t) =>
  t.field({
    type: ReportConnection,
    description: 'Staff work list: the IOC, admins and leaders see every report of the tenant, unit staff their unit’s; with filters, orders and cursor paging.',
    errors: { types: [ValidationError, ForbiddenError] },
    extensions: { staffOnly: true },
    args: listArgs(t),
    resolve: (_root, args, ctx) => list(ctx, args, true),
  }),
);
