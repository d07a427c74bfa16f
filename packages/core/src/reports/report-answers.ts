import type { ReportEventRecord } from './report-event.js';
import { projectReport } from './report-projection.js';
import type { NamedRef, ReportAnswerView } from './report-views.js';

/** One answer (kết quả xử lý) a unit gave, as the timeline recorded it. */
export interface ReportAnswerRecord {
  /** The RESOLVE step that carried it. */
  seq: number;
  at: Date;
  text: string;
  /** The unit the report was assigned to when it answered. */
  unitId: string | null;
}

/**
 * Every answer of a report, oldest first. The report's `answer` column keeps
 * only the latest; after a reopen the earlier ones live on in the timeline
 * alone, and staff (and the citizen) still need to read them. Pure.
 */
export function reportAnswers(timeline: readonly ReportEventRecord[]): ReportAnswerRecord[] {
  return timeline.flatMap((e, i) =>
    e.type === 'RESOLVE' && e.data.answer !== undefined
      ? // Which unit held the report then: the projection of the timeline up to that step.
        [{ seq: e.seq, at: e.at, text: e.data.answer, unitId: projectReport(timeline.slice(0, i + 1)).unitId }]
      : [],
  );
}

/** The answers with the names of the units that gave them (`units` by id: every unit the timeline names). */
export function answerViews(timeline: readonly ReportEventRecord[], units: ReadonlyMap<string, NamedRef>): ReportAnswerView[] {
  return reportAnswers(timeline).map((a) => ({ seq: a.seq, at: a.at, text: a.text, unit: (a.unitId && units.get(a.unitId)) || null }));
}
