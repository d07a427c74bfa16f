import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';
import { staffStyles, staffTableStyles } from '../staff/staff.styles.js';

export const overviewStyles = [
  baseStyles,
  staffStyles,
  css`
    :host {
      --_late: var(--paht-overview-overdue, var(--_error));
      container-type: inline-size;
    }
    .head,
    .tools,
    .group {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .head {
      justify-content: space-between;
    }
    .head h2 {
      margin: 0.5rem 0;
    }
    .tools label {
      margin: 0;
    }
    .tools select {
      width: auto;
    }
    .period {
      margin: 0.25rem 0 0.75rem;
    }
    .tiles {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
      gap: 0.5rem;
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .tile.alert {
      border-left: 0.35rem solid var(--_late);
    }
    .tile .label {
      font-weight: 600;
    }
    .tile .figure {
      font-size: 1.75rem;
      font-weight: 700;
      line-height: 1.1;
    }
    .tile .hint,
    .trend {
      font-size: 0.875rem;
    }
    .group {
      margin-bottom: 0.5rem;
    }
    .table-wrap {
      /* Positioned, so the visually hidden texts inside are clipped with the table. */
      position: relative;
      max-width: 100%;
      overflow-x: auto;
    }
    ${staffTableStyles}
    td {
      font-variant-numeric: tabular-nums;
    }
    td.late {
      font-weight: 700;
    }
    thead th {
      font-size: 0.875rem;
    }
  `,
];
