import { SlaStageName } from '../sla/sla-types.js';
import { REPORT_STATUSES, type ReportStatus } from './report-status.js';

/** What a status means outside the transition table. */
export interface StatusTraits {
  /**
   * Shown in public lists (moderation first): the IOC has read and kept the
   * report. A listed report still needs a public category and visibility.
   */
  publiclyListed: boolean;
  /**
   * The unit's answer has been published by the IOC (moderation first): the
   * public may read it. Before that (and again after a reopen) only the
   * citizen holding the secret and staff read the answer.
   */
  answerPublished: boolean;
  /**
   * The public may read the report's content (text, place, files) in this
   * status, given a public visibility and category. False where publication
   * was refused (a rejected report shows its progress only).
   */
  contentPublic: boolean;
  /** No more work is expected: it can no longer become overdue. */
  finished: boolean;
  /** The SLA stage that can be running in this status (see computeSla), or null. */
  runningStage: SlaStageName | null;
}

/**
 * One row per status. Typed against the union, so a new status fails to
 * compile here until each of its traits is decided; every list of statuses
 * elsewhere is derived from this table.
 */
export const STATUS_TRAITS = {
  SUBMITTED: { publiclyListed: false, contentPublic: true, answerPublished: false, finished: false, runningStage: SlaStageName.CLASSIFY },
  CLASSIFIED: { publiclyListed: true, contentPublic: true, answerPublished: false, finished: false, runningStage: SlaStageName.CLASSIFY },
  REJECTED: { publiclyListed: false, contentPublic: false, answerPublished: false, finished: true, runningStage: null },
  ASSIGNED: { publiclyListed: true, contentPublic: true, answerPublished: false, finished: false, runningStage: SlaStageName.ACCEPT },
  ACCEPTED: { publiclyListed: true, contentPublic: true, answerPublished: false, finished: false, runningStage: SlaStageName.RESOLVE },
  IN_PROGRESS: { publiclyListed: true, contentPublic: true, answerPublished: false, finished: false, runningStage: SlaStageName.RESOLVE },
  WAITING_FOR_CITIZEN: { publiclyListed: true, contentPublic: true, answerPublished: false, finished: false, runningStage: SlaStageName.RESOLVE },
  RESOLVED: { publiclyListed: true, contentPublic: true, answerPublished: false, finished: false, runningStage: null },
  PUBLISHED: { publiclyListed: true, contentPublic: true, answerPublished: true, finished: false, runningStage: null },
  CLOSED: { publiclyListed: true, contentPublic: true, answerPublished: true, finished: true, runningStage: null },
} as const satisfies Readonly<Record<ReportStatus, StatusTraits>>;

/** The statuses with a trait, in declaration order. */
export const statusesWhere = (test: (traits: StatusTraits) => boolean): ReportStatus[] =>
  REPORT_STATUSES.filter((s) => test(STATUS_TRAITS[s]));

/** Statuses kept out of public lists. */
export const UNLISTED_STATUSES: readonly ReportStatus[] = statusesWhere((t) => !t.publiclyListed);
/** Statuses that can no longer become overdue. */
export const FINISHED_STATUSES: readonly ReportStatus[] = statusesWhere((t) => t.finished);
/** Statuses in which an SLA stage can be running. */
export const SLA_RUNNING_STATUSES: readonly ReportStatus[] = statusesWhere((t) => t.runningStage !== null);
