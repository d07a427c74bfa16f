import type { UnitKind } from '@paht/client-sdk/public';
import { html, nothing, type TemplateResult } from 'lit';
import { numberOf, problemsAt, type FieldProblem } from '../staff/field-problems.js';
import { nameIn } from '../staff/staff-labels.js';
import { UNIT_KINDS, type DialogContext } from './admin-dialog-parts.js';
import type { Indicator } from './admin-model.js';

// An indicator's targets per level in its dialog (docs/indicators.md#targets):
// the tenant-wide target, the default for each unit, one per unit kind and
// a unit's own. Which target applies to a figure is decided in core
// (indicator-targets.ts); the dialog only states the rule in its hint.

const shown = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A labelled number input with its problems. */
function numberField(problems: readonly FieldProblem[], id: string, name: string, label: string, value: number | null | undefined, path: string | null): TemplateResult {
  const own = path ? problemsAt(problems, path) : [];
  return html`<div class="field"><label for=${id}>${label}</label><input id=${id} name=${name} type="number" step="any" .value=${shown(value)} autocomplete="off"
      aria-describedby=${own.length ? `${id}-error` : 'd-targets-hint'} aria-invalid=${own.length ? 'true' : 'false'} />${own.length
      ? html`<p class="field-error" id=${`${id}-error`}>${own.map((p) => p.message).join(' ')}</p>`
      : nothing}</div>`;
}

/** The targets' fieldset: the rule, the tenant-wide and default unit targets, one per kind, and each unit's own (plus an empty row to add one). */
export function targetsFieldset(i: Indicator | null, problems: readonly FieldProblem[], c: DialogContext): TemplateResult {
  const w = c.m.ind;
  const kindTarget = (k: UnitKind) => i?.unitTargets.find((t) => t.unitKind === k)?.target;
  const own = [...(i?.unitTargets.filter((t) => t.unitId !== null) ?? []), { unitId: '', target: null as number | null }];
  const listProblems = problemsAt(problems, 'unitTargets');
  return html`<fieldset class="choices targets">
    <legend>${w.targetsLegend}</legend>
    <p class="hint" id="d-targets-hint">${w.targetHint}</p>
    ${numberField(problems, 'd-target', 'target', w.tenantTarget, i?.target, 'target')}
    ${numberField(problems, 'd-unit-target', 'unitTarget', w.unitTarget, i?.unitTarget, 'unitTarget')}
    ${UNIT_KINDS.map((k) => numberField(problems, `d-kind-target-${k}`, `kindTarget-${k}`, w.kindTarget(c.m.unitKinds[k]), kindTarget(k), null))}
    <p class="hint" id="d-own-targets-hint">${w.ownTargets}: ${w.ownTargetsHint}</p>
    ${own.map(
      (t, n) => html`<div class="field own-target">
        <label for=${`d-own-unit-${n}`}>${w.ownTargetUnit(n + 1)}</label>
        <select id=${`d-own-unit-${n}`} name="ownTargetUnit" aria-describedby="d-own-targets-hint">
          <option value="">${c.m.none}</option>
          ${c.units.filter((u) => u.active || u.id === t.unitId).map((u) => html`<option value=${u.id} ?selected=${u.id === t.unitId}>${nameIn(u, c.lang)} (${u.code})</option>`)}
        </select>
        <label for=${`d-own-target-${n}`} class="visually-hidden">${w.ownTargetValue(n + 1)}</label>
        <input id=${`d-own-target-${n}`} name="ownTargetValue" type="number" step="any" .value=${shown(t.target)} autocomplete="off" aria-describedby="d-own-targets-hint" />
      </div>`,
    )}
    ${listProblems.length ? html`<p class="field-error" role="alert">${listProblems.map((p) => p.message).join(' ')}</p>` : nothing}
  </fieldset>`;
}

/** The targets as the API takes them: kinds first, then units, in the order shown (the API's `unitTargets.<i>` counts in this order). */
export function readTargets(form: HTMLFormElement) {
  const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
  const kinds = UNIT_KINDS.flatMap((unitKind) => {
    const target = numberOf(value(`kindTarget-${unitKind}`));
    return target === null ? [] : [{ unitKind, target }];
  });
  const unitIds = [...form.querySelectorAll<HTMLSelectElement>('select[name="ownTargetUnit"]')].map((s) => s.value);
  const values = [...form.querySelectorAll<HTMLInputElement>('input[name="ownTargetValue"]')].map((el) => numberOf(el.value));
  const units = unitIds.flatMap((unitId, n) => {
    const target = values[n] ?? null;
    return unitId && target !== null ? [{ unitId, target }] : [];
  });
  return { target: numberOf(value('target')), unitTarget: numberOf(value('unitTarget')), unitTargets: [...kinds, ...units] };
}
