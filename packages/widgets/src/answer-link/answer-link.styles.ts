import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.js';

export const answerLinkStyles = [
  baseStyles,
  css`
    dl {
      display: grid;
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
      gap: 0.25rem 1rem;
      margin: 0 0 0.5rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: ui-monospace, monospace;
    }
    .text {
      white-space: pre-line;
    }
    @media (max-width: 30rem) {
      dl {
        grid-template-columns: minmax(0, 1fr);
      }
      dd {
        margin-bottom: 0.5rem;
      }
    }
  `,
];
