import { oidcProviderSchema, withTenant, type Actor, type CoreContext, type OidcProviderConfig, type TenantRecord } from '@paht/core';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { staffActor } from './staff-token.js';

/** A tenant's external OpenID Connect provider, as core's settings schema declares it (`oidcProviderSchema`). */
export type { OidcProviderConfig };

/** Asymmetric algorithms only: a provider never shares a secret with us. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * The operator's providers by tenant slug, checked by the same schema as a
 * tenant's own `settings.oidc`: a malformed one fails at start-up, naming
 * the tenant and the field, not at the first sign-in.
 */
export function parseOidcProviders(providers: unknown): Record<string, OidcProviderConfig> {
  if (typeof providers !== 'object' || providers === null || Array.isArray(providers)) throw new TypeError('OIDC providers: expected an object of tenant slug → provider');
  const parsed: Record<string, OidcProviderConfig> = {};
  for (const [slug, value] of Object.entries(providers)) {
    const result = oidcProviderSchema.safeParse(value);
    if (!result.success) {
      throw new TypeError(`OIDC provider of ${slug}: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    }
    parsed[slug] = result.data;
  }
  return parsed;
}

/** Why an OIDC token was refused (never shown with the token or the e-mail). */
export type OidcFailure = 'INVALID_TOKEN' | 'NO_STAFF_ACCOUNT';

/**
 * Verifies bearer tokens of external OIDC providers. The provider of a
 * tenant comes from the `oidc` option (operators), else from the tenant's
 * own `settings.oidc`. Keys are fetched from the provider's JWKS URL and
 * cached by jose (refetched when a token names an unknown key).
 */
export class OidcVerifier {
  private readonly keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  private readonly providers: Readonly<Record<string, OidcProviderConfig>>;

  constructor(providers: Readonly<Record<string, OidcProviderConfig>>) {
    this.providers = parseOidcProviders(providers);
  }

  /** The provider configured for a tenant (the operator's, else the tenant's parsed `settings.oidc`), or null. */
  providerFor(tenant: TenantRecord): OidcProviderConfig | null {
    return this.providers[tenant.slug] ?? tenant.settings.oidc ?? null;
  }

  /** Whether a bearer token claims to come from the tenant's provider (an unverified look at `iss`). */
  claimsProvider(tenant: TenantRecord, token: string): boolean {
    const provider = this.providerFor(tenant);
    if (!provider) return false;
    try {
      return decodeJwt(token).iss === provider.issuer;
    } catch {
      return false;
    }
  }

  /**
   * The staff actor an OIDC token stands for: signature, issuer, audience
   * and expiry checked, then the e-mail claim mapped to an active staff
   * account of the tenant.
   */
  async verify(core: CoreContext, tenant: TenantRecord, token: string): Promise<{ ok: true; actor: Actor } | { ok: false; failure: OidcFailure }> {
    const provider = this.providerFor(tenant);
    if (!provider) return { ok: false, failure: 'INVALID_TOKEN' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet(provider.jwksUrl), {
        issuer: provider.issuer,
        audience: provider.audience,
        algorithms: ALGORITHMS,
        currentDate: core.now(),
        clockTolerance: 30,
      }));
    } catch {
      return { ok: false, failure: 'INVALID_TOKEN' };
    }
    const email = payload[provider.emailClaim ?? 'email'];
    const verified = payload.email_verified === true || provider.trustUnverifiedEmail === true;
    if (typeof email !== 'string' || !email.includes('@') || !verified) return { ok: false, failure: 'NO_STAFF_ACCOUNT' };
    const normalized = email.trim().toLowerCase();
    const user = await withTenant(core.db, tenant.id, (tx) =>
      tx.staffUser.findUnique({ where: { tenantId_email: { tenantId: tenant.id, email: normalized } } }),
    );
    const actor = user?.active ? staffActor({ userId: user.id, tenantId: tenant.id, role: user.role, unitId: user.unitId }) : null;
    return actor ? { ok: true, actor } : { ok: false, failure: 'NO_STAFF_ACCOUNT' };
  }

  private keySet(url: string): ReturnType<typeof createRemoteJWKSet> {
    let set = this.keySets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
      this.keySets.set(url, set);
    }
    return set;
  }
}
