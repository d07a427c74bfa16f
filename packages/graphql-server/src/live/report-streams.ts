import { filter, pipe, Repeater } from '@graphql-yoga/subscription';
import type { Actor } from '@paht/core';
import type { ReportChange } from './report-events.js';

/**
 * `first`, then what `source` yields. The source starts (subscribes) before
 * `first` goes out, so nothing that happens after `first` was read is missed.
 */
export function startingWith<T>(first: T, source: AsyncIterable<T>): Repeater<T> {
  return new Repeater<T>(async (push, stop) => {
    const iterator = source[Symbol.asyncIterator]();
    void stop.then(() => iterator.return?.());
    const pending = iterator.next();
    await push(first);
    for (let latest = await pending; !latest.done; latest = await iterator.next()) await push(latest.value);
    stop();
  });
}

/** Changes that put work in the IOC's hands: new submissions, reports a unit sent back, answers to publish. */
export const IOC_INBOX_EVENTS: ReadonlySet<string> = new Set(['SUBMIT', 'RETURN', 'RESOLVE']);

export const iocInbox = (changes: Repeater<ReportChange>): Repeater<ReportChange> =>
  pipe(changes, filter((c: ReportChange) => IOC_INBOX_EVENTS.has(c.type)));

/** Changes on reports a unit holds, or held until this change (a RETURN). */
export const unitQueue = (changes: Repeater<ReportChange>, unitId: string): Repeater<ReportChange> =>
  pipe(changes, filter((c: ReportChange) => c.unitId === unitId || c.previousUnitId === unitId));

export const oneReport = (changes: Repeater<ReportChange>, reportId: string): Repeater<ReportChange> =>
  pipe(changes, filter((c: ReportChange) => c.reportId === reportId));

export const unitOf = (actor: Actor): string | null => ('unitId' in actor ? actor.unitId : null);
