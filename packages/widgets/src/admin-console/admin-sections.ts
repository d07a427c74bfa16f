import type { PublicStatsData } from '../public-stats/public-stats.component.js';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, type Lang } from '../shared/i18n.js';
import { STAFF_LABELS, nameIn } from '../staff/staff-labels.js';
import type { AdminMessages } from './admin-console.messages.js';
import { unitTree, type AdminData, type AdminDialog, type AdminUnit, type TenantSettings } from './admin-model.js';

/** What the sections call back into the component. */
export interface SectionActions {
  open: (dialog: AdminDialog) => void;
  setUnitActive: (unit: AdminUnit, active: boolean) => void;
  showFocal: (unitId: string) => void;
  closeFocal: (id: string) => void;
  setStaffActive: (id: string, active: boolean) => void;
  saveSettings: (event: SubmitEvent) => void;
  previewBrand: (form: HTMLFormElement) => void;
  filterAudit: (action: string) => void;
  moreAudit: () => void;
  removeDay: (date: string) => void;
  importFeed: (file: File) => void;
}

export interface SectionContext {
  data: AdminData;
  m: AdminMessages;
  lang: Lang;
  busy: boolean;
  act: SectionActions;
  /** The branding being edited (the preview shows it). */
  preview: { name: string; nameEn: string; primaryColor: string; accentColor: string; logoUrl: string | null };
  sampleStats: PublicStatsData;
}

const when = (iso: string | null | undefined, lang: Lang) => (iso ? formatInstant(iso, lang) : '');
const tableWrap = (label: string, table: TemplateResult) => html`<div class="table-wrap" tabindex="0" role="region" aria-label=${label}>${table}</div>`;
const addButton = (label: string, onClick: () => void) => html`<button type="button" part="button" @click=${onClick}>${label}</button>`;

export function renderUnits(c: SectionContext): TemplateResult {
  const { data, m, lang, act } = c;
  const unitName = (id: string) => nameIn(data.units.find((u) => u.id === id), lang);
  return html`<div class="section-head"><h3>${m.sections.units}</h3>${addButton(m.addUnit, () => act.open({ kind: 'unit', sending: false, error: null }))}</div>
    ${data.units.length
      ? html`<ul class="tree" aria-label=${m.sections.units}>
          ${unitTree(data.units).map(
            ({ unit, depth }) => html`<li class=${`unit${unit.active ? '' : ' off'}`} style=${`--depth:${Math.min(depth, 6)}`} data-code=${unit.code}>
              <span class="unit-name"><strong>${nameIn(unit, lang)}</strong> <span class="meta">${unit.code}${unit.kind ? ` · ${m.unitKinds[unit.kind]}` : ""}${unit.active ? '' : ` · ${m.inactive}`}</span></span>
              <span class="row-actions">
                <button type="button" class="secondary" part="button" @click=${() => act.showFocal(unit.id)}>${m.focalPoints}<span class="visually-hidden">: ${nameIn(unit, lang)}</span></button>
                <button type="button" class="secondary" part="button" @click=${() => act.setUnitActive(unit, !unit.active)}>
                  ${unit.active ? m.deactivate : m.activate}<span class="visually-hidden">: ${nameIn(unit, lang)}</span>
                </button>
              </span>
            </li>`,
          )}
        </ul>`
      : html`<p class="notice">${m.unitsEmpty}</p>`}
    ${data.focal ? renderFocal(c, unitName(data.focal.unitId)) : nothing}`;
}

function renderFocal(c: SectionContext, unit: string): TemplateResult {
  const { data, m, lang, act } = c;
  const focal = data.focal!;
  return html`<section class="focal" aria-labelledby="focal-heading">
    <div class="section-head">
      <h3 id="focal-heading">${m.focalFor(unit)}</h3>
      ${addButton(m.setFocal, () => act.open({ kind: 'focal', unitId: focal.unitId, sending: false, error: null }))}
    </div>
    ${focal.points.length
      ? html`<ul class="cards">
          ${focal.points.map(
            (p) => html`<li class=${`card-item${p.validTo ? ' past' : ''}`}>
              <p><strong>${p.fullName}</strong>${p.title ? `, ${p.title}` : ''} — ${m.focalRoles[p.role]}</p>
              <p class="meta">${[p.phone, p.email].filter(Boolean).join(' · ') || m.none}</p>
              <p class="meta">${m.since} ${when(p.validFrom, lang)} ${m.until} ${p.validTo ? when(p.validTo, lang) : m.current}</p>
              ${p.validTo ? nothing : html`<button type="button" class="secondary" part="button" @click=${() => act.closeFocal(p.id)}>${m.endTerm}<span class="visually-hidden">: ${p.fullName}</span></button>`}
            </li>`,
          )}
        </ul>`
      : html`<p class="notice">${m.focalEmpty}</p>`}
  </section>`;
}

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

export function renderSettings(c: SectionContext, settings: TenantSettings | null): TemplateResult {
  const { m, act, busy } = c;
  if (!settings) return html`<p class="notice">${m.loading}</p>`;
  const b = settings.branding;
  const colour = (id: string, name: string, label: string, value: string) => html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} value=${value} pattern="#[0-9a-fA-F]{6}" autocomplete="off" aria-describedby="colour-hint" @input=${(e: Event) => act.previewBrand((e.target as HTMLInputElement).form!)} />
  </div>`;
  return html`<div class="settings">
    <form class="settings-form" @submit=${act.saveSettings} novalidate>
      <h3>${m.settings}</h3>
      <div class="field">
        <label for="s-origins">${m.allowedOrigins}</label>
        <textarea id="s-origins" name="allowedOrigins" aria-describedby="s-origins-hint">${settings.allowedOrigins.join('\n')}</textarea>
        <p class="hint" id="s-origins-hint">${m.originsHint}</p>
      </div>
      <div class="field">
        <label for="s-prefix">${m.trackingPrefix}</label>
        <input id="s-prefix" name="trackingPrefix" value=${settings.trackingPrefix ?? ''} autocomplete="off" aria-describedby="s-prefix-hint" />
        <p class="hint" id="s-prefix-hint">${m.trackingPrefixHint}</p>
      </div>
      <fieldset class="choices">
        <legend>${m.branding}</legend>
        <div class="field"><label for="s-name-vi">${m.brandNameVi}</label><input id="s-name-vi" name="nameVi" value=${b.nameVi ?? ''} autocomplete="off" @input=${(e: Event) => act.previewBrand((e.target as HTMLInputElement).form!)} /></div>
        <div class="field"><label for="s-name-en">${m.brandNameEn}</label><input id="s-name-en" name="nameEn" value=${b.nameEn ?? ''} autocomplete="off" @input=${(e: Event) => act.previewBrand((e.target as HTMLInputElement).form!)} /></div>
        ${colour('s-primary', 'primaryColor', m.primaryColor, b.primaryColor)} ${colour('s-accent', 'accentColor', m.accentColor, b.accentColor)}
        <p class="hint" id="colour-hint">${m.colorHint}</p>
        <div class="field"><label for="s-logo">${m.logoUrl}</label><input id="s-logo" name="logoUrl" type="url" value=${b.logoUrl ?? ''} autocomplete="off" @change=${(e: Event) => act.previewBrand((e.target as HTMLInputElement).form!)} /></div>
      </fieldset>
      <button type="submit" part="button" ?disabled=${busy}>${busy ? m.sending : m.saveSettings}</button>
    </form>
    <section class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">${m.preview}</h3>
      <p class="hint">${m.previewHint}</p>
      <paht-public-stats lang=${c.lang} from="2026-01-01" to="2026-01-31" group-by="UNIT" .brand=${{ ...c.preview }} .state=${{ kind: 'ready', data: c.sampleStats }} .feed=${{ kind: 'off' }}></paht-public-stats>
    </section>
  </div>`;
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
