import type { ResolutionOutcome } from './report-commands.js';
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
  /** How the latest answer ends the report (FIXED, or NOT_FIXED: "closed – not fixed"); null while unanswered or reopened. */
  resolutionOutcome: ResolutionOutcome | null;
  closedAt: Date | null;
  updatedAt: Date;
  version: number;
  /** The units that forwarded the report down to its holder, the nearest last: a RETURN goes back to that one. */
  forwarders: string[];
  /** An officer's extension request awaiting the unit leader. */
  pendingExtension: PendingStep | null;
  /** A draft answer awaiting the unit leader's approval. */
  pendingAnswer: PendingStep | null;
}

/** A request on the timeline that awaits the unit leader (`seq` is its step). */
export interface PendingStep {
  seq: number;
  at: Date;
  actorId: string | null;
  actorRole: string;
  actorUnitId: string | null;
  reason: string | null;
  extensionMinutes?: number;
  answer?: string;
  /** A draft answer's outcome, when NOT_FIXED. */
  outcome?: ResolutionOutcome;
  linkId?: string;
}

const pending = (e: ReportEventRecord): PendingStep => ({
  seq: e.seq,
  at: e.at,
  actorId: e.actorId,
  actorRole: e.actorRole,
  actorUnitId: e.data.actorUnitId ?? null,
  reason: e.reason,
  ...(e.data.extensionMinutes !== undefined ? { extensionMinutes: e.data.extensionMinutes } : {}),
  ...(e.data.answer !== undefined ? { answer: e.data.answer } : {}),
  ...(e.data.outcome !== undefined ? { outcome: e.data.outcome } : {}),
  ...(e.data.linkId !== undefined ? { linkId: e.data.linkId } : {}),
});

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
    resolutionOutcome: null,
    closedAt: null,
    updatedAt: first.at,
    version: 0,
    forwarders: [],
    pendingExtension: null,
    pendingAnswer: null,
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
        p.forwarders = [];
        p.pendingExtension = p.pendingAnswer = null;
        break;
      case 'FORWARD':
        // A hop down the hierarchy: the sub-unit holds it, the forwarder waits for it.
        if (p.unitId) p.forwarders = [...p.forwarders, p.unitId];
        p.unitId = e.data.unitId ?? p.unitId;
        p.pendingExtension = p.pendingAnswer = null;
        break;
      case 'RETURN':
        // A hop goes back to the unit that forwarded it; otherwise back in the
        // IOC's queue: no unit answers for it until re-assigned.
        p.unitId = p.forwarders.at(-1) ?? null;
        p.forwarders = p.forwarders.slice(0, -1);
        p.pendingExtension = p.pendingAnswer = null;
        break;
      case 'REQUEST_EXTENSION':
        p.pendingExtension = pending(e);
        break;
      case 'EXTEND':
      case 'REFUSE_EXTENSION':
        p.pendingExtension = null;
        break;
      case 'DRAFT_ANSWER':
        p.pendingAnswer = pending(e);
        break;
      case 'SEND_BACK_ANSWER':
        p.pendingAnswer = null;
        break;
      case 'RESOLVE':
        p.answer = e.data.answer ?? null;
        p.resolvedAt = e.at;
        p.resolutionOutcome = e.data.outcome ?? 'FIXED';
        p.pendingExtension = p.pendingAnswer = null;
        break;
      case 'REOPEN':
        p.resolvedAt = null;
        p.resolutionOutcome = null;
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
