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
