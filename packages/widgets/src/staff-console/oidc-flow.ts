// Single sign-on through the tenant's OpenID Connect provider, in the
// browser: the authorization code flow with PKCE for a public client
// (oauth4webapi does the protocol and checks the answers). The console sends
// the staff member to the provider and, back on the page, exchanges the code
// for the provider's ID token, which the API exchanges for its own session
// (`signInWithOidc`: signature, issuer, audience and expiry checked there).
import {
  allowInsecureRequests,
  authorizationCodeGrantRequest,
  calculatePKCECodeChallenge,
  discoveryRequest,
  generateRandomCodeVerifier,
  generateRandomNonce,
  generateRandomState,
  getValidatedIdTokenClaims,
  None,
  processAuthorizationCodeResponse,
  processDiscoveryResponse,
  validateAuthResponse,
  type AuthorizationServer,
} from 'oauth4webapi';

/** The provider as `staffSignInOptions.oidc` names it. */
export interface OidcProvider {
  issuer: string;
  clientId: string;
}

/** What waits in `sessionStorage` between leaving for the provider and coming back (nothing secret outlives the tab). */
interface PendingSignIn extends OidcProvider {
  codeVerifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
  tenant: string;
}

const STORAGE_KEY = 'paht-oidc-pending';

/** Plain http only for a provider on this machine (development and tests); anything else needs https. */
const insecureAllowed = (issuer: URL) => issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);

async function discover(issuer: string): Promise<AuthorizationServer> {
  const url = new URL(issuer);
  return processDiscoveryResponse(url, await discoveryRequest(url, { [allowInsecureRequests]: insecureAllowed(url) }));
}

/** The page's own address without its query and fragment: where the provider sends the staff member back. */
export const currentRedirectUri = (): string => `${location.origin}${location.pathname}`;

/** Sends the browser to the provider's sign-in page (the promise settles only if that fails). */
export async function startOidcSignIn(provider: OidcProvider, tenant: string, redirectUri = currentRedirectUri()): Promise<void> {
  const as = await discover(provider.issuer);
  if (!as.authorization_endpoint) throw new Error('The provider has no authorization endpoint');
  const pending: PendingSignIn = { ...provider, tenant, redirectUri, codeVerifier: generateRandomCodeVerifier(), state: generateRandomState(), nonce: generateRandomNonce() };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email',
    code_challenge: await calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  }).toString();
  location.assign(url.href);
}

/** Whether this page load is the provider's answer to a sign-in this tab started for `tenant`. */
export function hasOidcCallback(tenant: string): boolean {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return false;
  try {
    const pending = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as PendingSignIn | null;
    return pending?.tenant === tenant && pending.state === params.get('state');
  } catch {
    return false;
  }
}

/**
 * Completes the sign-in the provider answered: checks the answer's state,
 * exchanges the code (with the PKCE verifier) for tokens, checks the ID
 * token's issuer, audience and nonce, and removes the answer from the
 * address bar. Returns the ID token and its e-mail claim; throws on any
 * refusal (the provider's `error`, a mismatch, a failed exchange).
 */
export async function completeOidcSignIn(): Promise<{ idToken: string; email: string | null }> {
  const pending = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as PendingSignIn | null;
  sessionStorage.removeItem(STORAGE_KEY);
  const answer = new URL(location.href);
  // The code is single-use and short-lived: never leave it in the history.
  history.replaceState(history.state, '', `${answer.pathname}${answer.hash}`);
  if (!pending) throw new Error('No sign-in was started in this tab');
  const as = await discover(pending.issuer);
  const client = { client_id: pending.clientId };
  const params = validateAuthResponse(as, client, answer.searchParams, pending.state);
  const response = await authorizationCodeGrantRequest(as, client, None(), params, pending.redirectUri, pending.codeVerifier, {
    [allowInsecureRequests]: insecureAllowed(new URL(pending.issuer)),
  });
  const tokens = await processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  const claims = getValidatedIdTokenClaims(tokens);
  if (!tokens.id_token) throw new Error('The provider answered no ID token');
  return { idToken: tokens.id_token, email: typeof claims?.email === 'string' ? claims.email : null };
}
