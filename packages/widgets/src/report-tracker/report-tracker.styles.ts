import { css } from 'lit';

export const trackerStyles = css`
  :host {
    --paht-tracker-accent: var(--paht-color-primary, #0b5cad);
    --paht-tracker-text: var(--paht-color-text, #1b1f24);
    --paht-tracker-muted: var(--paht-color-muted, #57606a);
    --paht-tracker-border: var(--paht-color-border, #d0d7de);
    --paht-tracker-radius: var(--paht-radius, 6px);
    --paht-tracker-font: var(--paht-font-family, system-ui, sans-serif);
    display: block;
    font-family: var(--paht-tracker-font);
    color: var(--paht-tracker-text);
  }
  :host([hidden]) {
    display: none;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 14rem;
  }
  input {
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--paht-tracker-border);
    border-radius: var(--paht-tracker-radius);
  }
  button {
    font: inherit;
    padding: 0.5rem 1rem;
    border: 0;
    border-radius: var(--paht-tracker-radius);
    background: var(--paht-tracker-accent);
    color: var(--paht-color-on-primary, #fff);
    cursor: pointer;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .message {
    margin: 1rem 0 0;
    color: var(--paht-tracker-muted);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 1rem 0;
  }
  dt {
    color: var(--paht-tracker-muted);
  }
  dd {
    margin: 0;
  }
  ol {
    list-style: none;
    padding: 0;
    margin: 0;
    border-left: 2px solid var(--paht-tracker-border);
  }
  li {
    padding: 0 0 0.75rem 1rem;
  }
  time {
    display: block;
    font-size: 0.875em;
    color: var(--paht-tracker-muted);
  }
`;
