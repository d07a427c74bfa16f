import type { ResolutionOutcome } from './report-commands.js';
import type { ReportEventType, ReportStatus } from './report-status.js';

/** Payload of a timeline event; which keys are set depends on the type. */
export interface ReportEventData {
  categoryId?: string;
  unitId?: string;
  visibility?: 'PUBLIC' | 'PRIVATE';
  extensionMinutes?: number;
  answer?: string;
  rating?: number;
  comment?: string;
  rejection?: string;
  duplicateOfCode?: string;
  /** The unit of the staff member (or answer link) who took the step: the unit that acted, shown on the timeline. */
  actorUnitId?: string;
  /** FORWARD: the unit the report came from (`unitId` is the sub-unit it went to). RETURN of a hop: `unitId` is the unit it went back to. */
  fromUnitId?: string;
  /** EXTEND approving a REQUEST_EXTENSION, RESOLVE approving a DRAFT_ANSWER: the step approved. */
  approvedSeq?: number;
  /** RESOLVE, DRAFT_ANSWER: NOT_FIXED for "closed – not fixed" (absent: FIXED). */
  outcome?: ResolutionOutcome;
  /** DRAFT_ANSWER through an answer link: the link's id (a link drafts once). */
  linkId?: string;
}

/** One entry of a report's append-only timeline. */
export interface ReportEventRecord {
  seq: number;
  type: ReportEventType;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus;
  actorId: string | null;
  actorRole: string;
  at: Date;
  reason: string | null;
  data: ReportEventData;
}
