// The inbox's page: the tools, the filters, the list, the open report with
// its suggestions and possible duplicates, and the open dialog.
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../shared/i18n.js';
import { renderModal } from '../staff/staff-dialog.js';
import { renderLoadState } from '../staff/staff-workspace.js';
import { renderDialog } from './inbox-dialogs.js';
import { renderDuplicates } from './inbox-duplicates.js';
import { DEFAULT_FILTERS, type InboxFilters } from './inbox-model.js';
import { renderDetail, renderFilters, renderList } from './inbox-parts.js';
import { dialogDefaults, renderSuggestions } from './inbox-suggestions.js';
import type { PahtIocInbox, StaffReport } from './ioc-inbox.component.js';
import type { InboxMessages } from './ioc-inbox.messages.js';

/** What the view needs of the element besides its public state and steps. */
export interface InboxViewParts {
  m: InboxMessages;
  lang: Lang;
  setFilters(next: Partial<InboxFilters>): void;
  submitDialog(event: SubmitEvent): void;
  closeDialog(): void;
}

export function renderInbox(inbox: PahtIocInbox, { m, lang, setFilters, submitDialog, closeDialog }: InboxViewParts): TemplateResult {
  return html`
    <section class="inbox" aria-labelledby="inbox-heading" tabindex="-1">
      <div class="head">
        <h2 id="inbox-heading">${m.heading}</h2>
        <div class="tools">
          ${inbox.canTriage ? html`<button type="button" part="button" @click=${() => inbox.openIntake()}>${m.intake} <kbd>i</kbd></button>` : nothing}
          <button type="button" class="secondary" part="button" @click=${() => (inbox.dialog = { kind: 'help' })}>${m.shortcuts} <kbd>?</kbd></button>
          <button type="button" class="secondary" part="button" @click=${() => void inbox.reload()}>${m.reload}</button>
        </div>
      </div>
      ${inbox.canTriage ? nothing : html`<p class="hint">${m.readOnly}</p>`}
      ${renderFilters(inbox.filters, inbox.categories, inbox.units, m, lang, (next) => setFilters(next))}
      ${inbox.notice ? html`<p class=${`notice ${inbox.notice.ok ? 'ok' : 'error-box'}`} role="status">${inbox.notice.text}</p>` : nothing}
      <div class="layout">
        <div class="list-pane" aria-live="polite" aria-busy=${inbox.state.kind === 'loading' ? 'true' : 'false'}>${renderState(inbox, m, lang)}</div>
        <div class="detail-pane" part="detail">
          ${renderDetail(inbox.detail, inbox.canTriage, m, lang, (r) => void inbox.showContact(r))}
          ${inbox.detail.kind === 'ready' ? renderHelp(inbox, inbox.detail.report, m, lang) : nothing}
        </div>
      </div>
    </section>
    ${renderModal(
      inbox.dialog
        ? renderDialog(inbox.dialog, {
            m,
            lang,
            categories: inbox.categories,
            units: inbox.units,
            ...defaultsOf(inbox),
            onSubmit: (e) => submitDialog(e),
            onRejection: (rejection) => {
              if (inbox.dialog?.kind === 'reject') inbox.dialog = { ...inbox.dialog, rejection };
            },
            onCancel: () => closeDialog(),
          })
        : nothing,
      () => inbox.dialog && closeDialog(),
    )}
  `;
}

/** What a triage dialog pre-selects: read when it was opened (fixed data: from its first report's row). */
function defaultsOf(inbox: PahtIocInbox): ReturnType<typeof dialogDefaults> {
  const d = inbox.dialog;
  if (!d || !('ids' in d)) return dialogDefaults(undefined);
  return ('defaults' in d && d.defaults) || dialogDefaults(inbox.rows.find((r) => r.id === d.ids[0]));
}

/** Beside the open report: its suggested category and unit, and its possible duplicates. */
function renderHelp(inbox: PahtIocInbox, report: StaffReport, m: InboxMessages, lang: Lang) {
  const row = inbox.state.kind === 'ready' ? inbox.state.reports.find((r) => r.id === report.id) : undefined;
  return html`${renderSuggestions(row, inbox.canTriage, m, lang, (s) => void inbox.acceptSuggestions(s))}
  ${renderDuplicates(inbox.duplicates, report, { m, lang, canMerge: inbox.canTriage, onMerge: (pair) => inbox.openMerge(pair) })}`;
}

function renderState(inbox: PahtIocInbox, m: InboxMessages, lang: Lang) {
  if (inbox.state.kind !== 'ready') return renderLoadState(inbox.state, m);
  return renderList(inbox.rows, {
    truncated: inbox.state.truncated ? inbox.state.reports.length : 0,
    filtered: JSON.stringify(inbox.filters) !== JSON.stringify(DEFAULT_FILTERS),
    selected: inbox.selected,
    active: inbox.active,
    canTriage: inbox.canTriage,
    m,
    lang,
    now: inbox.now(),
    onTriage: (action) => inbox.openTriage(action),
    onAccept: () => void inbox.acceptSuggestions(),
    onClear: () => (inbox.selected = []),
    onToggle: (id) => inbox.toggle(id),
    onOpen: (i) => void inbox.open(i),
    onFocus: (i) => (inbox.active = i),
  });
}
