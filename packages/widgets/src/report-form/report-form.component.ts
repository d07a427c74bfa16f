import { CategoriesDocument, newIdempotencyKey } from '@paht/client-sdk/public';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import { MAX_ATTACHMENTS, newAttachment, Uploads, type Attachment } from './attachments.js';
import type { LatLng } from './location-map.js';
import { MapMount, type MapInputs } from './map-mount.js';
import { meToo, NearbyLookup, renderNearby, type NearbyState } from './nearby-reports.js';
import { REPORT_FORM_MESSAGES, type ReportFormMessages } from './report-form.messages.js';
import { renderCategory, renderLocation, renderTextField, type TextFieldSpec, type TextKey } from './report-form.fields.js';
import { renderDone, renderMedia, renderPhase } from './report-form.parts.js';
import { reportFormStyles } from './report-form.styles.js';
import {
  EMPTY_VALUES,
  FIELD_ORDER,
  serverFieldErrors,
  submissionInput,
  supportContact,
  validateValues,
  VALUE_FIELD,
  type CategoriesState,
  type FieldErrors,
  type FieldName,
  type FormPhase,
  type ReportFormValues,
} from './report-form.values.js';

export type { CategoriesState, FieldName, FormPhase, ReportFormValues } from './report-form.values.js';

/**
 * @summary A citizen files a report: topic, title, description, location
 * (map pin, own position, or ward and address), photos and videos, phone,
 * an optional e-mail for progress notices, and consent. Submissions carry an idempotency key and wait for the
 * network when offline. Ends with the tracking code and the secret.
 * Once a topic and a pin are set, offers the open public reports of that
 * topic nearby to join ("me too") instead of sending a duplicate.
 *
 * @event paht-report-submitted - Filed; `detail` is `{ trackingCode, secret }`: set both on a `<paht-report-tracker>` to open the citizen's own view.
 * @event paht-report-supported - The citizen joined a nearby report; `detail` is `{ reportId, trackingCode, people, already }`.
 * @event paht-error - The form cannot work (no endpoint, wrong key or tenant, no answer); `detail` is `{ code, message, requestId }`.
 *
 * @csspart form - The form.
 * @csspart map - The map's box.
 * @csspart button - Every button.
 * @csspart brand - The tenant's logo and name (shown when `branding` is `tenant`, the default).
 * @csspart logo - The tenant's logo (its text alternative is the tenant's name).
 * @csspart nearby - The similar reports nearby, with their "me too" buttons.
 * @csspart done - The confirmation with the codes.
 * @csspart code - A tracking code or secret.
 *
 * @cssproperty --paht-color-primary - Buttons and links. Default: the tenant's colour, else `#0b5394`.
 * @cssproperty --paht-color-error - Errors. Default `#b3261e`.
 * @cssproperty --paht-map-height - The map's height. Default `16rem`.
 */
export class PahtReportForm extends PahtElement {
  static override styles = reportFormStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    tileUrl: { type: String, attribute: 'tile-url' },
    tileAttribution: { type: String, attribute: 'tile-attribution' },
    mapCenter: { type: String, attribute: 'map-center' },
    mapZoom: { type: Number, attribute: 'map-zoom' },
    categories: { attribute: false },
    values: { attribute: false },
    errors: { attribute: false },
    attachments: { attribute: false },
    phase: { attribute: false },
    online: { attribute: false },
    nearby: { attribute: false },
    locating: { state: true },
    positionFailed: { state: true },
    copied: { state: true },
  };

  /** Map tiles URL template. Default OpenStreetMap's; empty for no tiles (the pin still works). */
  declare tileUrl: string;
  /** Tiles credit (HTML not allowed). Default `© OpenStreetMap`. */
  declare tileAttribution: string;
  /** Where the map opens, `"lat,lng"`. Default Đông Hà, Quảng Trị. */
  declare mapCenter: string;
  /** The map's first zoom. Default 13. */
  declare mapZoom: number;
  /** Topics: loaded from the API when connected; set it to show fixed data. */
  declare categories: CategoriesState;
  /** The form's values (set to prefill). */
  declare values: ReportFormValues;
  /** Field errors shown now. */
  declare errors: FieldErrors;
  declare attachments: Attachment[];
  /** Where the submission stands (set to show a fixed state). */
  declare phase: FormPhase;
  /** Whether the browser says it is online (follows `online`/`offline` events). */
  declare online: boolean;
  /** Open reports of the chosen topic near the pin (looked up when the citizen sets both; set it to show fixed data). */
  declare nearby: NearbyState;
  declare protected locating: boolean;
  declare protected positionFailed: boolean;
  declare protected copied: string;

  #key: string | null = null;
  /** The categories' state the constructor set: still there means nobody set fixed data, so the form loads them itself. */
  readonly #initialCategories: CategoriesState = { kind: 'loading' };
  /** Endpoint, tenant and key of the last categories load; a change loads them again. */
  #asked = '';
  #map = new MapMount(this, () => this.#mapInputs()).map;
  #onOnline = () => {
    this.online = true;
    if (this.phase.kind === 'queued') void this.send();
  };
  #onOffline = () => {
    this.online = false;
  };

  constructor() {
    super();
    this.tileUrl = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    this.tileAttribution = '© OpenStreetMap';
    this.mapCenter = '16.8163,107.1003';
    this.mapZoom = 13;
    this.categories = this.#initialCategories;
    this.values = { ...EMPTY_VALUES };
    this.errors = {};
    this.attachments = [];
    this.phase = { kind: 'editing' };
    this.online = typeof navigator === 'undefined' ? true : navigator.onLine !== false;
    this.nearby = { kind: 'none' };
    this.locating = false;
    this.positionFailed = false;
    this.copied = '';
  }

  protected get m(): ReportFormMessages {
    return withOverrides(REPORT_FORM_MESSAGES[this.language], this.language, this.messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
  }

  protected override updated(changed: PropertyValues): void {
    // Endpoint, tenant and key are live: a change loads the topics again.
    const settingsChanged = ['endpoint', 'tenant', 'apiKey'].some((p) => changed.has(p)) && this.#asked !== '' && JSON.stringify(this.settings) !== this.#asked;
    if (this.categories === this.#initialCategories || settingsChanged) void this.loadCategories();
  }

  /** What the map is built from (a change mounts it again), and the pin it shows. */
  #mapInputs(): MapInputs {
    const [lat, lng] = this.mapCenter.split(',').map(Number);
    return {
      options: {
        tileUrl: this.tileUrl,
        attribution: this.tileAttribution,
        center: { lat: Number.isFinite(lat) ? lat! : 16.8163, lng: Number.isFinite(lng) ? lng! : 107.1003 },
        zoom: this.mapZoom,
        pinLabel: this.m.location,
        zoomInTitle: this.m.zoomIn,
        zoomOutTitle: this.m.zoomOut,
        onPin: (position) => this.setPosition(position),
      },
      pin: this.values.position,
    };
  }

  /** Loads the tenant's public topics. */
  async loadCategories(): Promise<void> {
    this.#asked = JSON.stringify(this.settings);
    const missing = this.missingSetting;
    if (missing) {
      this.categories = { kind: 'failed' };
      this.reportError(missing);
      return;
    }
    this.categories = { kind: 'loading' };
    try {
      this.categories = { kind: 'ready', list: (await this.client.request(CategoriesDocument)).categories };
    } catch (error) {
      this.categories = { kind: 'failed' };
      if (this.online) this.reportError(error);
    }
  }

  private setValue<K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]): void {
    this.values = { ...this.values, [key]: value };
    // An edited field's error goes; the next submission checks again.
    const field = VALUE_FIELD[key];
    if (field && this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
    if (key === 'categoryId' || key === 'position') this.#lookNearby();
  }

  #nearbyLookup = new NearbyLookup((state) => (this.nearby = state));

  /** Looks up nearby reports of the topic at the pin, shortly after either changes. */
  #lookNearby(): void {
    this.#nearbyLookup.look(this.client, this.values.categoryId, this.values.position, this.configured && this.online);
  }

  /** "Me too" on a nearby report, with the citizen's contact when they gave it and consented. */
  async supportNearby(reportId: string): Promise<void> {
    const state = this.nearby;
    if (state.kind !== 'ready' || state.sending) return;
    const report = state.items.find((i) => i.report.id === reportId)?.report;
    if (!report) return;
    this.nearby = { ...state, sending: reportId, error: null };
    try {
      const done = await meToo(this.client, reportId, supportContact(this.values));
      if (!done) throw new Error('refused');
      this.nearby = { ...state, sending: null, error: null, supported: { ...state.supported, [reportId]: done } };
      this.emit('paht-report-supported', { reportId, trackingCode: report.trackingCode, ...done });
    } catch {
      this.nearby = { ...state, sending: null, error: this.m.supportFailed };
    }
  }

  private setPosition(position: LatLng | null, fly = false): void {
    this.setValue('position', position);
    this.#map.setPin(position, fly);
  }

  private useMyPosition(): void {
    if (!navigator.geolocation) {
      this.positionFailed = true;
      return;
    }
    this.locating = true;
    this.positionFailed = false;
    navigator.geolocation.getCurrentPosition(
      (p) => {
        this.locating = false;
        this.setPosition({ lat: p.coords.latitude, lng: p.coords.longitude }, true);
      },
      () => {
        this.locating = false;
        this.positionFailed = true;
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private pinCentre(): void {
    const centre = this.#map.center();
    if (centre) this.setPosition(centre);
  }

  private onFiles(event: Event): void {
    const input = event.target as HTMLInputElement;
    const room = MAX_ATTACHMENTS - this.attachments.length;
    const added = Array.from(input.files ?? []).slice(0, Math.max(0, room)).map(newAttachment);
    input.value = '';
    this.attachments = [...this.attachments, ...added];
    if (this.online && this.configured) for (const a of added) void this.upload(a).catch(() => undefined);
  }

  private replaceAttachment(next: Attachment): void {
    this.attachments = this.attachments.map((a) => (a.key === next.key ? next : a));
  }

  #uploads = new Uploads();

  private upload(attachment: Attachment): Promise<Attachment> {
    return this.#uploads.start(this.client, attachment, (next) => {
      if (this.attachments.some((a) => a.key === next.key)) this.replaceAttachment(next);
    });
  }

  private removeAttachment(key: string): void {
    const gone = this.attachments.find((a) => a.key === key);
    if (gone?.localUrl) URL.revokeObjectURL(gone.localUrl);
    this.attachments = this.attachments.filter((a) => a.key !== key);
  }

  /** Checks the values; returns the errors (empty when valid). */
  validate(): Partial<Record<FieldName, string>> {
    return validateValues(this.values, this.m.errors);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.phase.kind === 'submitting' || this.phase.kind === 'queued') return;
    const errors = this.validate();
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.focusFirstError();
      return;
    }
    await this.send();
  }

  private focusFirstError(): void {
    const first = FIELD_ORDER.find((f) => this.errors[f]);
    this.renderRoot.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }

  /** Sends the report (again): the same idempotency key until it is filed, or until the form has changed. */
  async send(freshKey = false): Promise<void> {
    if (freshKey) this.#key = null;
    this.#key ??= newIdempotencyKey();
    const missing = this.missingSetting;
    if (missing) {
      this.phase = { kind: 'failed', requestId: null };
      this.reportError(missing);
      return;
    }
    if (!this.online || (typeof navigator !== 'undefined' && navigator.onLine === false)) {
      this.phase = { kind: 'queued' };
      return;
    }
    this.phase = { kind: 'submitting' };
    try {
      const uploadIds: string[] = [];
      for (const a of this.attachments) {
        if (a.state === 'refused') continue;
        const done = a.state === 'uploaded' ? a : await this.upload(a);
        // A file the server failed to take is never dropped silently: the
        // citizen sees it marked in the list and sends again (or removes it).
        if (done.state === 'failed') {
          this.phase = { kind: 'failed', requestId: null };
          return;
        }
        if (done.uploaded) uploadIds.push(done.uploaded.id);
      }
      const result = await this.client.submitReport(submissionInput(this.values, uploadIds), { idempotencyKey: this.#key });
      if (result.__typename === 'SubmitReportSuccess') {
        this.phase = { kind: 'done', trackingCode: result.trackingCode, secret: result.secret };
        this.#key = null;
        // What the host needs to open the citizen's own view (e.g. set both on a tracker).
        this.emit('paht-report-submitted', { trackingCode: result.trackingCode, secret: result.secret });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#done-heading')?.focus();
        return;
      }
      if (result.__typename === 'ValidationError') {
        this.errors = serverFieldErrors(result.fields.map((f) => f.path), this.m.errors);
        this.phase = { kind: 'editing' };
        await this.updateComplete;
        this.focusFirstError();
        return;
      }
      if (result.__typename === 'ConflictError' && !freshKey) {
        // The key already filed an earlier version of this form (sent, then
        // edited): the server refuses to replay it for different input, so
        // this version goes as a new submission.
        return this.send(true);
      }
      this.phase = { kind: 'failed', requestId: null };
    } catch (error) {
      const e = error as { name?: string; requestId?: string | null };
      if (e?.name === 'NetworkError' && (typeof navigator === 'undefined' || navigator.onLine === false || !this.online)) {
        this.phase = { kind: 'queued' };
      } else {
        this.phase = { kind: 'failed', requestId: e?.requestId ?? null };
        this.reportError(error);
      }
    }
  }

  /** Clears the form for another report. */
  reset(): void {
    for (const a of this.attachments) if (a.localUrl) URL.revokeObjectURL(a.localUrl);
    this.values = { ...EMPTY_VALUES };
    this.errors = {};
    this.attachments = [];
    this.phase = { kind: 'editing' };
    this.nearby = { kind: 'none' };
    this.#key = null;
  }

  protected async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      this.renderRoot.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    this.copied = what;
  }

  override render() {
    const m = this.m;
    if (this.phase.kind === 'done') return html`${this.renderBrand()}${renderDone(this.phase, m, this.copied, (text, what) => void this.copy(text, what), () => this.reset())}`;
    const busy = this.phase.kind === 'submitting' || this.phase.kind === 'queued';
    const errorCount = FIELD_ORDER.filter((f) => this.errors[f]).length;
    return html`
      ${this.renderBrand()}
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="heading">
        <h2 id="heading">${m.heading}</h2>
        <p class="hint">${m.intro}</p>
        ${this.online ? nothing : html`<p class="notice" role="status">${m.offlineNow}</p>`}
        ${errorCount ? html`<p class="notice error-box" role="alert">${m.errorsSummary(errorCount)}</p>` : nothing}
        ${renderCategory(m, this.language, this.categories, this.values.categoryId, this.errors.category, {
          choose: (id) => this.setValue('categoryId', id),
          retry: () => void this.loadCategories(),
        })}
        ${this.textField({ key: 'title', field: 'title', label: m.title, hint: m.titleHint, required: true })}
        ${this.textField({ key: 'description', field: 'description', label: m.description, hint: m.descriptionHint, required: true, multiline: true })}
        ${renderLocation(
          m,
          { position: this.values.position, ward: this.values.ward, address: this.values.address, error: this.errors.location, locating: this.locating, positionFailed: this.positionFailed },
          {
            pinCentre: () => this.pinCentre(),
            useMyPosition: () => this.useMyPosition(),
            clearPin: () => this.setPosition(null),
            ward: (v) => this.setValue('ward', v),
            address: (v) => this.setValue('address', v),
          },
        )}
        ${renderNearby(this.nearby, m, this.language, (id) => void this.supportNearby(id))}
        ${renderMedia(this.attachments, m, (e) => this.onFiles(e), (key) => this.removeAttachment(key))}
        ${this.textField({ key: 'phone', field: 'phone', label: m.phone, hint: m.phoneHint, required: true, autocomplete: 'tel' })}
        ${this.textField({ key: 'fullName', field: null, label: m.fullName, hint: m.fullNameHint, required: false, autocomplete: 'name' })}
        ${this.textField({ key: 'email', field: 'email', label: m.email, hint: m.emailHint, required: false, autocomplete: 'email' })}
        <div class="field checkbox">
          <label>
            <input type="checkbox" data-field="consent" .checked=${this.values.consent}
              aria-invalid=${this.errors.consent ? 'true' : 'false'} aria-describedby=${this.errors.consent ? 'consent-error' : nothing}
              @change=${(e: Event) => this.setValue('consent', (e.target as HTMLInputElement).checked)} />
            <span>${m.consent} <span class="req">(${m.required})</span></span>
          </label>
          ${this.errors.consent ? html`<p class="error" id="consent-error">${this.errors.consent}</p>` : nothing}
        </div>
        ${this.errors.server ? html`<p class="error" role="alert">${this.errors.server}</p>` : nothing}
        ${renderPhase(this.phase, m, () => void this.send())}
        <button part="button" type="submit" ?disabled=${busy}>${this.phase.kind === 'submitting' ? m.submitting : m.submit}</button>
      </form>
    `;
  }

  private textField(spec: TextFieldSpec) {
    return renderTextField(this.m, spec, this.values, this.errors, (key: TextKey, value) => this.setValue(key, value));
  }
}
