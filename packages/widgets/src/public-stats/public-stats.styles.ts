import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const publicStatsStyles = [
  baseStyles,
  css`
    :host {
      --_on-time: var(--paht-chart-on-time, #1a7f37);
      --_overdue: var(--paht-chart-overdue, #cf222e);
      --_in-progress: var(--paht-chart-in-progress, #0b5cad);
      --_rejected: var(--paht-chart-rejected, #6e7781);
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
      gap: 0.75rem;
      margin: 1rem 0;
    }
    .card {
      display: flex;
      flex-direction: column;
      gap: 0.15rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    .ring-card {
      flex-direction: row;
      align-items: center;
      gap: 0.75rem;
      grid-column: span 2;
    }
    .ring-card > div {
      display: flex;
      flex-direction: column;
    }
    @media (max-width: 30rem) {
      .ring-card {
        grid-column: auto;
        flex-direction: column;
        align-items: flex-start;
      }
    }
    .figure {
      font-size: 1.6rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      line-height: 1.2;
    }
    .what {
      color: var(--_muted);
    }
    .sub {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .ring-track {
      fill: none;
      stroke: #d0d7de;
      stroke-width: 12;
    }
    .ring-value {
      fill: none;
      stroke: var(--_on-time);
      stroke-width: 12;
    }
    .group-by {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 1rem 0;
    }
    .group-by .label {
      font-weight: 600;
    }
    figure {
      margin: 0;
    }
    figcaption h3 {
      margin-top: 0;
    }
    .legend {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      padding: 0;
      margin: 0 0 0.5rem;
      font-size: 0.9em;
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      border-radius: 2px;
      margin-right: 0.35rem;
      vertical-align: -0.1rem;
    }
    .bar-row {
      margin: 0 0 0.6rem;
    }
    .bar-label {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      font-size: 0.9em;
    }
    .bar-label span:first-child {
      overflow-wrap: anywhere;
    }
    .bar-value {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .bar {
      display: block;
    }
    .bar-bg {
      fill: var(--_subtle);
    }
    .seg-onTime {
      fill: var(--_on-time);
      background: var(--_on-time);
    }
    .seg-overdue {
      fill: var(--_overdue);
      background: var(--_overdue);
    }
    .seg-inProgress {
      fill: var(--_in-progress);
      background: var(--_in-progress);
    }
    .seg-rejected {
      fill: var(--_rejected);
      background: var(--_rejected);
    }
    /* The table scrolls inside the widget: its width never reaches the page,
       in any host layout (inline-size containment keeps it out of the
       widget's min-content, so a grid or flex parent cannot grow for it). */
    .table-wrap {
      overflow-x: auto;
      contain: inline-size;
      max-width: 100%;
      margin: 0.75rem 0;
    }
    .table-wrap:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9em;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0 0 0.5rem;
    }
    th,
    td {
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid var(--_border);
      text-align: right;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
    .ranking ol {
      padding-left: 1.75rem;
      margin: 0.5rem 0;
    }
    .indicators ul {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
    }
    .ranking li,
    .indicators li {
      padding: 0.35rem 0;
      border-bottom: 1px solid var(--_subtle);
    }
    .ranking .unit,
    .indicators .unit {
      font-weight: 600;
    }
    .ranking .share,
    .indicators .share {
      float: right;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .ranking .sub,
    .indicators .sub {
      display: block;
    }
    .feed ul {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0;
    }
    .feed li {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--_subtle);
    }
    .feed p {
      margin: 0;
    }
    .feed-title {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .feed-answer {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, 'Roboto Mono', monospace;
    }
  `,
];
