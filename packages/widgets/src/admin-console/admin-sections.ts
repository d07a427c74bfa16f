import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, type Lang } from '../shared/i18n.js';
import { STAFF_LABELS, nameIn } from '../staff/staff-labels.js';
import type { AdminMessages } from './admin-console.messages.js';
import type { AdminData, AdminDialog, AdminUnit } from './admin-model.js';

/** What the sections call back into the component. */
export interface SectionActions {
  open: (dialog: AdminDialog) => void;
  setUnitActive: (unit: AdminUnit, active: boolean) => void;
  showFocal: (unitId: string) => void;
  closeFocal: (id: string) => void;
  setStaffActive: (id: string, active: boolean) => void;
  filterAudit: (action: string) => void;
  moreAudit: () => void;
  removeDay: (date: string) => void;
  importFeed: (file: File) => void;
  archiveForm: (id: string) => void;
}

export interface SectionContext {
  data: AdminData;
  m: AdminMessages;
  lang: Lang;
  busy: boolean;
  act: SectionActions;
}

export const when = (iso: string | null | undefined, lang: Lang) => (iso ? formatInstant(iso, lang) : '');
export const tableWrap = (label: string, table: TemplateResult) => html`<div class="table-wrap" tabindex="0" role="region" aria-label=${label}>${table}</div>`;
export const addButton = (label: string, onClick: () => void) => html`<button type="button" part="button" @click=${onClick}>${label}</button>`;

export function renderCategories(c: SectionContext): TemplateResult {
  const { data, m, lang, act } = c;
  return html`<div class="section-head"><h3>${m.categories}</h3>${addButton(m.addCategory, () => act.open({ kind: 'category', category: null, sending: false, error: null }))}</div>
    ${data.categories.length
      ? tableWrap(
          m.categories,
          html`<table>
            <thead><tr><th scope="col">${m.code}</th><th scope="col">${m.name}</th><th scope="col">${m.policy}</th><th scope="col">${m.defaultUnit}</th><th scope="col">${m.isPublic}</th><th scope="col"><span class="visually-hidden">${m.edit}</span></th></tr></thead>
            <tbody>
              ${data.categories.map(
                (cat) => html`<tr data-code=${cat.code} class=${cat.active ? '' : 'off'}>
                  <td>${cat.code}</td>
                  <th scope="row">${nameIn(cat, lang)}${cat.active ? '' : html` <span class="meta">(${m.inactive})</span>`}</th>
                  <td>${cat.slaPolicy.name} <span class="meta">(${cat.slaPolicy.code})</span></td>
                  <td>${nameIn(data.units.find((u) => u.id === cat.defaultUnitId), lang) || m.none}</td>
                  <td>${cat.isPublic ? m.yes : m.no}</td>
                  <td><button type="button" class="secondary" part="button" @click=${() => act.open({ kind: 'category', category: cat, sending: false, error: null })}>${m.edit}<span class="visually-hidden">: ${nameIn(cat, lang)}</span></button></td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )
      : html`<p class="notice">${m.categoriesEmpty}</p>`}
    <div class="section-head"><h3>${m.policies}</h3>${addButton(m.addPolicy, () => act.open({ kind: 'policy', policy: null, sending: false, error: null }))}</div>
    ${data.policies.length
      ? tableWrap(
          m.policies,
          html`<table>
            <thead><tr><th scope="col">${m.code}</th><th scope="col">${m.name}</th><th scope="col">${m.clock}</th><th scope="col">${m.classifyMinutes}</th><th scope="col">${m.acceptMinutes}</th><th scope="col">${m.resolveMinutes}</th><th scope="col"><span class="visually-hidden">${m.edit}</span></th></tr></thead>
            <tbody>
              ${data.policies.map(
                (p) => html`<tr data-code=${p.code}>
                  <td>${p.code}</td><th scope="row">${p.name}</th><td>${m.clocks[p.clock]}</td>
                  <td>${p.classifyMinutes}</td><td>${p.acceptMinutes}</td><td>${p.resolveMinutes}</td>
                  <td><button type="button" class="secondary" part="button" @click=${() => act.open({ kind: 'policy', policy: p, sending: false, error: null })}>${m.edit}<span class="visually-hidden">: ${p.name}</span></button></td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )
      : html`<p class="notice">${m.policiesEmpty}</p>`}`;
}

export function renderStaff(c: SectionContext): TemplateResult {
  const { data, m, lang, act } = c;
  const roles = STAFF_LABELS[lang].roles;
  return html`<div class="section-head"><h3>${m.staff}</h3>${addButton(m.addStaff, () => act.open({ kind: 'staff', sending: false, error: null }))}</div>
    ${data.staff.length
      ? tableWrap(
          m.staff,
          html`<table>
            <thead><tr><th scope="col">${m.fullName}</th><th scope="col">${m.email}</th><th scope="col">${m.role}</th><th scope="col">${m.unit}</th><th scope="col"><span class="visually-hidden">${m.deactivate}</span></th></tr></thead>
            <tbody>
              ${data.staff.map(
                (s) => html`<tr class=${s.active ? '' : 'off'}>
                  <th scope="row">${s.fullName}${s.active ? '' : html` <span class="meta">(${m.inactive})</span>`}</th>
                  <td>${s.email}</td><td>${roles[s.role]}</td>
                  <td>${s.unitId ? nameIn(data.units.find((u) => u.id === s.unitId), lang) : m.none}</td>
                  <td><button type="button" class="secondary" part="button" @click=${() => act.setStaffActive(s.id, !s.active)}>${s.active ? m.deactivate : m.activate}<span class="visually-hidden">: ${s.email}</span></button></td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )
      : html`<p class="notice">${m.staffEmpty}</p>`}`;
}

export function renderKeys(c: SectionContext): TemplateResult {
  const { data, m, lang, act } = c;
  return html`<div class="section-head"><h3>${m.keys}</h3>${addButton(m.addKey, () => act.open({ kind: 'key', sending: false, error: null, created: null }))}</div>
    ${data.keys.length
      ? tableWrap(
          m.keys,
          html`<table>
            <thead><tr><th scope="col">${m.name}</th><th scope="col">${m.kind}</th><th scope="col">${m.prefix}</th><th scope="col">${m.origins}</th><th scope="col">${m.created}</th><th scope="col"><span class="visually-hidden">${m.revoke}</span></th></tr></thead>
            <tbody>
              ${data.keys.map(
                (k) => html`<tr class=${k.revokedAt ? 'off' : ''} data-key=${k.id}>
                  <th scope="row">${k.name}${k.revokedAt ? html` <span class="meta">(${m.revoked} ${when(k.revokedAt, lang)})</span>` : nothing}</th>
                  <td>${m.keyKinds[k.kind]}</td><td><code>${k.prefix}…</code></td>
                  <td>${k.allowedOrigins.length ? k.allowedOrigins.join(', ') : m.none}</td>
                  <td>${when(k.createdAt, lang)}</td>
                  <td>${k.revokedAt ? nothing : html`<button type="button" class="secondary" part="button" @click=${() => act.open({ kind: 'revoke', id: k.id, name: k.name, sending: false, error: null })}>${m.revoke}<span class="visually-hidden">: ${k.name}</span></button>`}</td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )
      : html`<p class="notice">${m.keysEmpty}</p>`}`;
}

export function renderAudit(c: SectionContext): TemplateResult {
  const { data, m, lang, act, busy } = c;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    act.filterAudit(((e.target as HTMLFormElement).elements.namedItem('action') as HTMLInputElement).value.trim());
  };
  return html`<h3>${m.audit}</h3>
    <form class="inline-form" @submit=${onSubmit} novalidate>
      <div class="field"><label for="a-action">${m.auditAction}</label><input id="a-action" name="action" value=${data.audit.action} autocomplete="off" aria-describedby="a-action-hint" /></div>
      <p class="hint" id="a-action-hint">${m.auditActionHint}</p>
      <button type="submit" class="secondary" part="button">${m.filter}</button>
    </form>
    ${data.audit.entries.length
      ? html`<ul class="cards audit">
          ${data.audit.entries.map(
            (e) => html`<li class="card-item" data-action=${e.action}>
              <p><strong>${e.action}</strong> — ${when(e.at, lang)}</p>
              <p class="meta">${m.actor}: ${e.actorRole}${e.actorId ? ` (${e.actorId.slice(0, 8)})` : ''} · ${m.subject}: ${e.subjectType} ${e.subjectId.slice(0, 36)}</p>
              <details><summary>${m.details}</summary><pre>${e.data}</pre></details>
            </li>`,
          )}
        </ul>`
      : html`<p class="notice">${m.auditEmpty}</p>`}
    ${data.audit.hasNextPage ? html`<button type="button" class="secondary" part="button" ?disabled=${busy} @click=${act.moreAudit}>${m.more}</button>` : nothing}`;
}

export function renderCalendar(c: SectionContext): TemplateResult {
  const { data, m, act } = c;
  return html`<div class="section-head"><h3>${m.calendar}</h3>${addButton(m.addDay, () => act.open({ kind: 'calendar', sending: false, error: null }))}</div>
    <p class="hint">${m.calendarHint}</p>
    <div class="field">
      <label for="c-feed">${m.importFeed}</label>
      <input id="c-feed" type="file" accept=".ics,text/calendar" aria-describedby="c-feed-hint"
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (file) act.importFeed(file);
          input.value = '';
        }} />
      <p class="hint" id="c-feed-hint">${m.importHint}</p>
    </div>
    ${data.calendar.length
      ? html`<ul class="cards">
          ${[...data.calendar]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map(
              (d) => html`<li class="card-item day">
                <p><strong>${d.date}</strong> — ${m.dayKinds[d.kind]}: ${d.name}</p>
                <button type="button" class="secondary" part="button" @click=${() => act.removeDay(d.date)}>${m.remove}<span class="visually-hidden">: ${d.date}</span></button>
              </li>`,
            )}
        </ul>`
      : html`<p class="notice">${m.calendarEmpty}</p>`}`;
}
