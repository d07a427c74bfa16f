import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StaffSession } from '../staff/staff-session.js';
import { followSession } from '../staff/staff-workspace.js';

/** What the inbox's live reloads need of it. */
export interface LiveInboxHost extends ReactiveControllerHost {
  /** Seconds between quiet reloads (0: none), read when a session is followed. */
  readonly refreshSeconds: number;
  /** A dialog is open: the quiet reload waits (it would change the list under the operator). */
  readonly dialog: unknown;
  reload(): Promise<void>;
}

/**
 * Keeps the inbox's list fresh while it follows a staff session: a reload
 * shortly after the session's live feed tells of a change (changes in a
 * burst make one reload), one after each reconnection, and a quiet reload
 * every `refreshSeconds` while no dialog is open. Stops when the host leaves
 * the page.
 */
export class LiveInbox implements ReactiveController {
  #session: StaffSession | null = null;
  #reloadTimer: ReturnType<typeof setTimeout> | null = null;
  #refreshTimer: ReturnType<typeof setInterval> | null = null;
  #onChange = () => this.#scheduleReload();
  #onReconnected = () => void this.host.reload();

  constructor(private readonly host: LiveInboxHost) {
    host.addController(this);
  }

  /** The session followed now. */
  get session(): StaffSession | null {
    return this.#session;
  }

  /** Follows `session` (null: none) instead of the one followed now. */
  follow(session: StaffSession | null): void {
    followSession(this.#session, session, { change: this.#onChange, reconnected: this.#onReconnected });
    this.#session = session;
    if (this.#refreshTimer) clearInterval(this.#refreshTimer);
    this.#refreshTimer = null;
    if (session && this.host.refreshSeconds > 0) this.#refreshTimer = setInterval(() => !this.host.dialog && void this.host.reload(), this.host.refreshSeconds * 1000);
  }

  hostDisconnected(): void {
    this.follow(null);
  }

  #scheduleReload(): void {
    if (this.#reloadTimer) clearTimeout(this.#reloadTimer);
    this.#reloadTimer = setTimeout(() => {
      this.#reloadTimer = null;
      void this.host.reload();
    }, 300);
  }
}
