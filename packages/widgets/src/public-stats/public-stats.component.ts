import { getPublicIndicators, listPublicReports, PublicStatsDocument, ReportStatus, type Kpi } from '@paht/client-sdk/public';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { formatNumber, formatShare, withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import type { WidgetErrorCode } from '../shared/widget-errors.js';
import { renderFeed, type FeedState } from './public-feed.js';
import { renderIndicators, type IndicatorsState } from './public-indicators.js';
import { formatDuration, renderBars, renderRing, renderTable } from './public-stats.charts.js';
import { PUBLIC_STATS_MESSAGES, type PublicStatsMessages, type StatsGrouping } from './public-stats.messages.js';
import { publicStatsStyles } from './public-stats.styles.js';
import { kpiName, onTimeShare, rankUnits, vietnamToday } from './stats-math.js';

export interface PublicStatsData {
  total: Kpi | null;
  rows: Kpi[];
  units: Kpi[];
}

export type StatsState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; data: PublicStatsData }
  | { kind: 'offline' }
  | { kind: 'failed'; requestId: string | null }
  | { kind: 'misconfigured'; code: WidgetErrorCode };

type Grouping = StatsGrouping;
const GROUPINGS: Grouping[] = ['MONTH', 'UNIT', 'CATEGORY', 'AREA'];

/**
 * @summary Public figures of the tenant for a period: received, resolved,
 * on time, late, in progress, average handling time and satisfaction; a
 * bar chart per month, unit, topic or area with its table; the units'
 * ranking by on-time share.
 *
 * @event paht-stats-loaded - Figures arrived; `detail` is `{ from, to, groupBy, received }`.
 * @event paht-error - The figures cannot load (no endpoint, wrong key or tenant, no answer); `detail` is `{ code, message, requestId }`.
 *
 * @csspart cards - The headline figures.
 * @csspart chart - The bar chart.
 * @csspart table - The table behind the chart.
 * @csspart ranking - The units' ranking.
 * @csspart feed - The recently answered reports.
 * @csspart indicators - The tenant's public socio-economic indicators (with `indicators-period`).
 * @csspart button - Every button.
 * @csspart brand - The tenant's logo and name (shown when `branding` is `tenant`, the default).
 * @csspart logo - The tenant's logo (its text alternative is the tenant's name).
 *
 * @cssproperty --paht-chart-on-time - On-time bars. Default `#1a7f37`.
 * @cssproperty --paht-chart-overdue - Late bars. Default `#cf222e`.
 * @cssproperty --paht-chart-in-progress - In-progress bars. Default `#0b5cad`.
 * @cssproperty --paht-chart-rejected - Not-accepted bars. Default `#6e7781`.
 */
export class PahtPublicStats extends PahtElement {
  static override styles = publicStatsStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    from: { type: String },
    to: { type: String },
    groupBy: { type: String, attribute: 'group-by', reflect: true },
    rankingSize: { type: Number, attribute: 'ranking-size' },
    feedSize: { type: Number, attribute: 'feed-size' },
    state: { attribute: false },
    feed: { attribute: false },
    indicatorsPeriod: { type: String, attribute: 'indicators-period' },
    indicators: { attribute: false },
    showTable: { state: true },
  };

  /** First day, `YYYY-MM-DD`. Default: 1 January of this year (Vietnam time). Takes effect on the next load. */
  declare from: string;
  /** Last day, `YYYY-MM-DD`. Default: today (Vietnam time). */
  declare to: string;
  /** `MONTH` (default), `UNIT`, `CATEGORY` or `AREA`; the citizen can switch. */
  declare groupBy: string;
  /** How many units the ranking lists. Default 10. */
  declare rankingSize: number;
  /** How many recently answered public reports to list under the figures. Default 0 (no list). */
  declare feedSize: number;
  /** A period (`2026`, `2026-Q1`, `2026-03`) for the tenant's public socio-economic indicators under the figures. Default empty (no list). Takes effect on the next load. */
  declare indicatorsPeriod: string;
  /** The public indicators (set it to show fixed data). */
  declare indicators: IndicatorsState;
  /** What is shown (set it to show fixed data). */
  declare state: StatsState;
  /** The list of recent answers (set it to show fixed data). */
  declare feed: FeedState;
  declare protected showTable: boolean;

  constructor() {
    super();
    const today = vietnamToday();
    this.from = `${today.slice(0, 4)}-01-01`;
    this.to = today;
    this.groupBy = 'MONTH';
    this.rankingSize = 10;
    this.feedSize = 0;
    this.state = this.#initial;
    this.feed = { kind: 'off' };
    this.indicatorsPeriod = '';
    this.indicators = { kind: 'off' };
    this.showTable = false;
  }

  #onOnline = () => {
    if (this.state.kind === 'offline') void this.load();
  };
  /** What the last load asked for; a change of any input loads again. */
  #asked = '';
  /** Counts loads, so only the latest one's answer is shown. */
  #loads = 0;
  /** The state the constructor set: still there means nobody set fixed data, so the widget loads by itself. */
  readonly #initial: StatsState = { kind: 'idle' };

  protected get m(): PublicStatsMessages {
    return withOverrides(PUBLIC_STATS_MESSAGES[this.language], this.language, this.messages);
  }

  protected get grouping(): Grouping {
    return GROUPINGS.includes(this.groupBy as Grouping) ? (this.groupBy as Grouping) : 'MONTH';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  /** The inputs of a load, as one key. */
  #loadKey(): string {
    const { endpoint, tenant, apiKey } = this.settings;
    return JSON.stringify([endpoint, tenant, apiKey, this.from, this.to, this.grouping]);
  }

  protected override updated(changed: PropertyValues): void {
    // Every input is live: a change of `endpoint`, `tenant`, `api-key`,
    // `from`, `to` or `group-by` loads again. With nothing to load from,
    // the widget says so instead of loading forever, unless fixed data was
    // set from outside.
    const inputs = ['endpoint', 'tenant', 'apiKey', 'from', 'to', 'groupBy'];
    if (this.state === this.#initial || (inputs.some((p) => changed.has(p)) && this.#asked !== '' && this.#loadKey() !== this.#asked)) {
      void this.load();
      return;
    }
    // `feed-size` too: set later, the list appears (or goes at 0).
    if (changed.has('feedSize') && changed.get('feedSize') !== undefined && this.#asked !== '' && this.state.kind === 'ready') {
      if (this.feedSize > 0) void this.loadFeed();
      else this.feed = { kind: 'off' };
    }
  }

  /** Loads the figures for the period and grouping. */
  async load(): Promise<void> {
    this.#asked = this.#loadKey();
    const load = ++this.#loads;
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
    const groupBy = this.grouping;
    try {
      const answer = await this.client.request(PublicStatsDocument, { from: this.from, to: this.to, groupBy });
      if (load !== this.#loads) return;
      if (answer.total.__typename !== 'KpisSuccess' || answer.rows.__typename !== 'KpisSuccess' || answer.units.__typename !== 'KpisSuccess') {
        this.state = { kind: 'failed', requestId: null };
        return;
      }
      const data = { total: answer.total.data[0] ?? null, rows: answer.rows.data, units: answer.units.data };
      this.state = { kind: 'ready', data };
      this.emit('paht-stats-loaded', { from: this.from, to: this.to, groupBy, received: data.total?.received ?? 0 });
      if (this.feedSize > 0) void this.loadFeed();
      if (this.indicatorsPeriod) void this.loadIndicators();
    } catch (error) {
      if (load !== this.#loads) return;
      const e = error as { name?: string; requestId?: string | null };
      this.state = e?.name === 'NetworkError' && navigator.onLine === false ? { kind: 'offline' } : { kind: 'failed', requestId: e?.requestId ?? null };
      this.reportError(error);
    }
  }

  /** Loads the recently answered public reports (after the figures, so they come first on a slow network). */
  async loadFeed(): Promise<void> {
    this.feed = { kind: 'loading' };
    try {
      const page = await listPublicReports(this.client, { first: Math.min(20, Math.max(1, this.feedSize)), filter: { status: [ReportStatus.PUBLISHED, ReportStatus.CLOSED] } });
      this.feed = page.__typename === 'ReportPage' ? { kind: 'ready', items: page.reports } : { kind: 'failed' };
    } catch {
      this.feed = { kind: 'failed' };
    }
  }

  /** Loads the public indicators' figures for `indicators-period`. */
  async loadIndicators(): Promise<void> {
    const period = this.indicatorsPeriod;
    this.indicators = { kind: 'loading' };
    try {
      const answer = await getPublicIndicators(this.client, { period });
      this.indicators = answer.__typename === 'PublicIndicatorsSuccess' ? { kind: 'ready', period, items: answer.data } : { kind: 'failed' };
    } catch {
      this.indicators = { kind: 'failed' };
    }
  }

  private rowName(k: Kpi): string {
    if (this.grouping === 'MONTH' && /^\d{4}-\d{2}$/.test(k.key)) {
      const [y, mo] = k.key.split('-').map(Number);
      return new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'vi-VN', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, mo! - 1, 1));
    }
    return kpiName(k, this.language) ?? (k.key ? k.key : this.m.unknown);
  }

  override render() {
    const m = this.m;
    const day = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : iso);
    return html`${this.renderBrand()}<section aria-labelledby="stats-heading" aria-busy=${this.state.kind === 'loading' ? 'true' : 'false'}>
      <h2 id="stats-heading">${m.heading}</h2>
      <p class="hint">${m.period(day(this.from), day(this.to))}</p>
      ${this.renderState(m)}
    </section>`;
  }

  private renderState(m: PublicStatsMessages) {
    switch (this.state.kind) {
      case 'idle':
      case 'loading':
        return html`<p class="hint" role="status">${m.loading}</p>
          <div class="cards" aria-hidden="true">${[1, 2, 3, 4].map(() => html`<div class="card"><span class="skeleton"></span><span class="skeleton"></span></div>`)}</div>`;
      case 'offline':
        return html`<p class="notice" role="status">${m.offline}</p>`;
      case 'misconfigured':
        return html`<p class="notice error-box" role="alert">${m.misconfigured(this.state.code)}</p>`;
      case 'failed':
        return html`<div class="notice error-box" role="alert"><p>${m.failed(this.state.requestId)}</p>
          <button part="button" type="button" class="secondary" @click=${() => void this.load()}>${m.retry}</button></div>`;
      case 'ready':
        return this.renderData(this.state.data, m);
    }
  }

  private renderData(data: PublicStatsData, m: PublicStatsMessages) {
    const lang = this.language;
    const t = data.total;
    if (!t || t.received === 0) return html`<p class="notice">${m.empty}</p>`;
    const n = (v: number) => formatNumber(v, lang);
    const share = onTimeShare(t);
    const group = m.groups[this.grouping];
    // Months in time order (as the server gives them); the rest biggest first.
    const rows = data.rows.map((r) => ({ ...r, name: this.rowName(r) }));
    if (this.grouping !== 'MONTH') rows.sort((a, b) => b.received - a.received || a.name.localeCompare(b.name, 'vi'));
    const ranking = rankUnits(data.units, this.rankingSize);
    return html`
      <div class="cards" part="cards">
        <div class="card"><span class="figure">${n(t.received)}</span><span class="what">${m.received}</span></div>
        <div class="card"><span class="figure">${n(t.resolved)}</span><span class="what">${m.resolved}</span></div>
        <div class="card ring-card">
          ${renderRing(share)}
          <div><span class="figure">${formatShare(share, lang)}</span><span class="what">${m.onTimeShare}</span>
          <span class="sub">${m.onTime}: ${n(t.onTime)} · ${m.overdue}: ${n(t.overdue)}</span></div>
        </div>
        <div class="card"><span class="figure">${n(t.inProgress)}</span><span class="what">${m.inProgress}</span></div>
        <div class="card"><span class="figure">${formatDuration(t.avgResolutionHours, m, lang)}</span><span class="what">${m.avgTime}</span></div>
        <div class="card"><span class="figure">${formatShare(t.satisfiedShare, lang)}</span><span class="what">${m.satisfaction}</span></div>
      </div>

      <div class="group-by" role="group" aria-label=${m.groupBy}>
        <span class="label" aria-hidden="true">${m.groupBy}:</span>
        ${GROUPINGS.map(
          (g) => html`<button part="button" type="button" class=${g === this.grouping ? '' : 'secondary'} aria-pressed=${g === this.grouping ? 'true' : 'false'}
            @click=${() => (this.groupBy = g)}>${m.groups[g]}</button>`,
        )}
      </div>

      <figure part="chart" class="chart" aria-labelledby="chart-title">
        <figcaption id="chart-title"><h3>${m.chartTitle(group)}</h3><p class="visually-hidden">${m.chartSummary(rows.length)}</p></figcaption>
        ${rows.length ? renderBars(rows, m, lang) : html`<p>${m.empty}</p>`}
        <button part="button" type="button" class="secondary" aria-expanded=${this.showTable ? 'true' : 'false'} aria-controls="chart-table"
          @click=${() => (this.showTable = !this.showTable)}>${this.showTable ? m.hideTable : m.showTable}</button>
      </figure>
      <div part="table">${renderTable('chart-table', m.tableCaption(group), rows, m, lang, this.showTable)}</div>

      <section part="ranking" class="ranking" aria-labelledby="ranking-title">
        <h3 id="ranking-title">${m.ranking}</h3>
        <p class="hint">${m.rankingIntro}</p>
        ${ranking.length
          ? html`<ol>
              ${ranking.map(
                (u) => html`<li>
                  <span class="unit">${kpiName(u, lang) ?? u.key}</span>
                  <span class="share">${formatShare(onTimeShare(u), lang)}</span>
                  <span class="sub">${m.rankLine(n(u.onTime), n(u.resolved))}${u.satisfiedShare !== null ? html` · ${m.satisfaction} ${formatShare(u.satisfiedShare, lang)}` : nothing}</span>
                </li>`,
              )}
            </ol>`
          : html`<p>${m.rankingEmpty}</p>`}
      </section>
      ${renderIndicators(this.indicators, m, this.language)}
      ${renderFeed(this.feed, m, this.language)}
    `;
  }
}
