import { CategoriesDocument, newIdempotencyKey, type Category, type SubmitReportInput } from '@paht/client-sdk';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import { isVietnamesePhone } from '../shared/phone.js';
import { MAX_ATTACHMENTS, newAttachment, uploadAttachment, type Attachment } from './attachments.js';
import { LocationMap, type LatLng } from './location-map.js';
import { findNearby, meToo, renderNearby, type NearbyState } from './nearby-reports.js';
import { REPORT_FORM_MESSAGES, type ReportFormMessages } from './report-form.messages.js';
import { renderDone, renderMedia } from './report-form.parts.js';
import { reportFormStyles } from './report-form.styles.js';

export type FieldName = 'category' | 'title' | 'description' | 'location' | 'phone' | 'email' | 'consent';

export interface ReportFormValues {
  categoryId: string;
  title: string;
  description: string;
  ward: string;
  address: string;
  phone: string;
  fullName: string;
  /** Optional: where the citizen is told of the report's progress. */
  email: string;
  consent: boolean;
  position: LatLng | null;
}

export type CategoriesState = { kind: 'loading' } | { kind: 'ready'; list: Category[] } | { kind: 'failed' };

export type FormPhase =
  | { kind: 'editing' }
  | { kind: 'submitting' }
  | { kind: 'queued' }
  | { kind: 'failed'; requestId: string | null }
  | { kind: 'done'; trackingCode: string; secret: string };

const EMPTY: ReportFormValues = { categoryId: '', title: '', description: '', ward: '', address: '', phone: '', fullName: '', email: '', consent: false, position: null };
const FIELD_ORDER: FieldName[] = ['category', 'title', 'description', 'location', 'phone', 'email', 'consent'];
/** A plausible address; the server checks it fully. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const VALUE_FIELD: Partial<Record<keyof ReportFormValues, FieldName>> = {
  categoryId: 'category',
  title: 'title',
  description: 'description',
  ward: 'location',
  address: 'location',
  position: 'location',
  phone: 'phone',
  email: 'email',
  consent: 'consent',
};

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
  declare errors: Partial<Record<FieldName | 'server', string>>;
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
  #map = new LocationMap();
  #mapMounted = false;
  #mapKey = '';
  /** Mounting and destroying the map, in order (mounting waits for Leaflet to load). */
  #mapWork: Promise<void> = Promise.resolve();
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
    this.values = { ...EMPTY };
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
    this.#map.destroy();
    this.#mapMounted = false;
  }

  protected override updated(changed: PropertyValues): void {
    // Endpoint, tenant and key are live: a change loads the topics again.
    const settingsChanged = ['endpoint', 'tenant', 'apiKey'].some((p) => changed.has(p)) && this.#asked !== '' && JSON.stringify(this.settings) !== this.#asked;
    if (this.categories === this.#initialCategories || settingsChanged) void this.loadCategories();
    const box = this.renderRoot.querySelector<HTMLElement>('.map');
    if (box && (!this.#mapMounted || this.#mapKey !== this.#mapInputs())) {
      // First render of the map, or its inputs changed (tiles, centre, zoom,
      // language of its controls): they are live too, so mount it again.
      this.#mapMounted = true;
      this.#mapKey = this.#mapInputs();
      this.#mapWork = this.#mapWork.then(() => (this.#map.destroy(), this.mountMap(box))).catch(() => undefined);
    } else if (!box && this.#mapMounted) {
      this.#mapWork = this.#mapWork.then(() => this.#map.destroy());
      this.#mapMounted = false;
    }
  }

  /** What the map is built from; a change mounts it again. */
  #mapInputs(): string {
    return JSON.stringify([this.tileUrl, this.tileAttribution, this.mapCenter, this.mapZoom, this.language]);
  }

  private async mountMap(box: HTMLElement): Promise<void> {
    const [lat, lng] = this.mapCenter.split(',').map(Number);
    await this.#map.mount(box, {
      tileUrl: this.tileUrl,
      attribution: this.tileAttribution,
      center: { lat: Number.isFinite(lat) ? lat! : 16.8163, lng: Number.isFinite(lng) ? lng! : 107.1003 },
      zoom: this.mapZoom,
      pinLabel: this.m.location,
      zoomInTitle: this.m.zoomIn,
      zoomOutTitle: this.m.zoomOut,
      onPin: (position) => this.setPosition(position),
    });
    this.#map.setPin(this.values.position);
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

  #nearbyTimer: ReturnType<typeof setTimeout> | null = null;
  #nearbyAsk = 0;

  /** Looks up nearby reports of the topic at the pin, shortly after either changes. */
  #lookNearby(): void {
    if (this.#nearbyTimer) clearTimeout(this.#nearbyTimer);
    const ask = ++this.#nearbyAsk;
    const { categoryId, position } = this.values;
    if (!categoryId || !position || !this.configured || !this.online) {
      this.nearby = { kind: 'none' };
      return;
    }
    this.#nearbyTimer = setTimeout(() => {
      this.nearby = { kind: 'loading' };
      void findNearby(this.client, categoryId, position).then((found) => {
        if (ask === this.#nearbyAsk) this.nearby = found;
      });
    }, 400);
  }

  /** "Me too" on a nearby report, with the citizen's contact when they gave it and consented. */
  async supportNearby(reportId: string): Promise<void> {
    const state = this.nearby;
    if (state.kind !== 'ready' || state.sending) return;
    const report = state.items.find((i) => i.report.id === reportId)?.report;
    if (!report) return;
    const v = this.values;
    const contact = v.consent
      ? { ...(isVietnamesePhone(v.phone) ? { phone: v.phone.trim() } : {}), ...(EMAIL.test(v.email.trim()) ? { email: v.email.trim() } : {}) }
      : {};
    this.nearby = { ...state, sending: reportId, error: null };
    try {
      const done = await meToo(this.client, reportId, contact);
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

  /** Uploads in flight, by attachment: sending waits for them rather than uploading the file twice. */
  #uploading = new Map<string, Promise<Attachment>>();

  private upload(attachment: Attachment): Promise<Attachment> {
    const running = this.#uploading.get(attachment.key);
    if (running) return running;
    const started = uploadAttachment(this.client, attachment, (next) => {
      if (this.attachments.some((a) => a.key === next.key)) this.replaceAttachment(next);
    }).finally(() => this.#uploading.delete(attachment.key));
    this.#uploading.set(attachment.key, started);
    return started;
  }

  private removeAttachment(key: string): void {
    const gone = this.attachments.find((a) => a.key === key);
    if (gone?.localUrl) URL.revokeObjectURL(gone.localUrl);
    this.attachments = this.attachments.filter((a) => a.key !== key);
  }

  /** Checks the values; returns the errors (empty when valid). */
  validate(): Partial<Record<FieldName, string>> {
    const v = this.values;
    const e = this.m.errors;
    const errors: Partial<Record<FieldName, string>> = {};
    const title = v.title.trim();
    if (title.length < 5 || title.length > 200) errors.title = e.title;
    const description = v.description.trim();
    if (description.length < 10 || description.length > 5000) errors.description = e.description;
    if (!v.position && !v.address.trim() && !v.ward.trim()) errors.location = e.location;
    if (!isVietnamesePhone(v.phone)) errors.phone = e.phone;
    if (v.email.trim() && !EMAIL.test(v.email.trim())) errors.email = e.email;
    if (!v.consent) errors.consent = e.consent;
    return errors;
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
      const result = await this.client.submitReport(this.input(uploadIds), { idempotencyKey: this.#key });
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
        this.errors = this.serverErrors(result.fields.map((f) => f.path));
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

  private input(uploadIds: string[]): SubmitReportInput {
    const v = this.values;
    const address = [v.address.trim(), v.ward.trim()].filter(Boolean).join(', ');
    const input: SubmitReportInput & { uploadIds?: string[] } = {
      title: v.title.trim(),
      description: v.description.trim(),
      channel: 'WEB',
      reporter: { phone: v.phone.trim(), ...(v.fullName.trim() ? { fullName: v.fullName.trim() } : {}), ...(v.email.trim() ? { email: v.email.trim() } : {}) },
      ...(v.categoryId ? { categoryId: v.categoryId } : {}),
      ...(v.position ? { latitude: v.position.lat, longitude: v.position.lng } : {}),
      ...(address ? { address } : {}),
      ...(uploadIds.length ? { uploadIds } : {}),
    };
    return input;
  }

  private serverErrors(paths: string[]): Partial<Record<FieldName | 'server', string>> {
    const e = this.m.errors;
    const errors: Partial<Record<FieldName | 'server', string>> = {};
    for (const path of paths) {
      if (path === 'title') errors.title = e.title;
      else if (path === 'description') errors.description = e.description;
      else if (path === 'reporter.phone') errors.phone = e.phone;
      else if (path === 'reporter.email') errors.email = e.email;
      else if (path === 'categoryId') errors.category = e.category;
      else if (['address', 'latitude', 'longitude', 'areaCode'].includes(path)) errors.location = e.location;
      else errors.server = e.server;
    }
    return errors;
  }

  /** Clears the form for another report. */
  reset(): void {
    for (const a of this.attachments) if (a.localUrl) URL.revokeObjectURL(a.localUrl);
    this.values = { ...EMPTY };
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
        ${this.renderCategory(m)}
        ${this.textField('title', 'title', m.title, m.titleHint, true)}
        ${this.textField('description', 'description', m.description, m.descriptionHint, true, true)}
        ${this.renderLocation(m)}
        ${renderNearby(this.nearby, m, this.language, (id) => void this.supportNearby(id))}
        ${renderMedia(this.attachments, m, (e) => this.onFiles(e), (key) => this.removeAttachment(key))}
        ${this.textField('phone', 'phone', m.phone, m.phoneHint, true, false, 'tel')}
        ${this.textField('fullName', null, m.fullName, m.fullNameHint, false, false, 'name')}
        ${this.textField('email', 'email', m.email, m.emailHint, false, false, 'email')}
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
        ${this.renderPhase(m)}
        <button part="button" type="submit" ?disabled=${busy}>${this.phase.kind === 'submitting' ? m.submitting : m.submit}</button>
      </form>
    `;
  }

  private renderPhase(m: ReportFormMessages) {
    switch (this.phase.kind) {
      case 'queued':
        return html`<p class="notice" role="status">${m.offlineQueued}</p>`;
      case 'failed':
        return html`<div class="notice error-box" role="alert">
          <p>${m.sendFailed(this.phase.requestId)}</p>
          <button part="button" type="button" class="secondary" @click=${() => void this.send()}>${m.sendRetry}</button>
        </div>`;
      default:
        return html`<p class="visually-hidden" role="status">${this.phase.kind === 'submitting' ? m.submitting : ''}</p>`;
    }
  }

  private renderCategory(m: ReportFormMessages) {
    const c = this.categories;
    const err = this.errors.category;
    return html`<div class="field">
      <label for="category">${m.category}</label>
      <select id="category" data-field="category" ?disabled=${c.kind !== 'ready'} aria-invalid=${err ? 'true' : 'false'}
        aria-describedby=${err ? 'category-error' : 'category-hint'}
        @change=${(e: Event) => this.setValue('categoryId', (e.target as HTMLSelectElement).value)}>
        <option value="">${m.categoryChoose}</option>
        ${c.kind === 'ready'
          ? c.list.map((cat) => html`<option value=${cat.id} ?selected=${cat.id === this.values.categoryId}>${(this.language === 'en' && cat.nameEn) || cat.name}</option>`)
          : nothing}
      </select>
      ${err ? html`<p class="error" id="category-error">${err}</p>` : nothing}
      <p class="hint" id="category-hint" aria-live="polite">
        ${c.kind === 'loading' ? m.categoriesLoading : c.kind === 'failed' ? html`${m.categoriesFailed}
              <button part="button" type="button" class="link" @click=${() => void this.loadCategories()}>${m.retry}</button>` : ''}
      </p>
    </div>`;
  }

  private textField(key: 'title' | 'description' | 'phone' | 'fullName' | 'email', field: FieldName | null, label: string, hint: string, required: boolean, multiline = false, autocomplete = 'off') {
    const err = field ? this.errors[field] : undefined;
    const described = `${key}-hint${err ? ` ${key}-error` : ''}`;
    const onInput = (e: Event) => this.setValue(key, (e.target as HTMLInputElement).value);
    return html`<div class="field">
      <label for=${key}>${label} <span class="req">(${required ? this.m.required : this.m.optional})</span></label>
      ${multiline
        ? html`<textarea id=${key} data-field=${field ?? key} .value=${this.values[key]} ?required=${required} maxlength="5000" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described} @input=${onInput}></textarea>`
        : html`<input id=${key} data-field=${field ?? key} .value=${this.values[key]} ?required=${required} autocomplete=${autocomplete}
            type=${key === 'phone' ? 'tel' : key === 'email' ? 'email' : 'text'} inputmode=${key === 'phone' ? 'tel' : key === 'email' ? 'email' : nothing} maxlength="200" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described} @input=${onInput} />`}
      ${err ? html`<p class="error" id=${`${key}-error`}>${err}</p>` : nothing}
      <p class="hint" id=${`${key}-hint`}>${hint}</p>
    </div>`;
  }

  private renderLocation(m: ReportFormMessages) {
    const p = this.values.position;
    const err = this.errors.location;
    return html`<fieldset class="location" aria-describedby=${err ? 'location-hint location-error' : 'location-hint'}>
      <legend>${m.location} <span class="req">(${m.required})</span></legend>
      <p class="hint" id="location-hint">${m.locationHint}</p>
      ${err ? html`<p class="error" id="location-error">${err}</p>` : nothing}
      <div class="map" part="map" role="region" aria-label=${m.map} aria-describedby="map-hint" data-field="location" tabindex="0"></div>
      <p class="hint" id="map-hint">${m.mapKeyboardHint}</p>
      <div class="row">
        <button part="button" type="button" class="secondary" @click=${() => this.pinCentre()}>${m.pinHere}</button>
        <button part="button" type="button" class="secondary" ?disabled=${this.locating} @click=${() => this.useMyPosition()}>${this.locating ? m.locating : m.useMyPosition}</button>
        ${p ? html`<button part="button" type="button" class="secondary" @click=${() => this.setPosition(null)}>${m.clearPin}</button>` : nothing}
      </div>
      <p class="coords" role="status">${p ? m.pinnedAt(p.lat.toFixed(5), p.lng.toFixed(5)) : m.noPin}${this.positionFailed ? html`<br /><span class="error">${m.positionFailed}</span>` : nothing}</p>
      <div class="field">
        <label for="ward">${m.ward}</label>
        <input id="ward" autocomplete="address-level3" .value=${this.values.ward} @input=${(e: Event) => this.setValue('ward', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="address">${m.address}</label>
        <input id="address" autocomplete="street-address" aria-describedby="address-hint" .value=${this.values.address}
          @input=${(e: Event) => this.setValue('address', (e.target as HTMLInputElement).value)} />
        <p class="hint" id="address-hint">${m.addressHint}</p>
      </div>
    </fieldset>`;
  }
}
