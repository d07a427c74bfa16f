import { type IndicatorAggregation, type IndicatorPeriodicity, type UnitKind } from '@paht/client-sdk/public';
import { defineIndicator, defineIndicatorForm, updateIndicator, updateIndicatorForm, type PahtClient } from '@paht/client-sdk/staff';
import { numberOf } from '../staff/field-problems.js';
import type { IndicatorDialog } from './admin-indicator-dialogs.js';
import type { DialogChange } from './admin-submit.js';
import { readTargets } from './admin-indicator-targets.js';

/**
 * A refused form names its items by position (`items.2.indicatorId`);
 * the dialog shows them at the indicator's checkbox, so the position
 * becomes the indicator's id (`items.<id>`).
 */
function itemsByIndicator<R extends { __typename: string }>(result: R, chosen: readonly string[]): R {
  if (result.__typename !== 'ValidationError' || !('fields' in result)) return result;
  const fields = (result.fields as Array<{ path: string; message: string }>).map((f) => {
    const at = /^items\.(\d+)(?:\.|$)/.exec(f.path);
    const id = at ? chosen[Number(at[1])] : undefined;
    return id ? { ...f, path: `items.${id}` } : f;
  });
  return { ...result, fields };
}

/** The indicator or report form dialog, read as the API's change. */
export function indicatorChange(dialog: IndicatorDialog, form: HTMLFormElement, client: PahtClient): DialogChange {
  const value = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null)?.value ?? '').trim();
  const all = (selector: string) => [...form.querySelectorAll<HTMLInputElement | HTMLOptionElement>(selector)].map((el) => el.value);
  if (dialog.kind === 'indicator') {
    const definition = {
      name: value('name'),
      nameEn: value('nameEn'),
      unitOfMeasure: value('unitOfMeasure'),
      periodicity: value('periodicity') as IndicatorPeriodicity,
      aggregation: value('aggregation') as IndicatorAggregation,
      weightIndicatorId: value('weightIndicatorId') || null,
      ...readTargets(form),
      higherIsBetter: value('higherIsBetter') !== 'false',
      ownerUnitId: value('ownerUnitId') || null,
      isPublic: (form.elements.namedItem('isPublic') as HTMLInputElement).checked,
      formula: value('formula') || null,
    };
    const current = dialog.indicator;
    return current
      ? { kind: 'indicator.update', run: () => updateIndicator(client, { id: current.id, input: definition }), success: 'Indicator' }
      : { kind: 'indicator.define', run: () => defineIndicator(client, { input: { code: value('code'), ...definition } }), success: 'Indicator' };
  }
  const current = dialog.form;
  const chosen = all('input[name="items"]:checked');
  // An indicator kept in the form keeps its settings (required, limits); a new one is required.
  const items = chosen.map((indicatorId) => {
    const kept = current?.items.find((it) => it.indicatorId === indicatorId);
    return kept ? { indicatorId, required: kept.required, minValue: kept.minValue, maxValue: kept.maxValue } : { indicatorId };
  });
  const definition = {
    name: value('name'),
    nameEn: value('nameEn'),
    periodicity: value('periodicity') as IndicatorPeriodicity,
    deadlineDays: numberOf(value('deadlineDays')) ?? 0,
    unitKinds: all('input[name="unitKinds"]:checked') as UnitKind[],
    unitIds: all('select[name="unitIds"] option:checked'),
    items,
  };
  return current
    ? { kind: 'indicator-form.update', run: async () => itemsByIndicator(await updateIndicatorForm(client, { id: current.id, input: definition }), chosen), success: 'IndicatorForm' }
    : { kind: 'indicator-form.define', run: async () => itemsByIndicator(await defineIndicatorForm(client, { input: { code: value('code'), ...definition } }), chosen), success: 'IndicatorForm' };
}
