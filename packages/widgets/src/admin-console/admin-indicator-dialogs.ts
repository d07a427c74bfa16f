import { IndicatorAggregation, IndicatorPeriodicity } from '@paht/client-sdk/public';
import { html, nothing, type TemplateResult } from 'lit';
import { errorLine, field, problemsAt, problemsElsewhere, type FieldProblem, type FieldSpec as Spec } from '../staff/field-problems.js';
import { actions, unitOptions, UNIT_KINDS, type DialogContext } from './admin-dialog-parts.js';
import type { AdminDialog } from './admin-model.js';
import { targetsFieldset } from './admin-indicator-targets.js';

// The dialogs that define and edit an indicator and a report form
// (docs/indicators.md). The API's refusals show at their fields (a formula
// naming its own indicator, an unknown code, a bad code; an indicator of
// another period in a form), in the API's words: Vietnamese, then English.

export type IndicatorDialog = Extract<AdminDialog, { kind: 'indicator' | 'indicator-form' }>;

const text = (problems: readonly FieldProblem[], spec: Spec, name: string, value: string, required = true) =>
  field(problems, spec, (a) => html`<input id=${spec.id} name=${name} .value=${value} autocomplete="off" ?required=${required} aria-describedby=${a.describedby} aria-invalid=${a.invalid} />`);

/** The refusal line: a summary when every problem shows at its field, else the whole refusal. */
function refusal(dialog: IndicatorDialog, c: DialogContext, shown: readonly string[]) {
  const problems = dialog.problems ?? [];
  return errorLine(problems.length && !problemsElsewhere(problems, shown).length ? c.m.ind.fieldsRefused(problems.length) : dialog.error);
}

/** The dialog's body (the `<dialog>` itself is the component's). */
export function renderIndicatorDialog(dialog: IndicatorDialog, c: DialogContext): TemplateResult {
  return dialog.kind === 'indicator' ? indicatorDialog(dialog, c) : formDialog(dialog, c);
}

function indicatorDialog(dialog: Extract<IndicatorDialog, { kind: 'indicator' }>, c: DialogContext): TemplateResult {
  const { m } = c;
  const w = m.ind;
  const i = dialog.indicator;
  const problems = dialog.problems ?? [];
  const others = c.indicators.filter((x) => x.id !== i?.id);
  const code: Spec = { id: 'd-code', path: 'code', label: m.code, hint: w.codeHint };
  const weight: Spec = { id: 'd-weight', path: 'weightIndicatorId', label: w.weight, hint: w.weightHint };
  const owner: Spec = { id: 'd-owner', path: 'ownerUnitId', label: w.owner, hint: w.ownerHint };
  const formula: Spec = { id: 'd-formula', path: 'formula', label: w.formula, hint: w.formulaHint(others.map((x) => x.code).join(', ')) };
  const higher = i?.higherIsBetter ?? true;
  return html`<form @submit=${c.onSubmit} novalidate>
    <h2 id="dialog-title">${i ? w.editIndicator(i.code) : w.addIndicator}</h2>
    ${field(problems, code, (a) => html`<input id="d-code" name="code" .value=${i?.code ?? ''} ?readonly=${!!i} required autocomplete="off" spellcheck="false"
      aria-describedby=${a.describedby} aria-invalid=${a.invalid} />`)}
    ${text(problems, { id: 'd-name', path: 'name', label: m.name }, 'name', i?.name ?? '')}
    ${text(problems, { id: 'd-name-en', path: 'nameEn', label: m.nameEn }, 'nameEn', i?.nameEn ?? '')}
    ${text(problems, { id: 'd-uom', path: 'unitOfMeasure', label: w.unitOfMeasure, hint: w.unitOfMeasureHint }, 'unitOfMeasure', i?.unitOfMeasure ?? '')}
    ${field(problems, { id: 'd-periodicity', path: 'periodicity', label: w.periodicity }, (a) => html`<select id="d-periodicity" name="periodicity" aria-invalid=${a.invalid} aria-describedby=${a.describedby}>
      ${Object.values(IndicatorPeriodicity).map((p) => html`<option value=${p} ?selected=${p === (i?.periodicity ?? 'MONTH')}>${w.periodicities[p]}</option>`)}
    </select>`)}
    ${field(problems, { id: 'd-aggregation', path: 'aggregation', label: w.aggregation }, (a) => html`<select id="d-aggregation" name="aggregation" aria-invalid=${a.invalid} aria-describedby=${a.describedby}>
      ${Object.values(IndicatorAggregation).map((g) => html`<option value=${g} ?selected=${g === (i?.aggregation ?? 'SUM')}>${w.aggregations[g]}</option>`)}
    </select>`)}
    ${field(problems, weight, (a) => html`<select id="d-weight" name="weightIndicatorId" aria-invalid=${a.invalid} aria-describedby=${a.describedby}>
      <option value="">${m.none}</option>
      ${others.map((x) => html`<option value=${x.id} ?selected=${x.id === i?.weightIndicatorId}>${x.code} — ${c.lang === 'en' ? x.nameEn : x.name}</option>`)}
    </select>`)}
    ${targetsFieldset(i, problems, c)}
    <fieldset class="choices">
      <legend>${w.direction}</legend>
      <label class="choice"><input type="radio" name="higherIsBetter" value="true" ?checked=${higher} />${w.higherIsBetter}</label>
      <label class="choice"><input type="radio" name="higherIsBetter" value="false" ?checked=${!higher} />${w.lowerIsBetter}</label>
    </fieldset>
    ${field(problems, owner, (a) => html`<select id="d-owner" name="ownerUnitId" aria-invalid=${a.invalid} aria-describedby=${a.describedby}>${unitOptions(c, i?.ownerUnitId ?? null, m.none)}</select>`)}
    <label class="choice"><input type="checkbox" name="isPublic" ?checked=${i?.isPublic ?? false} aria-describedby="d-public-hint" />${w.isPublic}</label>
    <p class="hint" id="d-public-hint">${w.publicHint}</p>
    ${field(problems, formula, (a) => html`<textarea id="d-formula" name="formula" autocomplete="off" spellcheck="false" aria-describedby=${a.describedby} aria-invalid=${a.invalid}
      .value=${i?.formula ?? ''}></textarea>`)}
    ${refusal(dialog, c, ['code', 'name', 'nameEn', 'unitOfMeasure', 'periodicity', 'aggregation', 'weightIndicatorId', 'target', 'unitTarget', 'unitTargets', 'ownerUnitId', 'formula'])}
    ${actions(c, dialog.sending, m.save)}
  </form>`;
}

function formDialog(dialog: Extract<IndicatorDialog, { kind: 'indicator-form' }>, c: DialogContext): TemplateResult {
  const { m } = c;
  const w = m.ind;
  const f = dialog.form;
  const problems = dialog.problems ?? [];
  const submitted = c.indicators.filter((i) => i.formula === null);
  const chosen = new Set(f?.items.map((it) => it.indicatorId) ?? []);
  const kinds = new Set<string>(f?.unitKinds ?? []);
  const due: Spec = { id: 'd-due', path: 'deadlineDays', label: w.dueDays, hint: w.dueDaysHint };
  const units: Spec = { id: 'd-units', path: 'unitIds', label: w.reporterUnits, hint: w.reporterUnitsHint };
  const kindProblems = problemsAt(problems, 'unitKinds');
  const itemProblems = problemsAt(problems, 'items').filter((p) => !submitted.some((i) => p.path === `items.${i.id}`));
  return html`<form @submit=${c.onSubmit} novalidate>
    <h2 id="dialog-title">${f ? w.editForm(f.code) : w.addForm}</h2>
    ${field(problems, { id: 'd-code', path: 'code', label: m.code, hint: w.codeHint }, (a) => html`<input id="d-code" name="code" .value=${f?.code ?? ''} ?readonly=${!!f} required autocomplete="off"
      spellcheck="false" aria-describedby=${a.describedby} aria-invalid=${a.invalid} />`)}
    ${text(problems, { id: 'd-name', path: 'name', label: m.name }, 'name', f?.name ?? '')}
    ${text(problems, { id: 'd-name-en', path: 'nameEn', label: m.nameEn }, 'nameEn', f?.nameEn ?? '')}
    ${field(problems, { id: 'd-periodicity', path: 'periodicity', label: w.periodicity }, (a) => html`<select id="d-periodicity" name="periodicity" aria-invalid=${a.invalid} aria-describedby=${a.describedby}>
      ${Object.values(IndicatorPeriodicity).map((p) => html`<option value=${p} ?selected=${p === (f?.periodicity ?? 'MONTH')}>${w.periodicities[p]}</option>`)}
    </select>`)}
    ${field(problems, due, (a) => html`<input id="d-due" name="deadlineDays" type="number" min="0" max="366" step="1" required .value=${String(f?.deadlineDays ?? 5)} autocomplete="off"
      aria-describedby=${a.describedby} aria-invalid=${a.invalid} />`)}
    <fieldset class="choices" aria-describedby=${kindProblems.length ? 'd-kinds-error' : nothing}>
      <legend>${w.reporters}: ${w.reporterKinds}</legend>
      ${UNIT_KINDS.map((k) => html`<label class="choice"><input type="checkbox" name="unitKinds" value=${k} ?checked=${kinds.has(k)} />${m.unitKinds[k]}</label>`)}
      ${kindProblems.length ? html`<p class="field-error" id="d-kinds-error">${kindProblems.map((p) => p.message).join(' ')}</p>` : nothing}
    </fieldset>
    ${field(problems, units, (a) => html`<select id="d-units" name="unitIds" multiple size="6" aria-invalid=${a.invalid} aria-describedby=${a.describedby}>
      ${c.units.filter((u) => u.active || f?.unitIds.includes(u.id)).map((u) => html`<option value=${u.id} ?selected=${f?.unitIds.includes(u.id) ?? false}>${c.lang === 'en' && u.nameEn ? u.nameEn : u.name} (${u.code})</option>`)}
    </select>`)}
    <fieldset class="choices form-items" aria-describedby=${itemProblems.length ? 'd-items-hint d-items-error' : 'd-items-hint'}>
      <legend>${w.items}</legend>
      <p class="hint" id="d-items-hint">${submitted.length ? w.itemsHint : w.itemsNone}</p>
      ${submitted.map((i) => {
        const own = problemsAt(problems, `items.${i.id}`);
        const id = `d-item-${i.code}`;
        return html`<label class="choice"><input type="checkbox" name="items" value=${i.id} ?checked=${chosen.has(i.id)}
            aria-invalid=${own.length ? 'true' : 'false'} aria-describedby=${own.length ? `${id}-error` : nothing} />${i.code} — ${c.lang === 'en' ? i.nameEn : i.name}
            <span class="meta">(${i.unitOfMeasure}, ${w.periodicities[i.periodicity]})</span></label>
          ${own.length ? html`<p class="field-error" id=${`${id}-error`}>${i.code}: ${own.map((p) => p.message).join(' ')}</p>` : nothing}`;
      })}
      ${itemProblems.length ? html`<p class="field-error" id="d-items-error">${itemProblems.map((p) => p.message).join(' ')}</p>` : nothing}
    </fieldset>
    ${refusal(dialog, c, ['code', 'name', 'nameEn', 'periodicity', 'deadlineDays', 'unitKinds', 'unitIds', 'items'])}
    ${actions(c, dialog.sending, m.save)}
  </form>`;
}
