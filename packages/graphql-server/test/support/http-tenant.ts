import { hashPassword, withTenant, type CoreContext } from '@paht/core';
import { createClient, type PahtClient, type SubmitReportInput } from '@paht/client-sdk';

// Small HTTP helpers for end-to-end tests that drive a listening app as a
// citizen and as the IOC of a fixture tenant (core/test/support/fixture-tenant.ts).

export const STAFF_PASSWORD = 'mat-khau-thu-nghiem-2026';

/** Gives every staff member of the tenant `STAFF_PASSWORD`. */
export async function setStaffPasswords(ctx: CoreContext, tenantId: string): Promise<void> {
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  await withTenant(ctx.db, tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
}

export const submission = (title: string): SubmitReportInput => ({
  title,
  description: 'Đèn đường không sáng cả tuần nay, đoạn trước trường học.',
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: '12 Lê Lợi, Đông Hà',
  reporter: { fullName: 'Trần Thị Bình', phone: '0905 111 222' },
});

/** A citizen's submission over HTTP: its id, tracking code and secret. */
export async function submitOver(base: string, tenant: string, title: string): Promise<{ id: string; trackingCode: string; secret: string }> {
  const result = await createClient({ endpoint: `${base}/graphql`, tenant }).submitReport(submission(title));
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

/** The IOC operator of a fixture tenant, signed in over HTTP. */
export async function signedInOperator(base: string, tenant: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant });
  const result = await client.signIn('ioc@example.gov.vn', STAFF_PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
  return client.withToken(result.token);
}

/** One anonymous POST to /graphql; throws on transport or GraphQL errors, returns `data`. */
export async function anonymous<T>(base: string, tenant: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (response.status !== 200 || body.errors?.length) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data as T;
}
