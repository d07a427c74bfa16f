import { type LiveConnectionState, type StaffRole } from '@paht/client-sdk/public';
import { staffSignInOptions } from '@paht/client-sdk/staff';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { withOverrides } from '../shared/i18n.js';
import { PahtElement } from '../shared/paht-element.js';
import { StaffSession } from '../staff/staff-session.js';
import { STAFF_LABELS } from '../staff/staff-labels.js';
import '../ioc-inbox/ioc-inbox.js';
import { CONSOLE_MESSAGES, type ConsoleMessages } from './staff-console.messages.js';
import { consoleStyles } from './staff-console.styles.js';
import type { OidcProvider } from './oidc-flow.js';

/** Where the console is: signing in, changing a one-time password, or at work. */
export type ConsolePhase =
  | { kind: 'signed-out'; error: string | null }
  | { kind: 'signing-in'; sso?: boolean }
  | { kind: 'change-password'; sending: boolean; error: string | null }
  | { kind: 'signed-in' };

/** Who is signed in, as shown in the header. */
export interface ConsoleProfile {
  email: string;
  role: StaffRole;
}

const MIN_PASSWORD = 12;

/**
 * @summary The staff console's shell: password sign-in (and the change a
 * one-time password requires), single sign-on through the tenant's OpenID
 * Connect provider when it has one (authorization code with PKCE: the page
 * leaves for the provider and completes the sign-in when it comes back), the workspace the role opens (the IOC inbox
 * for those who read every report), Vietnamese first with an English
 * switch, and the live connection's state always in view.
 *
 * @event paht-signed-in - Signed in; `detail` is `{ role }`.
 * @event paht-signed-out - Signed out.
 * @event paht-error - The console cannot work (no endpoint or tenant, no answer); `detail` is `{ code, message, requestId }`.
 *
 * @csspart header - The top bar.
 * @csspart button - The console's own buttons.
 * @csspart sign-in - The sign-in form.
 * @csspart sso - The single sign-on button (also `button`).
 *
 * @cssproperty --paht-console-bar - The top bar's background. Default: `--paht-color-primary`.
 */
export class PahtStaffConsole extends PahtElement {
  static override styles = consoleStyles;

  static override properties: PropertyDeclarations = {
    ...PahtElement.properties,
    phase: { attribute: false },
    profile: { attribute: false },
    liveState: { attribute: false },
    session: { attribute: false },
    signInOptions: { attribute: false },
    answerPage: { type: String, attribute: 'answer-page' },
  };

  /** What is shown (set it to show a fixed state). */
  declare phase: ConsolePhase;
  /** Who is signed in (from the session; set it for fixed data). */
  declare profile: ConsoleProfile | null;
  /** The live connection's state (from the session). */
  declare liveState: LiveConnectionState;
  /** The signed-in session, shared with the workspace it shows. */
  declare session: StaffSession | null;
  /** How the tenant's staff may sign in (`staffSignInOptions`, read when the console is configured); null: password only. */
  declare signInOptions: { oidc: OidcProvider | null } | null;
  /** The page where contractors open answer links (`<paht-answer-link>`), passed to the unit queue; default this page. */
  declare answerPage: string;

  #password = '';
  #optionsFor = '';
  #onLive = () => {
    if (this.session) this.liveState = this.session.liveState;
  };

  constructor() {
    super();
    this.phase = { kind: 'signed-out', error: null };
    this.profile = null;
    this.liveState = 'closed';
    this.session = null;
    this.signInOptions = null;
    this.answerPage = '';
  }

  protected get m(): ConsoleMessages {
    return withOverrides(CONSOLE_MESSAGES[this.language], this.language, this.messages);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.removeEventListener('live-state', this.#onLive);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session')) {
      (changed.get('session') as StaffSession | null | undefined)?.removeEventListener('live-state', this.#onLive);
      this.session?.addEventListener('live-state', this.#onLive);
      if (this.session) this.profile = { email: this.session.profile.email, role: this.session.profile.role };
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.configured || this.session) return;
    const { endpoint, tenant } = this.settings;
    const key = `${endpoint}\n${tenant}`;
    if (key === this.#optionsFor) return;
    this.#optionsFor = key;
    void this.#readSignInOptions(key);
  }

  /** Reads how the tenant's staff sign in; completes a single sign-on the provider just answered. */
  async #readSignInOptions(key: string): Promise<void> {
    const { hasOidcCallback } = await import('./oidc-flow.js');
    if (hasOidcCallback(this.settings.tenant)) void this.completeSso();
    try {
      const options = await staffSignInOptions(this.client);
      if (key === this.#optionsFor) this.signInOptions = { oidc: options.oidc ?? null };
    } catch {
      // Password sign-in still works; the SSO button is not offered.
    }
  }

  /** Leaves for the tenant's OpenID Connect provider's sign-in page. */
  async startSso(): Promise<void> {
    const provider = this.signInOptions?.oidc;
    if (!provider) return;
    this.phase = { kind: 'signing-in', sso: true };
    try {
      const { startOidcSignIn } = await import('./oidc-flow.js');
      await startOidcSignIn(provider, this.settings.tenant);
    } catch (error) {
      this.reportError(error);
      this.phase = { kind: 'signed-out', error: this.m.ssoFailed };
    }
  }

  /** Back from the provider: the ID token for the API's session. */
  async completeSso(): Promise<void> {
    this.phase = { kind: 'signing-in', sso: true };
    try {
      const { completeOidcSignIn } = await import('./oidc-flow.js');
      const { idToken, email } = await completeOidcSignIn();
      const result = await StaffSession.signInWithOidc(this.settings, idToken, email ?? '');
      if (!(result instanceof StaffSession)) {
        this.phase = { kind: 'signed-out', error: this.m.ssoNoAccount };
        return;
      }
      this.session = result;
      this.phase = { kind: 'signed-in' };
      this.emit('paht-signed-in', { role: result.profile.role });
    } catch (error) {
      this.reportError(error);
      this.phase = { kind: 'signed-out', error: this.m.ssoFailed };
    }
  }

  /** Signs in with an e-mail and a password. */
  async signIn(email: string, password: string): Promise<void> {
    const missing = this.missingSetting;
    if (missing) {
      this.reportError(missing);
      this.phase = { kind: 'signed-out', error: this.m.misconfigured(missing) };
      return;
    }
    if (!email.trim() || !password) {
      this.phase = { kind: 'signed-out', error: this.m.required };
      return;
    }
    this.phase = { kind: 'signing-in' };
    try {
      const result = await StaffSession.signIn(this.settings, email.trim(), password);
      if (!(result instanceof StaffSession)) {
        this.phase = { kind: 'signed-out', error: this.m.signInFailed };
        await this.#focus('#email');
        return;
      }
      this.session = result;
      this.#password = password;
      if (result.passwordChangeRequired) {
        this.phase = { kind: 'change-password', sending: false, error: null };
        await this.#focus('#new-password');
        return;
      }
      this.#password = '';
      this.phase = { kind: 'signed-in' };
      this.emit('paht-signed-in', { role: result.profile.role });
    } catch (error) {
      const detail = this.reportError(error);
      this.phase = { kind: 'signed-out', error: this.m.signInError(detail.requestId) };
    }
  }

  /** Sets the new password a one-time password's sign-in requires. */
  async changePassword(next: string, repeated: string): Promise<void> {
    const session = this.session;
    if (!session || this.phase.kind !== 'change-password') return;
    const error = next.length < MIN_PASSWORD ? this.m.tooShort : next !== repeated ? this.m.mismatch : null;
    if (error) {
      this.phase = { kind: 'change-password', sending: false, error };
      return;
    }
    this.phase = { kind: 'change-password', sending: true, error: null };
    try {
      const result = await session.client.changePassword(this.#password, next);
      if (result.__typename !== 'PasswordChanged') {
        this.phase = { kind: 'change-password', sending: false, error: result.__typename === 'ValidationError' ? (this.language === 'en' ? result.messageEn : result.messageVi) : result.message };
        return;
      }
      this.#password = '';
      session.passwordChangeRequired = false;
      this.phase = { kind: 'signed-in' };
      this.emit('paht-signed-in', { role: session.profile.role });
    } catch (e) {
      const detail = this.reportError(e);
      this.phase = { kind: 'change-password', sending: false, error: this.m.signInError(detail.requestId) };
    }
  }

  /** Signs out: closes the live connection and forgets the token. */
  async signOut(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.profile = null;
    this.liveState = 'closed';
    this.phase = { kind: 'signed-out', error: null };
    this.emit('paht-signed-out', null);
    await session?.close();
    await this.#focus('#email');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #toggleLang(): void {
    this.lang = this.language === 'en' ? 'vi' : 'en';
  }

  override render() {
    const m = this.m;
    const signedIn = this.phase.kind === 'signed-in' || this.phase.kind === 'change-password';
    return html`
      <header part="header" class="bar">
        <p class="app">${m.app}</p>
        <div class="bar-tools">
          ${signedIn
            ? html`<p class=${`live live-${this.liveState}`} role="status" aria-label=${m.liveLabel}><span class="dot" aria-hidden="true"></span>${m.live[this.liveState]}</p>`
            : nothing}
          ${this.profile && signedIn ? html`<p class="who">${m.signedInAs(this.profile.email, STAFF_LABELS[this.language].roles[this.profile.role])}</p>` : nothing}
          <button type="button" class="bar-button" part="button" lang=${this.language === 'en' ? 'vi' : 'en'} aria-label=${m.switchLangLabel} @click=${() => this.#toggleLang()}>
            ${m.switchLang}
          </button>
          ${signedIn ? html`<button type="button" class="bar-button" part="button" @click=${() => void this.signOut()}>${m.signOut}</button>` : nothing}
        </div>
      </header>
      <main class="workspace">${this.#renderPhase(m)}</main>
    `;
  }

  #renderPhase(m: ConsoleMessages) {
    switch (this.phase.kind) {
      case 'signed-out':
      case 'signing-in':
        return this.#renderSignIn(m);
      case 'change-password':
        return this.#renderChange(m, this.phase);
      case 'signed-in': {
        const role = this.profile?.role;
        if (role === 'UNIT_LEADER' || role === 'UNIT_OFFICER') {
          const queue = html`<paht-unit-queue .session=${this.session} lang=${this.language} .messages=${this.messages} answer-page=${this.answerPage}></paht-unit-queue>`;
          // The unit's indicator forms: its staff submit them for their own unit (core's indicator:submit, canSubmitIndicatorFor).
          const forms = html`<paht-unit-forms .session=${this.session} lang=${this.language} .messages=${this.messages}></paht-unit-forms>`;
          return role === 'UNIT_OFFICER' ? html`${queue}${forms}` : html`${queue}${forms}<paht-leader-overview .session=${this.session} lang=${this.language} .messages=${this.messages}></paht-leader-overview>`;
        }
        if (role === 'LEADER') return html`<paht-leader-overview .session=${this.session} lang=${this.language} .messages=${this.messages}></paht-leader-overview>`;
        if (role === 'TENANT_ADMIN') return html`<paht-admin-console .session=${this.session} lang=${this.language} .messages=${this.messages}></paht-admin-console>`;
        return html`<paht-ioc-inbox .session=${this.session} staff-role=${role ?? 'IOC_OPERATOR'} lang=${this.language} .messages=${this.messages}></paht-ioc-inbox>`;
      }
    }
  }

  #renderSignIn(m: ConsoleMessages) {
    const busy = this.phase.kind === 'signing-in';
    const sso = this.phase.kind === 'signing-in' && this.phase.sso === true;
    const error = this.phase.kind === 'signed-out' ? this.phase.error : null;
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
      void this.signIn(value('email'), value('password'));
    };
    return html`<form class="card" part="sign-in" @submit=${onSubmit} aria-labelledby="sign-in-heading" novalidate>
      <h1 id="sign-in-heading">${m.signInHeading}</h1>
      <div class="field"><label for="email">${m.email}</label><input id="email" name="email" type="email" autocomplete="username" required /></div>
      <div class="field"><label for="password">${m.password}</label><input id="password" name="password" type="password" autocomplete="current-password" required /></div>
      ${error ? html`<p class="notice error-box" role="alert">${error}</p>` : nothing}
      <button type="submit" part="button" ?disabled=${busy}>${busy && !sso ? m.signingIn : m.signIn}</button>
      ${this.signInOptions?.oidc
        ? html`<div class="sso">
            <p class="or">${m.or}</p>
            <button type="button" class="secondary" part="button sso" ?disabled=${busy} aria-describedby="sso-hint" @click=${() => void this.startSso()}>${sso ? m.ssoRedirecting : m.signInWithSso}</button>
            <p class="hint" id="sso-hint">${m.ssoHint}</p>
          </div>`
        : nothing}
    </form>`;
  }

  #renderChange(m: ConsoleMessages, phase: Extract<ConsolePhase, { kind: 'change-password' }>) {
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
      void this.changePassword(value('newPassword'), value('repeatPassword'));
    };
    return html`<form class="card" @submit=${onSubmit} aria-labelledby="change-heading" novalidate>
      <h1 id="change-heading">${m.changeHeading}</h1>
      <p>${m.changeIntro}</p>
      <div class="field">
        <label for="new-password">${m.newPassword}</label>
        <input id="new-password" name="newPassword" type="password" autocomplete="new-password" minlength=${MIN_PASSWORD} required aria-describedby="rules" />
        <p class="hint" id="rules">${m.passwordRules}</p>
      </div>
      <div class="field"><label for="repeat-password">${m.repeatPassword}</label><input id="repeat-password" name="repeatPassword" type="password" autocomplete="new-password" required /></div>
      ${phase.error ? html`<p class="notice error-box" role="alert">${phase.error}</p>` : nothing}
      <button type="submit" part="button" ?disabled=${phase.sending}>${m.changeSubmit}</button>
    </form>`;
  }
}
