import { archiveIndicatorForm, closeFocalPoint, removeCalendarDay, setCalendarDay, setStaffAccountActive, setUnitActive, updateTenantSettings } from '@paht/client-sdk/staff';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import type { StaffSession } from '../staff/staff-session.js';
import { renderModal, syncDialog } from '../staff/staff-dialog.js';
import { renderLoadState } from '../staff/staff-workspace.js';
import { ADMIN_MESSAGES, type AdminMessages } from './admin-console.messages.js';
import { adminStyles } from './admin-console.styles.js';
import { renderAdminDialog } from './admin-dialogs.js';
import { renderIndicators } from './admin-indicators.js';
import type { FeedDay } from './ical-days.js';
import { ADMIN_SECTIONS, EMPTY_ADMIN_DATA, refusalOf, type AdminData, type AdminDialog, type AdminLoad, type AdminSection, type AdminUnit } from './admin-model.js';
import { renderAudit, renderCalendar, renderCategories, renderKeys, renderStaff, type SectionContext } from './admin-sections.js';
import { brandPreview, readSettingsForm, renderSettings, savedBrand, type BrandPreview, type PreviewWidget } from './admin-settings.js';
import { Refused, type Expected } from './admin-results.js';
import { auditPage, readSection } from './admin-load.js';
import { dialogChange } from './admin-submit.js';
import { renderUnits } from './admin-units.js';
import { parseSettingsSchema, type SettingProblem } from './settings-schema.js';

/**
 * @summary The tenant administrator's console: units and their tree with
 * each unit's focal points and their history, categories and their SLA
 * policies, staff accounts, API keys (the key shown once), allowed origins,
 * settings and the widgets' branding previewed on a citizen widget, the
 * audit log, the working calendar, and the socio-economic indicators and
 * report forms (admin-indicators.ts). Every change goes through the admin
 * API, which audits it.
 *
 * Needs a signed-in `session` of a tenant admin (set by `<paht-staff-console>`).
 *
 * @event paht-admin-change - A change was saved; `detail` is `{ section, kind }`.
 * @event paht-error - Data could not be loaded; `detail` is `{ code, message, requestId }`.
 *
 * @csspart button - Every button.
 * @csspart nav - The section switcher.
 */
export class PahtAdminConsole extends PahtElement {
  static override styles = adminStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    session: { attribute: false },
    section: { type: String },
    load: { attribute: false },
    data: { attribute: false },
    dialog: { attribute: false },
    notice: { attribute: false },
    saving: { attribute: false },
    preview: { attribute: false },
    previewWidget: { attribute: false },
    problems: { attribute: false },
  };

  /** The signed-in tenant admin; the console loads when it is set. Default: none. */
  declare session: StaffSession | null;
  /** The section shown. Default `units`. */
  declare section: AdminSection;
  /** The state of the section's read (set it to show fixed data). */
  declare load: AdminLoad;
  /** What has been read (set it to show fixed data). */
  declare data: AdminData;
  declare dialog: AdminDialog | null;
  /** The outcome of the last change. */
  declare notice: { ok: boolean; text: string } | null;
  /** True while the settings form or a row action is saving. */
  declare saving: boolean;
  /** The branding being edited, shown in the preview (null: the saved one). */
  declare preview: BrandPreview | null;
  /** The citizen widget the branding preview shows. Default `stats`. */
  declare previewWidget: PreviewWidget;
  /** What the settings schema (or the API) found wrong in the settings form. */
  declare problems: SettingProblem[];

  #session: StaffSession | null = null;
  #loads = 0;

  constructor() {
    super();
    this.session = null;
    this.section = 'units';
    this.load = { kind: 'idle' };
    this.data = EMPTY_ADMIN_DATA;
    this.dialog = null;
    this.notice = null;
    this.saving = false;
    this.preview = null;
    this.previewWidget = 'stats';
    this.problems = [];
  }

  protected get m(): AdminMessages {
    return withOverrides(ADMIN_MESSAGES[this.language], this.language, this.messages);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('session') && this.session !== this.#session) {
      this.#session = this.session;
      if (this.session) void this.reload();
    }
    syncDialog(this.renderRoot, this.dialog !== null, 'input:not([readonly]), select, textarea, button');
  }

  /** Shows a section and reads its data. */
  async show(section: AdminSection): Promise<void> {
    this.section = section;
    this.notice = null;
    this.preview = null;
    this.problems = [];
    await this.reload();
  }

  /** Reads the current section's data again. */
  async reload(): Promise<void> {
    const client = this.session?.client;
    if (!client) return;
    const load = ++this.#loads;
    const section = this.section;
    this.load = { kind: 'loading' };
    try {
      const next = await readSection(client, section, this.data);
      if (load !== this.#loads) return;
      this.data = { ...this.data, ...next };
      this.load = { kind: 'ready' };
    } catch (error) {
      if (load !== this.#loads) return;
      if (error instanceof Refused) {
        this.load = error.forbidden ? { kind: 'forbidden' } : { kind: 'failed', requestId: null };
        return;
      }
      this.load = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
    }
  }

  async #change(kind: string, run: () => Promise<Expected | { __typename: string }>, ok: (result: { __typename: string }) => boolean, keepDialog = false): Promise<{ __typename: string } | null> {
    const dialog = this.dialog;
    if (dialog) this.dialog = { ...dialog, sending: true, error: null, problems: [] };
    else this.saving = true;
    try {
      const result = await run();
      if (!ok(result)) {
        const text = refusalOf(result as Expected, this.language, this.m.refused);
        if (this.dialog) this.dialog = { ...this.dialog, sending: false, error: text, problems: (result as Expected).fields ?? [] };
        else this.notice = { ok: false, text };
        return null;
      }
      if (!keepDialog) this.dialog = null;
      this.notice = { ok: true, text: this.m.saved };
      this.emit('paht-admin-change', { section: this.section, kind });
      await this.reload();
      return result;
    } catch (error) {
      const text = this.m.failed((error as { requestId?: string | null }).requestId ?? null);
      if (this.dialog) this.dialog = { ...this.dialog, sending: false, error: text };
      else this.notice = { ok: false, text };
      return null;
    } finally {
      this.saving = false;
    }
  }

  async #submitDialog(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const dialog = this.dialog;
    const client = this.session?.client;
    if (!dialog || !client) return;
    const form = event.target as HTMLFormElement;
    const missing = [...form.querySelectorAll<HTMLInputElement>('[required]')].find((el) => !el.value.trim());
    if (missing) {
      this.dialog = { ...dialog, error: this.m.refused('ValidationError', form.querySelector(`label[for=${missing.id}]`)?.textContent ?? missing.name) };
      missing.focus();
      return;
    }
    if (dialog.kind === 'ical') {
      await this.#importDays(dialog);
      return;
    }
    const change = dialogChange(dialog, form, client);
    if (!change) return;
    const result = await this.#change(change.kind, change.run, (r) => r.__typename === change.success, change.keepDialog);
    if (dialog.kind === 'key' && result && 'key' in result && this.dialog?.kind === 'key') {
      const name = ((form.elements.namedItem('name') as HTMLInputElement | null)?.value ?? '').trim();
      this.dialog = { ...this.dialog, sending: false, created: { name, key: (result as { key: string }).key } };
    }
  }

  /** Sets each previewed day of a feed, one after the other; the refusals are counted, not fatal. */
  async #importDays(dialog: Extract<AdminDialog, { kind: 'ical' }>): Promise<void> {
    const client = this.session?.client;
    if (!client) return;
    this.dialog = { ...dialog, sending: true, error: null };
    let done = 0;
    const refusals: string[] = [];
    for (const day of dialog.days) {
      try {
        const result = await setCalendarDay(client, { input: day });
        if (result.__typename === 'CalendarDay') done += 1;
        else refusals.push(`${day.date}: ${refusalOf(result, this.language, this.m.refused)}`);
      } catch (error) {
        refusals.push(`${day.date}: ${this.m.failed((error as { requestId?: string | null }).requestId ?? null)}`);
      }
    }
    if (done === 0) {
      this.dialog = { ...dialog, sending: false, error: refusals[0] ?? this.m.importEmpty };
      return;
    }
    this.dialog = null;
    this.notice = { ok: refusals.length === 0, text: [this.m.importDone(done, dialog.days.length), ...refusals.slice(0, 3)].join(' ') };
    this.emit('paht-admin-change', { section: 'calendar', kind: 'calendar-day.set' });
    await this.reload();
  }

  /** Reads a calendar file in the browser and previews its days before importing them. */
  async importFeed(file: File): Promise<void> {
    let days: FeedDay[];
    try {
      const { feedDays } = await import('./ical-days.js');
      days = feedDays(await file.text());
    } catch {
      this.notice = { ok: false, text: this.m.importInvalid };
      return;
    }
    if (!days.length) {
      this.notice = { ok: false, text: this.m.importEmpty };
      return;
    }
    this.notice = null;
    this.dialog = { kind: 'ical', days, sending: false, error: null };
  }

  #closeDialog(): void {
    this.dialog = null;
  }

  async #copyKey(): Promise<void> {
    if (this.dialog?.kind !== 'key' || !this.dialog.created) return;
    try {
      await navigator.clipboard.writeText(this.dialog.created.key);
      this.dialog = { ...this.dialog, copied: true };
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('#d-new-key')?.select();
    }
  }

  async #saveSettings(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.session?.client;
    const settings = this.data.settings;
    if (!client || !settings) return;
    const form = event.target as HTMLFormElement;
    const m = this.m;
    const { input, problems } = readSettingsForm(form, settings, parseSettingsSchema(this.data.settingsSchema), m.problems, { period: m.officePeriod });
    this.problems = problems;
    if (problems.length) {
      this.notice = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.settings-form [aria-invalid="true"]')?.focus();
      return;
    }
    let refused: SettingProblem[] = [];
    await this.#change(
      'tenant-settings.update',
      async () => {
        const result = await updateTenantSettings(client, input);
        if (result.__typename === 'ValidationError' && 'fields' in result) refused = (result.fields ?? []).map((f) => ({ path: f.path, message: f.message }));
        return result;
      },
      (r) => r.__typename === 'TenantSettings',
    );
    this.problems = refused;
  }

  override render() {
    const m = this.m;
    return html`<section class="admin" aria-labelledby="admin-heading">
        <div class="head">
          <h2 id="admin-heading">${m.heading}</h2>
          <button type="button" class="secondary" part="button" @click=${() => void this.reload()}>${m.reload}</button>
        </div>
        <nav part="nav" aria-label=${m.sectionsLabel}>
          <ul class="sections">
            ${ADMIN_SECTIONS.map(
              (s) => html`<li><button type="button" part="button" class=${s === this.section ? '' : 'secondary'} aria-current=${s === this.section ? 'page' : 'false'} data-section=${s}
                @click=${() => void this.show(s)}>${m.sections[s]}</button></li>`,
            )}
          </ul>
        </nav>
        ${this.notice ? html`<p class=${`notice ${this.notice.ok ? 'ok' : 'error-box'}`} role="status">${this.notice.text}</p>` : nothing}
        <div class="body" aria-live="polite" aria-busy=${this.load.kind === 'loading' ? 'true' : 'false'}>${this.#renderBody(m)}</div>
      </section>
      ${renderModal(
        this.dialog
          ? renderAdminDialog(this.dialog, {
              m,
              lang: this.language,
              units: this.data.units,
              policies: this.data.policies,
              indicators: this.data.indicators,
              onSubmit: (e) => void this.#submitDialog(e),
              onCancel: () => this.#closeDialog(),
              onCopy: () => void this.#copyKey(),
            })
          : nothing,
        () => this.dialog && this.#closeDialog(),
      )}`;
  }

  #renderBody(m: AdminMessages) {
    if (this.load.kind !== 'ready') return renderLoadState(this.load, m);
    const client = () => this.session?.client;
    const c: SectionContext = {
      data: this.data,
      m,
      lang: this.language,
      busy: this.saving,
      act: {
        open: (dialog) => (this.dialog = dialog),
        setUnitActive: (unit: AdminUnit, active) => {
          const cl = client();
          if (cl) void this.#change(active ? 'unit.update' : 'unit.deactivate', () => setUnitActive(cl, { id: unit.id, active }), (r) => r.__typename === 'Unit');
        },
        showFocal: (unitId) => {
          this.data = { ...this.data, focal: { unitId, points: [] } };
          void this.reload();
        },
        closeFocal: (id) => {
          const cl = client();
          if (cl) void this.#change('focal-point.close', () => closeFocalPoint(cl, id), (r) => r.__typename === 'FocalPoint');
        },
        setStaffActive: (id, active) => {
          const cl = client();
          if (cl) void this.#change(active ? 'staff.activate' : 'staff.deactivate', () => setStaffAccountActive(cl, { id, active }), (r) => r.__typename === 'StaffAccount');
        },
        filterAudit: (action) => {
          this.data = { ...this.data, audit: { ...this.data.audit, action } };
          void this.reload();
        },
        moreAudit: () => {
          const a = this.data.audit;
          if (!this.session || !a.endCursor) return;
          this.saving = true;
          auditPage(this.session.client, a.action, a.endCursor, a.entries).then(
            (audit) => {
              this.data = { ...this.data, audit };
              this.saving = false;
            },
            () => (this.saving = false),
          );
        },
        importFeed: (file) => void this.importFeed(file),
        removeDay: (date) => {
          const cl = client();
          if (cl) void this.#change('calendar-day.remove', () => removeCalendarDay(cl, date), (r) => r.__typename === 'RemovedCalendarDay');
        },
        archiveForm: (id) => {
          const cl = client();
          if (cl) void this.#change('indicator-form.archive', () => archiveIndicatorForm(cl, { id }), (r) => r.__typename === 'IndicatorForm');
        },
      },
    };
    switch (this.section) {
      case 'units':
        return renderUnits(c);
      case 'categories':
        return renderCategories(c);
      case 'staff':
        return renderStaff(c);
      case 'keys':
        return renderKeys(c);
      case 'settings':
        return this.data.settings
          ? renderSettings({
              m,
              lang: this.language,
              busy: this.saving,
              settings: this.data.settings,
              schema: parseSettingsSchema(this.data.settingsSchema),
              problems: this.problems,
              preview: this.preview ?? savedBrand(this.data.settings, m.heading),
              previewWidget: this.previewWidget,
              save: (e) => void this.#saveSettings(e),
              previewBrand: (form) => (this.preview = brandPreview(form, savedBrand(this.data.settings, m.heading), parseSettingsSchema(this.data.settingsSchema))),
              showPreview: (w) => (this.previewWidget = w),
            })
          : html`<p class="notice">${m.loading}</p>`;
      case 'audit':
        return renderAudit(c);
      case 'calendar':
        return renderCalendar(c);
      case 'indicators':
        return renderIndicators(c);
    }
  }
}
