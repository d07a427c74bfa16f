import type { ExpectedError, Report, ReportEventType } from '@paht/client-sdk/public';
import { html, nothing } from 'lit';
import type { Lang } from '../shared/i18n.js';
import type { TrackerMessages } from './report-tracker.messages.js';

/**
 * The steps a citizen takes from the tracker, as the API lists them in
 * `TrackedReport.actions` (from the lifecycle's transition table): answer
 * the unit's question, rate the published answer, or reopen it with a reason.
 */
export const CITIZEN_ACTIONS = ['PROVIDE_INFO', 'RATE', 'REOPEN'] as const satisfies readonly ReportEventType[];
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];

/** A one-text form (the answer to the unit, the reason to reopen): what was typed and how sending went. */
export interface TextFormState {
  kind: 'idle' | 'invalid' | 'sending' | 'failed' | 'done';
  text: string;
  /** Why it failed, in the widget's language (the server's own words for a validation error). */
  error: string | null;
}

export const idleText = (): TextFormState => ({ kind: 'idle', text: '', error: null });

/** The unit's latest question: the note of the last REQUEST_INFO step. */
export function unitQuestion(report: Report): string | null {
  for (let i = report.timeline.length - 1; i >= 0; i--) {
    const entry = report.timeline[i]!;
    if (entry.type === 'REQUEST_INFO') return entry.note ?? null;
  }
  return null;
}

/**
 * What the citizen reads when the server refused a step: a validation error
 * in the server's words in the widget's language, other refusals in ours.
 */
export function refusalText(error: ExpectedError, lang: Lang, m: TrackerMessages): string {
  switch (error.__typename) {
    case 'ValidationError': {
      const own = lang === 'en' ? error.messageEn : error.messageVi;
      return own || error.message;
    }
    case 'IllegalTransitionError':
      return m.actionMovedOn;
    case 'ForbiddenError':
      return m.wrongSecret;
    case 'ConflictError':
      return m.actionConflict;
    default:
      return m.actionFailed;
  }
}

interface TextFormOptions {
  id: 'reply' | 'reopen';
  heading: string;
  intro: unknown;
  label: string;
  hint: string;
  submit: string;
  sending: string;
  required: string;
  state: TextFormState;
  set: (next: TextFormState) => void;
  send: (text: string) => void;
}

/** A form with one required text: label, hint and error tied to the field, the error announced. */
function textForm(o: TextFormOptions) {
  const invalid = o.state.kind === 'invalid';
  const failed = o.state.kind === 'failed';
  const errorId = `${o.id}-error`;
  const hintId = `${o.id}-hint`;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    o.send(o.state.text);
  };
  return html`<form part="${o.id}" class="citizen-action" data-action=${o.id} @submit=${onSubmit} aria-labelledby="${o.id}-heading" novalidate>
    <h3 id="${o.id}-heading">${o.heading}</h3>
    ${o.intro}
    <div class="field">
      <label for="${o.id}-text">${o.label}</label>
      <textarea
        id="${o.id}-text"
        name="text"
        rows="4"
        maxlength="10000"
        required
        aria-required="true"
        aria-invalid=${invalid || failed ? 'true' : 'false'}
        aria-describedby=${invalid || failed ? `${errorId} ${hintId}` : hintId}
        .value=${o.state.text}
        @input=${(e: Event) => o.set({ ...o.state, kind: o.state.kind === 'sending' ? 'sending' : 'idle', text: (e.target as HTMLTextAreaElement).value, error: null })}
      ></textarea>
      <p class="hint" id=${hintId}>${o.hint}</p>
      ${invalid ? html`<p class="error" id=${errorId}>${o.required}</p>` : nothing}
      ${failed ? html`<p class="error" id=${errorId} role="alert">${o.state.error}</p>` : nothing}
    </div>
    <button part="button" type="submit" ?disabled=${o.state.kind === 'sending'}>${o.state.kind === 'sending' ? o.sending : o.submit}</button>
  </form>`;
}

/** The answer to the unit's question (status WAITING_FOR_CITIZEN). */
export function renderReply(report: Report, state: TextFormState, m: TrackerMessages, set: (next: TextFormState) => void, send: (text: string) => void) {
  const question = unitQuestion(report);
  return textForm({
    id: 'reply',
    heading: m.replyHeading,
    intro: question
      ? html`<figure class="question"><figcaption>${m.replyQuestion}</figcaption><blockquote class="text">${question}</blockquote></figure>`
      : nothing,
    label: m.replyLabel,
    hint: m.replyHint,
    submit: m.replySubmit,
    sending: m.sending,
    required: m.replyRequired,
    state,
    set,
    send,
  });
}

/** Not satisfied with the published answer: send it back with a reason. */
export function renderReopen(state: TextFormState, m: TrackerMessages, set: (next: TextFormState) => void, send: (text: string) => void) {
  return textForm({
    id: 'reopen',
    heading: m.reopenHeading,
    intro: html`<p>${m.reopenIntro}</p>`,
    label: m.reopenLabel,
    hint: m.reopenHint,
    submit: m.reopenSubmit,
    sending: m.sending,
    required: m.reopenRequired,
    state,
    set,
    send,
  });
}
