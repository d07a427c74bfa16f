import { html, nothing, type TemplateResult } from 'lit';
import { nameIn } from '../staff/staff-labels.js';
import { addButton, tableWrap, type SectionContext } from './admin-sections.js';

// The indicators and report forms section (docs/indicators.md): the
// tenant's indicators with their unit of measure, period, aggregation,
// target and its direction, owner unit, public flag and formula, and its
// report forms with their indicators, period, deadline and the units that
// submit them. Defining and editing go through the dialogs of
// admin-indicator-dialogs.ts.

export function renderIndicators(c: SectionContext): TemplateResult {
  const { data, m, lang, act, busy } = c;
  const w = m.ind;
  const unitName = (id: string | null) => (id ? nameIn(data.units.find((u) => u.id === id), lang) || id : m.none);
  const indicatorCode = (id: string | null) => (id ? (data.indicators.find((i) => i.id === id)?.code ?? id) : '');
  const localName = (x: { name: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.name);
  const targetsShown = (i: (typeof data.indicators)[number]) => {
    const lines = [
      ...(i.target === null ? [] : [w.tenantTargetShown(w.targetShown(i.target, i.higherIsBetter))]),
      ...(i.unitTarget === null ? [] : [w.unitTargetShown(w.targetShown(i.unitTarget, i.higherIsBetter))]),
      ...(i.unitTargets.length ? [w.otherTargetsShown(i.unitTargets.length)] : []),
    ];
    return lines.length ? lines.map((l, n) => html`${n ? html`<br />` : nothing}${l}`) : w.noTarget;
  };
  return html`<div class="section-head"><h3>${w.indicators}</h3>${addButton(w.addIndicator, () => act.open({ kind: 'indicator', indicator: null, sending: false, error: null }))}</div>
    ${data.indicators.length
      ? tableWrap(
          w.indicators,
          html`<table class="indicators">
            <thead>
              <tr>
                <th scope="col">${m.code}</th><th scope="col">${m.name}</th><th scope="col">${w.unitOfMeasure}</th><th scope="col">${w.periodicity}</th>
                <th scope="col">${w.aggregation}</th><th scope="col">${w.target}</th><th scope="col">${w.owner}</th><th scope="col">${w.isPublic}</th>
                <th scope="col">${w.formula}</th><th scope="col"><span class="visually-hidden">${m.edit}</span></th>
              </tr>
            </thead>
            <tbody>
              ${data.indicators.map(
                (i) => html`<tr data-code=${i.code}>
                  <td>${i.code}</td>
                  <th scope="row">${localName(i)}</th>
                  <td>${i.unitOfMeasure}</td>
                  <td>${w.periodicities[i.periodicity]}</td>
                  <td>${w.aggregations[i.aggregation]}${i.weightIndicatorId ? html` <span class="meta">(${indicatorCode(i.weightIndicatorId)})</span>` : nothing}</td>
                  <td>${targetsShown(i)}</td>
                  <td>${unitName(i.ownerUnitId)}</td>
                  <td>${i.isPublic ? m.yes : m.no}</td>
                  <td>${i.formula ? html`<code>${i.formula}</code>` : w.submittedByUnits}</td>
                  <td><button type="button" class="secondary" part="button" @click=${() => act.open({ kind: 'indicator', indicator: i, sending: false, error: null })}>${m.edit}<span class="visually-hidden">: ${i.code}</span></button></td>
                </tr>`,
              )}
            </tbody>
          </table>`,
        )
      : html`<p class="notice">${w.indicatorsEmpty}</p>`}
    <div class="section-head"><h3>${w.forms}</h3>${addButton(w.addForm, () => act.open({ kind: 'indicator-form', form: null, sending: false, error: null }))}</div>
    ${data.forms.length
      ? tableWrap(
          w.forms,
          html`<table class="forms">
            <thead>
              <tr>
                <th scope="col">${m.code}</th><th scope="col">${m.name}</th><th scope="col">${w.periodicity}</th><th scope="col">${w.dueDays}</th>
                <th scope="col">${w.reporters}</th><th scope="col">${w.items}</th><th scope="col">${w.state}</th><th scope="col"><span class="visually-hidden">${m.edit}</span></th>
              </tr>
            </thead>
            <tbody>
              ${data.forms.map((f) => {
                const archived = f.status === 'ARCHIVED';
                const reporters = [...f.unitKinds.map((k) => m.unitKinds[k]), ...f.unitIds.map(unitName)].join(', ');
                return html`<tr data-code=${f.code} class=${archived ? 'off' : ''}>
                  <td>${f.code}</td>
                  <th scope="row">${localName(f)}</th>
                  <td>${w.periodicities[f.periodicity]}</td>
                  <td>${w.dueShown(f.deadlineDays)}</td>
                  <td>${reporters || m.none}</td>
                  <td>${f.items.map((it, n) => html`${n ? ', ' : ''}<abbr title=${localName(it)}>${it.code}</abbr>${it.required ? '' : ` (${w.optional})`}`)}</td>
                  <td>${w.status[f.status]}, ${w.version(f.version)}</td>
                  <td>
                    ${archived
                      ? nothing
                      : html`<button type="button" class="secondary" part="button" @click=${() => act.open({ kind: 'indicator-form', form: f, sending: false, error: null })}>${m.edit}<span class="visually-hidden">: ${f.code}</span></button>
                          <button type="button" class="secondary" part="button" ?disabled=${busy} @click=${() => act.archiveForm(f.id)}>${w.archive}<span class="visually-hidden">: ${f.code}</span></button>`}
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>`,
        )
      : html`<p class="notice">${w.formsEmpty}</p>`}`;
}
