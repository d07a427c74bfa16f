import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const trackerStyles = [
  baseStyles,
  css`
    :host {
      --paht-tracker-accent: var(--paht-color-primary, var(--paht-tenant-primary, #0b5394));
      --paht-tracker-border: var(--paht-color-border, #6e7781);
      --_primary: var(--paht-tracker-accent);
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .fields .field {
      flex: 1 1 14rem;
      margin-bottom: 0.5rem;
    }
    form > button {
      margin-top: 0.5rem;
    }
    .message {
      margin: 1rem 0 0;
      color: var(--_muted);
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0.25rem 0 0.75rem;
    }
    .status,
    .timeliness {
      display: inline-block;
      padding: 0.15rem 0.6rem;
      border-radius: 999px;
      font-weight: 600;
      font-size: 0.9em;
    }
    .status {
      background: var(--paht-tracker-accent);
      color: var(--_on-primary);
    }
    .timeliness {
      border: 1px solid currentColor;
    }
    .timeliness[data-timeliness='ON_TIME'],
    .timeliness[data-timeliness='ON_TRACK'] {
      color: var(--_success);
    }
    .timeliness[data-timeliness='OVERDUE'],
    .timeliness[data-timeliness='BREACHED'] {
      color: var(--_error);
    }
    .timeliness[data-timeliness='WARNING'] {
      color: var(--_warning);
    }
    .live {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      color: var(--_muted);
      font-size: 0.9em;
      margin: 0 0 0.5rem;
    }
    .dot {
      width: 0.6rem;
      height: 0.6rem;
      border-radius: 50%;
      background: var(--_muted);
    }
    .live[data-live='live'] .dot {
      background: var(--_success);
    }
    dl {
      display: grid;
      grid-template-columns: minmax(6rem, max-content) 1fr;
      gap: 0.35rem 1rem;
      margin: 0.5rem 0 1rem;
    }
    dt {
      color: var(--_muted);
    }
    dd {
      margin: 0;
      min-width: 0;
    }
    .mono {
      font-family: ui-monospace, 'Roboto Mono', monospace;
      font-weight: 600;
    }
    .text {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .answer {
      padding: 0.25rem 1rem 0.75rem;
      border-left: 4px solid var(--_success);
      background: var(--_subtle);
      border-radius: var(--_radius);
    }
    .files {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .files a {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-height: 2.75rem;
    }
    .files img {
      width: 8rem;
      height: 6rem;
      object-fit: cover;
      border-radius: var(--_radius);
    }
    ol {
      list-style: none;
      padding: 0;
      margin: 0;
      border-left: 2px solid var(--paht-tracker-border);
    }
    ol li {
      position: relative;
      padding: 0 0 0.75rem 1rem;
    }
    ol li::before {
      content: '';
      position: absolute;
      left: -0.4rem;
      top: 0.45rem;
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: var(--paht-tracker-accent);
    }
    .step-unit,
    .step-status {
      display: block;
      font-size: 0.9em;
    }
    time {
      display: block;
      font-size: 0.875em;
      color: var(--_muted);
    }
    dd time {
      display: inline;
      font-size: inherit;
      color: inherit;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 1rem;
    }
    .stars {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .star {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 2.75rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      font-weight: 400;
      color: #7a4d00;
      cursor: pointer;
    }
    .star input {
      width: 1.2rem;
      height: 1.2rem;
      margin: 0;
    }
  `,
];
