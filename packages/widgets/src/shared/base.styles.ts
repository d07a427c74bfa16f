import { css } from 'lit';

/**
 * Design tokens and the controls every widget shares. Each token reads a
 * page-wide `--paht-*` custom property first, so a portal themes all widgets
 * at once; then the tenant's branding (`--paht-tenant-*`, see
 * tenant-branding.ts); the defaults meet WCAG AA contrast on white.
 */
export const baseStyles = css`
  :host {
    /* The portal's token first, then the tenant's branding (tenant-branding.ts), then ours. */
    --_primary: var(--paht-color-primary, var(--paht-tenant-primary, #0b5394));
    --_on-primary: var(--paht-color-on-primary, var(--paht-tenant-on-primary, #ffffff));
    --_primary-text: var(--paht-color-primary, var(--paht-tenant-primary-text, #0b5394));
    --_accent: var(--paht-color-accent, var(--paht-tenant-accent, #e69138));
    --_text: var(--paht-color-text, #1b1f24);
    --_muted: var(--paht-color-muted, #57606a);
    --_border: var(--paht-color-border, #6e7781);
    --_surface: var(--paht-color-surface, #ffffff);
    --_subtle: var(--paht-color-subtle, #f3f5f8);
    --_error: var(--paht-color-error, #b3261e);
    --_success: var(--paht-color-success, #116329);
    --_warning: var(--paht-color-warning, #7d4e00);
    --_focus: var(--paht-color-focus, #1f6feb);
    --_radius: var(--paht-radius, 6px);
    --_font: var(--paht-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    /* A widget holds its width in any host layout: as a grid or flex item
       it may shrink below its content, and never exceeds its container. */
    display: block;
    min-width: 0;
    max-width: 100%;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--paht-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3 {
    margin: 1rem 0 0.5rem;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox']):not([type='radio']):not([type='file']),
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error) !important;
    border-width: 2px !important;
  }
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
    font-weight: 600;
  }
  button.secondary {
    background: var(--_surface);
    color: var(--_primary-text);
  }
  button[disabled] {
    opacity: 0.65;
    cursor: progress;
  }
  :is(a, button, input, select, textarea, summary, [tabindex]):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary-text);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0 0 1rem;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  .error {
    color: var(--_error);
    font-size: 0.9em;
    font-weight: 600;
    margin: 0;
  }
  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--_radius);
    border-left: 4px solid var(--_primary);
    background: var(--_subtle);
    margin: 1rem 0;
  }
  .notice.error-box {
    border-left-color: var(--_error);
    color: var(--_text);
  }
  .notice.ok {
    border-left-color: var(--_success);
  }
  /* The tenant's logo and name (tenant-branding.ts); the accent colour is decoration only. */
  .brand {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding-bottom: 0.5rem;
    margin-bottom: 0.5rem;
    border-bottom: 3px solid var(--_accent);
    font-weight: 600;
  }
  .brand img {
    display: block;
    height: 2.5rem;
    width: auto;
    max-width: 10rem;
    object-fit: contain;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .skeleton {
    display: block;
    height: 1rem;
    margin: 0.5rem 0;
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  /* A shorter placeholder line (a class, not a style attribute: a strict CSP blocks those). */
  .skeleton.short {
    width: 60%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: paht-pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes paht-pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
