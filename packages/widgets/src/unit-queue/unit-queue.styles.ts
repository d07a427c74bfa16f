import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { staffStyles } from '../staff/staff.styles.js';

export const queueStyles = [
  baseStyles,
  staffStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .head,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .head {
      justify-content: space-between;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
    }
    @container (min-width: 56rem) {
      .layout {
        grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      }
    }
    .rows,
    .timeline {
      margin: 0;
      padding: 0;
    }
    .rows {
      list-style: none;
    }
    .row {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--_subtle);
      overflow-wrap: anywhere;
    }
    .row.open {
      border-left: 0.3rem solid var(--_primary);
      padding-left: 0.5rem;
    }
    .row p,
    .meta {
      margin: 0.2rem 0;
      font-size: 0.875rem;
    }
    button.link {
      display: block;
      width: 100%;
      text-align: left;
      color: var(--_text);
      background: transparent;
      border: 0;
      padding: 0.25rem 0;
      min-height: 2.75rem;
    }
    .code {
      font-family: ui-monospace, monospace;
      font-weight: 600;
    }
    .late {
      color: var(--_error);
      font-weight: 600;
    }
    .timeline {
      padding-left: 1.25rem;
    }
    .timeline li {
      margin-bottom: 0.4rem;
      overflow-wrap: anywhere;
    }
    .description {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
];
