import { type Kpi, type KpisResult } from '@paht/client-sdk/public';
import { overviewKpis } from '@paht/client-sdk/staff';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatInstant, formatNumber, formatShare, withOverrides, type Lang } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import type { StaffSession } from '../staff/staff-session.js';
import { followSession, renderLoadState } from '../staff/staff-workspace.js';
import { OVERVIEW_MESSAGES, type OverviewMessages } from './leader-overview.messages.js';
import { overviewStyles } from './leader-overview.styles.js';
import { onTimeShareOf, openCounts, overviewRows, periodEnding, trend, type OverviewData, type OverviewRow } from './overview-model.js';

export type OverviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; data: OverviewData }
  | { kind: 'forbidden' }
  | { kind: 'failed'; requestId: string | null };

export type OverviewGroup = 'UNIT' | 'CATEGORY';

const PERIODS = [7, 30, 90] as const;
/** The window of "due within 7 days" (the tiles' and columns' words say seven). */
const DUE_WITHIN_DAYS = 7;
const kpiRows = (r: KpisResult): Kpi[] | null => (r.__typename === 'KpisSuccess' ? r.data : null);

/**
 * @summary The leader's live picture of the tenant (or, for a unit leader,
 * what the API lets them read): open reports overdue now and due within
 * seven days, and the KPIs of the period against the previous one (the same
 * figures the `kpis` API answers), per unit and per category. Refreshes on
 * the session's live feed and every `refresh-seconds`.
 *
 * Needs a signed-in `session` (set by `<paht-staff-console>`).
 *
 * @event paht-error - The figures could not be loaded; `detail` is `{ code, message, requestId }`.
 *
 * @csspart button - Every button.
 * @csspart tiles - The key figures.
 * @csspart table - The table per unit or category.
 */
export class PahtLeaderOverview extends PahtElement {
  static override styles = overviewStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    session: { attribute: false },
    state: { attribute: false },
    groupBy: { type: String, attribute: 'group-by' },
    periodDays: { type: Number, attribute: 'period-days' },
    timeZone: { type: String, attribute: 'time-zone' },
    refreshSeconds: { type: Number, attribute: 'refresh-seconds' },
  };

  /** The signed-in staff member; the overview loads when it is set. Default: none. */
  declare session: StaffSession | null;
  /** What is shown (set it to show fixed data). */
  declare state: OverviewState;
  /** `UNIT` or `CATEGORY`: how the table groups. Default `UNIT`. */
  declare groupBy: OverviewGroup;
  /** Days in the period (ending today), compared with as many before. Default 30. */
  declare periodDays: number;
  /** The tenant's time zone, for local days. Default `Asia/Ho_Chi_Minh`. */
  declare timeZone: string;
  /** Reload this often even without a change on the feed (deadlines pass by themselves); 0: never. Default 60. */
  declare refreshSeconds: number;

  #session: StaffSession | null = null;
  #load = 0;
  #debounce: ReturnType<typeof setTimeout> | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #onChange = () => {
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => void this.load(), 500);
  };
  #onReconnected = () => void this.load();

  constructor() {
    super();
    this.session = null;
    this.state = { kind: 'idle' };
    this.groupBy = 'UNIT';
    this.periodDays = 30;
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.refreshSeconds = 60;
  }

  protected get m(): OverviewMessages {
    return withOverrides(OVERVIEW_MESSAGES[this.language], this.language, this.messages);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow(null);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('session') && this.session !== this.#session) {
      this.#follow(this.session);
      if (this.session) void this.load();
    } else if (changed.has('periodDays') && changed.get('periodDays') !== undefined && this.session) {
      void this.load();
    }
  }

  #follow(session: StaffSession | null): void {
    if (this.#timer) clearInterval(this.#timer);
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#timer = null;
    followSession(this.#session, session, { change: this.#onChange, reconnected: this.#onReconnected });
    this.#session = session;
    if (session && this.refreshSeconds > 0) this.#timer = setInterval(() => void this.load(), this.refreshSeconds * 1000);
  }

  /** Reads the KPIs of both periods and the open reports' deadlines again: one request. */
  async load(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const load = ++this.#load;
    if (this.state.kind !== 'ready') this.state = { kind: 'loading' };
    const now = Date.now();
    const period = periodEnding(now, this.periodDays, this.timeZone);
    try {
      const kpis = await overviewKpis(session.client, { ...period, dueWithinDays: DUE_WITHIN_DAYS });
      if (load !== this.#load) return;
      const open = kpis.openDeadlines;
      const results = [kpis.total, kpis.previousTotal, kpis.units, kpis.previousUnits, kpis.categories, kpis.previousCategories];
      if (open.__typename === 'ForbiddenError' || results.some((r) => r.__typename === 'ForbiddenError')) {
        this.state = { kind: 'forbidden' };
        return;
      }
      if (open.__typename !== 'OpenReportDeadlines' || results.some((r) => r.__typename !== 'KpisSuccess')) {
        this.state = { kind: 'failed', requestId: null };
        return;
      }
      const list = (r: KpisResult): Kpi[] => kpiRows(r) ?? [];
      this.state = {
        kind: 'ready',
        data: {
          period,
          total: list(kpis.total)[0] ?? null,
          previousTotal: list(kpis.previousTotal)[0] ?? null,
          open: openCounts(open.total),
          units: overviewRows(list(kpis.units), list(kpis.previousUnits), open.units),
          categories: overviewRows(list(kpis.categories), list(kpis.previousCategories), open.categories),
          readAt: new Date(now).toISOString(),
        },
      };
    } catch (error) {
      if (load !== this.#load) return;
      this.state = { kind: 'failed', requestId: (error as { requestId?: string | null }).requestId ?? null };
      this.reportError(error);
    }
  }

  override render() {
    const m = this.m;
    return html`<section class="overview" aria-labelledby="overview-heading">
      <div class="head">
        <h2 id="overview-heading">${m.heading}</h2>
        <div class="tools">
          <label for="period">${m.days}</label>
          <select id="period" @change=${(e: Event) => (this.periodDays = Number((e.target as HTMLSelectElement).value))}>
            ${PERIODS.map((d) => html`<option value=${d} ?selected=${d === this.periodDays}>${d}</option>`)}
          </select>
          <button type="button" class="secondary" part="button" @click=${() => void this.load()}>${m.reload}</button>
        </div>
      </div>
      <div aria-live="polite" aria-busy=${this.state.kind === 'loading' ? 'true' : 'false'}>${this.#renderState(m)}</div>
    </section>`;
  }

  #renderState(m: OverviewMessages) {
    return this.state.kind === 'ready' ? this.#renderData(this.state.data, m) : renderLoadState(this.state, m);
  }

  #renderData(data: OverviewData, m: OverviewMessages) {
    const lang = this.language;
    const t = data.total;
    const p = data.previousTotal;
    const rows = this.groupBy === 'CATEGORY' ? data.categories : data.units;
    return html`
      <p class="period">${m.period(data.period.from, data.period.to, Math.round((Date.parse(data.period.to) - Date.parse(data.period.from)) / 86_400_000) + 1)}<br />${m.previous(data.period.previousFrom, data.period.previousTo)}</p>
      <ul class="tiles" part="tiles" aria-label=${m.tiles}>
        ${tile('overdue-now', m.overdueNow, data.open.overdueNow, m.overdueNowHint, nothing, lang, true)}
        ${tile('due-week', m.dueThisWeek, data.open.dueThisWeek, m.dueThisWeekHint, nothing, lang)}
        ${tile('received', m.received, t?.received ?? 0, null, trendText(trend(t?.received ?? 0, p?.received), m, lang), lang)}
        ${tile('resolved', m.resolved, t?.resolved ?? 0, null, trendText(trend(t?.resolved ?? 0, p?.resolved), m, lang), lang)}
        ${tile('answered-late', m.answeredLate, t?.overdue ?? 0, m.answeredLateHint, trendText(trend(t?.overdue ?? 0, p?.overdue), m, lang), lang, true)}
        <li class="tile" data-kpi="on-time"><span class="label">${m.onTimeShare}</span><span class="figure">${formatShare(onTimeShareOf(t), lang)}</span></li>
      </ul>
      <div class="group" role="group" aria-label=${m.groupBy}>
        ${(['UNIT', 'CATEGORY'] as const).map(
          (g) => html`<button type="button" part="button" class=${g === this.groupBy ? '' : 'secondary'} aria-pressed=${g === this.groupBy ? 'true' : 'false'}
            @click=${() => (this.groupBy = g)}>${g === 'UNIT' ? m.byUnit : m.byCategory}</button>`,
        )}
      </div>
      ${rows.length ? this.#renderTable(rows, m) : html`<p class="notice">${m.empty}</p>`}
      <p class="hint">${m.readAt(formatInstant(data.readAt, lang))}. ${m.live}</p>`;
  }

  #renderTable(rows: OverviewRow[], m: OverviewMessages) {
    const lang = this.language;
    const caption = this.groupBy === 'CATEGORY' ? m.byCategory : m.byUnit;
    const name = (r: OverviewRow) => (r.key === '' ? (this.groupBy === 'CATEGORY' ? m.noCategory : m.noUnit) : ((lang === 'en' && r.labelEn) || r.label || r.key));
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${`${caption}. ${m.tableHint}`}>
      <table part="table">
        <caption class="visually-hidden">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${m.name}</th>
            <th scope="col">${m.overdueNow}</th>
            <th scope="col">${m.dueThisWeek}</th>
            <th scope="col">${m.received}</th>
            <th scope="col">${m.answeredLate}</th>
            <th scope="col">${m.resolved}</th>
            <th scope="col">${m.onTimeShare}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr data-key=${r.key}>
              <th scope="row">${name(r)}</th>
              <td class=${r.overdueNow ? 'late' : ''}>${formatNumber(r.overdueNow, lang)}</td>
              <td>${formatNumber(r.dueThisWeek, lang)}</td>
              <td>${formatNumber(r.kpi?.received ?? 0, lang)} ${trendText(trend(r.kpi?.received ?? 0, r.previous?.received), m, lang, true)}</td>
              <td>${formatNumber(r.kpi?.overdue ?? 0, lang)} ${trendText(trend(r.kpi?.overdue ?? 0, r.previous?.overdue), m, lang, true)}</td>
              <td>${formatNumber(r.kpi?.resolved ?? 0, lang)} ${trendText(trend(r.kpi?.resolved ?? 0, r.previous?.resolved), m, lang, true)}</td>
              <td>${formatShare(onTimeShareOf(r.kpi), lang)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

function tile(id: string, label: string, value: number, hint: string | null, trendPart: TemplateResult | typeof nothing, lang: Lang, alert = false) {
  return html`<li class=${`tile${alert && value > 0 ? ' alert' : ''}`} data-kpi=${id}>
    <span class="label">${label}</span>
    <span class="figure">${formatNumber(value, lang)}</span>
    ${trendPart} ${hint ? html`<span class="hint">${hint}</span>` : nothing}
  </li>`;
}

function trendText(delta: number | null, m: OverviewMessages, lang: Lang, compact = false): TemplateResult | typeof nothing {
  if (delta === null) return compact ? nothing : html`<span class="trend">${m.trendNone}</span>`;
  const n = formatNumber(Math.abs(delta), lang);
  const words = delta > 0 ? m.trendUp(n) : delta < 0 ? m.trendDown(n) : m.trendSame;
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '=';
  return compact
    ? html`<span class="trend"><span aria-hidden="true">${arrow}${delta ? n : ''}</span><span class="visually-hidden">(${words})</span></span>`
    : html`<span class="trend"><span aria-hidden="true">${arrow}</span> ${words}</span>`;
}
