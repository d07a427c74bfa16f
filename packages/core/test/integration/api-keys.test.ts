import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, createApiKey, listApiKeys, originAllowed, resolveApiKey, revokeApiKey } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  a = await createFixtureTenant(ctx, 'keys-a', 'KA');
  b = await createFixtureTenant(ctx, 'keys-b', 'KB');
});
afterAll(async () => tdb?.close());

const code = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

describe('tenant API keys', () => {
  it('resolve a public key to its tenant, usable only from its web origins', async () => {
    const { key, record } = await createApiKey(ctx, a.tenantId, a.admin, {
      kind: 'PUBLIC',
      name: 'Cổng thông tin tỉnh',
      allowedOrigins: ['https://Portal.QuangTri.gov.vn'],
    });
    expect(key).toMatch(/^pk_[A-Za-z0-9_-]{32}$/);
    expect(record.prefix).toBe(key.slice(0, 10));
    const resolved = await resolveApiKey(ctx, key);
    expect(resolved).toMatchObject({ tenantId: a.tenantId, kind: 'PUBLIC', keyId: record.id });
    expect(originAllowed(resolved!, 'https://portal.quangtri.gov.vn')).toBe(true);
    expect(originAllowed(resolved!, 'https://evil.example')).toBe(false);
    expect(originAllowed(resolved!, undefined)).toBe(false);
    const stored = await tdb.db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [record.id]);
    expect(stored[0]?.key_hash).not.toContain(key.slice(3));
  });

  it('stop resolving a key once it is revoked, and never resolve a made-up one', async () => {
    const { key, record } = await createApiKey(ctx, a.tenantId, a.admin, { kind: 'SECRET', name: 'Hệ thống 1022' });
    expect(originAllowed((await resolveApiKey(ctx, key))!, undefined)).toBe(true);
    await revokeApiKey(ctx, a.tenantId, a.admin, record.id);
    expect(await resolveApiKey(ctx, key)).toBeNull();
    expect(await resolveApiKey(ctx, `sk_${'x'.repeat(32)}`)).toBeNull();
    expect(await resolveApiKey(ctx, 'not a key')).toBeNull();
  });

  it('are managed by tenant admins only, one tenant at a time', async () => {
    expect(await code(createApiKey(ctx, a.tenantId, a.operator, { kind: 'SECRET', name: 'x' }))).toBe('FORBIDDEN');
    expect(await code(createApiKey(ctx, a.tenantId, a.admin, { kind: 'PUBLIC', name: 'no origins' }))).toBe('VALIDATION');
    expect(await code(createApiKey(ctx, a.tenantId, a.admin, { kind: 'PUBLIC', name: 'bad', allowedOrigins: ['portal.gov.vn/path'] }))).toBe('VALIDATION');
    const keysOfA = await listApiKeys(ctx, a.tenantId, a.admin);
    expect(await listApiKeys(ctx, b.tenantId, b.admin)).toEqual([]);
    expect(await code(revokeApiKey(ctx, b.tenantId, b.admin, keysOfA[0]!.id))).toBe('NOT_FOUND');
  });
});
