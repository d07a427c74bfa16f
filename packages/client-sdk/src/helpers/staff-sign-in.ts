// Staff sign-in besides a password (the tenant's OpenID Connect provider)
// and the settings schema the admin console derives its form from. Each
// returns the API's typed result: switch on `__typename`.
import type { PublicClient, RequestOptions } from '../client.js';
import { SignInWithOidcDocument, StaffSignInOptionsDocument, TenantSettingsSchemaDocument } from '../generated/staff.js';
import type { SignInWithOidcMutation, StaffSignInOptionsQuery, TenantSettingsSchemaQuery } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** How the tenant's staff may sign in: password, and the OpenID Connect provider (issuer, client id) if any. Public. */
export async function staffSignInOptions(client: Requester, options?: RequestOptions): Promise<StaffSignInOptionsQuery['staffSignInOptions']> {
  return (await client.request(StaffSignInOptionsDocument, {}, options)).staffSignInOptions;
}

/** Exchanges the tenant's OpenID Connect provider's ID token for a staff session (as `signIn` answers). Never retried. */
export async function signInWithOidc(client: Requester, idToken: string, options?: RequestOptions): Promise<SignInWithOidcMutation['signInWithOidc']> {
  return (await client.request(SignInWithOidcDocument, { idToken }, options)).signInWithOidc;
}

/** The JSON Schema (as JSON text) of `updateTenantSettings`'s input, with each rule's message under `x-message`. Tenant admin. */
export async function tenantSettingsSchema(client: Requester, options?: RequestOptions): Promise<TenantSettingsSchemaQuery['tenantSettingsSchema']> {
  return (await client.request(TenantSettingsSchemaDocument, {}, options)).tenantSettingsSchema;
}
