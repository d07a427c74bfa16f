// The suggested category and unit of a report (docs/classification.md): the
// chip on its row, the list in its details with each suggestion's
// confidence, and accepting one (classify, then assign) in one step.
import { assignReport, classifyReport, type InboxReport, type PahtClient, type TransitionResult } from '@paht/client-sdk/staff';
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { Lang } from '../shared/i18n.js';
import { nameIn } from '../staff/staff-labels.js';
import type { InboxMessages } from './ioc-inbox.messages.js';

/** One suggested (category, unit) pair with its confidence (0–1). */
export type Suggestion = NonNullable<InboxReport['suggestions']>[number];
type Suggested = Pick<InboxReport, 'status' | 'category' | 'suggestions'>;
/** The API's refusal of a step. */
export type Refusal = Exclude<TransitionResult, { __typename: 'ReportTransition' }>;

/**
 * The suggestions that apply to a report at its step, best first: all of
 * them for a new report (category and unit), and for a classified one those
 * of its category that name a unit (the unit to assign). None at other steps.
 */
export function suggestionsAt(report: Suggested): Suggestion[] {
  const all = report.suggestions ?? [];
  if (report.status === 'SUBMITTED') return all;
  if (report.status === 'CLASSIFIED' && report.category) return all.filter((s) => s.category.id === report.category!.id && s.unit);
  return [];
}

/** The suggestion a single key accepts: the best that applies, or null. */
export const suggestionFor = (report: Suggested): Suggestion | null => suggestionsAt(report)[0] ?? null;

/**
 * Accepts a suggestion: classifies a new report into its category, then
 * assigns it to its unit (when it names one). Stops at the first refusal.
 */
export async function acceptSuggestion(client: Pick<PahtClient, 'request'>, report: Pick<InboxReport, 'id' | 'status'>, s: Suggestion): Promise<Refusal | null> {
  if (report.status === 'SUBMITTED') {
    const classified = await classifyReport(client, { id: report.id, categoryId: s.category.id });
    if (classified.__typename !== 'ReportTransition') return classified;
  }
  if (s.unit) {
    const assigned = await assignReport(client, { id: report.id, unitId: s.unit.id });
    if (assigned.__typename !== 'ReportTransition') return assigned;
  }
  return null;
}

/** What the classify and assign dialogs pre-select for the first report: its category, else the suggested one, and the suggested unit. */
export function dialogDefaults(first: Suggested | undefined): { currentCategoryId: string; suggestedUnitId: string } {
  const s = first ? suggestionFor(first) : null;
  return { currentCategoryId: first?.category?.id ?? s?.category.id ?? '', suggestedUnitId: s?.unit?.id ?? '' };
}

/** The row's chip: the suggestion `s` accepts, with its confidence. */
export function renderSuggestionChip(report: Suggested, m: InboxMessages, lang: Lang): TemplateResult | typeof nothing {
  const s = suggestionFor(report);
  if (!s) return nothing;
  return html`<span class="chip suggestion">${m.suggestionLabel(nameIn(s.category, lang), s.unit ? nameIn(s.unit, lang) : null, s.confidence)}</span>`;
}

/** The open report's suggestions, each with its confidence and, for operators, a button that accepts it (the first also on `s`). */
export function renderSuggestions(report: Suggested | undefined, canAccept: boolean, m: InboxMessages, lang: Lang, accept: (s: Suggestion) => void): TemplateResult | typeof nothing {
  if (!report || (report.status !== 'SUBMITTED' && report.status !== 'CLASSIFIED')) return nothing;
  const list = suggestionsAt(report);
  return html`<section class="suggestions" aria-labelledby="suggestions-title">
    <h4 id="suggestions-title">${m.suggestions}</h4>
    ${list.length
      ? html`<p class="hint">${m.suggestionsHint}</p>
          <ol class="suggestion-list">
            ${list.map((s, i) => {
              const category = nameIn(s.category, lang);
              const unit = s.unit ? nameIn(s.unit, lang) : null;
              return html`<li>
                <span class="what">${category}${unit ? html` → ${unit}` : nothing}</span>
                <span class="confidence"><span class="bar" aria-hidden="true"><span style=${styleMap({ width: `${Math.round(s.confidence * 100)}%` })}></span></span>${m.confidence(s.confidence)}</span>
                ${canAccept
                  ? html`<button type="button" part="button" class=${i === 0 ? '' : 'secondary'} @click=${() => accept(s)}>
                      ${m.acceptThis(category, unit)}${i === 0 ? html` <kbd>s</kbd>` : nothing}
                    </button>`
                  : nothing}
              </li>`;
            })}
          </ol>`
      : html`<p class="hint">${m.noSuggestion}</p>`}
  </section>`;
}
