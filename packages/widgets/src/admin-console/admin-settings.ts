import type { TenantSettingsInput } from '@paht/client-sdk/public';
import { html, nothing, type TemplateResult } from 'lit';
import type { PublicStatsData } from '../public-stats/public-stats.component.js';
import type { CategoriesState } from '../report-form/report-form.component.js';
import type { Lang } from '../shared/i18n.js';
import type { AdminMessages } from './admin-console.messages.js';
import { linesOf, type TenantSettings } from './admin-model.js';
import { checkSetting, checkSettings, fieldsOf, hasSetting, officeWeekdays, type SettingField, type SettingProblem, type SettingSchema } from './settings-schema.js';

/** The branding shown in the preview (the one being edited). */
export interface BrandPreview {
  name: string;
  nameEn: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
}

/** The citizen widgets the branding preview can show. */
export const PREVIEW_WIDGETS = ['stats', 'form', 'tracker'] as const;
export type PreviewWidget = (typeof PREVIEW_WIDGETS)[number];

/** The object settings the form shows field by field, from the schema, in this order. */
const SCHEMA_SECTIONS = ['notifications', 'deadlines', 'workflow', 'monthlyReport', 'oidc'] as const;

/** Settings the API reads and answers under another name than the schema's path (its input is flat). */
const API_NAMES: Readonly<Partial<Record<string, 'monthlyReportRecipients'>>> = { 'monthlyReport.recipients': 'monthlyReportRecipients' };

export interface SettingsContext {
  m: AdminMessages;
  lang: Lang;
  busy: boolean;
  settings: TenantSettings;
  schema: SettingSchema | null;
  problems: readonly SettingProblem[];
  preview: BrandPreview;
  previewWidget: PreviewWidget;
  save: (event: SubmitEvent) => void;
  previewBrand: (form: HTMLFormElement) => void;
  showPreview: (widget: PreviewWidget) => void;
}

/** Sample categories of the form's preview (not the tenant's). */
const SAMPLE_CATEGORIES: CategoriesState = {
  kind: 'ready',
  list: [
    { id: 'sample-1', code: 'GIAO-THONG', name: 'Giao thông', nameEn: 'Traffic' },
    { id: 'sample-2', code: 'MOI-TRUONG', name: 'Môi trường', nameEn: 'Environment' },
  ] as Extract<CategoriesState, { kind: 'ready' }>['list'],
};

/** Sample figures of the statistics preview (not the tenant's). */
const SAMPLE_STATS: PublicStatsData = {
  total: { key: 't', label: null, labelEn: null, area: null, received: 120, resolved: 100, onTime: 90, overdue: 10, inProgress: 15, rejected: 5, avgResolutionHours: 30, ratings: 40, avgRating: 4.3, satisfiedShare: 0.88 },
  rows: [],
  units: [],
};

/** The branding as saved (names default to `fallbackName`). */
export function savedBrand(settings: TenantSettings | null, fallbackName: string): BrandPreview {
  const b = settings?.branding;
  return { name: b?.nameVi || fallbackName, nameEn: b?.nameEn || b?.nameVi || fallbackName, primaryColor: b?.primaryColor ?? '', accentColor: b?.accentColor ?? '', logoUrl: b?.logoUrl ?? null };
}

/** The branding being typed, each value shown once the schema accepts it (until then the saved one). */
export function brandPreview(form: HTMLFormElement, saved: BrandPreview, schema: SettingSchema | null): BrandPreview {
  const rules = schema?.properties?.branding?.properties ?? {};
  const none: Parameters<typeof checkSetting>[3] = { range: () => '!', length: () => '!', wholeNumber: '!', choice: () => '!', format: () => '!', required: '!', tooMany: () => '!' };
  const typed = (name: string) => {
    const value = ((form.elements.namedItem(`branding.${name}`) as HTMLInputElement | null)?.value ?? '').trim();
    return value && rules[name] && checkSetting(rules[name], value, name, none).length === 0 ? value : null;
  };
  return {
    name: typed('nameVi') ?? saved.name,
    nameEn: typed('nameEn') ?? saved.nameEn,
    primaryColor: typed('primaryColor') ?? saved.primaryColor,
    accentColor: typed('accentColor') ?? saved.accentColor,
    logoUrl: typed('logoUrl'),
  };
}

const idOf = (path: string) => `s-${path.replace(/\./g, '-')}`;

/** The stored value of a setting at `section.name` (null: not set). */
function storedValue(settings: TenantSettings, path: string): unknown {
  const apiName = API_NAMES[path];
  if (apiName) return settings[apiName] ?? null;
  const [section, name] = path.split('.') as [string, string];
  const group = (settings as unknown as Record<string, Record<string, unknown> | null | undefined>)[section];
  return group?.[name] ?? null;
}

/** Office hours as the form shows them: `07:30-11:30, 13:30-17:00` per weekday. */
const officeText = (settings: TenantSettings, weekday: string): string =>
  settings.officeHours
    .find((d) => String(d.weekday) === weekday)
    ?.periods.map((p) => `${p.start}-${p.end}`)
    .join(', ') ?? '';

/** The problems of one field; in a list (one entry a line) each says its line (`listLine`), e.g. `Dòng 2: …`. */
function problemLine(id: string, problems: readonly SettingProblem[], path: string, listLine?: (n: number) => string) {
  const own = problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
  const at = (p: SettingProblem) => {
    const index = listLine ? /^\.(\d+)$/.exec(p.path.slice(path.length))?.[1] : undefined;
    return index === undefined ? p.message : `${listLine!(Number(index) + 1)}: ${p.message}`;
  };
  return own.length ? html`<p class="field-error" id=${`${id}-error`}>${own.map(at).join(' ')}</p>` : nothing;
}

/** One field of a schema section, its kind from the schema. */
function renderField(c: SettingsContext, field: SettingField): TemplateResult {
  const { m } = c;
  const { path, schema } = field;
  const id = idOf(path);
  const label = m.settingLabels[path] ?? path;
  const value = storedValue(c.settings, path) ?? schema.default ?? null;
  const invalid = c.problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));
  const hint = schema.type === 'integer' ? m.rangeHint(schema.minimum, schema.maximum, typeof schema.default === 'number' ? schema.default : undefined) : m.settingHints[path];
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const list = schema.type === 'array';
  const after = html`${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}${problemLine(id, c.problems, path, list ? m.listLine : undefined)}`;
  if (list) {
    // A list of strings (e-mail addresses): one entry a line.
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <textarea id=${id} name=${path} autocomplete="off" aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'} .value=${Array.isArray(value) ? value.join('\n') : ''}></textarea>
      ${after}
    </div>`;
  }
  if (schema.type === 'boolean') {
    return html`<div class="field"><label class="choice"><input type="checkbox" id=${id} name=${path} ?checked=${value === true} aria-describedby=${describedBy} />${label}</label>${after}</div>`;
  }
  if (schema.enum) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} name=${path} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}>
        ${field.required ? nothing : html`<option value="" ?selected=${value === null}>${m.byDefault}</option>`}
        ${schema.enum.map((v) => html`<option value=${v} ?selected=${v === value}>${m.settingChoices[`${path}=${v}`] ?? v}</option>`)}
      </select>
      ${after}
    </div>`;
  }
  const type = schema.type === 'integer' ? 'number' : schema.format === 'email' ? 'email' : 'text';
  return html`<div class="field">
    <label for=${id}>${label}${field.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
    <input id=${id} name=${path} type=${type} inputmode=${schema.type === 'integer' ? 'numeric' : nothing} min=${schema.minimum ?? nothing} max=${schema.maximum ?? nothing}
      .value=${typeof value === 'string' || typeof value === 'number' ? String(value) : ''} autocomplete="off" aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'} />
    ${after}
  </div>`;
}

function renderSchemaSection(c: SettingsContext, section: (typeof SCHEMA_SECTIONS)[number]): TemplateResult | typeof nothing {
  if (!c.schema || !hasSetting(c.schema, section)) return nothing;
  const rule = c.schema.properties?.[section]?.['x-message'];
  return html`<fieldset class="choices" data-setting=${section}>
    <legend>${c.m.settingSections[section]}</legend>
    ${c.m.settingSectionHints[section] ? html`<p class="hint">${c.m.settingSectionHints[section]}</p>` : nothing}
    ${fieldsOf(c.schema, section).map((f) => renderField(c, f))}
    ${rule ? html`<p class="hint">${c.m.crossRule(rule)}</p>` : nothing}
  </fieldset>`;
}

function renderOfficeHours(c: SettingsContext): TemplateResult | typeof nothing {
  const days = officeWeekdays(c.schema);
  if (!days.length) return nothing;
  return html`<fieldset class="choices" data-setting="officeHours">
    <legend>${c.m.settingSections.officeHours}</legend>
    <p class="hint" id="s-office-hint">${c.m.officeHoursHint}</p>
    ${days.map((d) => {
      const path = `officeHours.${d}`;
      const id = idOf(path);
      const invalid = c.problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));
      return html`<div class="field">
        <label for=${id}>${c.m.weekdays[Number(d) - 1] ?? d}</label>
        <input id=${id} name=${path} .value=${officeText(c.settings, d)} autocomplete="off" aria-describedby=${invalid ? `s-office-hint ${id}-error` : 's-office-hint'} aria-invalid=${invalid ? 'true' : 'false'} />
        ${problemLine(id, c.problems, path)}
      </div>`;
    })}
  </fieldset>`;
}

function renderPreview(c: SettingsContext): TemplateResult {
  const { m, lang } = c;
  const brand = { ...c.preview };
  const widget =
    c.previewWidget === 'form'
      ? html`<paht-report-form lang=${lang} tile-url="" .brand=${brand} .categories=${SAMPLE_CATEGORIES}></paht-report-form>`
      : c.previewWidget === 'tracker'
        ? html`<paht-report-tracker lang=${lang} tracking-code="" .brand=${brand} .state=${{ kind: 'idle' }}></paht-report-tracker>`
        : html`<paht-public-stats lang=${lang} from="2026-01-01" to="2026-01-31" group-by="UNIT" .brand=${brand} .state=${{ kind: 'ready', data: SAMPLE_STATS }} .feed=${{ kind: 'off' }}></paht-public-stats>`;
  return html`<section class="preview" aria-labelledby="preview-heading">
    <h3 id="preview-heading">${m.preview}</h3>
    <fieldset class="choices preview-pick">
      <legend>${m.previewOn}</legend>
      ${PREVIEW_WIDGETS.map(
        (w) => html`<label class="choice"><input type="radio" name="preview-widget" value=${w} ?checked=${w === c.previewWidget} @change=${() => c.showPreview(w)} />${m.previewWidgets[w]}</label>`,
      )}
    </fieldset>
    <p class="hint">${m.previewHint}</p>
    <div class="preview-widget" data-preview=${c.previewWidget}>${widget}</div>
  </section>`;
}

/** The settings section: general settings, branding (previewed), then each setting the schema has, field by field. */
export function renderSettings(c: SettingsContext): TemplateResult {
  const { m, busy, settings } = c;
  const b = settings.branding;
  const onBrand = (e: Event) => c.previewBrand((e.target as HTMLInputElement).form!);
  const brandField = (path: string, label: string, value: string, attrs: { type?: string; describedBy?: string; event?: 'input' | 'change' } = {}) => {
    const id = idOf(path);
    const invalid = c.problems.some((p) => p.path === path);
    const describedBy = [attrs.describedBy ?? '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${path} type=${attrs.type ?? 'text'} .value=${value} autocomplete="off" aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : 'false'}
        @input=${attrs.event === 'change' ? nothing : onBrand} @change=${attrs.event === 'change' ? onBrand : nothing} />
      ${problemLine(id, c.problems, path)}
    </div>`;
  };
  return html`<div class="settings">
    <form class="settings-form" @submit=${c.save} novalidate>
      <h3>${m.settings}</h3>
      ${c.problems.length ? html`<p class="notice error-box" role="alert">${m.settingsInvalid(c.problems.length)}</p>` : nothing}
      <div class="field">
        <label for="s-allowedOrigins">${m.allowedOrigins}</label>
        <textarea id="s-allowedOrigins" name="allowedOrigins" aria-describedby="s-origins-hint" aria-invalid=${c.problems.some((p) => p.path.startsWith('allowedOrigins')) ? 'true' : 'false'}>${settings.allowedOrigins.join('\n')}</textarea>
        <p class="hint" id="s-origins-hint">${m.originsHint}</p>
        ${problemLine('s-allowedOrigins', c.problems, 'allowedOrigins', m.listLine)}
      </div>
      ${brandField('trackingPrefix', m.trackingPrefix, settings.trackingPrefix ?? '', { describedBy: 's-prefix-hint' })}
      <p class="hint" id="s-prefix-hint">${m.trackingPrefixHint}</p>
      <fieldset class="choices" data-setting="branding">
        <legend>${m.branding}</legend>
        ${brandField('branding.nameVi', m.brandNameVi, b.nameVi ?? '')} ${brandField('branding.nameEn', m.brandNameEn, b.nameEn ?? '')}
        ${brandField('branding.primaryColor', m.primaryColor, b.primaryColor, { describedBy: 'colour-hint' })}
        ${brandField('branding.accentColor', m.accentColor, b.accentColor, { describedBy: 'colour-hint' })}
        <p class="hint" id="colour-hint">${m.colorHint}</p>
        ${brandField('branding.logoUrl', m.logoUrl, b.logoUrl ?? '', { type: 'url', event: 'change' })}
      </fieldset>
      ${SCHEMA_SECTIONS.filter((s) => s !== 'oidc').map((s) => renderSchemaSection(c, s))} ${renderOfficeHours(c)} ${renderSchemaSection(c, 'oidc')}
      <button type="submit" part="button" ?disabled=${busy}>${busy ? m.sending : m.saveSettings}</button>
    </form>
    ${renderPreview(c)}
  </div>`;
}

/** A settings change read from the form: the API's input, or the problems the schema finds in it (nothing sent then). */
export function readSettingsForm(
  form: HTMLFormElement,
  settings: TenantSettings,
  schema: SettingSchema | null,
  words: Parameters<typeof checkSettings>[2],
  officeWords: { period: string },
): { input: TenantSettingsInput; problems: SettingProblem[] } {
  const el = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  const text = (name: string) => (el(name)?.value ?? '').trim();
  const orUndefined = (name: string) => text(name) || undefined;
  const problems: SettingProblem[] = [];
  // The change in the schema's own shape (what core checks), then the API's input.
  const change: Record<string, unknown> = {
    allowedOrigins: linesOf(text('allowedOrigins')),
    trackingPrefix: orUndefined('trackingPrefix'),
    branding: Object.fromEntries(
      ['nameVi', 'nameEn', 'primaryColor', 'accentColor', 'logoUrl'].map((k) => [k, orUndefined(`branding.${k}`)]).filter(([, v]) => v !== undefined),
    ),
  };
  for (const section of SCHEMA_SECTIONS) {
    if (!schema || !hasSetting(schema, section)) continue;
    const entries: Array<[string, unknown]> = [];
    for (const f of fieldsOf(schema, section)) {
      const name = f.path.split('.')[1]!;
      const input = el(f.path);
      if (!input) continue;
      if (f.schema.type === 'boolean') {
        const checked = (input as HTMLInputElement).checked;
        if (checked || section === 'workflow') entries.push([name, checked]);
      } else if (f.schema.type === 'array') {
        // The whole list is sent: an empty one clears it.
        entries.push([name, linesOf(text(f.path))]);
      } else if (text(f.path) !== '') {
        entries.push([name, f.schema.type === 'integer' ? Number(text(f.path)) : text(f.path)]);
      }
    }
    // An optional setting left empty is removed (single sign-on off, the server's senders).
    change[section] = entries.length || !['oidc', 'notifications'].includes(section) ? Object.fromEntries(entries) : null;
  }
  const weekdays = officeWeekdays(schema);
  // Office hours replace the whole week: sent only when the admin changed them.
  if (weekdays.some((d) => text(`officeHours.${d}`) !== officeText(settings, d))) {
    const hours: Record<string, Array<[string, string]>> = {};
    for (const d of weekdays) {
      const value = text(`officeHours.${d}`);
      if (!value) continue;
      const periods = value.split(/[,;]/).map((p) => p.trim()).filter(Boolean).map((p) => p.split(/\s*[-–—]\s*/));
      if (periods.some((p) => p.length !== 2 || !p[0] || !p[1])) problems.push({ path: `officeHours.${d}`, message: officeWords.period });
      else hours[d] = periods.map((p) => [p[0]!, p[1]!]);
    }
    change.officeHours = hours;
  }
  if (schema) problems.push(...checkSettings(schema, change, words));
  const input: TenantSettingsInput = {
    allowedOrigins: change.allowedOrigins as string[],
    trackingPrefix: (change.trackingPrefix as string | undefined) ?? null,
    branding: { nameVi: null, nameEn: null, logoUrl: null, ...(change.branding as object) },
  };
  for (const section of SCHEMA_SECTIONS) {
    if (!(section in change)) continue;
    const renamed = fieldsOf(schema!, section).filter((f) => API_NAMES[f.path]);
    if (!renamed.length) (input as Record<string, unknown>)[section] = change[section];
    for (const f of renamed) (input as Record<string, unknown>)[API_NAMES[f.path]!] = (change[section] as Record<string, unknown> | null)?.[f.path.split('.')[1]!] ?? null;
  }
  if (change.officeHours) {
    input.officeHours = Object.entries(change.officeHours as Record<string, Array<[string, string]>>).map(([weekday, periods]) => ({
      weekday: Number(weekday),
      periods: periods.map(([start, end]) => ({ start, end })),
    }));
  }
  return { input, problems };
}
