import { html, type TemplateResult } from 'lit';

/**
 * The page layouts a story renders in: a plain block, a CSS grid and a flex
 * row (the two where a wide child used to widen the whole page), each
 * holding the widget in a section as a portal's panel does. Storybook's
 * toolbar switches between them (`.storybook/preview.js`); the browser
 * tests render every story in the grid and the flex host at phone width.
 */
export const STORY_HOSTS = ['block', 'grid', 'flex'] as const;
export type StoryHost = (typeof STORY_HOSTS)[number];

const PANEL = 'padding:0.5rem;border:1px dashed #6e7781';

/** `story` inside the host layout. */
export function inHost(host: StoryHost, story: unknown): TemplateResult {
  switch (host) {
    case 'grid':
      return html`<div data-host="grid" style="display:grid;gap:1rem"><section style=${PANEL}>${story}</section></div>`;
    case 'flex':
      return html`<div data-host="flex" style="display:flex;gap:1rem"><section style=${PANEL}>${story}</section></div>`;
    default:
      return html`${story}`;
  }
}
