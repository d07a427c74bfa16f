import { html, type TemplateResult } from 'lit';
import type { StaffSession } from './staff-session.js';

/** What a staff workspace does when its session's live feed speaks. */
export interface SessionListeners {
  /** A report changed (the feed's 'change' event). */
  change: () => void;
  /** The feed came back after a break (its 'reconnected' event). */
  reconnected: () => void;
}

/**
 * Moves a workspace's feed listeners from the session it followed to the one
 * it follows now (none: it stops listening), and starts that session's feed.
 */
export function followSession(from: StaffSession | null, to: StaffSession | null, listeners: SessionListeners): void {
  from?.removeEventListener('change', listeners.change);
  from?.removeEventListener('reconnected', listeners.reconnected);
  if (!to) return;
  to.addEventListener('change', listeners.change);
  to.addEventListener('reconnected', listeners.reconnected);
  to.follow();
}

/**
 * Orders a workspace's reads of one thing (the open report): each read takes
 * a ticket, and only the newest read's answer may be shown. A read that
 * answers after a newer one was started (it was slower: a live refresh, then
 * the officer opened another report, or a refresh begun before a step that
 * answers after the step's own) is dropped instead of showing stale data.
 */
export class NewestRead {
  #last = 0;

  /** Starts a read; the function it returns tells whether that read is still the newest. */
  start(): () => boolean {
    const ticket = ++this.#last;
    return () => ticket === this.#last;
  }
}

/** The load states every staff workspace shows the same way (besides its data). */
export type LoadState = { kind: 'idle' | 'loading' | 'forbidden' | 'ready' } | { kind: 'failed'; requestId: string | null };

/** The words those states need. */
export interface LoadStateMessages {
  signedOut: string;
  loading: string;
  forbidden: string;
  failed: (requestId: string | null) => string;
}

/**
 * Shows a staff workspace's state while it has no data: signed out, loading
 * (with placeholder lines; `shortLine` adds a third, shorter one), refused or
 * failed. Null when the data is ready (the workspace shows it).
 */
export function renderLoadState(state: LoadState, m: LoadStateMessages, shortLine = true): TemplateResult | null {
  switch (state.kind) {
    case 'idle':
      return html`<p class="notice">${m.signedOut}</p>`;
    case 'loading':
      return shortLine
        ? html`<p>${m.loading}</p><span class="skeleton"></span><span class="skeleton"></span><span class="skeleton short"></span>`
        : html`<p>${m.loading}</p><span class="skeleton"></span><span class="skeleton"></span>`;
    case 'forbidden':
      return html`<p class="notice error-box" role="alert">${m.forbidden}</p>`;
    case 'failed':
      return html`<p class="notice error-box" role="alert">${m.failed(state.requestId)}</p>`;
    case 'ready':
      return null;
  }
}
