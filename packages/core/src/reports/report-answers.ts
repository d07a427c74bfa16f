import type { TenantTx } from '../db/with-tenant.js';
import type { ReportEventRecord } from './report-event.js';
import { projectReport } from './report-projection.js';
import { hopUnitId, type NamedRef, type ReportAnswerView } from './report-views.js';

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

/** The units the timeline's hops named (`hopUnitId`), by id, for `publicTimeline`. */
export async function loadHopUnits(tx: TenantTx, timeline: readonly ReportEventRecord[]): Promise<Map<string, NamedRef>> {
  const unitIds = [...new Set(timeline.flatMap((e) => hopUnitId(e) ?? []))];
  const units = unitIds.length > 0 ? await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true, name: true, nameEn: true } }) : [];
  return new Map(units.map((u) => [u.id, u]));
}

/** The answers with the names of the units that gave them. */
export async function loadAnswerViews(tx: TenantTx, timeline: readonly ReportEventRecord[]): Promise<ReportAnswerView[]> {
  const answers = reportAnswers(timeline);
  const unitIds = [...new Set(answers.flatMap((a) => (a.unitId ? [a.unitId] : [])))];
  const units = unitIds.length > 0 ? await tx.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true, name: true, nameEn: true } }) : [];
  const byId = new Map(units.map((u) => [u.id, u]));
  return answers.map((a) => ({ seq: a.seq, at: a.at, text: a.text, unit: (a.unitId && byId.get(a.unitId)) || null }));
}
