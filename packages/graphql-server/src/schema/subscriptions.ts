import { can, DomainError, DomainErrorCode, Permission, type Actor } from '@paht/core';
import { slaAlertBusOf } from '../alerts/sla-alert-bus.js';
import { SlaAlert, slaAlertsFor } from '../alerts/sla-alert-type.js';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { reportEventsOf } from '../live/live-registry.js';
import type { ReportChange as ReportChangeShape } from '../live/report-events.js';
import { citizenStepsOf } from '../live/citizen-steps.js';
import { citizenFollowersOf } from '../live/citizen-followers.js';
import { iocInbox, unitOf, unitQueue } from '../live/report-streams.js';
import { ReportEventTypeEnum, ReportStatusEnum } from './enums.js';
import { TimelineEntry } from './report.js';
import { publicEntry, type TimelineEntryShape } from './report-shape.js';
import { DateTime } from './scalars.js';

// Live updates over WebSocket (graphql-ws, path /graphql). Refusals are
// GraphQL errors with extensions.code FORBIDDEN (or NOT_FOUND), sent once,
// after which the subscription completes.

const forbidden = (message: string) => new DomainError(DomainErrorCode.FORBIDDEN, message);

function signedInStaff(ctx: GraphQLContext): Actor {
  if (!ctx.staff) throw forbidden('Sign in as staff (connectionParams.authorization) to subscribe');
  return ctx.staff;
}

const ReportChange = builder.objectRef<ReportChangeShape>('ReportChange').implement({
  description: 'A report moved: the step, its new status and unit. Fetch the report for details (reasons and contact are never sent live).',
  fields: (t) => ({
    reportId: t.exposeID('reportId'),
    trackingCode: t.exposeString('trackingCode'),
    type: t.field({ type: ReportEventTypeEnum, resolve: (c) => c.type }),
    seq: t.exposeInt('seq', { description: 'The step’s position on the report’s timeline.' }),
    status: t.field({ type: ReportStatusEnum, resolve: (c) => c.status }),
    unitId: t.exposeID('unitId', { nullable: true, description: 'The unit holding the report after the step.' }),
    previousUnitId: t.exposeID('previousUnitId', { nullable: true, description: 'Set when the step took the report from a unit (RETURN).' }),
    at: t.field({ type: DateTime, resolve: (c) => new Date(c.at) }),
  }),
});

const ReportStatusUpdate = builder.objectRef<{ trackingCode: string; entry: TimelineEntryShape }>('ReportStatusUpdate').implement({
  description: 'Where the citizen’s report stands: its status and the timeline step that put it there.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode'),
    status: t.field({ type: ReportStatusEnum, resolve: (u) => u.entry.status }),
    entry: t.field({ type: TimelineEntry, resolve: (u) => u.entry }),
  }),
});

builder.subscriptionFields((t) => ({
  reportStatus: t.field({
    type: ReportStatusUpdate,
    description:
      'Citizen: the report’s current status first, then each new step. Needs the tracking code and the secret given at submission.',
    args: { trackingCode: t.arg.string({ required: true }), secret: t.arg.string({ required: true }) },
    // The secret is checked once, here; each later step is read once per process and handed to every follower of the report (`live/citizen-followers.ts`).
    subscribe: (_root, { trackingCode, secret }, ctx) => citizenFollowersOf(ctx.core).follow(ctx.tenant.id, trackingCode, secret),
    // The step's note is the text meant for the citizen (a unit's question, say): the citizen's view of the timeline.
    resolve: async (tick, _args, ctx) => {
      if ('entry' in tick) return { trackingCode: tick.trackingCode, entry: publicEntry(tick.entry) };
      const entry = await citizenStepsOf(ctx.core).step(ctx.tenant.id, tick.reportId, tick.seq);
      if (!entry) throw new DomainError(DomainErrorCode.NOT_FOUND, 'No such report');
      return { trackingCode: tick.trackingCode, entry: publicEntry(entry) };
    },
  }),
  iocInbox: t.field({
    type: ReportChange,
    description: 'IOC: new reports, reports a unit sent back, answers waiting to be published, and closed reports (closed by the IOC, or by the system when left unrated). Staff who read all reports only.',
    subscribe: (_root, _args, ctx) => {
      const staff = signedInStaff(ctx);
      if (!can(staff, Permission.REPORT_READ_ALL)) throw forbidden('IOC staff only');
      return iocInbox(reportEventsOf(ctx.core).subscribe(ctx.tenant.id));
    },
    resolve: (change) => change,
  }),
  unitQueue: t.field({
    type: ReportChange,
    description: 'Unit staff: every step on the reports assigned to your own unit, assignments included.',
    subscribe: (_root, _args, ctx) => {
      const unitId = unitOf(signedInStaff(ctx));
      if (!unitId) throw forbidden('Unit staff only');
      return unitQueue(reportEventsOf(ctx.core).subscribe(ctx.tenant.id), unitId);
    },
    resolve: (change) => change,
  }),
  slaAlerts: t.field({
    type: SlaAlert,
    description: 'Staff: SLA warnings and breaches as the deadlines pass, once each. IOC, tenant admins and leaders see all; unit staff their own unit’s reports.',
    extensions: { staffOnly: true },
    subscribe: async (_root, _args, ctx) => {
      const alerts = slaAlertBusOf(ctx.core).subscribe(ctx.tenant.id);
      const mine = slaAlertsFor(signedInStaff(ctx), alerts);
      if (mine) return mine;
      await alerts.return();
      throw forbidden('IOC or unit staff only');
    },
    resolve: (alert) => alert,
  }),
}));
