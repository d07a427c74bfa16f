import { provideInfo, RateReportDocument, reopenReport, TrackReportDocument, type ExpectedError, type Report, type ReportEventType } from '@paht/client-sdk/public';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import type { WidgetErrorCode } from '../shared/widget-errors.js';
import { idleText, refusalText, renderReopen, renderReply, type CitizenAction, type TextFormState } from './citizen-actions.js';
import { watchReportStatus, type LiveState } from './live-status.js';
import { TRACKER_MESSAGES, type TrackerMessages } from './report-tracker.messages.js';
import { renderRating, renderReport, type RatingState } from './report-tracker.parts.js';
import { trackerStyles } from './report-tracker.styles.js';

export type TrackerState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  /** `actions`: the steps the viewer may take now, as the API lists them (`TrackedReport.actions`); none when absent. */
  | { kind: 'found'; report: Report; access: 'PUBLIC' | 'CITIZEN'; actions?: readonly ReportEventType[] }
  | { kind: 'not-found' }
  | { kind: 'wrong-secret' }
  | { kind: 'offline' }
  | { kind: 'failed'; requestId: string | null }
  | { kind: 'misconfigured'; code: WidgetErrorCode };

/**
 * @summary Lets a citizen follow a report by its tracking code: status in
 * plain words, handling unit, deadline and timeliness, the timeline, the
 * answer with its files. With the secret: the citizen's view, live updates
 * while open, and the steps the API allows in the report's state: answering
 * the unit's question, rating the published answer, or reopening it with a
 * reason.
 *
 * @event paht-report-found - A report was found; `detail` is `{ trackingCode, status }`.
 * @event paht-report-changed - A live update arrived; `detail` is `{ trackingCode, status }`.
 * @event paht-report-rated - The citizen rated; `detail` is `{ trackingCode, rating }`.
 * @event paht-info-provided - The citizen answered the unit's question; `detail` is `{ trackingCode }`.
 * @event paht-report-reopened - The citizen sent the report back to the unit; `detail` is `{ trackingCode }`.
 * @event paht-error - The tracker cannot work (no endpoint, wrong key or tenant, no answer); `detail` is `{ code, message, requestId }`.
 *
 * @csspart form - The lookup form.
 * @csspart input - The inputs.
 * @csspart button - Every button.
 * @csspart brand - The tenant's logo and name (shown when `branding` is `tenant`, the default).
 * @csspart logo - The tenant's logo (its text alternative is the tenant's name).
 * @csspart summary - Status, unit and deadline.
 * @csspart timeline - The list of steps.
 * @csspart rating - The rating form.
 * @csspart reply - The form answering the unit's question.
 * @csspart reopen - The form asking to handle the report again.
 *
 * @cssproperty --paht-tracker-accent - Buttons and the status badge. Default: `--paht-color-primary`.
 * @cssproperty --paht-tracker-border - The timeline line. Default: `--paht-color-border`.
 */
export class PahtReportTracker extends PahtElement {
  static override styles = trackerStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    trackingCode: { type: String, attribute: 'tracking-code' },
    secret: { type: String },
    state: { attribute: false },
    live: { attribute: false },
    rating: { attribute: false },
    reply: { attribute: false },
    reopen: { attribute: false },
    sent: { attribute: false },
    announcement: { state: true },
  };

  /** A code to look up: when connected, and again whenever it (or `secret`, `endpoint`, `tenant`, `api-key`) changes. Default: none. */
  declare trackingCode: string;
  /** The report's secret, for the citizen's view (prefilled, e.g. from a link); a change looks the report up again. Default: none. */
  declare secret: string;
  /** What is shown (set it to show fixed data). */
  declare state: TrackerState;
  /** The live-updates connection. */
  declare live: LiveState;
  /** The rating form's state. */
  declare rating: RatingState;
  /** The form answering the unit's question. */
  declare reply: TextFormState;
  /** The form asking to handle the report again. */
  declare reopen: TextFormState;
  /** The step the citizen just took (its confirmation is shown and focused); null before. */
  declare sent: CitizenAction | null;
  declare protected announcement: string;

  #stopLive: (() => void) | null = null;
  #lastSeq = 0;
  /** What the last lookup asked for (code, secret, endpoint, tenant, key): a change of any of them looks up again. */
  #asked = '';
  /** Counts lookups, so only the latest one's answer is shown. */
  #lookup = 0;
  /** Counts fetches: live steps in quick succession fetch concurrently, and only the latest answer may be shown. */
  #fetch = 0;
  #onOnline = () => {
    if (this.state.kind === 'offline') void this.track(this.trackingCode, this.secret);
  };

  constructor() {
    super();
    this.trackingCode = '';
    this.secret = '';
    this.state = { kind: 'idle' };
    this.live = 'off';
    this.rating = { kind: 'idle', stars: 0, comment: '' };
    this.reply = idleText();
    this.reopen = idleText();
    this.sent = null;
    this.announcement = '';
  }

  protected get m(): TrackerMessages {
    return withOverrides(TRACKER_MESSAGES[this.language], this.language, this.messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.stopLive();
  }

  /** The inputs of a lookup, as one key. */
  #lookupKey(code: string, secret: string): string {
    const { endpoint, tenant, apiKey } = this.settings;
    return JSON.stringify([code.trim(), secret.trim(), endpoint, tenant, apiKey]);
  }

  protected override updated(changed: PropertyValues): void {
    // Every input is live: setting `tracking-code` (or `secret`, `endpoint`,
    // `tenant`, `api-key`) on a tracker already on the page looks up again.
    // A state set from outside (fixed data) is left alone.
    const inputs = ['trackingCode', 'secret', 'endpoint', 'tenant', 'apiKey'];
    if (!this.trackingCode.trim() || !inputs.some((p) => changed.has(p))) return;
    if (changed.has('state') && this.state.kind !== 'idle') return;
    if (this.#lookupKey(this.trackingCode, this.secret) !== this.#asked) void this.track(this.trackingCode, this.secret);
  }

  /** Looks a report up by its tracking code (and secret) and shows it; follows it live with the secret. */
  async track(trackingCode: string, secret = ''): Promise<void> {
    const code = trackingCode.trim();
    const key = secret.trim();
    if (!code) return;
    this.#asked = this.#lookupKey(code, key);
    const lookup = ++this.#lookup;
    this.trackingCode = code;
    this.secret = key;
    this.stopLive();
    this.reply = idleText();
    this.reopen = idleText();
    this.sent = null;
    const missing = this.missingSetting;
    if (missing) {
      this.state = { kind: 'misconfigured', code: missing };
      this.reportError(missing);
      return;
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.state = { kind: 'offline' };
      return;
    }
    this.state = { kind: 'loading' };
    await this.refresh();
    if (lookup !== this.#lookup) return;
    const state = this.state as TrackerState;
    if (state.kind === 'found') {
      this.emit('paht-report-found', { trackingCode: state.report.trackingCode, status: state.report.status });
      if (state.access === 'CITIZEN') this.startLive(state.report.trackingCode, key);
    }
  }

  /** Fetches the report again (after a live update or a rating); an answer overtaken by a later fetch is dropped. */
  private async refresh(): Promise<void> {
    const fetch = ++this.#fetch;
    try {
      const { trackReport: result } = await this.client.request(TrackReportDocument, {
        trackingCode: this.trackingCode,
        ...(this.secret ? { secret: this.secret } : {}),
      });
      if (fetch !== this.#fetch) return;
      if (result.__typename === 'TrackedReport') {
        this.state = { kind: 'found', report: result.report, access: result.access, actions: result.actions };
        this.#lastSeq = Math.max(this.#lastSeq, ...result.report.timeline.map((e) => e.seq));
      } else if (result.__typename === 'NotFoundError') {
        this.state = { kind: 'not-found' };
      } else {
        this.state = this.secret ? { kind: 'wrong-secret' } : { kind: 'failed', requestId: null };
      }
    } catch (error) {
      if (fetch !== this.#fetch) return;
      const e = error as { name?: string; requestId?: string | null };
      this.state = e?.name === 'NetworkError' && navigator.onLine === false ? { kind: 'offline' } : { kind: 'failed', requestId: e?.requestId ?? null };
      this.reportError(error);
    }
  }

  private startLive(trackingCode: string, secret: string): void {
    this.#lastSeq = 0;
    if (this.state.kind === 'found') this.#lastSeq = Math.max(0, ...this.state.report.timeline.map((e) => e.seq));
    this.#stopLive = watchReportStatus(this.client, trackingCode, secret, {
        onState: (state) => {
          this.live = state;
        },
        onUpdate: (update) => {
          if (update.entry.seq <= this.#lastSeq) return;
          this.#lastSeq = update.entry.seq;
          this.announcement = this.m.changed(this.m.statuses[update.status]);
          this.emit('paht-report-changed', { trackingCode: update.trackingCode, status: update.status });
          void this.refresh();
        },
    });
  }

  private stopLive(): void {
    this.#stopLive?.();
    this.#stopLive = null;
    this.live = 'off';
  }

  /** Sends the citizen's rating of the published answer. */
  async rate(stars: number, comment: string): Promise<void> {
    if (this.state.kind !== 'found') return;
    if (stars < 1 || stars > 5) {
      this.rating = { ...this.rating, kind: 'invalid' };
      return;
    }
    this.rating = { kind: 'sending', stars, comment };
    this.sent = null;
    try {
      const { rateReport } = await this.client.request(RateReportDocument, {
        trackingCode: this.state.report.trackingCode,
        secret: this.secret,
        rating: stars,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      if (rateReport.__typename !== 'ReportTransition') {
        this.rating = { kind: 'failed', stars, comment, error: await this.refused(rateReport) };
        return;
      }
      this.rating = { kind: 'done', stars, comment };
      this.emit('paht-report-rated', { trackingCode: this.state.report.trackingCode, rating: stars });
      await this.refresh();
    } catch {
      this.rating = { kind: 'failed', stars, comment };
    }
  }

  /** Answers the unit's question (the report is waiting for the citizen). */
  async provideInfo(text: string): Promise<void> {
    await this.sendText('PROVIDE_INFO', text);
  }

  /** Sends the published answer back to the unit, with the citizen's reason. */
  async reopenReport(reason: string): Promise<void> {
    await this.sendText('REOPEN', reason);
  }

  /** One text step: checked here first (required), then sent; refusals shown in the widget's language; focus follows. */
  private async sendText(action: 'PROVIDE_INFO' | 'REOPEN', text: string): Promise<void> {
    if (this.state.kind !== 'found') return;
    const form = action === 'PROVIDE_INFO' ? 'reply' : 'reopen';
    const set = (next: TextFormState) => (action === 'PROVIDE_INFO' ? (this.reply = next) : (this.reopen = next));
    if (!text.trim()) {
      set({ kind: 'invalid', text, error: null });
      await this.focusIn(`#${form}-text`);
      return;
    }
    set({ kind: 'sending', text, error: null });
    this.sent = null;
    const trackingCode = this.state.report.trackingCode;
    try {
      const variables = { trackingCode, secret: this.secret, reason: text.trim() };
      const result = action === 'PROVIDE_INFO' ? await provideInfo(this.client, variables) : await reopenReport(this.client, variables);
      if (result.__typename !== 'ReportTransition') {
        set({ kind: 'failed', text, error: await this.refused(result) });
        await this.focusIn(`#${form}-text`);
        return;
      }
      set(idleText());
      this.sent = action;
      this.emit(action === 'PROVIDE_INFO' ? 'paht-info-provided' : 'paht-report-reopened', { trackingCode });
      await this.refresh();
      await this.focusIn('#action-done');
    } catch {
      set({ kind: 'failed', text, error: this.m.actionFailed });
      await this.focusIn(`#${form}-text`);
    }
  }

  /** The citizen's words for a refusal; when the report has moved on, shows where it is now. */
  private async refused(error: ExpectedError): Promise<string> {
    const text = refusalText(error, this.language, this.m);
    if (error.__typename === 'IllegalTransitionError') await this.refresh();
    return text;
  }

  /** Moves the focus to an element of the tracker once it is rendered. */
  private async focusIn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
    void this.track(value('code'), value('secret'));
  }

  override render() {
    const m = this.m;
    const busy = this.state.kind === 'loading';
    return html`
      ${this.renderBrand()}
      <form part="form" @submit=${this.onSubmit} aria-labelledby="tracker-heading">
        <h2 id="tracker-heading">${m.heading}</h2>
        <div class="fields">
          <div class="field">
            <label for="code">${m.label}</label>
            <input part="input" id="code" name="code" autocomplete="off" spellcheck="false" autocapitalize="characters" .value=${this.trackingCode} placeholder=${m.placeholder} required />
          </div>
          <div class="field">
            <label for="secret">${m.secretLabel}</label>
            <input part="input" id="secret" name="secret" type="password" autocomplete="off" spellcheck="false" .value=${this.secret} aria-describedby="secret-hint" />
          </div>
        </div>
        <p class="hint" id="secret-hint">${m.secretHint}</p>
        <button part="button" type="submit" ?disabled=${busy}>${m.submit}</button>
      </form>
      <div aria-live="polite" aria-busy=${busy ? 'true' : 'false'}>${this.renderState(m)}</div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  private renderState(m: TrackerMessages) {
    switch (this.state.kind) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p class="message">${m.loading}</p><span class="skeleton"></span><span class="skeleton short"></span>`;
      case 'not-found':
        return html`<p class="notice error-box" role="alert">${m.notFound}</p>`;
      case 'wrong-secret':
        return html`<p class="notice error-box" role="alert">${m.wrongSecret}</p>`;
      case 'offline':
        return html`<p class="notice" role="status">${m.offline}</p>`;
      case 'failed':
        return html`<p class="notice error-box" role="alert">${m.failed(this.state.requestId)}</p>`;
      case 'misconfigured':
        return html`<p class="notice error-box" role="alert">${m.misconfigured(this.state.code)}</p>`;
      case 'found': {
        const { report, access } = this.state;
        const can = (action: CitizenAction) => access === 'CITIZEN' && (this.state.kind === 'found' && this.state.actions?.includes(action)) === true;
        return html`${renderReport(report, access, this.live, this.language, m, this.settings.endpoint)}
        ${this.sent ? html`<p class="notice ok" id="action-done" tabindex="-1" role="status">${this.sent === 'PROVIDE_INFO' ? m.replyDone : m.reopenDone}</p>` : nothing}
        ${can('PROVIDE_INFO') ? renderReply(report, this.reply, m, (next) => (this.reply = next), (text) => void this.provideInfo(text)) : nothing}
        ${can('RATE') || (access === 'CITIZEN' && report.rating !== null)
          ? renderRating(report, this.rating, m, (rating) => (this.rating = rating), (stars, comment) => void this.rate(stars, comment))
          : nothing}
        ${can('REOPEN') ? renderReopen(this.reopen, m, (next) => (this.reopen = next), (text) => void this.reopenReport(text)) : nothing}`;
      }
    }
  }
}
