import { answerDueOf, loadAnswerDueCalendar, type AnswerDue, type WorkingCalendar } from '@paht/core';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { Report } from './report.js';
import { DateTime } from './scalars.js';

const AnswerDueRef = builder.objectRef<AnswerDue>('AnswerDue').implement({
  description:
    'The date the handling unit must answer the citizen by (ADR 0008), with what is left of it in working days of the tenant’s calendar (nights, weekends, holidays and Tết do not count; a working day is the longest office day). Show it as “Đơn vị phải trả lời trước … / The unit must answer by …”; never an internal stage deadline.',
  fields: (t) => ({
    at: t.field({ type: DateTime, description: 'When the unit must answer by (`Report.answerDueAt`).', resolve: (d) => d.at }),
    workingDaysLeft: t.exposeInt('workingDaysLeft', {
      nullable: true,
      description: 'Working days left, rounded up (a deadline three working days ahead: 3; an hour left: 1). Null once answered or overdue.',
    }),
    overdueWorkingDays: t.exposeInt('overdueWorkingDays', {
      nullable: true,
      description: 'How many working days late, rounded up and at least 1: still open past the date, or answered after it. Null when not late.',
    }),
  }),
});

/**
 * One calendar per request and year range: a list of reports loads it once.
 * A WebSocket connection's context lives long: its entries are reloaded
 * after a minute, so a day off the admin adds is seen there too.
 */
const CALENDAR_REUSE_MS = 60_000;
const calendars = new WeakMap<GraphQLContext, Map<string, { loadedAt: number; calendar: Promise<WorkingCalendar> }>>();

function calendarFor(ctx: GraphQLContext, due: Date): Promise<WorkingCalendar> {
  let byYears = calendars.get(ctx);
  if (!byYears) calendars.set(ctx, (byYears = new Map<string, { loadedAt: number; calendar: Promise<WorkingCalendar> }>()));
  const key = `${ctx.core.now().getUTCFullYear()}:${due.getUTCFullYear()}`;
  const cached = byYears.get(key);
  if (cached && performance.now() - cached.loadedAt < CALENDAR_REUSE_MS) return cached.calendar;
  const calendar = loadAnswerDueCalendar(ctx.core, ctx.tenant, due);
  byYears.set(key, { loadedAt: performance.now(), calendar });
  // A failed load is not kept: the next field asks again.
  calendar.catch(() => {
    if (byYears.get(key)?.calendar === calendar) byYears.delete(key);
  });
  return calendar;
}

builder.objectField(Report, 'answerDue', (t) =>
  t.field({
    type: AnswerDueRef,
    nullable: true,
    description:
      'The citizen-facing due date with the working days left or late, on every view (tracker, public list, staff). Null until the report is assigned (no answer deadline yet). Answered reports are judged at their answer.',
    resolve: async (r, _args, ctx) => {
      if (!r.answerDueAt) return null;
      const calendar = await calendarFor(ctx, r.answerDueAt);
      return answerDueOf(calendar, { answerDueAt: r.answerDueAt, answeredAt: r.resolvedAt }, ctx.core.now());
    },
  }),
);
