// getTenantBranding against the real server (buildApp on the test database,
// real HTTP): what the tenant admin sets, anonymously, each tenant its own,
// the defaults for a tenant that set nothing, effective at once; another
// tenant's public key opens nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server side through relative paths: the SDK does not depend on it.
import { createApiKey, hashPassword, updateTenantSettings, withTenant } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import { createClient, getTenantBranding, ServerError, typedDocument } from '@paht/client-sdk';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const LOGO = 'https://cdn.example.gov.vn/logo.png';
const PASSWORD = 'mat-khau-thu-nghiem-2026';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let branded: FixtureTenant;
let plain: FixtureTenant;
let app: Awaited<ReturnType<typeof buildApp>>;
let endpoint: string;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  branded = await createFixtureTenant(ctx, 'brand-sdk', 'BS');
  plain = await createFixtureTenant(ctx, 'plain-sdk', 'PS');
  await updateTenantSettings(ctx, branded.tenantId, branded.admin, {
    branding: { nameVi: 'Cổng phản ánh', nameEn: 'Report portal', primaryColor: '#7A1F2B', accentColor: '#f2c94c', logoUrl: LOGO },
  });
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, plain.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx, redisUrl: null });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('getTenantBranding', () => {
  it('answers anonymously what the tenant admin set (colours lower-cased)', async () => {
    expect(await getTenantBranding(createClient({ endpoint, tenant: 'brand-sdk' }))).toEqual({
      name: 'Cổng phản ánh',
      nameEn: 'Report portal',
      primaryColor: '#7a1f2b',
      accentColor: '#f2c94c',
      logoUrl: LOGO,
    });
  });

  it('gives a tenant that set nothing its own names and the default colours, never another tenant’s', async () => {
    expect(await getTenantBranding(createClient({ endpoint, tenant: 'plain-sdk' }))).toEqual({
      name: 'Tỉnh plain-sdk',
      nameEn: 'plain-sdk province',
      primaryColor: '#0b5394',
      accentColor: '#e69138',
      logoUrl: null,
    });
  });

  it('follows a change made through the admin API at once', async () => {
    const anonymous = createClient({ endpoint, tenant: 'plain-sdk' });
    expect(await getTenantBranding(anonymous)).toMatchObject({ primaryColor: '#0b5394' });
    const signedIn = await anonymous.signIn('admin@example.gov.vn', PASSWORD);
    if (signedIn.__typename !== 'SignInSuccess') throw new Error(`sign-in refused: ${JSON.stringify(signedIn)}`);
    const change = typedDocument<{ updateTenantSettings: { __typename: string } }, { input: unknown }>('mutation S($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { __typename } }');
    await anonymous.withToken(signedIn.token).request(change, { input: { branding: { primaryColor: '#116329' } } });
    expect(await getTenantBranding(anonymous)).toMatchObject({ primaryColor: '#116329', name: 'Tỉnh plain-sdk' });
  });

  it('refuses a public key of another tenant, and an unknown tenant, as server errors', async () => {
    const key = (await createApiKey(ctx, branded.tenantId, branded.admin, { kind: 'PUBLIC', name: 'Cổng', allowedOrigins: ['https://portal.example.gov.vn'] })).key;
    const wrongTenant = getTenantBranding(createClient({ endpoint, tenant: 'plain-sdk', apiKey: key, retry: { retries: 0 } }));
    await expect(wrongTenant).rejects.toBeInstanceOf(ServerError);
    await expect(getTenantBranding(createClient({ endpoint, tenant: 'khong-co', retry: { retries: 0 } }))).rejects.toMatchObject({ code: 'TENANT_NOT_FOUND' });
  });
});
