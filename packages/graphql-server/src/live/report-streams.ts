import { filter, pipe, type Repeater } from '@graphql-yoga/subscription';
import type { Actor } from '@paht/core';
import type { ReportChange } from './report-events.js';

/**
 * Changes that put work in the IOC's hands (new submissions, reports a unit
 * sent back, answers to publish) or take a published report off them: a
 * close, the deadline job's for a report left unrated among them.
 */
export const IOC_INBOX_EVENTS: ReadonlySet<string> = new Set(['SUBMIT', 'RETURN', 'RESOLVE', 'CLOSE']);

export const iocInbox = (changes: Repeater<ReportChange>): Repeater<ReportChange> =>
  pipe(changes, filter((c: ReportChange) => IOC_INBOX_EVENTS.has(c.type)));

/** Changes on reports a unit holds, or held until this change (a RETURN). */
export const unitQueue = (changes: Repeater<ReportChange>, unitId: string): Repeater<ReportChange> =>
  pipe(changes, filter((c: ReportChange) => c.unitId === unitId || c.previousUnitId === unitId));

export const unitOf = (actor: Actor): string | null => ('unitId' in actor ? actor.unitId : null);
