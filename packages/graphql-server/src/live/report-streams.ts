import { filter, pipe, Repeater } from '@graphql-yoga/subscription';
import type { Actor } from '@paht/core';
import type { ReportChange } from './report-events.js';

/** Changes that put work in the IOC's hands: new submissions, reports a unit sent back, answers to publish. */
export const IOC_INBOX_EVENTS: ReadonlySet<string> = new Set(['SUBMIT', 'RETURN', 'RESOLVE']);

export const iocInbox = (changes: Repeater<ReportChange>): Repeater<ReportChange> =>
  pipe(changes, filter((c: ReportChange) => IOC_INBOX_EVENTS.has(c.type)));

/** Changes on reports a unit holds, or held until this change (a RETURN). */
export const unitQueue = (changes: Repeater<ReportChange>, unitId: string): Repeater<ReportChange> =>
  pipe(changes, filter((c: ReportChange) => c.unitId === unitId || c.previousUnitId === unitId));

/** What a citizen's stream carries: the current step, read at subscribe time, then where each later step is. */
export type CitizenTick<Entry> = { trackingCode: string; entry: Entry } | { trackingCode: string; reportId: string; seq: number };

/**
 * A citizen's stream of one report: `current` (the last step of the read at
 * subscribe time), then the position of each later step of that report.
 * `changes` must be listening already (`pending` is its first `next()`,
 * called before the read), so no step after the read is lost; steps the
 * read already held are skipped, so none comes twice.
 */
export function citizenTicks<Entry extends { seq: number }>(
  report: { reportId: string; trackingCode: string; current: Entry },
  changes: Repeater<ReportChange>,
  pending: Promise<IteratorResult<ReportChange>>,
): Repeater<CitizenTick<Entry>> {
  const { reportId, trackingCode, current } = report;
  return new Repeater<CitizenTick<Entry>>(async (push, stop) => {
    void stop.then(() => changes.return());
    let seen = current.seq;
    await push({ trackingCode, entry: current });
    for (let latest = await pending; !latest.done; latest = await changes.next()) {
      const change = latest.value;
      if (change.reportId !== reportId || change.seq <= seen) continue;
      seen = change.seq;
      await push({ trackingCode, reportId, seq: change.seq });
    }
    stop();
  });
}

export const unitOf = (actor: Actor): string | null => ('unitId' in actor ? actor.unitId : null);
