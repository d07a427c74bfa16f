import type { ReportEventRecord } from './report-event.js';
import type { ReportStatus } from './report-status.js';

/** The fields of a report that are derived from its timeline alone. */
export interface ReportProjection {
  status: ReportStatus;
  categoryId: string | null;
  unitId: string | null;
  visibility: 'PUBLIC' | 'PRIVATE' | null;
  answer: string | null;
  rating: number | null;
  ratingComment: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  version: number;
}

/**
 * Folds a timeline into the report's current fields. Pure; the stored
 * columns are a cache of this and can be recomputed at any time.
 */
export function projectReport(events: readonly ReportEventRecord[]): ReportProjection {
  const first = events[0];
  if (!first || first.type !== 'SUBMIT') throw new Error('A timeline starts with SUBMIT');
  const p: ReportProjection = {
    status: first.toStatus,
    categoryId: first.data.categoryId ?? null,
    unitId: null,
    visibility: first.data.visibility ?? null,
    answer: null,
    rating: null,
    ratingComment: null,
    resolvedAt: null,
    closedAt: null,
    updatedAt: first.at,
    version: 0,
  };
  for (const e of events.slice(1)) {
    p.status = e.toStatus;
    p.updatedAt = e.at;
    p.version = e.seq - 1;
    switch (e.type) {
      case 'CLASSIFY':
        p.categoryId = e.data.categoryId ?? p.categoryId;
        p.visibility = e.data.visibility ?? p.visibility;
        break;
      case 'ASSIGN':
        p.unitId = e.data.unitId ?? p.unitId;
        break;
      case 'RETURN':
        // Back in the IOC's queue: no unit answers for it until re-assigned.
        p.unitId = null;
        break;
      case 'RESOLVE':
        p.answer = e.data.answer ?? null;
        p.resolvedAt = e.at;
        break;
      case 'REOPEN':
        p.resolvedAt = null;
        p.closedAt = null;
        if (e.data.rating !== undefined) p.rating = e.data.rating;
        break;
      case 'RATE':
        p.rating = e.data.rating ?? null;
        p.ratingComment = e.data.comment ?? null;
        p.closedAt = e.at;
        break;
      case 'CLOSE':
        p.closedAt = e.at;
        break;
      default:
        break;
    }
  }
  return p;
}
