import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { staffStyles } from '../staff/staff.styles.js';
import { triageStyles } from './inbox-triage.styles.js';

export const inboxStyles = [
  baseStyles,
  staffStyles,
  css`
    :host {
      --_overdue: var(--paht-inbox-overdue, var(--_error));
      --_due-soon: var(--paht-inbox-warning, var(--_warning));
      container-type: inline-size;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .head h2 {
      margin: 0.5rem 0;
    }
    .tools,
    .bulk {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .bulk {
      min-height: 2.75rem;
    }
    .count {
      margin: 0;
      font-weight: 600;
    }
    .filters {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0 0.75rem;
      padding: 0.75rem;
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .filters .field {
      margin-bottom: 0.5rem;
    }
    .search-row {
      display: flex;
      gap: 0.5rem;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
      margin-top: 0.75rem;
    }
    @container (min-width: 40rem) {
      .filters {
        grid-template-columns: repeat(4, minmax(0, 1fr));
      }
      .filters .search {
        grid-column: 1 / -1;
      }
    }
    @container (min-width: 64rem) {
      .layout {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      }
      .detail-pane {
        position: sticky;
        top: 0;
        align-self: start;
      }
    }
    .rows {
      list-style: none;
      margin: 0.5rem 0;
      padding: 0;
      border-top: 1px solid var(--_border);
    }
    .row {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0 0.5rem;
      align-items: start;
      padding: 0.5rem;
      border-bottom: 1px solid var(--_border);
      border-left: 4px solid transparent;
    }
    .row.active {
      border-left-color: var(--_primary);
      background: var(--_subtle);
    }
    .row.selected {
      background: var(--_subtle);
    }
    .row input[type='checkbox'] {
      width: 1.5rem;
      height: 1.5rem;
      margin: 0.6rem 0.25rem;
    }
    .open {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      text-align: left;
      min-width: 0;
      background: transparent;
      color: var(--_text);
      border: 0;
      padding: 0.25rem;
      font-weight: 400;
    }
    .open .code {
      font-weight: 700;
      color: var(--_primary);
    }
    .open .title {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .open .meta {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .due {
      grid-column: 2;
      font-size: 0.9em;
      color: var(--_muted);
      padding: 0 0.25rem;
    }
    .due-BREACHED {
      color: var(--_overdue);
    }
    .due-WARNING {
      color: var(--_due-soon);
    }
    .detail-pane {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75rem;
      min-width: 0;
    }
    .detail-pane h3 {
      margin-top: 0;
      overflow-wrap: anywhere;
    }
    h4 {
      margin: 0.75rem 0 0.25rem;
    }
    .text {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .timeline {
      margin: 0;
      padding-left: 1.25rem;
    }
    .timeline .when {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .timeline .note {
      display: block;
      overflow-wrap: anywhere;
    }
  `,
  triageStyles,
];
