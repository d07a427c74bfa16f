import type { Actor, Role } from '../auth/actor.js';
import { DomainError, DomainErrorCode, validationError, type FieldIssueInput } from '../errors.js';
import { MAX_EXTENSION_MINUTES, RejectionReason, ResolutionOutcome, type ReportCommand, type ReportCommandType } from './report-commands.js';
import { ReportStatus, type ReportEventType } from './report-status.js';
import { isUuid } from '../ids.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { hasNul } from '../input/untrusted-input.js';

const S = ReportStatus;

/** A fact of the report's timeline a step needs (`TransitionSubject`). */
export const TransitionGuard = {
  /** An officer's extension request awaits the unit leader. */
  PENDING_EXTENSION: 'PENDING_EXTENSION',
  /** No extension request is pending (one at a time). */
  NO_PENDING_EXTENSION: 'NO_PENDING_EXTENSION',
  /** A draft answer awaits the unit leader's approval. */
  PENDING_ANSWER: 'PENDING_ANSWER',
} as const;
export type TransitionGuard = (typeof TransitionGuard)[keyof typeof TransitionGuard];

interface TransitionRule {
  from: readonly ReportStatus[];
  /** `null`: the status does not change (an extension, a request, a draft). */
  to: ReportStatus | null;
  roles: readonly Role[];
  /** Unit roles (and answer links) may act only on reports their own unit holds. */
  ownUnitOnly?: boolean;
  /** The status instead of `to` when the holder got the report by FORWARD: the step goes back to the forwarding unit. */
  toWhenForwarded?: ReportStatus;
  /** Refused (ILLEGAL_TRANSITION) unless the report's timeline shows this. */
  requires?: TransitionGuard;
  /** The timeline event the step records, when not one of its own type (the approvals record the step approved). */
  records?: ReportEventType;
  /** Roles that may not take this step themselves when the tenant requires answer approval (`workflow.answerApproval`): they DRAFT_ANSWER. */
  draftedBy?: readonly Role[];
}

/**
 * The lifecycle, as one table:
 * submitted → classified (or rejected) → assigned → accepted (or returned to
 * the IOC, then re-assigned) → in progress (extensions, questions to the
 * citizen) → resolved → published → closed after rating (or reopened).
 *
 * The unit queue (docs/report-lifecycle.md): the holding unit may FORWARD to
 * one of its sub-units, which accepts it or returns it to the forwarding unit
 * (a hop); an officer REQUESTs an EXTENSION the unit leader approves (an
 * EXTEND) or refuses; an officer's DRAFT_ANSWER (or an answer link's) awaits
 * the unit leader, who approves it (a RESOLVE) or sends it back.
 *
 * An answer (RESOLVE, DRAFT_ANSWER) has an outcome (`ResolutionOutcome`):
 * FIXED by default, or NOT_FIXED ("closed – not fixed") with a required
 * reason. Either way the report is RESOLVED and goes on to PUBLISH and
 * RATE or REOPEN; only the KPIs tell the two apart.
 */
export const TRANSITIONS: Readonly<Record<ReportCommandType, TransitionRule>> = {
  CLASSIFY: { from: [S.SUBMITTED], to: S.CLASSIFIED, roles: ['IOC_OPERATOR'] },
  REJECT: { from: [S.SUBMITTED, S.CLASSIFIED], to: S.REJECTED, roles: ['IOC_OPERATOR'] },
  ASSIGN: { from: [S.CLASSIFIED], to: S.ASSIGNED, roles: ['IOC_OPERATOR'] },
  ACCEPT: { from: [S.ASSIGNED], to: S.ACCEPTED, roles: ['UNIT_OFFICER', 'UNIT_LEADER'], ownUnitOnly: true },
  RETURN: { from: [S.ASSIGNED], to: S.CLASSIFIED, toWhenForwarded: S.IN_PROGRESS, roles: ['UNIT_OFFICER', 'UNIT_LEADER'], ownUnitOnly: true },
  START: { from: [S.ACCEPTED], to: S.IN_PROGRESS, roles: ['UNIT_OFFICER', 'UNIT_LEADER'], ownUnitOnly: true },
  EXTEND: { from: [S.ACCEPTED, S.IN_PROGRESS, S.WAITING_FOR_CITIZEN], to: null, roles: ['UNIT_LEADER', 'IOC_OPERATOR'], ownUnitOnly: true },
  REQUEST_INFO: { from: [S.ACCEPTED, S.IN_PROGRESS], to: S.WAITING_FOR_CITIZEN, roles: ['UNIT_OFFICER', 'UNIT_LEADER'], ownUnitOnly: true },
  PROVIDE_INFO: { from: [S.WAITING_FOR_CITIZEN], to: S.IN_PROGRESS, roles: ['CITIZEN'] },
  RESOLVE: { from: [S.ACCEPTED, S.IN_PROGRESS], to: S.RESOLVED, roles: ['UNIT_OFFICER', 'UNIT_LEADER'], ownUnitOnly: true, draftedBy: ['UNIT_OFFICER'] },
  PUBLISH: { from: [S.RESOLVED], to: S.PUBLISHED, roles: ['IOC_OPERATOR'] },
  RATE: { from: [S.PUBLISHED], to: S.CLOSED, roles: ['CITIZEN'] },
  REOPEN: { from: [S.PUBLISHED], to: S.IN_PROGRESS, roles: ['CITIZEN'] },
  CLOSE: { from: [S.PUBLISHED], to: S.CLOSED, roles: ['IOC_OPERATOR', 'SYSTEM'] },
  FORWARD: { from: [S.ACCEPTED, S.IN_PROGRESS], to: S.ASSIGNED, roles: ['UNIT_OFFICER', 'UNIT_LEADER'], ownUnitOnly: true },
  REQUEST_EXTENSION: { from: [S.ACCEPTED, S.IN_PROGRESS, S.WAITING_FOR_CITIZEN], to: null, roles: ['UNIT_OFFICER'], ownUnitOnly: true, requires: 'NO_PENDING_EXTENSION' },
  APPROVE_EXTENSION: { from: [S.ACCEPTED, S.IN_PROGRESS, S.WAITING_FOR_CITIZEN], to: null, roles: ['UNIT_LEADER'], ownUnitOnly: true, requires: 'PENDING_EXTENSION', records: 'EXTEND' },
  REFUSE_EXTENSION: { from: [S.ACCEPTED, S.IN_PROGRESS, S.WAITING_FOR_CITIZEN], to: null, roles: ['UNIT_LEADER'], ownUnitOnly: true, requires: 'PENDING_EXTENSION' },
  DRAFT_ANSWER: { from: [S.ACCEPTED, S.IN_PROGRESS], to: null, roles: ['UNIT_OFFICER', 'ANSWER_LINK'], ownUnitOnly: true },
  APPROVE_ANSWER: { from: [S.ACCEPTED, S.IN_PROGRESS], to: S.RESOLVED, roles: ['UNIT_LEADER'], ownUnitOnly: true, requires: 'PENDING_ANSWER', records: 'RESOLVE' },
  SEND_BACK_ANSWER: { from: [S.ACCEPTED, S.IN_PROGRESS], to: null, roles: ['UNIT_LEADER'], ownUnitOnly: true, requires: 'PENDING_ANSWER' },
};

/** The timeline event a command records. */
export const recordedEventType = (type: ReportCommandType): ReportEventType => TRANSITIONS[type].records ?? (type as ReportEventType);

export interface TransitionSubject {
  id: string;
  status: ReportStatus;
  unitId: string | null;
  /** The unit that forwarded the report to its holder (the current hop), if it came by FORWARD. */
  forwardedBy?: string | null;
  pendingExtension?: boolean;
  pendingAnswer?: boolean;
  /** The tenant's `workflow.answerApproval`: officers' answers need the unit leader's approval. */
  answerApproval?: boolean;
}

export interface TransitionDecision {
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  reason: string | null;
}

const MAX_TEXT = 10_000;

function checkInput(command: ReportCommand): FieldIssueInput[] {
  const issues: FieldIssueInput[] = [];
  const text = (path: string, value: string | undefined, required: boolean) => {
    const v = value?.trim() ?? '';
    if (required && v.length === 0) issues.push({ path, code: FieldIssueCode.REQUIRED });
    if (v.length > MAX_TEXT) issues.push({ path, code: FieldIssueCode.TOO_LONG, params: { maximum: MAX_TEXT } });
    if (hasNul(v)) issues.push({ path, message: 'must not contain a NUL character (U+0000)' });
  };
  const rating = (value: number | undefined, required: boolean) => {
    if (value === undefined) {
      if (required) issues.push({ path: 'rating', code: FieldIssueCode.REQUIRED });
    } else if (!Number.isInteger(value) || value < 1 || value > 5) {
      issues.push({ path: 'rating', code: FieldIssueCode.OUT_OF_RANGE, params: { minimum: 1, maximum: 5 } });
    }
  };
  switch (command.type) {
    case 'REJECT':
      if (!Object.values(RejectionReason).includes(command.rejection))
        issues.push({ path: 'rejection', message: 'must be SPAM, DUPLICATE or OUT_OF_SCOPE' });
      text('reason', command.reason, true);
      break;
    case 'RETURN':
    case 'REQUEST_INFO':
    case 'PROVIDE_INFO':
    case 'REOPEN':
      text('reason', command.reason, true);
      if (command.type === 'REOPEN') rating(command.rating, false);
      break;
    case 'EXTEND':
    case 'REQUEST_EXTENSION':
      text('reason', command.reason, true);
      if (!Number.isInteger(command.extensionMinutes) || command.extensionMinutes <= 0 || command.extensionMinutes > MAX_EXTENSION_MINUTES)
        issues.push({ path: 'extensionMinutes', message: `must be a whole number from 1 to ${MAX_EXTENSION_MINUTES}` });
      break;
    case 'RESOLVE':
    case 'DRAFT_ANSWER':
      text('answer', command.answer, true);
      if (command.outcome !== undefined && !Object.values(ResolutionOutcome).includes(command.outcome))
        issues.push({ path: 'outcome', message: 'must be FIXED or NOT_FIXED' });
      // Closed – not fixed: the unit says why it cannot or will not act.
      if (command.outcome === ResolutionOutcome.NOT_FIXED) text('reason', command.reason, true);
      break;
    case 'REFUSE_EXTENSION':
    case 'SEND_BACK_ANSWER':
      text('reason', command.reason, true);
      break;
    case 'RATE':
      rating(command.rating, true);
      text('comment', command.comment, false);
      break;
    case 'CLASSIFY':
      if (!isUuid(command.categoryId)) issues.push({ path: 'categoryId', message: 'must be a category id' });
      if (command.visibility !== undefined && command.visibility !== 'PUBLIC' && command.visibility !== 'PRIVATE')
        issues.push({ path: 'visibility', message: 'must be PUBLIC or PRIVATE' });
      break;
    case 'ASSIGN':
    case 'FORWARD':
      if (!isUuid(command.unitId)) issues.push({ path: 'unitId', message: 'must be a unit id' });
      break;
    default:
      break;
  }
  if ('reason' in command && command.type !== 'REJECT' && command.reason !== undefined) text('reason', command.reason, false);
  return issues;
}

/**
 * Decides whether `actor` may apply `command` to the report, and what the
 * resulting status is. Pure: throws a DomainError (FORBIDDEN,
 * ILLEGAL_TRANSITION or VALIDATION) and changes nothing when it may not.
 * Permission is checked before state, so a caller without the right learns
 * nothing about the report's state.
 */
export function decideTransition(report: TransitionSubject, actor: Actor, command: ReportCommand): TransitionDecision {
  const rule = TRANSITIONS[command.type];
  if (!rule) throw validationError([{ path: 'type', message: 'is not a known action' }]);
  if (!rule.roles.includes(actor.role)) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, `Role ${actor.role} may not ${command.type} a report`, { action: command.type });
  }
  if (!ownsReport(rule, report, actor)) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, actor.role === 'CITIZEN' ? 'A citizen may act only on their own report' : `Only the assigned unit may ${command.type} this report`, { action: command.type });
  }
  if (report.answerApproval && rule.draftedBy?.includes(actor.role)) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, `The unit leader approves answers: ${actor.role} may DRAFT_ANSWER instead`, { action: command.type });
  }
  if (!rule.from.includes(report.status)) {
    throw new DomainError(
      DomainErrorCode.ILLEGAL_TRANSITION,
      `Cannot ${command.type} a report that is ${report.status}`,
      { from: report.status, action: command.type },
    );
  }
  if (rule.requires && !guardHolds(rule.requires, report)) {
    throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, `Cannot ${command.type}: ${GUARD_TEXT[rule.requires]}`, { from: report.status, action: command.type, reason: rule.requires });
  }
  const issues = checkInput(command);
  if (issues.length > 0) throw validationError(issues);
  const reason = 'reason' in command && command.reason?.trim() ? command.reason.trim() : null;
  const to = (report.forwardedBy && rule.toWhenForwarded) || rule.to;
  return { fromStatus: report.status, toStatus: to ?? report.status, reason };
}

/** The commands that `actor` could apply to a report in `status` (for UIs). */
export function availableCommands(report: TransitionSubject, actor: Actor): ReportCommandType[] {
  return (Object.keys(TRANSITIONS) as ReportCommandType[]).filter((type) => {
    const rule = TRANSITIONS[type];
    if (!rule.roles.includes(actor.role) || !rule.from.includes(report.status)) return false;
    if (report.answerApproval && rule.draftedBy?.includes(actor.role)) return false;
    if (rule.requires && !guardHolds(rule.requires, report)) return false;
    return ownsReport(rule, report, actor);
  });
}

/** A citizen acts on their own report only; units and answer links, when the rule says so, on the reports their unit holds. */
function ownsReport(rule: TransitionRule, report: TransitionSubject, actor: Actor): boolean {
  if (actor.role === 'CITIZEN') return actor.reportId === report.id;
  if (actor.role === 'ANSWER_LINK') return actor.reportId === report.id && actor.unitId === report.unitId;
  if (rule.ownUnitOnly && (actor.role === 'UNIT_OFFICER' || actor.role === 'UNIT_LEADER')) return actor.unitId === report.unitId;
  return true;
}

const GUARD_TEXT: Readonly<Record<TransitionGuard, string>> = {
  PENDING_EXTENSION: 'no extension request is pending',
  NO_PENDING_EXTENSION: 'an extension request is already pending',
  PENDING_ANSWER: 'no draft answer awaits approval',
};

function guardHolds(guard: TransitionGuard, report: TransitionSubject): boolean {
  switch (guard) {
    case 'PENDING_EXTENSION':
      return report.pendingExtension === true;
    case 'NO_PENDING_EXTENSION':
      return report.pendingExtension !== true;
    case 'PENDING_ANSWER':
      return report.pendingAnswer === true;
  }
}
