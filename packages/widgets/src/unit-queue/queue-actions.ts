import { acceptReport, approveAnswer, approveExtension, startReport, type PahtClient, type TransitionResult } from '@paht/client-sdk/staff';

/** What a unit's staff may do on a report, as the queue offers it. */
export const QueueAction = {
  ACCEPT: 'ACCEPT',
  RETURN: 'RETURN',
  START: 'START',
  FORWARD: 'FORWARD',
  ASK: 'ASK',
  REQUEST_EXTENSION: 'REQUEST_EXTENSION',
  APPROVE_EXTENSION: 'APPROVE_EXTENSION',
  REFUSE_EXTENSION: 'REFUSE_EXTENSION',
  DRAFT_ANSWER: 'DRAFT_ANSWER',
  APPROVE_ANSWER: 'APPROVE_ANSWER',
  SEND_BACK_ANSWER: 'SEND_BACK_ANSWER',
  /** Not a step: an answer link for someone without an account (`createAnswerLink`). */
  ANSWER_LINK: 'ANSWER_LINK',
} as const;
export type QueueAction = (typeof QueueAction)[keyof typeof QueueAction];

/** Actions taken at once (no form). */
export const DIRECT_ACTIONS: ReadonlySet<QueueAction> = new Set<QueueAction>(['ACCEPT', 'START', 'APPROVE_EXTENSION', 'APPROVE_ANSWER']);

/**
 * The queue's actions from the report's `staffActions` (the server's word on
 * what the caller may do) and its pending requests: a pending extension
 * makes EXTEND its approval, a pending draft makes RESOLVE the answer's
 * approval; the newer APPROVE_* names are taken as they are. `answerLink`:
 * the viewer's unit holds the report, accepted or in progress (who may
 * create an answer link).
 */
export function queueActions(staffActions: readonly string[], pending: { extension: boolean; answer: boolean; answerLink?: boolean }): QueueAction[] {
  const has = new Set(staffActions);
  const out: QueueAction[] = [];
  const add = (a: QueueAction, when: boolean) => {
    if (when && !out.includes(a)) out.push(a);
  };
  add('ACCEPT', has.has('ACCEPT'));
  add('START', has.has('START'));
  add('APPROVE_EXTENSION', has.has('APPROVE_EXTENSION') || (pending.extension && has.has('EXTEND')));
  add('REFUSE_EXTENSION', pending.extension && has.has('REFUSE_EXTENSION'));
  add('APPROVE_ANSWER', has.has('APPROVE_ANSWER') || (pending.answer && has.has('RESOLVE')));
  add('SEND_BACK_ANSWER', pending.answer && has.has('SEND_BACK_ANSWER'));
  add('DRAFT_ANSWER', has.has('DRAFT_ANSWER'));
  add('FORWARD', has.has('FORWARD'));
  add('ASK', has.has('REQUEST_INFO'));
  add('REQUEST_EXTENSION', has.has('REQUEST_EXTENSION') && !pending.extension);
  add('RETURN', has.has('RETURN'));
  add('ANSWER_LINK', pending.answerLink === true);
  return out;
}

/** Takes one of the `DIRECT_ACTIONS` on a report. */
export function directStep(client: PahtClient, action: QueueAction, id: string): Promise<TransitionResult> {
  switch (action) {
    case 'ACCEPT':
      return acceptReport(client, { id });
    case 'START':
      return startReport(client, { id });
    case 'APPROVE_EXTENSION':
      return approveExtension(client, { id });
    default:
      return approveAnswer(client, { id });
  }
}
