// Possible duplicates of the open report (near in place and time, similar
// text), shown side by side with it, and merging one: the later report
// closes as a duplicate and its reporter becomes a supporter of the
// original (docs/classification.md).
import { type PossibleDuplicatesQuery } from '@paht/client-sdk/public';
import { findPossibleDuplicates, mergeReport, type PahtClient } from '@paht/client-sdk/staff';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, type Lang } from '../shared/i18n.js';
import { nameIn } from '../staff/staff-labels.js';
import type { InboxMessages } from './ioc-inbox.messages.js';
import { refusalText } from './refusal-text.js';

export type Duplicate = Extract<PossibleDuplicatesQuery['possibleDuplicates'], { __typename: 'PossibleDuplicatesSuccess' }>['data'][number];
export type DuplicatesState = { kind: 'none' } | { kind: 'loading'; id: string } | { kind: 'ready'; id: string; items: Duplicate[] } | { kind: 'failed'; id: string };

/** Which of two reports merges into which: the one submitted later (ties: the larger code) into the earlier. */
export interface MergePair {
  id: string;
  intoId: string;
  laterCode: string;
  originalCode: string;
}

/** The merge dialog's state (one of the inbox's dialogs). */
export type MergeDialog = MergePair & { kind: 'merge'; sending: boolean; error: string | null };

type Side = { id: string; trackingCode: string; submittedAt: string };

export function mergePair(a: Side, b: Side): MergePair {
  const aLater = Date.parse(a.submittedAt) > Date.parse(b.submittedAt) || (a.submittedAt === b.submittedAt && a.trackingCode > b.trackingCode);
  const [later, original] = aLater ? [a, b] : [b, a];
  return { id: later.id, intoId: original.id, laterCode: later.trackingCode, originalCode: original.trackingCode };
}

/** Reads the possible duplicates of a report (the API's defaults: 200 m, 14 days). */
export async function loadDuplicates(client: Pick<PahtClient, 'request'>, id: string): Promise<DuplicatesState> {
  try {
    const result = await findPossibleDuplicates(client, { reportId: id });
    return result.__typename === 'PossibleDuplicatesSuccess' ? { kind: 'ready', id, items: result.data } : { kind: 'failed', id };
  } catch {
    return { kind: 'failed', id };
  }
}

/** Merges the pair: what was done, or the refusal, in the operator's words. */
export async function runMerge(client: Pick<PahtClient, 'request'>, pair: MergePair, reason: string, lang: Lang, m: InboxMessages): Promise<{ done: string } | { error: string }> {
  try {
    const result = await mergeReport(client, { id: pair.id, intoId: pair.intoId, ...(reason ? { reason } : {}) });
    if (result.__typename === 'ReportMerge') return { done: m.merged(pair.laterCode, pair.originalCode, result.supporterCount + 1) };
    return { error: refusalText(result, lang, m) };
  } catch {
    return { error: m.failed(null) };
  }
}

interface OpenReport extends Side {
  title?: string | null;
  description?: string | null;
  address?: string | null;
}

export interface DuplicatesContext {
  m: InboxMessages;
  lang: Lang;
  canMerge: boolean;
  onMerge: (pair: MergePair) => void;
}

const side = (title: string, r: OpenReport, lang: Lang, extra: TemplateResult | typeof nothing = nothing) => html`<div class="side">
  <p class="side-title">${title}: <strong>${r.trackingCode}</strong></p>
  <p class="side-text"><strong>${r.title ?? ''}</strong></p>
  <p class="side-text clamp">${r.description ?? ''}</p>
  <p class="hint">${r.address ?? ''}${r.address ? ' · ' : ''}${formatInstant(r.submittedAt, lang)}</p>
  ${extra}
</div>`;

/** The open report's possible duplicates, each beside it, with a merge button for operators. */
export function renderDuplicates(state: DuplicatesState, open: OpenReport, c: DuplicatesContext): TemplateResult | typeof nothing {
  if (state.kind === 'none' || state.id !== open.id) return nothing;
  const { m, lang } = c;
  const body = () => {
    if (state.kind === 'loading') return html`<p role="status">${m.duplicatesLoading}</p>`;
    if (state.kind === 'failed') return html`<p class="notice error-box">${m.duplicatesFailed}</p>`;
    if (!state.items.length) return html`<p class="hint">${m.duplicatesNone}</p>`;
    return html`<ul class="duplicate-list">
      ${state.items.map((d) => {
        const pair = mergePair(open, d.report);
        const facts = html`<p class="hint">
          ${m.similarity(d.similarity)} · ${m.distance(d.distanceMeters ?? null)}${d.report.category ? ` · ${nameIn(d.report.category, lang)}` : ''}
          ${d.report.supporterCount ? html`<span class="chip people">${m.affected(d.report.supporterCount + 1)}</span>` : nothing}
        </p>`;
        return html`<li class="pair" data-code=${d.report.trackingCode}>
          <div class="sides">${side(m.thisReport, open, lang)}${side(m.candidate, d.report, lang, facts)}</div>
          ${c.canMerge ? html`<button type="button" part="button" class="secondary merge" @click=${() => c.onMerge(pair)}>${m.mergeInto(pair.laterCode, pair.originalCode)}</button>` : nothing}
        </li>`;
      })}
    </ul>`;
  };
  return html`<section class="duplicates" aria-labelledby="duplicates-title" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
    <h4 id="duplicates-title">${m.duplicates}</h4>
    <p class="hint">${m.duplicatesHint}</p>
    ${body()}
  </section>`;
}

/** The merge dialog's body: what happens, an optional note to the later reporter, confirm. */
export function renderMergeDialog(dialog: MergeDialog, m: InboxMessages, onSubmit: (e: SubmitEvent) => void, onCancel: () => void): TemplateResult {
  return html`<form @submit=${onSubmit} novalidate>
    <h2 id="dialog-title">${m.mergeTitle}</h2>
    <p>${m.mergeExplain(dialog.laterCode, dialog.originalCode)}</p>
    <div class="field">
      <label for="d-merge-reason">${m.mergeReason}</label>
      <textarea id="d-merge-reason" name="reason" aria-describedby="d-merge-hint"></textarea>
      <p class="hint" id="d-merge-hint">${m.mergeReasonHint}</p>
    </div>
    ${dialog.error ? html`<p class="notice error-box" role="alert">${dialog.error}</p>` : nothing}
    <div class="dialog-actions">
      <button type="submit" part="button" ?disabled=${dialog.sending}>${dialog.sending ? m.sending : m.merge}</button>
      <button type="button" class="secondary" part="button" @click=${onCancel}>${m.cancel}</button>
    </div>
  </form>`;
}
