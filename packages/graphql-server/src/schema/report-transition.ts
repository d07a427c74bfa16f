import { transitionReport, trackReport, type ReportCommand, type TransitionResult } from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff, type GraphQLContext } from '../context.js';
import { callCore, ForbiddenError } from '../errors/expected-errors.js';
import { ReportStatusEnum } from './enums.js';
import { SlaInfo, TimelineEntry } from './report.js';
import { staffEntry } from './report-shape.js';
import { withoutNulls } from './without-nulls.js';

/** A command as GraphQL arguments arrive: optional fields may be null. */
type Loose<C> = C extends unknown ? { [K in keyof C]: undefined extends C[K] ? C[K] | null : C[K] } : never;
export type LooseCommand = Loose<ReportCommand>;

interface TransitionShape extends TransitionResult {
  reportId: string;
}

/** What every lifecycle mutation returns: the new timeline step and the clock after it. */
export const ReportTransition = builder.objectRef<TransitionShape>('ReportTransition').implement({
  fields: (t) => ({
    reportId: t.exposeID('reportId'),
    status: t.field({ type: ReportStatusEnum, resolve: (r) => r.event.toStatus }),
    entry: t.field({
      type: TimelineEntry,
      resolve: ({ event }) => staffEntry(event),
    }),
    sla: t.field({ type: SlaInfo, nullable: true, resolve: (r) => r.sla }),
  }),
});

/** Applies a command as the signed-in staff member. */
export async function asStaff(ctx: GraphQLContext, reportId: string, command: LooseCommand): Promise<TransitionShape> {
  const actor = requireStaff(ctx);
  const result = await callCore(() => transitionReport(ctx.core, ctx.tenant.id, actor, reportId, withoutNulls(command) as ReportCommand));
  return { ...result, reportId };
}

/** Applies a command as the citizen holding the report's tracking code and secret. */
export async function asCitizen(ctx: GraphQLContext, trackingCode: string, secret: string, command: LooseCommand): Promise<TransitionShape> {
  const tracked = await callCore(() => trackReport(ctx.core, ctx.tenant.id, trackingCode, secret));
  if (tracked.access !== 'CITIZEN') throw new ForbiddenError('Wrong tracking code or secret');
  const reportId = tracked.report.id;
  const result = await callCore(() => transitionReport(ctx.core, ctx.tenant.id, { role: 'CITIZEN', reportId }, reportId, withoutNulls(command) as ReportCommand));
  return { ...result, reportId };
}
