import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY_ORIGINS, ensureDemoPublicKey, resolveApiKey, withTenant, type CoreContext } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

let tdb: TestDatabase;
let ctx: CoreContext;
let t: FixtureTenant;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, new Date('2026-11-25T03:00:00Z'));
  t = await createFixtureTenant(ctx, 'demo-key', 'DK');
});
afterAll(async () => tdb?.close());

describe('the demo public key', () => {
  it('is the same on every start, stored once (hashed), and works from the localhost origins only', async () => {
    const first = await ensureDemoPublicKey(ctx, t.tenantId, 'demo-key');
    const second = await ensureDemoPublicKey(ctx, t.tenantId, 'demo-key');
    expect(first).toMatch(/^pk_[A-Za-z0-9_-]{32}$/);
    expect(second).toBe(first);
    const rows = await withTenant(ctx.db, t.tenantId, (tx) => tx.apiKey.findMany());
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(first!);
    expect(await resolveApiKey(ctx, first!)).toMatchObject({ tenantId: t.tenantId, kind: 'PUBLIC', allowedOrigins: [...DEMO_KEY_ORIGINS] });
  });

  it('differs per tenant and is not printed again once revoked', async () => {
    const other = await ensureDemoPublicKey(ctx, t.tenantId, 'another-slug');
    const mine = await ensureDemoPublicKey(ctx, t.tenantId, 'demo-key');
    expect(other).not.toBe(mine);
    await withTenant(ctx.db, t.tenantId, (tx) => tx.apiKey.updateMany({ data: { revokedAt: new Date() } }));
    expect(await ensureDemoPublicKey(ctx, t.tenantId, 'demo-key')).toBeNull();
  });
});
