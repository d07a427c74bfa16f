import { DEFAULT_MIN_RANKED_REPORTS, lagTolerant, reportStagesOf, StageEnd, unitLeagueTable, type HolderStage, type HopRow, type LeagueRow, type LeagueTable, type ReportStagesView } from '@paht/core';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/expected-errors.js';
import { asAdmin, STAFF_ONLY } from './admin-shared.js';
import { DateTime } from './scalars.js';

// Stages and rankings (docs/kpi-stages.md): each stretch of a report's
// handling credited to the holder that held it, and fair league tables of
// the units. Staff only: leaders, the IOC and tenant admins see the tenant,
// a unit leader its own subtree; anyone else gets a ForbiddenError.

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

const StageEndEnum = builder.enumType('StageEnd', {
  description: 'What ended a stage: ASSIGN (the IOC routed it), REJECT, RETURN (sent back: wrong unit), FORWARD (to a sub-unit), RESOLVE (answered), NOT_FIXED (closed – not fixed).',
  values: Object.values(StageEnd),
});

const Stage = builder.objectRef<HolderStage>('ReportStage').implement({
  description: 'A stretch of a report’s handling, credited to one holder.',
  fields: (t) => ({
    holder: t.exposeString('holder', { description: '`IOC`, or the credited unit’s id (a returned assignment is its router’s: the IOC’s, or the forwarding unit’s).' }),
    unitId: t.exposeID('unitId', { nullable: true, description: 'The unit that had the report in its queue; null for the IOC’s own stages.' }),
    depth: t.exposeInt('depth', { description: '0 the IOC, 1 the assigned unit, 2 a sub-unit, …' }),
    startedAt: t.field({ type: DateTime, resolve: (s) => s.startedAt }),
    endedAt: t.field({ type: DateTime, nullable: true, resolve: (s) => s.endedAt }),
    endedBy: t.field({ type: StageEndEnum, nullable: true, resolve: (s) => s.endedBy }),
    accepted: t.exposeBoolean('accepted'),
    workingHours: t.float({ description: 'Working hours of the tenant’s calendar, waiting for the citizen excluded.', resolve: (s) => hours(s.workingMinutes) }),
    pausedHours: t.float({ description: 'Hours waiting for the citizen (policy’s clock).', resolve: (s) => hours(s.pausedMinutes) }),
    usedHours: t.float({ description: 'Hours on the policy’s clock, pauses excluded.', resolve: (s) => hours(s.usedMinutes) }),
    allowedHours: t.float({ description: 'Hours the stage was allowed (policy’s clock).', resolve: (s) => hours(s.allowedMinutes) }),
    late: t.exposeBoolean('late', { description: 'More time used than allowed (at the end, or now while running).' }),
    reopened: t.exposeBoolean('reopened', { description: 'An answer the citizen reopened.' }),
  }),
});

const ReportStages = builder.objectRef<ReportStagesView>('ReportStages').implement({
  fields: (t) => ({
    reportId: t.exposeID('reportId'),
    trackingCode: t.exposeString('trackingCode'),
    stages: t.field({ type: [Stage], resolve: (v) => v.stages }),
  }),
});

const LeagueRowRef = builder.objectRef<LeagueRow>('LeagueRow').implement({
  description: 'One holder’s figures for the period; see docs/kpi-stages.md for each definition.',
  fields: (t) => ({
    holder: t.exposeString('holder', { description: '`IOC` or the unit id.' }),
    unitId: t.exposeID('unitId', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
    nameEn: t.exposeString('nameEn', { nullable: true }),
    rank: t.exposeInt('rank', { nullable: true, description: '1-based among ranked units; null when unranked (and for the IOC).' }),
    reports: t.exposeInt('reports'),
    completed: t.exposeInt('completed'),
    medianHours: t.exposeFloat('medianHours', { nullable: true, description: 'Median working hours credited per completed report.' }),
    onTime: t.exposeInt('onTime'),
    late: t.exposeInt('late', { description: 'Reports with a late stage for this holder, running ones included.' }),
    onTimeShare: t.exposeFloat('onTimeShare', { nullable: true }),
    reopened: t.exposeInt('reopened'),
    notFixed: t.exposeInt('notFixed'),
    score: t.exposeFloat('score', { nullable: true, description: 'Share on time and neither reopened nor closed “not fixed”: the ranking figure.' }),
    routed: t.exposeInt('routed', { description: 'Assignments (IOC) or forwards (unit) made.' }),
    bounced: t.exposeInt('bounced', { description: 'Of those, returned as the wrong unit.' }),
    bounceRate: t.exposeFloat('bounceRate', { nullable: true }),
    received: t.exposeInt('received', { description: 'Assignments and forwards received.' }),
    returned: t.exposeInt('returned', { description: 'Of those, returned by this unit.' }),
  }),
});

const HopRowRef = builder.objectRef<HopRow>('HopRow').implement({
  description: 'Median working hours of the completed stages at one depth of the forwarding chain.',
  fields: (t) => ({
    depth: t.exposeInt('depth', { description: '0 the IOC, 1 the assigned unit, 2 a sub-unit, …' }),
    stages: t.exposeInt('stages'),
    medianHours: t.exposeFloat('medianHours', { nullable: true }),
  }),
});

const LeagueTableRef = builder.objectRef<LeagueTable>('LeagueTable').implement({
  fields: (t) => ({
    minReports: t.exposeInt('minReports', { description: 'Reports a unit needed in the period to be ranked.' }),
    ranked: t.field({ type: [LeagueRowRef], resolve: (l) => l.ranked }),
    unranked: t.field({ type: [LeagueRowRef], description: 'Units under the minimum, by name.', resolve: (l) => l.unranked }),
    ioc: t.field({ type: LeagueRowRef, nullable: true, description: 'The IOC’s routing; null for a unit leader.', resolve: (l) => l.ioc }),
    hops: t.field({ type: [HopRowRef], resolve: (l) => l.hops }),
  }),
});

builder.queryField('unitLeagueTable', (t) =>
  t.field({
    type: LeagueTableRef,
    description: 'Fair league table of the units for reports submitted in the period (private categories included). Leaders, IOC, tenant admins: the tenant; a unit leader: its own subtree.',
    extensions: STAFF_ONLY,
    errors: { types: [ValidationError, ForbiddenError] },
    args: {
      from: t.arg.string({ required: true, description: 'First local day, YYYY-MM-DD, inclusive.' }),
      to: t.arg.string({ required: true, description: 'Last local day, YYYY-MM-DD, inclusive.' }),
      minReports: t.arg.int({ description: `Reports a unit must have handled to be ranked, 1–100000. Default ${DEFAULT_MIN_RANKED_REPORTS}.` }),
    },
    resolve: (_root, args, ctx) =>
      asAdmin(ctx, (actor) => unitLeagueTable(lagTolerant(ctx.core), ctx.tenant.id, actor, { from: args.from, to: args.to, ...(args.minReports != null ? { minReports: args.minReports } : {}) })),
  }),
);

builder.queryField('reportStages', (t) =>
  t.field({
    type: ReportStages,
    description: 'A report’s stages, each credited to its holder. A unit leader sees the stages its subtree held.',
    extensions: STAFF_ONLY,
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => asAdmin(ctx, (actor) => reportStagesOf(ctx.core, ctx.tenant.id, actor, String(args.id))),
  }),
);
