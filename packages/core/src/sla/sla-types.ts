import type { ReportEventType, ReportStatus } from '../reports/report-status.js';

export const SlaClockKind = { WORKING: 'WORKING', CALENDAR: 'CALENDAR' } as const;
export type SlaClockKind = (typeof SlaClockKind)[keyof typeof SlaClockKind];

/** A category's deadlines. Minutes are working minutes or calendar minutes according to `clock`. */
export interface SlaPolicyRule {
  clock: SlaClockKind;
  /** IOC: from submission to assignment (receive, classify and forward) or rejection; again from a unit's return to the next assignment. */
  classifyMinutes: number;
  /** Unit: from assignment to acceptance (or return to the IOC). */
  acceptMinutes: number;
  /** Unit: from the assignment it accepted to the answer. */
  resolveMinutes: number;
  /** Share of the allowed time after which the stage is in WARNING (0 < ratio < 1). */
  warnRatio: number;
}

/** The part of a timeline event the clock reads. */
export interface SlaTimelineEvent {
  type: ReportEventType;
  at: Date;
  toStatus: ReportStatus;
  /** For EXTEND: the extra minutes granted (same unit as the policy's clock). */
  extensionMinutes?: number;
}

export const SlaStageName = { CLASSIFY: 'CLASSIFY', ACCEPT: 'ACCEPT', RESOLVE: 'RESOLVE' } as const;
export type SlaStageName = (typeof SlaStageName)[keyof typeof SlaStageName];

/**
 * ON_TRACK / WARNING / BREACHED while the stage runs (or is paused);
 * MET / MISSED once it is completed.
 */
export const SlaStageState = {
  ON_TRACK: 'ON_TRACK',
  WARNING: 'WARNING',
  BREACHED: 'BREACHED',
  MET: 'MET',
  MISSED: 'MISSED',
} as const;
export type SlaStageState = (typeof SlaStageState)[keyof typeof SlaStageState];

export interface SlaStage {
  stage: SlaStageName;
  startedAt: Date;
  /** Deadline, including extensions and paused time. */
  dueAt: Date;
  completedAt: Date | null;
  /** Allowed minutes: the policy's plus extensions. */
  allowedMinutes: number;
  /** Minutes counted so far (to completion or to `now`), pauses excluded. */
  usedMinutes: number;
  /** allowed − used; negative once breached. */
  remainingMinutes: number;
  /** Minutes (in the policy's clock) spent paused, waiting for the citizen. */
  pausedMinutes: number;
  paused: boolean;
  state: SlaStageState;
}

/** The report-level verdict used by KPIs: đúng hạn / quá hạn / đang xử lý. */
export const SlaOutcome = {
  ON_TIME: 'ON_TIME',
  OVERDUE: 'OVERDUE',
  IN_PROGRESS: 'IN_PROGRESS',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
} as const;
export type SlaOutcome = (typeof SlaOutcome)[keyof typeof SlaOutcome];

export interface SlaSnapshot {
  /** Every stage in timeline order (an ACCEPT stage per assignment, a RESOLVE stage per round). */
  stages: SlaStage[];
  /** The stage running now, if any. */
  current: SlaStage | null;
  /** The latest RESOLVE stage, which decides the outcome. */
  resolution: SlaStage | null;
  /**
   * The date by which the handling unit must answer the citizen: the latest
   * RESOLVE stage's deadline, or while an assignment awaits acceptance the
   * deadline that stage would have. Null until the report is assigned.
   */
  answerDueAt: Date | null;
  /** ON_TIME / OVERDUE once resolved; IN_PROGRESS while open (even if breached); NOT_APPLICABLE for rejected reports. */
  outcome: SlaOutcome;
  /** True when an open stage has passed its deadline. */
  breached: boolean;
}
