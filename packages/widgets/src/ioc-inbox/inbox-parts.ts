import type { Category, Channel, ReportStatus, Unit } from '@paht/client-sdk/public';
import type { InboxReport } from '@paht/client-sdk/staff';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatInstant, type Lang } from '../shared/i18n.js';
import { nameIn, STAFF_LABELS, type StaffLabels } from '../staff/staff-labels.js';
import { dueOf, peopleAffected, urgencyOf, type InboxFilters, type TriageAction } from './inbox-model.js';
import { renderSuggestionChip } from './inbox-suggestions.js';
import type { DetailState } from './ioc-inbox.component.js';
import type { InboxMessages } from './ioc-inbox.messages.js';

const STATUSES: readonly ReportStatus[] = ['SUBMITTED', 'CLASSIFIED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'PUBLISHED', 'CLOSED', 'REJECTED'];
const CHANNELS: readonly Channel[] = ['WEB', 'APP', 'HOTLINE_1022', 'FANPAGE', 'ZALO', 'EMAIL', 'OPEN311', 'AI_CALL_CENTRE'];

/** The filter form: selects apply at once, the search on Enter. */
export function renderFilters(
  filters: InboxFilters,
  categories: readonly Category[],
  units: readonly Unit[],
  m: InboxMessages,
  lang: Lang,
  change: (next: Partial<InboxFilters>) => void,
): TemplateResult {
  const labels = STAFF_LABELS[lang];
  const select = (id: string, label: string, value: string, options: TemplateResult[], set: (v: string) => void) => html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>${options.map((o) => o)}</select>
  </div>`;
  const option = (value: string, text: string, current: string) => html`<option value=${value} ?selected=${value === current}>${text}</option>`;
  const onSearch = (event: SubmitEvent) => {
    event.preventDefault();
    change({ search: ((event.target as HTMLFormElement).elements.namedItem('search') as HTMLInputElement).value });
  };
  return html`<form class="filters" part="filters" role="search" aria-label=${m.filters} @submit=${onSearch}>
    ${select('f-status', m.status, filters.status, [option('QUEUE', m.queue, filters.status), ...STATUSES.map((s) => option(s, labels.statuses[s], filters.status))], (v) =>
      change({ status: v as InboxFilters['status'] }),
    )}
    ${select('f-category', m.category, filters.categoryId, [option('', m.any, filters.categoryId), ...categories.map((c) => option(c.id, nameIn(c, lang), filters.categoryId))], (v) =>
      change({ categoryId: v }),
    )}
    ${select('f-unit', m.unit, filters.unitId, [option('', m.any, filters.unitId), ...units.map((u) => option(u.id, nameIn(u, lang), filters.unitId))], (v) => change({ unitId: v }))}
    ${select('f-channel', m.channel, filters.channel, [option('', m.any, filters.channel), ...CHANNELS.map((c) => option(c, labels.channels[c], filters.channel))], (v) =>
      change({ channel: v as InboxFilters['channel'] }),
    )}
    <div class="field search">
      <label for="f-search">${m.search} <kbd>/</kbd></label>
      <div class="search-row">
        <input id="f-search" name="search" type="search" .value=${filters.search} autocomplete="off" aria-describedby="f-search-hint" />
        <button type="submit" part="button">${m.apply}</button>
      </div>
      <p class="hint" id="f-search-hint">${m.searchHint}</p>
    </div>
  </form>`;
}

export interface RowContext {
  active: boolean;
  selected: boolean;
  m: InboxMessages;
  lang: Lang;
  /** The clock deadlines are read against. */
  now: number;
  onToggle: () => void;
  onOpen: () => void;
  onFocus: () => void;
}

/**
 * One report of the list: a checkbox for bulk actions and a button that
 * opens it (the keyboard's stop: one per list); under it the people
 * affected (when others joined) and the suggested category and unit.
 */
export function renderRow(report: InboxReport, index: number, c: RowContext): TemplateResult {
  const due = dueOf(report);
  const labels = STAFF_LABELS[c.lang];
  const state = urgencyOf(report, c.now) as keyof StaffLabels['sla'];
  const channel = labels.channels[report.channel as Channel] ?? report.channel;
  const category = nameIn(report.category, c.lang);
  return html`<li class=${`row${c.active ? ' active' : ''}${c.selected ? ' selected' : ''}`} aria-current=${c.active ? 'true' : 'false'}>
    <input type="checkbox" tabindex="-1" .checked=${c.selected} aria-label=${c.m.select(report.trackingCode)} @change=${c.onToggle} />
    <button type="button" class="open" id=${`row-${index}`} tabindex=${c.active ? '0' : '-1'} @click=${c.onOpen} @focus=${c.onFocus}>
      <span class="code">${report.trackingCode}</span>
      <span class="title">${report.title ?? report.description ?? ''}</span>
      <span class="meta">${labels.statuses[report.status]}${category ? ` · ${category}` : ''} · ${channel}</span>
    </button>
    <span class=${`due due-${state}`}>
      ${due ? html`${c.m.due}: ${formatInstant(due, c.lang)}` : c.m.noDue}${state !== 'NONE' && state !== 'ON_TRACK' ? html` — <strong>${labels.sla[state]}</strong>` : nothing}
    </span>
    <span class="extras"
      >${report.supporterCount ? html`<span class="chip people">${c.m.affected(peopleAffected(report))}</span>` : nothing}${renderSuggestionChip(report, c.m, c.lang)}</span
    >
  </li>`;
}

export interface ListContext {
  /** How many were read when the list was cut short; 0 when it was not. */
  truncated: number;
  /** Whether filters other than the default narrow the list. */
  filtered: boolean;
  selected: readonly string[];
  active: number;
  canTriage: boolean;
  m: InboxMessages;
  lang: Lang;
  now: number;
  onTriage: (action: TriageAction) => void;
  onAccept: () => void;
  onClear: () => void;
  onToggle: (id: string) => void;
  onOpen: (index: number) => void;
  onFocus: (index: number) => void;
}

/** The list: its count, the bulk actions on a selection, and the rows. */
export function renderList(rows: readonly InboxReport[], c: ListContext): TemplateResult {
  const { m } = c;
  if (!rows.length) return html`<p class="notice">${c.filtered ? m.emptyFiltered : m.empty}</p>`;
  return html`
    <div class="bulk">
      <p class="count">${m.count(rows.length)}</p>
      ${c.selected.length
        ? html`<p class="count" role="status">${m.selected(c.selected.length)}</p>
            ${c.canTriage
              ? html`<button type="button" part="button" @click=${() => c.onTriage('classify')}>${m.classify}</button>
                  <button type="button" part="button" @click=${() => c.onTriage('assign')}>${m.assign}</button>
                  <button type="button" class="secondary" part="button" @click=${() => c.onTriage('reject')}>${m.reject}</button>
                  <button type="button" class="secondary" part="button" @click=${c.onAccept}>${m.acceptSuggestion}</button>`
              : nothing}
            <button type="button" class="secondary" part="button" @click=${c.onClear}>${m.clearSelection}</button>`
        : nothing}
    </div>
    ${c.truncated ? html`<p class="hint">${m.truncated(c.truncated)}</p>` : nothing}
    <ul class="rows" part="list" aria-label=${m.list}>
      ${repeat(rows, (report) => report.id, (report, i) =>
        renderRow(report, i, {
          active: i === c.active,
          selected: c.selected.includes(report.id),
          m,
          lang: c.lang,
          now: c.now,
          onToggle: () => c.onToggle(report.id),
          onOpen: () => c.onOpen(i),
          onFocus: () => c.onFocus(i),
        }),
      )}
    </ul>
    <p class="hint">${m.live}</p>`;
}

/** The open report: its facts, timeline and the "show contact" action. */
export function renderDetail(detail: DetailState, canReveal: boolean, m: InboxMessages, lang: Lang, showContact: (report: { id: string; trackingCode: string }) => void): TemplateResult {
  switch (detail.kind) {
    case 'none':
      return html`<p class="hint">${m.noDetail}</p>`;
    case 'loading':
      return html`<p>${m.loading}</p><span class="skeleton"></span><span class="skeleton short"></span>`;
    case 'failed':
      return html`<p class="notice error-box" role="alert">${m.failed(null)}</p>`;
    case 'ready':
      break;
  }
  const r = detail.report;
  const labels = STAFF_LABELS[lang];
  const due = r.sla?.dueAt ?? r.dueAt;
  return html`<article aria-labelledby="detail-title">
    <h3 id="detail-title">${r.trackingCode} — ${r.title ?? ''}</h3>
    <dl class="facts">
      <div><dt>${m.status}</dt><dd>${labels.statuses[r.status]}</dd></div>
      <div><dt>${m.category}</dt><dd>${nameIn(r.category, lang) || m.none}</dd></div>
      <div><dt>${m.unit}</dt><dd>${nameIn(r.unit, lang) || m.none}</dd></div>
      <div><dt>${m.channel}</dt><dd>${labels.channels[r.channel as Channel] ?? r.channel}</dd></div>
      <div><dt>${m.submittedAt}</dt><dd>${formatInstant(r.submittedAt, lang)}</dd></div>
      <div><dt>${m.due}</dt><dd>${due ? formatInstant(due, lang) : m.noDue}</dd></div>
      <div><dt>${m.address}</dt><dd>${r.address ?? m.none}</dd></div>
    </dl>
    <h4>${m.description}</h4>
    <p class="text">${r.description ?? ''}</p>
    ${canReveal ? html`<button type="button" class="secondary" part="button" @click=${() => showContact(r)}>${m.showContact}</button>` : nothing}
    <h4>${m.timeline}</h4>
    <ol class="timeline">
      ${r.timeline.map((e) => html`<li><span class="when">${formatInstant(e.at, lang)}</span> ${labels.statuses[e.status]}${e.note ? html`<span class="note">${e.note}</span>` : nothing}</li>`)}
    </ol>
  </article>`;
}
