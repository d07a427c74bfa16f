import { can, Permission, reportKpis, type AreaName, type KpiRow } from '@paht/core';
import { builder } from '../builder.js';
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

/** Figures for reports submitted in a period, in their state now. received = resolved + inProgress + rejected. */
export const Kpi = builder.objectRef<KpiRow>('Kpi').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Unit or category id, area code, YYYY-MM, or the tenant id.' }),
    label: t.exposeString('label', { nullable: true, description: 'The unit’s, category’s or area’s name in Vietnamese; null for months and the tenant.' }),
    labelEn: t.exposeString('labelEn', { nullable: true, description: 'The same in English; null when there is none (show `label` then).' }),
    area: t.field({
      type: Area,
      nullable: true,
      description: 'AREA rows: the commune or ward named by `key`; null for reports without an area.',
      resolve: (r) => r.area,
    }),
    received: t.exposeInt('received'),
    resolved: t.exposeInt('resolved'),
    onTime: t.exposeInt('onTime'),
    overdue: t.exposeInt('overdue'),
    inProgress: t.exposeInt('inProgress'),
    rejected: t.exposeInt('rejected'),
    avgResolutionHours: t.exposeFloat('avgResolutionHours', { nullable: true }),
    ratings: t.exposeInt('ratings'),
    avgRating: t.exposeFloat('avgRating', { nullable: true }),
    satisfiedShare: t.exposeFloat('satisfiedShare', { nullable: true, description: 'Share of ratings of 4 or 5, from 0 to 1.' }),
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
      groupBy: t.arg({ type: KpiGroupByEnum, description: 'Default TENANT (one row).' }),
      includePrivate: t.arg.boolean({ description: 'Staff only. Default false.' }),
    },
    resolve: (_root, args, ctx) => {
      if (args.includePrivate && !(ctx.staff && can(ctx.staff, Permission.KPI_READ))) {
        throw new ForbiddenError('Only staff may count private categories');
      }
      return callCore(() =>
        reportKpis(ctx.core, ctx.tenant.id, {
          from: args.from,
          to: args.to,
          groupBy: args.groupBy ?? 'TENANT',
          includePrivate: args.includePrivate ?? false,
        }),
      );
    },
  }),
);
