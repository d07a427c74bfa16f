import {
  adminCategories,
  adminUnits,
  apiKeys,
  auditLog,
  calendarDays,
  closeFocalPoint,
  createApiKey,
  createStaffAccount,
  createUnit,
  focalPoints,
  removeCalendarDay,
  revokeApiKey,
  setCalendarDay,
  setFocalPoint,
  setStaffAccountActive,
  setUnitActive,
  slaPolicies,
  staffAccounts,
  tenantSettings,
  updateTenantSettings,
  upsertCategory,
  upsertSlaPolicy,
  type ApiKeyKind,
  type CalendarDayKind,
  type FocalRole,
  type SlaClock,
  type StaffRole,
  type UnitKind,
} from '@paht/client-sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { PublicStatsData } from '../public-stats/public-stats.component.js';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import type { StaffSession } from '../staff/staff-session.js';
import { renderLoadState, syncDialog } from '../staff/staff-workspace.js';
import { ADMIN_MESSAGES, type AdminMessages } from './admin-console.messages.js';
import { adminStyles } from './admin-console.styles.js';
import { renderAdminDialog } from './admin-dialogs.js';
import type { FeedDay } from './ical-days.js';
import { ADMIN_SECTIONS, EMPTY_ADMIN_DATA, linesOf, refusalOf, type AdminData, type AdminDialog, type AdminLoad, type AdminSection, type AdminUnit } from './admin-model.js';
import { renderAudit, renderCalendar, renderCategories, renderKeys, renderSettings, renderStaff, renderUnits, type SectionContext } from './admin-sections.js';

/** A refusal or a failed read, as thrown inside a load. */
class Refused extends Error {
  constructor(readonly forbidden: boolean) {
    super('refused');
  }
}

/** The success's `data`, or a Refused (forbidden, or another refusal). */
function dataOf<T>(result: { __typename: string; data?: T }): T {
  if (result.__typename === 'ForbiddenError') throw new Refused(true);
  if (result.data === undefined) throw new Refused(false);
  return result.data;
}

type Expected = { __typename: string; message: string; messageVi?: string; messageEn?: string; fields?: ReadonlyArray<{ path: string; message: string }> };

/** Sample figures the branding preview shows (not the tenant's). */
const SAMPLE_STATS: PublicStatsData = {
  total: { key: 't', label: null, labelEn: null, area: null, received: 120, resolved: 100, onTime: 90, overdue: 10, inProgress: 15, rejected: 5, avgResolutionHours: 30, ratings: 40, avgRating: 4.3, satisfiedShare: 0.88 },
  rows: [],
  units: [],
};

/**
 * @summary The tenant administrator's console: units and their tree with
 * each unit's focal points and their history, categories and their SLA
 * policies, staff accounts, API keys (the key shown once), allowed origins,
 * settings and the widgets' branding previewed on a citizen widget, the
 * audit log and the working calendar. Every change goes through the admin
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
  declare preview: SectionContext['preview'] | null;

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
      const next: Partial<AdminData> = {};
      const units = async () => (next.units = dataOf(await adminUnits(client)));
      switch (section) {
        case 'units':
          await units();
          if (this.data.focal) next.focal = { unitId: this.data.focal.unitId, points: dataOf(await focalPoints(client, this.data.focal.unitId, true)) };
          break;
        case 'categories': {
          const [c, p] = await Promise.all([adminCategories(client), slaPolicies(client), units()]);
          next.categories = dataOf(c);
          next.policies = dataOf(p);
          break;
        }
        case 'staff': {
          const [s] = await Promise.all([staffAccounts(client), units()]);
          next.staff = dataOf(s);
          break;
        }
        case 'keys':
          next.keys = dataOf(await apiKeys(client));
          break;
        case 'settings': {
          const s = await tenantSettings(client);
          if (s.__typename !== 'TenantSettings') throw new Refused(s.__typename === 'ForbiddenError');
          next.settings = s;
          break;
        }
        case 'audit':
          next.audit = await this.#auditPage(this.data.audit.action, null, []);
          break;
        case 'calendar':
          next.calendar = dataOf(await calendarDays(client));
          break;
      }
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

  async #auditPage(action: string, after: string | null, before: AdminData['audit']['entries']): Promise<AdminData['audit']> {
    const page = await auditLog(this.session!.client, { first: 20, ...(after ? { after } : {}), ...(action ? { filter: { actions: [action] } } : {}) });
    if (page.__typename !== 'AuditLogPage') throw new Refused(page.__typename === 'ForbiddenError');
    return { entries: [...before, ...page.entries], hasNextPage: page.hasNextPage, endCursor: page.endCursor ?? null, action };
  }

  /** Runs a change; a refusal shows in the dialog (or the notice), a success reloads the section. */
  async #change(kind: string, run: () => Promise<Expected | { __typename: string }>, ok: (result: { __typename: string }) => boolean, keepDialog = false): Promise<{ __typename: string } | null> {
    const dialog = this.dialog;
    if (dialog) this.dialog = { ...dialog, sending: true, error: null };
    else this.saving = true;
    try {
      const result = await run();
      if (!ok(result)) {
        const text = refusalOf(result as Expected, this.language, this.m.refused);
        if (this.dialog) this.dialog = { ...this.dialog, sending: false, error: text };
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
    const value = (name: string) => {
      const el = form.elements.namedItem(name) as HTMLInputElement | RadioNodeList | null;
      return (el?.value ?? '').trim();
    };
    const optional = (name: string) => (value(name) ? { [name]: value(name) } : {});
    const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
    const missing = [...form.querySelectorAll<HTMLInputElement>('[required]')].find((el) => !el.value.trim());
    if (missing) {
      this.dialog = { ...dialog, error: this.m.refused('ValidationError', form.querySelector(`label[for=${missing.id}]`)?.textContent ?? missing.name) };
      missing.focus();
      return;
    }
    const is = (type: string) => (r: { __typename: string }) => r.__typename === type;
    switch (dialog.kind) {
      case 'unit':
        await this.#change('unit.create', () => createUnit(client, { input: { code: value('code'), name: value('name'), kind: value('kind') as UnitKind, ...optional('nameEn'), ...optional('parentId') } }), is('Unit'));
        return;
      case 'focal':
        await this.#change(
          'focal-point.set',
          () => setFocalPoint(client, { unitId: dialog.unitId, input: { role: value('role') as FocalRole, fullName: value('fullName'), ...optional('title'), ...optional('phone'), ...optional('email') } }),
          is('FocalPoint'),
        );
        return;
      case 'policy':
        await this.#change(
          'sla-policy.upsert',
          () =>
            upsertSlaPolicy(client, {
              input: {
                code: value('code'),
                name: value('name'),
                clock: value('clock') as SlaClock,
                classifyMinutes: Number(value('classifyMinutes')),
                acceptMinutes: Number(value('acceptMinutes')),
                resolveMinutes: Number(value('resolveMinutes')),
                ...(value('warnRatio') ? { warnRatio: Number(value('warnRatio')) } : {}),
              },
            }),
          is('SlaPolicy'),
        );
        return;
      case 'category':
        await this.#change(
          'category.upsert',
          () =>
            upsertCategory(client, {
              input: {
                code: value('code'),
                name: value('name'),
                nameEn: value('nameEn'),
                slaPolicyCode: value('slaPolicyCode'),
                isPublic: checked('isPublic'),
                active: checked('active'),
                ...(value('defaultUnitId') ? { defaultUnitId: value('defaultUnitId') } : {}),
              },
            }),
          is('CategoryConfig'),
        );
        return;
      case 'staff':
        await this.#change(
          'staff.create',
          () => createStaffAccount(client, { input: { email: value('email'), fullName: value('fullName'), role: value('role') as StaffRole, ...optional('unitId'), ...optional('password') } }),
          is('StaffAccount'),
        );
        return;
      case 'key': {
        const name = value('name');
        const origins = linesOf((form.elements.namedItem('allowedOrigins') as HTMLTextAreaElement).value);
        const result = await this.#change(
          'api-key.create',
          () => createApiKey(client, { input: { name, kind: value('kind') as ApiKeyKind, ...(origins.length ? { allowedOrigins: origins } : {}) } }),
          is('NewApiKey'),
          true,
        );
        if (result && 'key' in result && this.dialog?.kind === 'key') this.dialog = { ...this.dialog, sending: false, created: { name, key: (result as { key: string }).key } };
        return;
      }
      case 'revoke':
        await this.#change('api-key.revoke', () => revokeApiKey(client, dialog.id), is('ApiKey'));
        return;
      case 'ical':
        await this.#importDays(dialog);
        return;
      case 'calendar':
        await this.#change('calendar-day.set', () => setCalendarDay(client, { input: { date: value('date'), kind: value('kind') as CalendarDayKind, name: value('name') } }), is('CalendarDay'));
        return;
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

  #saveSettings(event: SubmitEvent): void {
    event.preventDefault();
    const client = this.session?.client;
    if (!client) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const orNull = (name: string) => value(name) || null;
    void this.#change(
      'tenant-settings.update',
      () =>
        updateTenantSettings(client, {
          allowedOrigins: linesOf(value('allowedOrigins')),
          trackingPrefix: orNull('trackingPrefix'),
          branding: { nameVi: orNull('nameVi'), nameEn: orNull('nameEn'), primaryColor: value('primaryColor'), accentColor: value('accentColor'), logoUrl: orNull('logoUrl') },
        }),
      (r) => r.__typename === 'TenantSettings',
    );
  }

  #previewBrand(form: HTMLFormElement): void {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const colour = (name: string, fallback: string) => (/^#[0-9a-f]{6}$/i.test(value(name)) ? value(name) : fallback);
    const saved = this.#savedBrand();
    this.preview = {
      name: value('nameVi') || saved.name,
      nameEn: value('nameEn') || saved.nameEn,
      primaryColor: colour('primaryColor', saved.primaryColor),
      accentColor: colour('accentColor', saved.accentColor),
      logoUrl: /^https:\/\//.test(value('logoUrl')) ? value('logoUrl') : null,
    };
  }

  #savedBrand(): SectionContext['preview'] {
    const b = this.data.settings?.branding;
    return { name: b?.nameVi || this.m.heading, nameEn: b?.nameEn || b?.nameVi || this.m.heading, primaryColor: b?.primaryColor ?? '#0b5394', accentColor: b?.accentColor ?? '#e69138', logoUrl: b?.logoUrl ?? null };
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
      <dialog id="dialog" aria-labelledby="dialog-title" @close=${() => this.dialog && this.#closeDialog()}>
        ${this.dialog
          ? renderAdminDialog(this.dialog, {
              m,
              lang: this.language,
              units: this.data.units,
              policies: this.data.policies,
              onSubmit: (e) => void this.#submitDialog(e),
              onCancel: () => this.#closeDialog(),
              onCopy: () => void this.#copyKey(),
            })
          : nothing}
      </dialog>`;
  }

  #renderBody(m: AdminMessages) {
    if (this.load.kind !== 'ready') return renderLoadState(this.load, m);
    const client = () => this.session?.client;
    const c: SectionContext = {
      data: this.data,
      m,
      lang: this.language,
      busy: this.saving,
      preview: this.preview ?? this.#savedBrand(),
      sampleStats: SAMPLE_STATS,
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
        saveSettings: (e) => this.#saveSettings(e),
        previewBrand: (form) => this.#previewBrand(form),
        filterAudit: (action) => {
          this.data = { ...this.data, audit: { ...this.data.audit, action } };
          void this.reload();
        },
        moreAudit: () => {
          const a = this.data.audit;
          if (!this.session || !a.endCursor) return;
          this.saving = true;
          this.#auditPage(a.action, a.endCursor, a.entries).then(
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
        return renderSettings(c, this.data.settings);
      case 'audit':
        return renderAudit(c);
      case 'calendar':
        return renderCalendar(c);
    }
  }
}
