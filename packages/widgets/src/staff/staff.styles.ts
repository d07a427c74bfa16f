import { css } from 'lit';

/** What the staff components share beyond the widgets' base: dialogs, fact lists, key caps, choices. */
export const staffStyles = css`
  dialog {
    width: min(36rem, calc(100vw - 1rem));
    max-height: calc(100vh - 2rem);
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin-top: 0;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  fieldset.choices {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    font-weight: 400;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
  }
  kbd {
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
    padding: 0 0.35em;
    border: 1px solid currentColor;
    border-radius: 3px;
  }
  dl.facts,
  dl.shortcuts {
    margin: 0.5rem 0;
  }
  dl.facts div,
  dl.shortcuts div {
    display: grid;
    grid-template-columns: minmax(6rem, 1fr) minmax(0, 2fr);
    gap: 0.5rem;
    padding: 0.25rem 0;
    border-bottom: 1px solid var(--_subtle);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** The wide data tables of the admin console and the leader overview (scrolled sideways inside their box on narrow screens). */
export const staffTableStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    min-width: 36rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--_subtle);
    vertical-align: top;
  }
`;
