import { html, nothing } from 'lit';
import type { Lang } from '../shared/i18n.js';
import type { LatLng } from './location-map.js';
import type { ReportFormMessages } from './report-form.messages.js';
import type { CategoriesState, FieldErrors, FieldName, ReportFormValues } from './report-form.values.js';

/** The form's fields, rendered from its state; every change goes back through the callbacks. */

/** The topic picker, with its loading and failure hints. */
export function renderCategory(
  m: ReportFormMessages,
  language: Lang,
  categories: CategoriesState,
  chosen: string,
  error: string | undefined,
  on: { choose: (categoryId: string) => void; retry: () => void },
) {
  const c = categories;
  return html`<div class="field">
    <label for="category">${m.category}</label>
    <select id="category" data-field="category" ?disabled=${c.kind !== 'ready'} aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? 'category-error' : 'category-hint'}
      @change=${(e: Event) => on.choose((e.target as HTMLSelectElement).value)}>
      <option value="">${m.categoryChoose}</option>
      ${c.kind === 'ready'
        ? c.list.map((cat) => html`<option value=${cat.id} ?selected=${cat.id === chosen}>${(language === 'en' && cat.nameEn) || cat.name}</option>`)
        : nothing}
    </select>
    ${error ? html`<p class="error" id="category-error">${error}</p>` : nothing}
    <p class="hint" id="category-hint" aria-live="polite">
      ${c.kind === 'loading' ? m.categoriesLoading : c.kind === 'failed' ? html`${m.categoriesFailed}
            <button part="button" type="button" class="link" @click=${on.retry}>${m.retry}</button>` : ''}
    </p>
  </div>`;
}

export type TextKey = 'title' | 'description' | 'phone' | 'fullName' | 'email';

export interface TextFieldSpec {
  key: TextKey;
  /** The field its errors belong to; `null` for a field never refused (the name). */
  field: FieldName | null;
  label: string;
  hint: string;
  required: boolean;
  multiline?: boolean;
  autocomplete?: string;
}

/** A labelled text input or area with its hint and error. */
export function renderTextField(m: ReportFormMessages, spec: TextFieldSpec, values: ReportFormValues, errors: FieldErrors, onInput: (key: TextKey, value: string) => void) {
  const { key, field, required } = spec;
  const err = field ? errors[field] : undefined;
  const described = `${key}-hint${err ? ` ${key}-error` : ''}`;
  const input = (e: Event) => onInput(key, (e.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${key}>${spec.label} <span class="req">(${required ? m.required : m.optional})</span></label>
    ${spec.multiline
      ? html`<textarea id=${key} data-field=${field ?? key} .value=${values[key]} ?required=${required} maxlength="5000" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described} @input=${input}></textarea>`
      : html`<input id=${key} data-field=${field ?? key} .value=${values[key]} ?required=${required} autocomplete=${spec.autocomplete ?? 'off'}
          type=${key === 'phone' ? 'tel' : key === 'email' ? 'email' : 'text'} inputmode=${key === 'phone' ? 'tel' : key === 'email' ? 'email' : nothing} maxlength="200" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described} @input=${input} />`}
    ${err ? html`<p class="error" id=${`${key}-error`}>${err}</p>` : nothing}
    <p class="hint" id=${`${key}-hint`}>${spec.hint}</p>
  </div>`;
}

export interface LocationState {
  position: LatLng | null;
  ward: string;
  address: string;
  error: string | undefined;
  locating: boolean;
  positionFailed: boolean;
}

/** The location: the map's box, pin buttons, and the ward and address. */
export function renderLocation(
  m: ReportFormMessages,
  s: LocationState,
  on: { pinCentre: () => void; useMyPosition: () => void; clearPin: () => void; ward: (v: string) => void; address: (v: string) => void },
) {
  const p = s.position;
  const err = s.error;
  return html`<fieldset class="location" aria-describedby=${err ? 'location-hint location-error' : 'location-hint'}>
    <legend>${m.location} <span class="req">(${m.required})</span></legend>
    <p class="hint" id="location-hint">${m.locationHint}</p>
    ${err ? html`<p class="error" id="location-error">${err}</p>` : nothing}
    <div class="map" part="map" role="region" aria-label=${m.map} aria-describedby="map-hint" data-field="location" tabindex="0"></div>
    <p class="hint" id="map-hint">${m.mapKeyboardHint}</p>
    <div class="row">
      <button part="button" type="button" class="secondary" @click=${on.pinCentre}>${m.pinHere}</button>
      <button part="button" type="button" class="secondary" ?disabled=${s.locating} @click=${on.useMyPosition}>${s.locating ? m.locating : m.useMyPosition}</button>
      ${p ? html`<button part="button" type="button" class="secondary" @click=${on.clearPin}>${m.clearPin}</button>` : nothing}
    </div>
    <p class="coords" role="status">${p ? m.pinnedAt(p.lat.toFixed(5), p.lng.toFixed(5)) : m.noPin}${s.positionFailed ? html`<br /><span class="error">${m.positionFailed}</span>` : nothing}</p>
    <div class="field">
      <label for="ward">${m.ward}</label>
      <input id="ward" autocomplete="address-level3" .value=${s.ward} @input=${(e: Event) => on.ward((e.target as HTMLInputElement).value)} />
    </div>
    <div class="field">
      <label for="address">${m.address}</label>
      <input id="address" autocomplete="street-address" aria-describedby="address-hint" .value=${s.address}
        @input=${(e: Event) => on.address((e.target as HTMLInputElement).value)} />
      <p class="hint" id="address-hint">${m.addressHint}</p>
    </div>
  </fieldset>`;
}
