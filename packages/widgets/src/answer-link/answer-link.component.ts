import { answerThroughLink, openAnswerLink, type AnswerLinkQuery, type AnswerLinkRefusal } from '@paht/client-sdk/public';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { formatInstant, withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import { ANSWER_LINK_MESSAGES, type AnswerLinkMessages } from './answer-link.messages.js';
import { answerLinkStyles } from './answer-link.styles.js';

export type AnswerLinkView = Extract<AnswerLinkQuery['answerLink'], { __typename: 'AnswerLinkView' }>;
export type AnswerLinkState =
  | { kind: 'idle' }
  | { kind: 'no-link' }
  | { kind: 'loading' }
  | { kind: 'refused'; reason: AnswerLinkRefusal }
  | { kind: 'failed'; requestId: string | null }
  | { kind: 'misconfigured' }
  | { kind: 'ready'; view: AnswerLinkView };
/** The answer form: `error` in the widget's language; `sent` once the answer went through. */
export type AnswerFormState = { sending: boolean; error: string | null; sent: boolean };

/**
 * @summary The page a contractor or a commune without an account opens from
 * a unit's answer link: the report (never the reporter's contact), the
 * link's expiry, and a form that sends the unit's answer once, with photos;
 * the unit leader approves it. Reads `report` and `token` from the page's
 * `#fragment` (`#report=…&token=…`, as `<paht-unit-queue>` builds the link)
 * unless `report-id` and `token` are set.
 *
 * @event paht-answer-sent - The answer was sent; `detail` is `{ reportId }`.
 * @event paht-error - The widget cannot work; `detail` is `{ code, message, requestId }`.
 *
 * @csspart button - Every button.
 * @csspart summary - The report's details.
 * @csspart form - The answer form.
 */
export class PahtAnswerLink extends PahtElement {
  static override styles = answerLinkStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    reportId: { type: String, attribute: 'report-id' },
    token: { type: String },
    state: { attribute: false },
    form: { attribute: false },
  };

  /** The report the link is for. Default: from the page's `#report=`. */
  declare reportId: string;
  /** The link's signed token. Default: from the page's `#token=`. */
  declare token: string;
  /** What is shown (set it to show fixed data). */
  declare state: AnswerLinkState;
  declare form: AnswerFormState;

  #opened = '';

  constructor() {
    super();
    this.reportId = '';
    this.token = '';
    this.state = { kind: 'idle' };
    this.form = { sending: false, error: null, sent: false };
  }

  protected get m(): AnswerLinkMessages {
    return withOverrides(ANSWER_LINK_MESSAGES[this.language], this.language, this.messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.reportId && !this.token && typeof location !== 'undefined' && location.hash.length > 1) {
      const hash = new URLSearchParams(location.hash.slice(1));
      this.reportId = hash.get('report') ?? '';
      this.token = hash.get('token') ?? '';
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('state') && this.state.kind !== 'idle') return;
    const key = `${this.reportId}\n${this.token}\n${this.settings.endpoint}\n${this.settings.tenant}`;
    if (this.state.kind === 'idle' && key !== this.#opened) {
      this.#opened = key;
      void this.open();
    }
  }

  /** Opens the report the link is for. */
  async open(): Promise<void> {
    if (!this.reportId || !this.token) {
      this.state = { kind: 'no-link' };
      return;
    }
    const missing = this.missingSetting;
    if (missing) {
      this.state = { kind: 'misconfigured' };
      this.reportError(missing);
      return;
    }
    this.state = { kind: 'loading' };
    try {
      const result = await openAnswerLink(this.client, { reportId: this.reportId, token: this.token });
      if (result.__typename === 'AnswerLinkView') this.state = { kind: 'ready', view: result };
      else if (result.__typename === 'AnswerLinkRefusedError') this.state = { kind: 'refused', reason: result.reason };
      else this.state = { kind: 'failed', requestId: null };
    } catch (error) {
      this.state = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
    }
  }

  async #send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.state.kind !== 'ready' || this.form.sending) return;
    const form = event.target as HTMLFormElement;
    const text = (form.elements.namedItem('answer') as HTMLTextAreaElement).value.trim();
    const files = [...((form.elements.namedItem('photos') as HTMLInputElement | null)?.files ?? [])];
    if (!text) {
      this.form = { sending: false, error: this.m.answerRequired, sent: false };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#answer')?.focus();
      return;
    }
    this.form = { sending: true, error: null, sent: false };
    try {
      const uploadIds: string[] = [];
      for (const file of files) {
        const uploaded = await this.client.upload(file);
        if (uploaded.__typename !== 'UploadSuccess') {
          this.form = { sending: false, error: this.m.photoRefused(file.name, uploaded.code), sent: false };
          return;
        }
        uploadIds.push(uploaded.upload.id);
      }
      const result = await answerThroughLink(this.client, { reportId: this.reportId, token: this.token, answer: text, ...(uploadIds.length ? { uploadIds } : {}) });
      if (result.__typename === 'ReportTransition') {
        this.form = { sending: false, error: null, sent: true };
        this.emit('paht-answer-sent', { reportId: this.reportId });
        this.state = { kind: 'ready', view: { ...this.state.view, canAnswer: false } };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#sent')?.focus();
        return;
      }
      const error =
        result.__typename === 'AnswerLinkRefusedError'
          ? this.m.refused[result.reason]
          : result.__typename === 'ValidationError'
            ? this.language === 'en'
              ? result.messageEn
              : result.messageVi
            : result.__typename === 'ForbiddenError' || result.__typename === 'IllegalTransitionError'
              ? this.m.notOpen
              : this.m.failed(null);
      this.form = { sending: false, error, sent: false };
    } catch (error) {
      this.form = { sending: false, error: this.m.failed((error as { requestId?: string | null }).requestId ?? null), sent: false };
    }
  }

  override render() {
    const m = this.m;
    return html`<section aria-labelledby="heading">
      <h2 id="heading">${m.heading}</h2>
      <div aria-live="polite" aria-busy=${this.state.kind === 'loading' ? 'true' : 'false'}>${this.#renderState(m)}</div>
    </section>`;
  }

  #renderState(m: AnswerLinkMessages) {
    const s = this.state;
    switch (s.kind) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p class="hint">${m.loading}</p><span class="skeleton"></span><span class="skeleton short"></span>`;
      case 'no-link':
        return html`<p class="notice error-box" role="alert">${m.noLink}</p>`;
      case 'refused':
        return html`<p class="notice error-box" role="alert">${m.refused[s.reason]}</p>`;
      case 'failed':
        return html`<p class="notice error-box" role="alert">${m.failed(s.requestId)}</p>`;
      case 'misconfigured':
        return html`<p class="notice error-box" role="alert">${m.misconfigured}</p>`;
      case 'ready':
        return this.#renderReport(s.view, m);
    }
  }

  #renderReport(view: AnswerLinkView, m: AnswerLinkMessages) {
    const r = view.report;
    const name = (ref: { name: string; nameEn: string | null } | null) => (ref ? (this.language === 'en' && ref.nameEn) || ref.name : null);
    return html`<article aria-labelledby="report-title">
        <h3 id="report-title">${r.title}</h3>
        <dl part="summary">
          <dt>${m.trackingCode}</dt>
          <dd class="mono">${r.trackingCode}</dd>
          <dt>${m.status}</dt>
          <dd>${m.statuses[r.status]}</dd>
          ${r.category ? html`<dt>${m.category}</dt><dd>${name(r.category)}</dd>` : nothing}
          ${r.unit ? html`<dt>${m.unit}</dt><dd>${name(r.unit)}</dd>` : nothing}
          ${r.address ? html`<dt>${m.place}</dt><dd>${r.address}</dd>` : nothing}
          <dt>${m.description}</dt>
          <dd class="text">${r.description}</dd>
        </dl>
        <p class="hint" id="expiry">${m.expires(formatInstant(view.expiresAt, this.language))}</p>
      </article>
      ${this.form.sent
        ? html`<p class="notice ok" id="sent" tabindex="-1" role="status">${m.sent}</p>`
        : view.canAnswer
          ? this.#renderForm(m)
          : html`<p class="notice" role="status">${m.used}</p>`}`;
  }

  #renderForm(m: AnswerLinkMessages) {
    const f = this.form;
    return html`<form part="form" @submit=${(e: SubmitEvent) => void this.#send(e)} novalidate aria-describedby="intro">
      <p id="intro">${m.intro}</p>
      <div class="field">
        <label for="answer">${m.answer}</label>
        <textarea id="answer" name="answer" required maxlength="10000" aria-describedby=${f.error ? 'answer-hint answer-error' : 'answer-hint'} aria-invalid=${f.error ? 'true' : 'false'}></textarea>
        <p class="hint" id="answer-hint">${m.answerHint}</p>
      </div>
      <div class="field">
        <label for="photos">${m.photos}</label>
        <input id="photos" name="photos" type="file" accept="image/jpeg,image/png" multiple aria-describedby="photos-hint" />
        <p class="hint" id="photos-hint">${m.photosHint}</p>
      </div>
      ${f.error ? html`<p class="notice error-box" id="answer-error" role="alert">${f.error}</p>` : nothing}
      <button type="submit" part="button" ?disabled=${f.sending}>${f.sending ? m.sending : m.send}</button>
    </form>`;
  }
}
