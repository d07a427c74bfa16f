import { can, lagTolerant, Permission, reportKpisMany, type AreaName, type KpiQuery, type KpiRow } from '@paht/core';
import DataLoader from 'dataloader';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { callCore, ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { KpiGroupByEnum } from './enums.js';

/** A commune-level area (xã, phường, đặc khu), named from the national address database. */
export const Area = builder.objectRef<AreaName>('Area').implement({
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The national ward code (after the 2025 reorganisation), e.g. `19333`.' }),
    name: t.exposeString('name', { description: 'In Vietnamese, e.g. `Phường Đông Hà`.' }),
    nameEn: t.exposeString('nameEn', { description: 'In English, e.g. `Đông Hà Ward`.' }),
  }),
});

const DEFINITIONS = 'Definitions: docs/kpis.md.';

// One request's `kpis` fields (a page's aliases: totals, months, units, the
// previous period) are read together: one tenant look-up, then each read in
// its own tenant transaction, side by side (core `reportKpisMany`), each
// field answering its own rows or its own refusal. All are lag-tolerant reads.
const kpiLoaders = new WeakMap<GraphQLContext, DataLoader<KpiQuery, KpiRow[], string>>();
function kpiLoader(ctx: GraphQLContext): DataLoader<KpiQuery, KpiRow[], string> {
  let loader = kpiLoaders.get(ctx);
  if (!loader) {
    // The same query twice in one request (its key: the query's fields, always set in the same order) is read once;
    // at most 16 per statement (the cost limit bounds a document's aliases anyway).
    loader = new DataLoader<KpiQuery, KpiRow[], string>((queries) => reportKpisMany(lagTolerant(ctx.core), ctx.tenant.id, queries), {
      cacheKeyFn: (q) => JSON.stringify(q),
      maxBatchSize: 16,
    });
    kpiLoaders.set(ctx, loader);
  }
  return loader;
}

/**
 * Figures for the reports submitted in a period, in their state now (docs/kpis.md).
 * received = resolvedOnTime + resolvedLate + notFixed + rejected + openWithinDeadline + openOverdue.
 */
export const Kpi = builder.objectRef<KpiRow>('Kpi').implement({
  description: `Figures for the reports submitted in a period, in their state now. received = resolvedOnTime + resolvedLate + notFixed + rejected + openWithinDeadline + openOverdue. ${DEFINITIONS}`,
  fields: (t) => ({
    key: t.exposeString('key', {
      description:
        'Unit or category id, area code, channel, period (`2023-09-28`, ISO week `2023-W39`, `2023-09`, `2023-Q3`, `2023`), the tenant id, or (FORMER_TENANT) the id of the tenant the reports were submitted to: a tenant merged into this one, or this tenant’s own.',
    }),
    label: t.exposeString('label', { nullable: true, description: 'The unit’s, category’s, area’s, channel’s or (FORMER_TENANT) tenant’s name in Vietnamese; null for periods and the tenant.' }),
    labelEn: t.exposeString('labelEn', { nullable: true, description: 'The same in English; null when there is none (show `label` then).' }),
    area: t.field({
      type: Area,
      nullable: true,
      description: 'AREA rows: the commune or ward named by `key`; null for reports without an area.',
      resolve: (r) => r.area,
    }),
    received: t.exposeInt('received', { description: 'Reports submitted in the period (every channel), rejected ones included.' }),
    classified: t.exposeInt('classified', { description: 'Of those, reports the IOC classified (rejected ones included if classified first).' }),
    rejected: t.exposeInt('rejected', { description: 'Rejected by the IOC (spam, duplicate, out of scope).' }),
    resolved: t.exposeInt('resolved', { description: 'resolvedOnTime + resolvedLate. “Closed – not fixed” answers are never resolved.' }),
    resolvedOnTime: t.exposeInt('resolvedOnTime', { description: 'Answered (fixed) by the answer deadline, extensions and time waiting for the citizen included (đúng hạn).' }),
    resolvedLate: t.exposeInt('resolvedLate', { description: 'Answered (fixed) after the answer deadline (quá hạn).' }),
    notFixed: t.exposeInt('notFixed', { description: 'Closed – not fixed: the unit answered that it cannot or will not act, with a reason.' }),
    openWithinDeadline: t.exposeInt('openWithinDeadline', { description: 'Not answered yet, not rejected, and the binding deadline has not passed (đang xử lý).' }),
    openOverdue: t.exposeInt('openOverdue', { description: 'Not answered yet, not rejected, and already past the answer deadline (or, before assignment, the IOC’s routing deadline).' }),
    open: t.exposeInt('open', { description: 'openWithinDeadline + openOverdue.' }),
    returned: t.exposeInt('returned', { description: 'Reports a unit returned at least once as not its own (wrong unit).' }),
    reopened: t.exposeInt('reopened', { description: 'Reports the citizen reopened at least once.' }),
    medianHandlingHours: t.exposeFloat('medianHandlingHours', {
      nullable: true,
      description: 'Median working hours (the tenant’s calendar) from submission to the latest answer, over resolved reports; null when none.',
    }),
    p90HandlingHours: t.exposeFloat('p90HandlingHours', { nullable: true, description: '90th percentile of the same (linear interpolation).' }),
    ratings: t.exposeInt('ratings', { description: 'Reports with a citizen rating: the sample size of `satisfiedShare`.' }),
    avgRating: t.exposeFloat('avgRating', { nullable: true, description: 'Mean rating (1–5).' }),
    satisfiedShare: t.exposeFloat('satisfiedShare', { nullable: true, description: 'Satisfaction rate: share of ratings of 4 or 5, from 0 to 1 (sample: `ratings`).' }),
    published: t.exposeInt('published', { description: 'Answered reports whose answer the IOC published.' }),
    publishedShare: t.exposeFloat('publishedShare', { nullable: true, description: 'published / answered (resolved + notFixed), from 0 to 1; null when none answered.' }),
    onTime: t.exposeInt('onTime', { deprecationReason: 'Use resolvedOnTime (same figure).' }),
    overdue: t.exposeInt('overdue', { deprecationReason: 'Use resolvedLate (same figure): reports answered late; open overdue ones are openOverdue.' }),
    inProgress: t.exposeInt('inProgress', { deprecationReason: 'Use openWithinDeadline (same figure) and openOverdue, or open for both.' }),
    avgResolutionHours: t.exposeFloat('avgResolutionHours', {
      nullable: true,
      deprecationReason: 'Wall-clock mean; use medianHandlingHours and p90HandlingHours (working hours).',
    }),
  }),
});

builder.queryField('kpis', (t) =>
  t.field({
    type: [Kpi],
    description: 'Report KPIs of the tenant. Public categories only, unless staff with KPI access ask for private ones too.',
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      from: t.arg.string({ required: true, description: 'First local day, YYYY-MM-DD, inclusive.' }),
      to: t.arg.string({ required: true, description: 'Last local day, YYYY-MM-DD, inclusive.' }),
      groupBy: t.arg({
        type: KpiGroupByEnum,
        description:
          'Default TENANT (one row). Periods (DAY, WEEK, MONTH, QUARTER, YEAR) by the local day of submission; a custom range is from/to. FORMER_TENANT: after a merge, one row per tenant the reports were submitted to (docs/tenant-merge.md).',
      }),
      includePrivate: t.arg.boolean({ description: 'Staff only. Default false.' }),
      formerTenantId: t.arg.id({
        description:
          'After a merge (docs/tenant-merge.md): only the reports submitted to this tenant, a tenant merged into this one (its moved reports, as they were before the merge) or this tenant itself (its own reports). The keys of FORMER_TENANT rows. Default: all; any other id is VALIDATION.',
      }),
    },
    resolve: (_root, args, ctx) => {
      if (args.includePrivate && !(ctx.staff && can(ctx.staff, Permission.KPI_READ))) {
        throw new ForbiddenError('Only staff may count private categories');
      }
      return callCore(() =>
        kpiLoader(ctx).load({
          from: args.from,
          to: args.to,
          groupBy: args.groupBy ?? 'TENANT',
          includePrivate: args.includePrivate ?? false,
          ...(args.formerTenantId == null ? {} : { formerTenantId: String(args.formerTenantId) }),
        }),
      );
    },
  }),
);
