import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const consoleStyles = [
  baseStyles,
  css`
    :host {
      --_bar: var(--paht-console-bar, var(--_primary));
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      padding: 0.5rem 1rem;
      background: var(--_bar);
      color: var(--_on-primary);
    }
    .bar p {
      margin: 0;
    }
    .app {
      font-weight: 700;
    }
    .bar-tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    .bar-button {
      background: transparent;
      border-color: var(--_on-primary);
      color: var(--_on-primary);
    }
    .bar-button:focus-visible {
      outline-color: var(--_on-primary);
    }
    .live {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font-weight: 600;
    }
    .dot {
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 50%;
      border: 2px solid var(--_on-primary);
    }
    .live-connected .dot {
      background: var(--_on-primary);
    }
    .live-closed .dot {
      border-style: dashed;
    }
    .workspace {
      padding: 0.5rem 1rem 1rem;
      min-width: 0;
    }
    .card {
      max-width: 26rem;
      margin: 1.5rem auto;
    }
    h1 {
      font-size: 1.4rem;
      margin: 0 0 1rem;
    }
    .sso {
      margin-top: 1rem;
      padding-top: 0.5rem;
      border-top: 1px solid var(--_subtle, #ddd);
    }
    .sso .or {
      margin: 0 0 0.5rem;
    }
  `,
];
