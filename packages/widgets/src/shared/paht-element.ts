import { createClient, type PahtClient } from '@paht/client-sdk';
import { LitElement, type PropertyDeclarations } from 'lit';
import { langOf, type Lang } from './i18n.js';

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

/**
 * What every PAHT widget shares: where the API is (`endpoint`, `tenant`,
 * `api-key`), the language (`lang`), the embedder's wording (`messages`),
 * and one SDK client built from them.
 */
export class PahtElement extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    tenant: { type: String },
    apiKey: { type: String, attribute: 'api-key' },
    lang: { type: String, reflect: true },
    messages: { converter: { fromAttribute: parseMessages } },
  };

  /** The GraphQL endpoint, e.g. `https://paht.example.gov.vn/graphql`. Required before any request. */
  declare endpoint: string;
  /** The tenant's slug, e.g. `quang-tri`. Required before any request. */
  declare tenant: string;
  /** The tenant's public API key (`pk_…`), sent as `x-api-key`. Default: none. */
  declare apiKey: string;
  /** `vi` (default) or `en`; takes effect on the next render. */
  declare lang: string;
  /** Texts to replace, as a partial table (or `{ vi: {...}, en: {...} }`); JSON in the attribute. Default: none. */
  declare messages: unknown;

  #client: { key: string; client: PahtClient } | null = null;

  constructor() {
    super();
    this.endpoint = '';
    this.tenant = '';
    this.apiKey = '';
    this.lang = 'vi';
    this.messages = null;
  }

  /** The language in use. */
  protected get language(): Lang {
    return langOf(this.lang);
  }

  /** True when endpoint and tenant are set. */
  protected get configured(): boolean {
    return Boolean(this.endpoint && this.tenant);
  }

  /** The SDK client for the current endpoint, tenant and key (rebuilt when they change). */
  protected get client(): PahtClient {
    const key = `${this.endpoint}\n${this.tenant}\n${this.apiKey}`;
    if (this.#client?.key !== key) {
      this.#client = { key, client: createClient({ endpoint: this.endpoint, tenant: this.tenant, ...(this.apiKey ? { apiKey: this.apiKey } : {}) }) };
    }
    return this.#client.client;
  }

  /** Dispatches a composed, bubbling event the host page can listen to. */
  protected emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
