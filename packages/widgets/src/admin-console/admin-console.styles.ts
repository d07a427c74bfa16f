import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { staffStyles, staffTableStyles } from '../staff/staff.styles.js';

export const adminStyles = [
  baseStyles,
  staffStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .head,
    .section-head,
    .row-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .head,
    .section-head {
      justify-content: space-between;
    }
    .head h2,
    .section-head h3 {
      margin: 0.5rem 0;
    }
    .sections {
      list-style: none;
      margin: 0 0 0.75rem;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .tree,
    .cards {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .unit {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.4rem 0 0.4rem calc(var(--depth, 0) * 1rem);
      border-bottom: 1px solid var(--_subtle);
    }
    .unit-name {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .meta {
      font-size: 0.875rem;
    }
    .card-item {
      padding: 0.5rem 0.75rem;
      margin-bottom: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
    }
    .card-item p {
      margin: 0.2rem 0;
    }
    .card-item.past {
      border-style: dashed;
    }
    .table-wrap {
      /* Positioned, so the visually hidden texts inside are clipped with the table. */
      position: relative;
      max-width: 100%;
      overflow-x: auto;
      margin-bottom: 1rem;
    }
    ${staffTableStyles}
    tr.off th,
    tr.off td,
    .unit.off .unit-name {
      font-style: italic;
    }
    .settings {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
    }
    @container (min-width: 60rem) {
      .settings {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    .preview {
      min-width: 0;
      padding: 0.5rem;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .field-error {
      margin: 0.2rem 0 0;
      color: var(--_error);
      font-size: 0.875rem;
    }
    .preview-widget {
      min-width: 0;
    }
    .inline-form {
      margin-bottom: 0.75rem;
    }
    pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font-size: 0.8rem;
    }
    input.secret {
      font-family: ui-monospace, monospace;
    }
  `,
];
