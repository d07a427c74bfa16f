import { describe, expect, it } from 'vitest';
import { OidcVerifier, parseOidcProviders } from '../../src/auth/oidc.js';

// The operator's providers and a tenant's own `settings.oidc` pass the same
// schema (core's oidcProviderSchema): a malformed one fails at start-up.

describe('OIDC providers', () => {
  it('are checked by the settings schema when the verifier is built, naming the tenant and the field', () => {
    expect(() => new OidcVerifier({ 'quang-tri': { issuer: 'https://sso', audience: '', jwksUrl: 'https://sso/jwks' } })).toThrow(
      /OIDC provider of quang-tri: audience/,
    );
    expect(() => parseOidcProviders({ hue: { issuer: 'https://sso', audience: 'a', jwksUrl: 'ftp://sso/jwks' } })).toThrow(/hue: jwksUrl/);
    expect(() => parseOidcProviders([])).toThrow(TypeError);
  });

  it('keep a valid provider as given', () => {
    const provider = { issuer: 'https://sso.hue.gov.vn', audience: 'paht', jwksUrl: 'https://sso.hue.gov.vn/jwks', trustUnverifiedEmail: false };
    expect(parseOidcProviders({ hue: provider })).toEqual({ hue: provider });
  });
});
