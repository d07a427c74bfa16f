import type { ReportSummary } from '@paht/client-sdk/public';
import { html, nothing } from 'lit';
import type { Lang } from './i18n.js';

/** `Report.answerDue`: the date the unit must answer by, with the working days left or late (counted by the server on the tenant's calendar). */
export type AnswerDueInfo = NonNullable<ReportSummary['answerDue']>;

/** How the working days left or late are worded, Vietnamese first. */
export const ANSWER_DUE_WORDS = {
  vi: {
    left: (n: number) => (n === 0 ? 'đến hạn vào đầu giờ làm việc tới' : `còn ${n} ngày làm việc`),
    late: (n: number) => `đã quá hạn ${n} ngày làm việc`,
    answeredLate: (n: number) => `trả lời trễ ${n} ngày làm việc`,
  },
  en: {
    left: (n: number) => (n === 0 ? 'due at the start of the next working day' : `${n} working day${n === 1 ? '' : 's'} left`),
    late: (n: number) => `${n} working day${n === 1 ? '' : 's'} overdue`,
    answeredLate: (n: number) => `answered ${n} working day${n === 1 ? '' : 's'} late`,
  },
} as const satisfies Record<Lang, Record<string, (n: number) => string>>;

/** The words for what is left of (or past) the answer date; null when there is nothing to say (no date, or answered in time). */
export function answerDueWords(due: AnswerDueInfo | null | undefined, answered: boolean, lang: Lang): string | null {
  if (!due) return null;
  const w = ANSWER_DUE_WORDS[lang];
  if (due.overdueWorkingDays != null) return answered ? w.answeredLate(due.overdueWorkingDays) : w.late(due.overdueWorkingDays);
  if (!answered && due.workingDaysLeft != null) return w.left(due.workingDaysLeft);
  return null;
}

/** ` (còn 3 ngày làm việc)`, after the date; `data-overdue` when late. */
export function renderAnswerDueLeft(due: AnswerDueInfo | null | undefined, answered: boolean, lang: Lang) {
  const words = answerDueWords(due, answered, lang);
  if (!words) return nothing;
  return html` <span class="due-left" part="due-left" ?data-overdue=${due?.overdueWorkingDays != null}>(${words})</span>`;
}

/** Before the date in lists: "Đơn vị phải trả lời trước … / The unit must answer by …" (open), "Hạn trả lời … / Answer was due …" (answered). */
export const ANSWER_DUE_LABEL = {
  vi: { open: 'Đơn vị phải trả lời trước', answered: 'Hạn trả lời' },
  en: { open: 'The unit must answer by', answered: 'Answer was due' },
} as const satisfies Record<Lang, Record<'open' | 'answered', string>>;

/** One line for a list item: the answer date with its label and the working days left or late; nothing without a date. */
export function renderAnswerDueLine(due: AnswerDueInfo | null | undefined, answered: boolean, lang: Lang, format: (iso: string, lang: Lang) => string) {
  if (!due) return nothing;
  return html`<p class="answer-due" part="answer-due">${ANSWER_DUE_LABEL[lang][answered ? 'answered' : 'open']} <time datetime=${due.at}>${format(due.at, lang)}</time>${renderAnswerDueLeft(due, answered, lang)}</p>`;
}
