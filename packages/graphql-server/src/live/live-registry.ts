import type { CoreContext } from '@paht/core';
import { createReportEvents, type ReportEvents } from './report-events.js';

// The bus of each running app, found from the core its resolvers already
// hold in their context (so GraphQLContext needs no new field). A schema
// executed without an app (scripts, unit tests) gets an in-process bus.
const buses = new WeakMap<CoreContext, ReportEvents>();

export function registerReportEvents(core: CoreContext, events: ReportEvents): void {
  buses.set(core, events);
}

export function reportEventsOf(core: CoreContext): ReportEvents {
  let events = buses.get(core);
  if (!events) {
    events = createReportEvents();
    buses.set(core, events);
  }
  return events;
}
