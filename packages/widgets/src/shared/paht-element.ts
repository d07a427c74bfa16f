import { createPublicClient, type PublicClient, type TenantBranding } from '@paht/client-sdk/public';
import { LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { langOf, type Lang } from './i18n.js';
import { pageConfig, pageLang } from './page-config.js';
import { applyTenantColours, BrandingMode, brandingModeOf, loadTenantBranding, renderBrand } from './tenant-branding.js';
import { widgetError, widgetErrorCodeOf, WidgetErrorCode, type WidgetErrorDetail } from './widget-errors.js';

/** The `messages` attribute's JSON; a typo there leaves the built-in texts (with a console warning). */
function parseMessages(value: string | null): unknown {
  if (!value) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    console.warn('paht widgets: the messages attribute is not valid JSON; using the built-in texts');
    return null;
  }
}

/** The endpoint, tenant and key in effect: the element's attributes, else the page's `<meta name="paht:…">`. */
export interface WidgetSettings {
  endpoint: string;
  tenant: string;
  apiKey: string;
}

/**
 * What every PAHT widget shares: where the API is (`endpoint`, `tenant`,
 * `api-key`, each falling back to the page's `<meta name="paht:…">`), the
 * language (`lang`, else the page's `<html lang>`), the embedder's wording
 * (`messages`), one SDK client built from them, and the `paht-error`
 * event when the widget cannot work; and the tenant's branding (colours,
 * logo, name: see tenant-branding.ts for what wins over what).
 *
 * @event paht-error - The widget cannot work (misconfigured, refused, no answer); `detail` is `{ code, message, requestId }` (codes: `WidgetErrorCode`).
 */
export class PahtElement extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    tenant: { type: String },
    apiKey: { type: String, attribute: 'api-key' },
    // Reflected only when set, so the host inherits the page's language otherwise.
    lang: { type: String, reflect: true, converter: { fromAttribute: (v: string | null) => v ?? '', toAttribute: (v: string) => v || null } },
    messages: { converter: { fromAttribute: parseMessages } },
    branding: { type: String },
    brand: { attribute: false },
  };

  /** The GraphQL endpoint, e.g. `https://paht.example.gov.vn/graphql`. Default: the page's `<meta name="paht:endpoint">`. Required before any request; a change reloads what the widget shows. */
  declare endpoint: string;
  /** The tenant's slug, e.g. `quang-tri`. Default: the page's `<meta name="paht:tenant">`. Required before any request; a change reloads. */
  declare tenant: string;
  /** The tenant's public API key (`pk_…`), sent as `x-api-key`. Default: the page's `<meta name="paht:api-key">`, else none. A change reloads. */
  declare apiKey: string;
  /** `vi` or `en`. Default: the page's `<html lang>` (followed when it changes), Vietnamese unless it starts with `en`. Takes effect on the next render. */
  declare lang: string;
  /** Texts to replace, as a partial table (or `{ vi: {...}, en: {...} }`); JSON in the attribute. Default: none. */
  declare messages: unknown;
  /**
   * How much of the tenant's branding the widget shows: `tenant` (colours,
   * logo and name), `colors` (colours only), `none` (the built-in colours).
   * Default `tenant`. The portal's own `--paht-color-*` properties win over
   * the tenant's colours in every mode. Takes effect at once.
   */
  declare branding: string;
  /**
   * The tenant's branding in use: loaded from the API (`tenantBranding`)
   * once per endpoint, tenant and key, shared by the page's widgets; or set
   * it to show fixed branding (no request is made then). Default: null
   * until loaded; null when it cannot load (the widget's own request reports
   * the failure).
   */
  declare brand: TenantBranding | null;

  #client: { key: string; client: PublicClient } | null = null;
  #pageLang: MutationObserver | null = null;
  /** The endpoint/tenant/key the branding was last asked for, and what it answered. */
  #brandAsked = '';
  #brandLoaded: TenantBranding | null = null;
  /** The colours last written on the host. */
  #coloursApplied = '';

  constructor() {
    super();
    this.endpoint = '';
    this.tenant = '';
    this.apiKey = '';
    this.lang = '';
    this.messages = null;
    this.branding = BrandingMode.TENANT;
    this.brand = null;
    // After every update, whatever the subclass's own `updated` does.
    this.addController({ hostUpdated: () => this.#syncBranding() });
  }

  /** Loads the tenant's branding when the API settings change (unless fixed branding was set), and writes its colours. */
  #syncBranding(): void {
    const mode = brandingModeOf(this.branding);
    const fixed = this.brand !== null && this.brand !== this.#brandLoaded;
    if (mode !== BrandingMode.NONE && !fixed && this.configured) {
      const { endpoint, tenant, apiKey } = this.settings;
      const key = `${endpoint}\n${tenant}\n${apiKey}`;
      if (key !== this.#brandAsked) {
        this.#brandAsked = key;
        loadTenantBranding(this.client, key).then(
          (branding) => {
            if (this.#brandAsked !== key || (this.brand !== null && this.brand !== this.#brandLoaded)) return;
            this.#brandLoaded = branding;
            this.brand = branding;
          },
          () => {
            if (this.#brandAsked === key && this.brand === this.#brandLoaded) this.brand = this.#brandLoaded = null;
          },
        );
      }
    }
    const colours = mode === BrandingMode.NONE || !this.brand ? null : this.brand;
    const applied = colours ? `${colours.primaryColor}${colours.accentColor}` : '';
    if (applied !== this.#coloursApplied) {
      this.#coloursApplied = applied;
      applyTenantColours(this, colours);
    }
  }

  /** The tenant's logo and name, for the top of the widget (nothing unless `branding` is `tenant` and it loaded). */
  protected renderBrand(): TemplateResult | typeof nothing {
    return brandingModeOf(this.branding) === BrandingMode.TENANT ? renderBrand(this.brand, this.language) : nothing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Follows `<html lang>` while the element has no `lang` of its own.
    if (typeof MutationObserver !== 'undefined') {
      this.#pageLang = new MutationObserver(() => {
        if (!this.lang) this.requestUpdate();
      });
      this.#pageLang.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pageLang?.disconnect();
    this.#pageLang = null;
  }

  /** The language in use: the element's `lang`, else the page's. */
  protected get language(): Lang {
    return langOf(this.lang || pageLang());
  }

  /** Endpoint, tenant and key in effect (the element's, else the page's). */
  protected get settings(): WidgetSettings {
    return {
      endpoint: this.endpoint || pageConfig('endpoint'),
      tenant: this.tenant || pageConfig('tenant'),
      apiKey: this.apiKey || pageConfig('apiKey'),
    };
  }

  /** What is missing before any request, or null. */
  protected get missingSetting(): WidgetErrorCode | null {
    const { endpoint, tenant } = this.settings;
    if (!endpoint) return WidgetErrorCode.NO_ENDPOINT;
    if (!tenant) return WidgetErrorCode.NO_TENANT;
    return null;
  }

  /** True when a request can be made. */
  protected get configured(): boolean {
    return this.missingSetting === null;
  }

  /** The SDK client for the current endpoint, tenant and key (rebuilt when they change). */
  protected get client(): PublicClient {
    const { endpoint, tenant, apiKey } = this.settings;
    const key = `${endpoint}\n${tenant}\n${apiKey}`;
    if (this.#client?.key !== key) {
      // A person waits at the widget, and the form offers "Gửi lại": a short retry (under a second), not the SDK's default of up to ~20 s for unattended callers.
      this.#client = { key, client: createPublicClient({ endpoint, tenant, retry: { retries: 2 }, ...(apiKey ? { apiKey } : {}) }) };
    }
    return this.#client.client;
  }

  /**
   * Makes a failure visible to the developer: a `paht-error` event and a
   * console error naming the cause and the fix. `cause` is a
   * `WidgetErrorCode`, or what a request threw. Returns the detail (the
   * widget shows its own notice).
   */
  protected reportError(cause: unknown): WidgetErrorDetail {
    const code = typeof cause === 'string' && cause in WidgetErrorCode ? (cause as WidgetErrorCode) : widgetErrorCodeOf(cause);
    const detail = widgetError(code, typeof cause === 'string' ? undefined : cause);
    console.error(`<${this.localName}> ${code}: ${detail.message}`);
    this.emit('paht-error', detail);
    return detail;
  }

  /** Dispatches a composed, bubbling event the host page can listen to. */
  protected emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
