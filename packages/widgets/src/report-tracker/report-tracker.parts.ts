import type { Report } from '@paht/client-sdk/public';
import { html, nothing } from 'lit';
import { renderAnswerDueLeft } from '../shared/answer-due.js';
import { formatInstant, type Lang } from '../shared/i18n.js';
import type { LiveState } from './live-status.js';
import type { TrackerMessages } from './report-tracker.messages.js';

export type RatingState = {
  kind: 'idle' | 'invalid' | 'sending' | 'failed' | 'done';
  stars: number;
  comment: string;
  /** Why sending failed, in the widget's language (the server's words for a validation error). */
  error?: string | null;
};


/**
 * How the report stands against the date the unit must answer by, in the
 * words of the table. Internal stages (classification, acceptance) have their
 * own deadlines for staff; a citizen is never told about those.
 */
export function timelinessOf(report: Report, now = Date.now()): keyof TrackerMessages['timeliness'] {
  if (report.resolvedOnTime === true) return 'ON_TIME';
  if (report.resolvedOnTime === false) return 'OVERDUE';
  if (!report.answerDueAt) return 'NONE';
  const state = report.sla?.stage === 'RESOLVE' ? report.sla.state : null;
  if (state === 'ON_TRACK' || state === 'WARNING' || state === 'BREACHED') return state;
  return Date.parse(report.answerDueAt) < now ? 'BREACHED' : 'ON_TRACK';
}

/** The "answer due" row: the date the unit must answer by, or why there is none yet (nothing for a rejected report). */
export function renderAnswerDue(report: Report, lang: Lang, m: TrackerMessages) {
  const due = report.answerDueAt;
  if (!due && report.status === 'REJECTED') return nothing;
  const time = due ? html`<time datetime=${due}>${formatInstant(due, lang)}</time>` : null;
  return html`<dt>${m.deadline}</dt>
    <dd class="answer-due">${time ? html`${report.resolvedAt ? time : html`${m.answerDueBy} ${time}`}${renderAnswerDueLeft(report.answerDue, report.resolvedAt != null, lang)}` : m.noDeadline}</dd>`;
}

/**
 * An attachment URL from the API (absolute path) made absolute against the
 * endpoint. Links to private files come signed for the citizen already; the
 * secret never goes into a URL.
 */
export function attachmentHref(path: string, endpoint: string): string {
  return new URL(path, endpoint || (typeof location === 'undefined' ? 'http://localhost/' : location.href)).toString();
}

export function renderReport(report: Report, access: 'PUBLIC' | 'CITIZEN', live: LiveState, lang: Lang, m: TrackerMessages, endpoint: string) {
  const name = (ref: { name: string; nameEn: string | null } | null) => (ref ? (lang === 'en' && ref.nameEn) || ref.name : null);
  const timeliness = timelinessOf(report);
  const attachments = report.attachments.filter((a) => a.url);
  return html`
    <article class="report" aria-labelledby="report-title">
      <h3 id="report-title">${report.title ?? m.privateTitle}</h3>
      <p class="badges">
        <span class="status" part="status" data-status=${report.status}>${m.statuses[report.status]}</span>
        <span class="timeliness" data-timeliness=${timeliness}>${m.timeliness[timeliness]}</span>
      </p>
      ${access === 'CITIZEN'
        ? html`<p class="live" data-live=${live}><span class="dot" aria-hidden="true"></span>${m.live[live]}${live === 'live' ? html` — ${m.liveHint}` : nothing}</p>`
        : nothing}
      <dl part="summary">
        <dt>${m.label}</dt>
        <dd class="mono">${report.trackingCode}</dd>
        ${report.category ? html`<dt>${m.category}</dt><dd>${name(report.category)}</dd>` : nothing}
        <dt>${m.unit}</dt>
        <dd>${name(report.unit) ?? m.noUnit}</dd>
        <dt>${m.submittedAt}</dt>
        <dd><time datetime=${report.submittedAt}>${formatInstant(report.submittedAt, lang)}</time></dd>
        ${renderAnswerDue(report, lang, m)}
        ${report.description ? html`<dt>${m.reportTitle}</dt><dd class="text">${report.description}</dd>` : nothing}
      </dl>
      ${report.answer
        ? html`<section class="answer" aria-labelledby="answer-heading">
            <h3 id="answer-heading">${m.answer}</h3>
            <p class="text">${report.answer}</p>
          </section>`
        : nothing}
      ${attachments.length
        ? html`<section aria-labelledby="files-heading">
            <h3 id="files-heading">${m.attachments}</h3>
            <ul class="files">
              ${attachments.map(
                (a, i) => html`<li>
                  <a href=${attachmentHref(a.url, endpoint)} target="_blank" rel="noopener">
                    ${a.previewUrl ? html`<img src=${attachmentHref(a.previewUrl, endpoint)} alt="" loading="lazy" />` : nothing}
                    <span>${m.openAttachment(i + 1, a.kind)}</span>
                  </a>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      <h3>${m.timeline}</h3>
      <ol part="timeline">
        ${report.timeline.map(
          (entry) => html`<li data-status=${entry.status}>
            <strong>${m.events[entry.type]}</strong>
            ${entry.unit ? html`<span class="step-unit">${m.hopUnit(name(entry.unit)!)}</span>` : nothing}
            <span class="step-status">${m.statuses[entry.status]}</span>
            <time datetime=${entry.at}>${formatInstant(entry.at, lang)}</time>
            ${entry.note ? html`<div class="text">${entry.note}</div>` : nothing}
          </li>`,
        )}
      </ol>
    </article>
  `;
}

export function renderRating(report: Report, state: RatingState, m: TrackerMessages, set: (next: RatingState) => void, send: (stars: number, comment: string) => void) {
  if (report.rating !== null && report.status !== 'PUBLISHED') {
    return html`<p class="notice ok" role="status">${state.kind === 'done' ? `${m.rateThanks} ` : ''}${m.yourRating(report.rating)}</p>`;
  }
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    send(state.stars, state.comment);
  };
  const invalid = state.kind === 'invalid';
  return html`<form part="rating" class="rating" @submit=${onSubmit} aria-labelledby="rate-heading">
    <h3 id="rate-heading">${m.rateHeading}</h3>
    <fieldset aria-describedby=${invalid ? 'stars-error' : nothing}>
      <legend>${m.rateIntro}</legend>
      <div class="stars">
        ${[1, 2, 3, 4, 5].map(
          (n) => html`<label class="star">
            <input type="radio" name="stars" .value=${String(n)} .checked=${state.stars === n} aria-invalid=${invalid ? 'true' : 'false'}
              @change=${() => set({ ...state, kind: 'idle', stars: n })} />
            <span aria-hidden="true">${'★'.repeat(n)}</span><span class="visually-hidden">${m.stars(n)}</span>
          </label>`,
        )}
      </div>
      ${invalid ? html`<p class="error" id="stars-error">${m.rateChoose}</p>` : nothing}
    </fieldset>
    <div class="field">
      <label for="comment">${m.comment}</label>
      <textarea id="comment" maxlength="1000" .value=${state.comment} @input=${(e: Event) => set({ ...state, comment: (e.target as HTMLTextAreaElement).value })}></textarea>
    </div>
    <button part="button" type="submit" ?disabled=${state.kind === 'sending'}>${state.kind === 'sending' ? m.rateSending : m.rateSubmit}</button>
    ${state.kind === 'failed' ? html`<p class="error" role="alert">${state.error ?? m.rateFailed}</p>` : nothing}
  </form>`;
}
