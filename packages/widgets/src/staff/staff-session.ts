import { type LiveConnectionState, type SignInResult, type StaffRole } from '@paht/client-sdk/public';
import { createClient, signInWithOidc, type PahtClient } from '@paht/client-sdk/staff';
import type { WidgetSettings } from '../shared/paht-element.js';

/** A step on a report the session's live feed told of (the SDK's `ReportChange`). */
export interface ReportChangeEvent {
  reportId: string;
  trackingCode: string;
  type: string;
  status: string;
  unitId: string | null;
  previousUnitId: string | null;
}

/** Roles that read every report of the tenant, and so follow the IOC inbox feed (core's `report:read-all`). */
const READ_ALL: ReadonlySet<StaffRole> = new Set<StaffRole>(['IOC_OPERATOR', 'TENANT_ADMIN', 'LEADER']);

/**
 * One signed-in staff member in the browser: a signed-in SDK client, the
 * role and unit the sign-in answered, and the live feed of the role (the
 * IOC inbox for those who read every report, else the unit queue). Shared by
 * the staff console and the components it shows; nothing is stored (a reload
 * signs out).
 *
 * Events: `live-state` (the connection's state changed: `liveState`),
 * `change` (a `CustomEvent<ReportChangeEvent>`), `reconnected` (the feed is
 * back after a drop: reload what may have changed meanwhile).
 */
export class StaffSession extends EventTarget {
  readonly client: PahtClient;
  liveState: LiveConnectionState = 'closed';
  passwordChangeRequired: boolean;
  #feed: AbortController | null = null;

  constructor(
    settings: WidgetSettings,
    readonly token: string,
    readonly profile: { email: string; userId: string; role: StaffRole; unitId: string | null },
    passwordChangeRequired = false,
  ) {
    super();
    this.passwordChangeRequired = passwordChangeRequired;
    this.client = createClient({
      endpoint: settings.endpoint,
      tenant: settings.tenant,
      token,
      ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
      onLiveState: (state) => {
        this.liveState = state;
        this.dispatchEvent(new Event('live-state'));
      },
      onReconnected: () => this.dispatchEvent(new Event('reconnected')),
    });
  }

  /** Signs in with a password; the session, or the API's refusal. */
  static async signIn(settings: WidgetSettings, email: string, password: string): Promise<StaffSession | Exclude<SignInResult, { __typename: 'SignInSuccess' }>> {
    const anonymous = createClient({ endpoint: settings.endpoint, tenant: settings.tenant, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) });
    const result = await anonymous.signIn(email, password);
    if (result.__typename !== 'SignInSuccess') return result;
    return new StaffSession(settings, result.token, { email, userId: result.userId, role: result.role, unitId: result.unitId ?? null }, result.passwordChangeRequired);
  }

  /**
   * Signs in with an ID token of the tenant's OpenID Connect provider (see
   * staff-console/oidc-flow.ts): the API checks it and answers its own
   * session, as for a password. `email` is the token's claim, shown in the header.
   */
  static async signInWithOidc(settings: WidgetSettings, idToken: string, email: string): Promise<StaffSession | Exclude<SignInResult, { __typename: 'SignInSuccess' }>> {
    const anonymous = createClient({ endpoint: settings.endpoint, tenant: settings.tenant, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) });
    try {
      const result = await signInWithOidc(anonymous, idToken);
      if (result.__typename !== 'SignInSuccess') return result;
      return new StaffSession(settings, result.token, { email, userId: result.userId, role: result.role, unitId: result.unitId ?? null });
    } finally {
      await anonymous.close();
    }
  }

  /** True for roles that read every report (and may open the IOC inbox). */
  get readsAll(): boolean {
    return READ_ALL.has(this.profile.role);
  }

  /** Starts the role's live feed (once; later calls do nothing). */
  follow(): void {
    if (this.#feed || this.passwordChangeRequired) return;
    const feed = new AbortController();
    this.#feed = feed;
    const items = this.readsAll ? this.client.iocInbox({ signal: feed.signal }) : this.client.unitQueue({ signal: feed.signal });
    void (async () => {
      try {
        for await (const change of items) {
          this.dispatchEvent(new CustomEvent<ReportChangeEvent>('change', { detail: change }));
        }
      } catch {
        // Refused or given up: the state shows `closed`.
      }
      if (this.#feed === feed) this.#feed = null;
      this.liveState = 'closed';
      this.dispatchEvent(new Event('live-state'));
    })();
  }

  /** Stops the feed and closes the connection. */
  async close(): Promise<void> {
    this.#feed?.abort();
    this.#feed = null;
    await this.client.close();
  }
}
