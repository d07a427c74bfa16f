import { html, nothing, type TemplateResult } from 'lit';
import { nameIn } from '../staff/staff-labels.js';
import { unitTree } from './admin-model.js';
import { addButton, when, type SectionContext } from './admin-sections.js';

/** The units' tree with each unit's actions, and the focal points of the unit opened. */
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
                <button type="button" class="secondary" part="button" @click=${() => act.open({ kind: 'unit-edit', unit, sending: false, error: null })}>${m.edit}<span class="visually-hidden">: ${nameIn(unit, lang)}</span></button>
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
