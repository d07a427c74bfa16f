import { DUE_WITHIN_DAYS_DEFAULT, DUE_WITHIN_DAYS_MAX, lagTolerant, openDeadlines, type OpenDeadlineCount as OpenDeadlineCountShape, type OpenDeadlines } from '@paht/core';
import { builder } from '../builder.js';
import { requireStaff } from '../context.js';
import { callCore, ForbiddenError, ValidationError } from '../errors/expected-errors.js';
import { DateTime } from './scalars.js';

// The leader overview's "overdue now" and "due within 7 days", per unit and
// category: counted by the database, exact whatever the number of open
// reports (it had read up to 2,000 of them through the work list to count
// them in the browser). Definitions: docs/kpis.md, "Open reports by deadline".

const OpenDeadlineCount = builder.objectRef<OpenDeadlineCountShape>('OpenDeadlineCount').implement({
  description: 'Open reports of a group (or of all) by the deadline of their running stage, at the moment counted.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The unit’s or category’s id (empty for reports without one); the tenant’s id for the total.' }),
    label: t.exposeString('label', { nullable: true, description: 'The unit’s or category’s name in Vietnamese; null for the total and for reports without one.' }),
    labelEn: t.exposeString('labelEn', { nullable: true, description: 'The same in English; null when there is none.' }),
    open: t.exposeInt('open', { description: 'Reports in a status where an SLA stage runs: submitted, classified, assigned, accepted, in progress, waiting for the citizen.' }),
    overdue: t.exposeInt('overdue', { description: 'Of those, past the deadline of their running stage (`Report.dueAt`), as the work list’s `overdue` filter counts them.' }),
    dueSoon: t.exposeInt('dueSoon', { description: 'Of those, not overdue and due within the next `dueWithinDays` × 24 hours.' }),
  }),
});

const OpenReportDeadlines = builder.objectRef<OpenDeadlines>('OpenReportDeadlines').implement({
  description: 'Every open report the caller’s work list covers (the tenant’s, or a unit’s own), whatever its submission day, counted by deadline.',
  fields: (t) => ({
    countedAt: t.field({ type: DateTime, description: 'The moment counted.', resolve: (d) => d.countedAt }),
    dueWithinDays: t.exposeInt('dueWithinDays'),
    total: t.field({ type: OpenDeadlineCount, resolve: (d) => d.total }),
    units: t.field({ type: [OpenDeadlineCount], description: 'Per unit holding the reports now; units with open reports only, in key order.', resolve: (d) => d.units }),
    categories: t.field({ type: [OpenDeadlineCount], description: 'Per category; categories with open reports only, in key order.', resolve: (d) => d.categories }),
  }),
});

builder.queryField('openReportDeadlines', (t) =>
  t.field({
    type: OpenReportDeadlines,
    description:
      'Staff: the open reports their work list covers (the IOC, admins and leaders every report of the tenant, unit staff their unit’s), counted now by the deadline of their running stage: overdue, due soon; overall, per unit and per category. Not the KPIs’ `openOverdue` (reports submitted in a period, against the answer deadline): docs/kpis.md.',
    errors: { types: [ValidationError, ForbiddenError] },
    extensions: { staffOnly: true },
    args: {
      dueWithinDays: t.arg.int({ description: `The window of \`dueSoon\`, 1 to ${DUE_WITHIN_DAYS_MAX} days; default ${DUE_WITHIN_DAYS_DEFAULT}.` }),
    },
    resolve: (_root, args, ctx) => {
      const actor = requireStaff(ctx);
      // A lag-tolerant read, as the KPIs beside it on the overview.
      return callCore(() => openDeadlines(lagTolerant(ctx.core), ctx.tenant.id, actor, { dueWithinDays: args.dueWithinDays ?? DUE_WITHIN_DAYS_DEFAULT }));
    },
  }),
);
