import type { Kpi } from '@paht/client-sdk/public';
import { html, nothing, svg } from 'lit';
import { formatNumber, formatShare, type Lang } from '../shared/i18n.js';
import type { PublicStatsMessages } from './public-stats.messages.js';
import { onTimeShare } from './stats-math.js';

/** The segments of a row's bar, in order; together they make `received`. */
const SEGMENTS = ['onTime', 'overdue', 'inProgress', 'rejected'] as const;

/** A ring showing the on-time share, as inline SVG (decorative: the figure is in the text next to it). */
export function renderRing(share: number | null) {
  const r = 40;
  const c = 2 * Math.PI * r;
  const on = share === null ? 0 : Math.max(0, Math.min(1, share)) * c;
  return svg`<svg class="ring" viewBox="0 0 100 100" width="96" height="96" aria-hidden="true" focusable="false">
    <circle cx="50" cy="50" r=${r} class="ring-track" />
    <circle cx="50" cy="50" r=${r} class="ring-value" stroke-dasharray=${`${on} ${c - on}`} transform="rotate(-90 50 50)" />
  </svg>`;
}

/**
 * Horizontal stacked bars, one per row (label above, so it reads on a
 * phone): on time, late, in progress, not accepted. The bars are SVG with
 * percentage widths; the chart is hidden from assistive technology, which
 * gets the table instead.
 */
export function renderBars(rows: Array<Kpi & { name: string }>, m: PublicStatsMessages, lang: Lang) {
  const max = Math.max(1, ...rows.map((r) => r.received));
  return html`<div class="bars" aria-hidden="true">
    <ul class="legend">
      ${SEGMENTS.map((s) => html`<li><span class="swatch seg-${s}"></span>${m[s]}</li>`)}
    </ul>
    ${rows.map((row) => {
      let x = 0;
      return html`<div class="bar-row">
        <div class="bar-label"><span>${row.name}</span><span class="bar-value">${formatNumber(row.received, lang)}</span></div>
        <svg class="bar" width="100%" height="18" focusable="false">
          <rect class="bar-bg" x="0" y="0" width="100%" height="18" rx="3" />
          ${SEGMENTS.map((s) => {
            const w = (row[s] / max) * 100;
            const rect = w > 0 ? svg`<rect class=${`seg-${s}`} x=${`${x}%`} y="0" width=${`${w}%`} height="18" />` : nothing;
            x += w;
            return rect;
          })}
        </svg>
      </div>`;
    })}
  </div>`;
}

/** The chart's figures as a table: the accessible twin of the bars. */
export function renderTable(id: string, caption: string, rows: Array<Kpi & { name: string }>, m: PublicStatsMessages, lang: Lang, visible: boolean) {
  const n = (v: number) => formatNumber(v, lang);
  // Scrolls sideways on a phone, so it can take the keyboard focus (arrow keys scroll it).
  return html`<div class=${visible ? 'table-wrap' : 'visually-hidden'} id=${id} role=${visible ? 'region' : nothing} aria-label=${visible ? caption : nothing} tabindex=${visible ? '0' : nothing}>
    <table>
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${m.name}</th>
          <th scope="col">${m.received}</th>
          <th scope="col">${m.resolved}</th>
          <th scope="col">${m.onTime}</th>
          <th scope="col">${m.overdue}</th>
          <th scope="col">${m.inProgress}</th>
          <th scope="col">${m.onTimeShare}</th>
          <th scope="col">${m.avgTime}</th>
          <th scope="col">${m.satisfaction}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) => html`<tr>
            <th scope="row">${r.name}</th>
            <td>${n(r.received)}</td>
            <td>${n(r.resolved)}</td>
            <td>${n(r.onTime)}</td>
            <td>${n(r.overdue)}</td>
            <td>${n(r.inProgress)}</td>
            <td>${formatShare(onTimeShare(r), lang)}</td>
            <td>${formatDuration(r.avgResolutionHours, m, lang)}</td>
            <td>${formatShare(r.satisfiedShare, lang)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Hours as hours under two days, else as days. */
export function formatDuration(hours: number | null, m: PublicStatsMessages, lang: Lang): string {
  if (hours === null || Number.isNaN(hours)) return '–';
  return hours < 48 ? m.hours(formatNumber(hours, lang, 1)) : m.days(formatNumber(hours / 24, lang, 1));
}
