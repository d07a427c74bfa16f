import { createClient, ServerError, type Report } from '@paht/client-sdk';
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { trackerStyles } from './report-tracker.styles.js';
import { formatInstant, trackerMessages, type TrackerMessages } from './report-tracker.messages.js';

type TrackerState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'found'; report: Report }
  | { kind: 'not-found' }
  | { kind: 'failed'; requestId: string | null };

/**
 * @summary Lets a citizen follow a report by its tracking code: status,
 * handling unit, deadline and the public timeline. Shows nothing private.
 *
 * @event paht-report-found - A report was found; `detail` is `{ trackingCode, status }`.
 *
 * @csspart form - The tracking-code form.
 * @csspart input - The tracking-code input.
 * @csspart button - The lookup button.
 * @csspart summary - Status, unit and deadline.
 * @csspart timeline - The list of steps.
 *
 * @cssproperty --paht-tracker-accent - Button colour. Default: `--paht-color-primary`.
 * @cssproperty --paht-tracker-border - Borders and the timeline line. Default: `--paht-color-border`.
 */
export class PahtReportTracker extends LitElement {
  static override styles = trackerStyles;

  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    tenant: { type: String },
    lang: { type: String, reflect: true },
    trackingCode: { type: String, attribute: 'tracking-code' },
    state: { state: true },
  };

  /** The GraphQL endpoint, e.g. `https://paht.example.gov.vn/graphql`. Required before a lookup. */
  declare endpoint: string;
  /** The tenant's slug, e.g. `quang-tri`. Required before a lookup. */
  declare tenant: string;
  /** `vi` (default) or `en`; takes effect on the next render. */
  declare lang: string;
  /** A code to look up as soon as the element is connected. Default: none. */
  declare trackingCode: string;
  declare protected state: TrackerState;

  constructor() {
    super();
    this.endpoint = '';
    this.tenant = '';
    this.lang = 'vi';
    this.trackingCode = '';
    this.state = { kind: 'idle' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.trackingCode) void this.track(this.trackingCode);
  }

  /** Looks a report up by its tracking code and shows it. */
  async track(trackingCode: string): Promise<void> {
    const code = trackingCode.trim();
    if (!code || !this.endpoint || !this.tenant) return;
    this.trackingCode = code;
    this.state = { kind: 'loading' };
    try {
      const result = await createClient({ endpoint: this.endpoint, tenant: this.tenant }).trackReport(code);
      if (result.__typename !== 'TrackedReport') {
        this.state = result.__typename === 'NotFoundError' ? { kind: 'not-found' } : { kind: 'failed', requestId: null };
        return;
      }
      this.state = { kind: 'found', report: result.report };
      this.dispatchEvent(
        new CustomEvent('paht-report-found', { detail: { trackingCode: result.report.trackingCode, status: result.report.status }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.state = { kind: 'failed', requestId: error instanceof ServerError ? error.requestId : null };
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('code') as HTMLInputElement | null;
    void this.track(input?.value ?? '');
  }

  override render() {
    const m = trackerMessages(this.lang);
    const busy = this.state.kind === 'loading';
    return html`
      <form part="form" @submit=${this.onSubmit}>
        <label>
          ${m.label}
          <input part="input" name="code" autocomplete="off" spellcheck="false" .value=${this.trackingCode} placeholder=${m.placeholder} required />
        </label>
        <button part="button" type="submit" ?disabled=${busy}>${m.submit}</button>
      </form>
      <div aria-live="polite">${this.renderState(m)}</div>
    `;
  }

  private renderState(m: TrackerMessages) {
    switch (this.state.kind) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<p class="message">${m.loading}</p>`;
      case 'not-found':
        return html`<p class="message" role="alert">${m.notFound}</p>`;
      case 'failed':
        return html`<p class="message" role="alert">${m.failed(this.state.requestId)}</p>`;
      case 'found':
        return this.renderReport(this.state.report, m);
    }
  }

  private renderReport(report: Report, m: TrackerMessages) {
    const unitName = report.unit ? (this.lang === 'en' && report.unit.nameEn) || report.unit.name : m.noUnit;
    return html`
      <dl part="summary">
        <dt>${m.label}</dt>
        <dd>${report.trackingCode}</dd>
        <dt>${m.status}</dt>
        <dd>${m.statuses[report.status]}</dd>
        <dt>${m.unit}</dt>
        <dd>${unitName}</dd>
        <dt>${m.deadline}</dt>
        <dd>${report.dueAt ? formatInstant(report.dueAt, m) : m.noDeadline}</dd>
        ${report.answer ? html`<dt>${m.answer}</dt><dd>${report.answer}</dd>` : nothing}
      </dl>
      <h3>${m.timeline}</h3>
      <ol part="timeline">
        ${report.timeline.map(
          (entry) => html`<li>
            <strong>${m.events[entry.type]}</strong>
            <time datetime=${entry.at}>${formatInstant(entry.at, m)}</time>
            ${entry.note ? html`<div>${entry.note}</div>` : nothing}
          </li>`,
        )}
      </ol>
    `;
  }
}
