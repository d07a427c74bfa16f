// Shared by the examples: a client for the server `pnpm start` runs.
// PAHT_ENDPOINT (default http://localhost:4000/graphql) and PAHT_TENANT
// (default quang-tri) point elsewhere.
import { createClient } from '@paht/client-sdk';
import WebSocket from 'ws'; // Node 20 has no global WebSocket; browsers and Node 22 need no webSocketImpl.

export const endpoint = process.env.PAHT_ENDPOINT ?? 'http://localhost:4000/graphql';
export const tenant = process.env.PAHT_TENANT ?? 'quang-tri';

export const client = createClient({ endpoint, tenant, webSocketImpl: WebSocket });

/** A staff client of the demo tenant (`docs/demo-data.md`: `<role>.<slug>@example.gov.vn`, password `demo-<slug>`). */
export async function staff(role) {
  const result = await client.signIn(`${role}.${tenant}@example.gov.vn`, `demo-${tenant}`);
  if (result.__typename !== 'SignInSuccess') throw new Error(`${role}: ${result.message}`);
  return { client: client.withToken(result.token), unitId: result.unitId, role: result.role };
}

/** Stops with the typed result's message when it is not the expected one. */
export function expectType(result, typename) {
  if (result.__typename !== typename) {
    console.error(`✗ ${result.__typename}: ${result.message ?? ''}`, result.fields ?? '');
    process.exit(1);
  }
  return result;
}
