import { can, classificationSuggestions, mergeReports, Permission, possibleDuplicates, type ClassificationSuggestion, type NearbyReport, type TransitionResult } from '@paht/core';
import DataLoader from 'dataloader';
import { builder } from '../builder.js';
import { requireStaff, type GraphQLContext } from '../context.js';
import { callCore, COMMAND_ERRORS, ForbiddenError, NotFoundError, ValidationError } from '../errors/expected-errors.js';
import { publishing } from '../live/publish-change.js';
import { STAFF_ONLY } from './admin-shared.js';
import { Category } from './category.js';
import { Report } from './report.js';
import { fromPublicView } from './report-shape.js';
import { ReportTransition } from './report-transition.js';
import { Unit } from './unit.js';

// The IOC inbox's help with triage: a suggested category and unit for each
// report, learned from the tenant's own classified history; possible
// duplicates near in place and time; merging a later report into the
// original (its reporter becomes a supporter). docs/classification.md.

export const ClassificationSuggestionType = builder.objectRef<ClassificationSuggestion>('ClassificationSuggestion').implement({
  description: "A category and unit the tenant's classified history suggests for a report, with how sure it is.",
  fields: (t) => ({
    category: t.field({ type: Category, resolve: (s) => s.category }),
    unit: t.field({ type: Unit, nullable: true, description: 'Null when the similar reports were classified but not assigned.', resolve: (s) => s.unit }),
    confidence: t.exposeFloat('confidence', {
      description: "0–1: this pair's share of the votes of the most similar classified reports (not a calibrated probability).",
    }),
  }),
});

/** One batched core call per request for every report of a list. */
const suggestionLoaders = new WeakMap<GraphQLContext, DataLoader<string, ClassificationSuggestion[] | null>>();
function suggestionLoader(ctx: GraphQLContext, staff: NonNullable<GraphQLContext['staff']>) {
  let loader = suggestionLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const found = await callCore(() => classificationSuggestions(ctx.core, ctx.tenant.id, staff, ids));
      return ids.map((id) => found.get(id) ?? null);
    }, { maxBatchSize: 100 });
    suggestionLoaders.set(ctx, loader);
  }
  return loader;
}

builder.objectField(Report, 'suggestions', (t) =>
  t.field({
    type: [ClassificationSuggestionType],
    nullable: true,
    description:
      "Staff who read every report (the IOC): up to three suggested (category, unit) pairs, best first, learned from this tenant's own classified history (title and description, with or without diacritics). Null for everyone else, and in public views.",
    resolve: async (r, _args, ctx) => (ctx.staff && can(ctx.staff, Permission.REPORT_READ_ALL) ? suggestionLoader(ctx, ctx.staff).load(r.id) : null),
  }),
);

builder.queryField('classificationSuggestions', (t) =>
  t.field({
    type: [ClassificationSuggestionType],
    description: 'The same as `Report.suggestions`, for one report by id. The IOC, tenant admins and leaders; others get ForbiddenError.',
    errors: { types: [ForbiddenError, NotFoundError] },
    extensions: STAFF_ONLY,
    args: { reportId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const actor = requireStaff(ctx);
      const found = await callCore(() => classificationSuggestions(ctx.core, ctx.tenant.id, actor, [args.reportId]));
      const list = found.get(args.reportId);
      if (!list) throw new NotFoundError('No such report');
      return list;
    },
  }),
);

const PossibleDuplicate = builder.objectRef<NearbyReport>('PossibleDuplicate').implement({
  description: 'An open report that may be about the same problem: near in place and time, with a similar text.',
  fields: (t) => ({
    report: t.field({ type: Report, resolve: (d) => fromPublicView(d.report) }),
    similarity: t.exposeFloat('similarity', { description: '0–1: how alike the texts are (1: the same words).' }),
    distanceMeters: t.exposeInt('distanceMeters', { nullable: true, description: 'Null when either report has no coordinates.' }),
  }),
});

builder.queryField('possibleDuplicates', (t) =>
  t.field({
    type: [PossibleDuplicate],
    description:
      "IOC: open reports of this tenant that may repeat the given one — submitted within `withinDays` of it, within `radiusMeters` of its place (without coordinates: in the same area code), texts alike by at least `minSimilarity` — most alike first. Merge one with `mergeReport`.",
    errors: { types: [ForbiddenError, NotFoundError, ValidationError] },
    extensions: STAFF_ONLY,
    args: {
      reportId: t.arg.id({ required: true }),
      radiusMeters: t.arg.int({ description: '1–5000; default 200.' }),
      withinDays: t.arg.int({ description: '1–90; default 14.' }),
      minSimilarity: t.arg.float({ description: '0–1; default 0.25.' }),
      first: t.arg.int({ description: '1–50; default 10.' }),
    },
    resolve: async (_root, a, ctx) => {
      const actor = requireStaff(ctx);
      return callCore(() =>
        possibleDuplicates(ctx.core, ctx.tenant.id, actor, a.reportId, {
          radiusMeters: a.radiusMeters ?? undefined,
          withinDays: a.withinDays ?? undefined,
          minSimilarity: a.minSimilarity ?? undefined,
          first: a.first ?? undefined,
        }),
      );
    },
  }),
);

interface MergeShape {
  merged: (TransitionResult & { reportId: string }) | null;
  originalId: string;
  supporterCount: number;
}

const ReportMerge = builder.objectRef<MergeShape>('ReportMerge').implement({
  description: "A later report merged into the original: the later one's REJECT (DUPLICATE) step and the original's supporters now.",
  fields: (t) => ({
    merged: t.field({
      type: ReportTransition,
      nullable: true,
      description: "The later report's step to REJECTED (DUPLICATE, with the original's code). Null when a retry completed an earlier merge.",
      resolve: (m) => m.merged,
    }),
    originalId: t.exposeID('originalId'),
    supporterCount: t.exposeInt('supporterCount', { description: 'People supporting the original now, besides its reporter.' }),
  }),
});

/** Publishes the later report's step to live subscribers once it has committed. */
const published = publishing(async (_ctx: GraphQLContext, step: NonNullable<MergeShape['merged']>) => step);

builder.mutationField('mergeReport', (t) =>
  t.field({
    type: ReportMerge,
    description:
      "IOC: merge a later report (`id`) into the original (`intoId`). The later report ends REJECTED as DUPLICATE of the original's code, with `reason` (default: a bilingual note naming the original) for its citizen; its reporter becomes a supporter of the original (counted in `supporterCount`, kept to be informed). Refused: the original finished (IllegalTransitionError), the same report or none of this tenant (ValidationError on `intoId`).",
    errors: { types: COMMAND_ERRORS },
    extensions: STAFF_ONLY,
    args: { id: t.arg.id({ required: true }), intoId: t.arg.id({ required: true }), reason: t.arg.string() },
    resolve: async (_root, a, ctx) => {
      const actor = requireStaff(ctx);
      const result = await callCore(() => mergeReports(ctx.core, ctx.tenant.id, actor, a.id, a.intoId, a.reason ?? undefined));
      const merged = result.transition ? await published(ctx, { reportId: a.id, ...result.transition }) : null;
      return { merged, originalId: result.originalId, supporterCount: result.supporterCount };
    },
  }),
);
