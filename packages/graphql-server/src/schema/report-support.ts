import { lagTolerant, nearbyOpenReports, supportReport, supporterCounts, type NearbyReport, type SupportResult } from '@paht/core';
import DataLoader from 'dataloader';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { callCore, NotFoundError, ValidationError } from '../errors/expected-errors.js';
import { Report } from './report.js';
import { fromPublicView } from './report-shape.js';

// People affected by the same problem: the count on every report, and the
// citizen form's "me too" before submitting (nearby open public reports of
// the same category, and supporting one). Contacts never leave the core.

const countLoaders = new WeakMap<GraphQLContext, DataLoader<string, number>>();
function countLoader(ctx: GraphQLContext) {
  let loader = countLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const counts = await supporterCounts(ctx.core, ctx.tenant.id, ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }, { maxBatchSize: 200 });
    countLoaders.set(ctx, loader);
  }
  return loader;
}

builder.objectField(Report, 'supporterCount', (t) =>
  t.int({
    description:
      'How many people support the report besides its reporter: "me too" from the public and reporters of later duplicates merged into it. People affected = supporterCount + 1. A public figure; who they are is never shown.',
    resolve: (r, _args, ctx) => countLoader(ctx).load(r.id),
  }),
);

const NearbyReportType = builder.objectRef<NearbyReport>('NearbyReport').implement({
  description: 'An open public report near a place, in its public view.',
  fields: (t) => ({
    report: t.field({ type: Report, resolve: (n) => fromPublicView(n.report) }),
    distanceMeters: t.int({ resolve: (n) => n.distanceMeters ?? 0 }),
  }),
});

builder.queryField('nearbyReports', (t) =>
  t.field({
    type: [NearbyReportType],
    description:
      'For the citizen form, before submitting: open reports of the same category within `radiusMeters` (1–1000, default 200) of the place that the public may read (public, of a public category, classified, not finished), nearest first (`first` 1–20, default 5). Offer "me too" (`supportReport`) instead of a new report. Never private or rejected reports.',
    errors: { types: [ValidationError] },
    args: {
      categoryId: t.arg.id({ required: true }),
      latitude: t.arg.float({ required: true }),
      longitude: t.arg.float({ required: true }),
      radiusMeters: t.arg.int(),
      first: t.arg.int(),
    },
    resolve: (_root, a, ctx) =>
      callCore(() =>
        nearbyOpenReports(lagTolerant(ctx.core), ctx.tenant.id, {
          categoryId: a.categoryId,
          latitude: a.latitude,
          longitude: a.longitude,
          radiusMeters: a.radiusMeters ?? undefined,
          first: a.first ?? undefined,
        }),
      ),
  }),
);

const ReportSupport = builder.objectRef<SupportResult>('ReportSupport').implement({
  description: 'A "me too" recorded (or found already recorded).',
  fields: (t) => ({
    reportId: t.exposeID('reportId'),
    supporterCount: t.exposeInt('supporterCount'),
    alreadySupported: t.exposeBoolean('alreadySupported', { description: 'This device or contact had supported the report before: nothing changed.' }),
  }),
});

builder.mutationField('supportReport', (t) =>
  t.field({
    type: ReportSupport,
    description:
      'A citizen says "me too" on an open public report (from `nearbyReports`). Counted once per phone or e-mail when given (kept, never shown, so that news of the report can reach them), else once per `deviceId` (a random id the app or browser keeps); a repeat changes nothing. Rate limited like `submitReport`. Private, rejected, finished or unknown reports: NotFoundError alike.',
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      reportId: t.arg.id({ required: true }),
      deviceId: t.arg.string({ required: true, description: '8–200 characters.' }),
      phone: t.arg.string({ description: 'A Vietnamese phone number, to be informed.' }),
      email: t.arg.string({ description: 'To be informed.' }),
    },
    resolve: (_root, a, ctx) =>
      callCore(() =>
        supportReport(ctx.core, ctx.tenant.id, {
          reportId: a.reportId,
          deviceId: a.deviceId,
          ...(a.phone != null ? { phone: a.phone } : {}),
          ...(a.email != null ? { email: a.email } : {}),
        }),
      ),
  }),
);

