import { getTenantBranding, type PublicClient, type TenantBranding } from '@paht/client-sdk/public';
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from './i18n.js';
import { brandColours } from './brand-colours.js';

/**
 * A tenant's branding in the widgets (`tenantBranding` through the SDK):
 * its colours as custom properties, its logo and its name.
 *
 * Order of precedence, first wins:
 * 1. the portal's own custom properties (`--paht-color-primary`,
 *    `--paht-color-on-primary`, `--paht-color-accent`, … on the page or the
 *    element), and the element's `branding` attribute;
 * 2. the tenant's branding, set by its admin (`updateTenantSettings`);
 * 3. the widgets' built-in colours.
 *
 * The tenant's colours reach the styles as `--paht-tenant-*` properties on
 * the host (through the CSSOM, so a strict Content-Security-Policy allows
 * them); base.styles.ts reads each one after the portal's.
 */

/** What the `branding` attribute allows. */
export const BrandingMode = {
  /** Colours, logo and name (default). */
  TENANT: 'tenant',
  /** Colours only: the portal shows its own header. */
  COLORS: 'colors',
  /** None of the tenant's branding: the built-in colours (and the portal's). */
  NONE: 'none',
} as const;
export type BrandingMode = (typeof BrandingMode)[keyof typeof BrandingMode];

export const brandingModeOf = (value: string | null | undefined): BrandingMode =>
  value === BrandingMode.COLORS || value === BrandingMode.NONE ? value : BrandingMode.TENANT;

/** The host's custom properties the tenant's colours are written to. */
export const TENANT_TOKENS = {
  primary: '--paht-tenant-primary',
  onPrimary: '--paht-tenant-on-primary',
  primaryText: '--paht-tenant-primary-text',
  accent: '--paht-tenant-accent',
} as const;

/** One request per endpoint, tenant and key for all the widgets of a page; a failure is forgotten (tried again next time). */
const loaded = new Map<string, Promise<TenantBranding>>();

export function loadTenantBranding(client: PublicClient, key: string): Promise<TenantBranding> {
  let answer = loaded.get(key);
  if (!answer) {
    answer = getTenantBranding(client);
    loaded.set(key, answer);
    answer.catch(() => loaded.delete(key));
  }
  return answer;
}

/**
 * Writes the tenant's colours on `host` (or removes them for null). When the
 * portal sets its own `--paht-color-primary`, the tenant's readable text
 * colours are left out too, so they are never paired with the portal's
 * colour.
 */
export function applyTenantColours(host: HTMLElement, branding: Pick<TenantBranding, 'primaryColor' | 'accentColor'> | null): void {
  const colours = branding ? brandColours(branding) : null;
  const portalPrimary = colours !== null && getComputedStyle(host).getPropertyValue('--paht-color-primary').trim() !== '';
  for (const [token, property] of Object.entries(TENANT_TOKENS) as Array<[keyof typeof TENANT_TOKENS, string]>) {
    if (!colours || (portalPrimary && (token === 'onPrimary' || token === 'primaryText'))) host.style.removeProperty(property);
    else host.style.setProperty(property, colours[token]);
  }
}

/** The tenant's logo and name above a widget (the logo's text alternative is the name). */
export function renderBrand(branding: TenantBranding | null, lang: Lang): TemplateResult | typeof nothing {
  if (!branding) return nothing;
  const name = lang === 'en' ? branding.nameEn : branding.name;
  return html`<div class="brand" part="brand">
    ${branding.logoUrl ? html`<img part="logo" src=${branding.logoUrl} alt=${name} />` : nothing}
    <span class="brand-name" aria-hidden=${branding.logoUrl ? 'true' : nothing}>${name}</span>
  </div>`;
}
