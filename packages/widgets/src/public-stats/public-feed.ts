import type { ReportSummary } from '@paht/client-sdk/public';
import { html, nothing } from 'lit';
import { renderAnswerDueLine } from '../shared/answer-due.js';
import { formatInstant, type Lang } from '../shared/i18n.js';
import type { PublicStatsMessages } from './public-stats.messages.js';

/** What the feed shows of a report. */
export type FeedItem = Pick<ReportSummary, 'trackingCode' | 'title' | 'status' | 'submittedAt' | 'resolvedAt' | 'answer'> & Partial<Pick<ReportSummary, 'answerDue'>> & {
  unit: Pick<NonNullable<ReportSummary['unit']>, 'name' | 'nameEn'> | null;
};

export type FeedState = { kind: 'off' } | { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; items: FeedItem[] };

const short = (text: string, max = 220) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function renderFeed(state: FeedState, m: PublicStatsMessages, lang: Lang) {
  if (state.kind === 'off') return nothing;
  return html`<section part="feed" class="feed" aria-labelledby="feed-title">
    <h3 id="feed-title">${m.feed}</h3>
    ${state.kind === 'loading'
      ? html`<p class="hint">${m.loading}</p>`
      : state.kind === 'failed'
        ? html`<p class="hint">${m.feedFailed}</p>`
        : state.items.length === 0
          ? html`<p class="hint">${m.feedEmpty}</p>`
          : html`<ul>
              ${state.items.map(
                (r) => html`<li>
                  <p class="feed-title">${r.title ?? r.trackingCode}</p>
                  <p class="sub">
                    <span class="mono">${r.trackingCode}</span> ·
                    ${r.unit ? html`${(lang === 'en' && r.unit.nameEn) || r.unit.name} · ` : nothing}
                    <time datetime=${r.resolvedAt ?? r.submittedAt}>${formatInstant(r.resolvedAt ?? r.submittedAt, lang)}</time>
                  </p>
                  ${renderAnswerDueLine(r.answerDue, r.resolvedAt != null, lang, formatInstant)}
                  ${r.answer ? html`<p class="feed-answer">${short(r.answer)}</p>` : nothing}
                </li>`,
              )}
            </ul>`}
  </section>`;
}
