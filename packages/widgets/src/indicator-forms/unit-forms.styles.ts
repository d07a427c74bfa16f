import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { staffStyles, staffTableStyles } from '../staff/staff.styles.js';

export const unitFormsStyles = [
  baseStyles,
  staffStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .meta {
      font-size: 0.875rem;
    }
    .table-wrap {
      /* Positioned, so the visually hidden texts inside are clipped with the table. */
      position: relative;
      max-width: 100%;
      overflow-x: auto;
      margin-bottom: 1rem;
    }
    ${staffTableStyles}
    .state {
      font-weight: 600;
    }
    .state-overdue,
    .state-late {
      color: var(--_error);
    }
    .field-error {
      margin: 0.2rem 0 0;
      color: var(--_error);
      font-size: 0.875rem;
    }
    .entry h3 {
      margin: 0.75rem 0 0.5rem;
    }
    .period {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem;
    }
    .facts {
      overflow-wrap: anywhere;
    }
    .item {
      padding: 0.5rem 0.75rem;
      margin-bottom: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    .item .field {
      margin-bottom: 0.25rem;
    }
    .history summary {
      cursor: pointer;
    }
    textarea {
      min-height: 4rem;
    }
    .draft {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
    .draft-status {
      margin: 0;
      min-height: 1.5em;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    .draft-failed,
    .draft-conflict {
      color: var(--_error);
    }
  `,
];
