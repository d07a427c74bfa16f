import { withTenant, type Actor, type CoreContext, type StaffRole, type TenantRecord } from '@paht/core';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { staffActor } from './staff-token.js';

/** A tenant's external OpenID Connect provider: whose ID or access tokens its staff may sign in with. */
export interface OidcProviderConfig {
  /** The provider's issuer (`iss`), exactly. */
  issuer: string;
  /** This API's client id or audience (`aud`) at the provider. */
  audience: string;
  /** The provider's JSON Web Key Set URL (`jwks_uri` of its discovery document). */
  jwksUrl: string;
  /** The claim holding the staff member's e-mail. Default `email`. */
  emailClaim?: string;
  /**
   * Accept an e-mail the provider does not mark `email_verified: true`.
   * Default false: where users can set their own address, an unverified
   * claim would let anyone take a staff member's account. Only for a
   * provider whose addresses are all issued by the organisation.
   */
  trustUnverifiedEmail?: boolean;
}

/** Asymmetric algorithms only: a provider never shares a secret with us. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function isProviderConfig(value: unknown): value is OidcProviderConfig {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.issuer === 'string' && typeof v.audience === 'string' && typeof v.jwksUrl === 'string' && /^https?:\/\//.test(v.jwksUrl);
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

  constructor(private readonly providers: Readonly<Record<string, OidcProviderConfig>>) {}

  /** The provider configured for a tenant, or null. */
  providerFor(tenant: TenantRecord): OidcProviderConfig | null {
    const configured = this.providers[tenant.slug] ?? tenant.settings.oidc;
    return isProviderConfig(configured) ? configured : null;
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
    const actor = user?.active ? staffActor({ userId: user.id, tenantId: tenant.id, role: user.role as StaffRole, unitId: user.unitId }) : null;
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
