import { createHmac } from 'node:crypto';
import { hashKey } from '../auth/api-keys.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';

/** The web origins a demo public key allows: the example portal, Storybook and a Vite dev server on this machine. */
export const DEMO_KEY_ORIGINS = ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://localhost:6006', 'http://localhost:5173'] as const;

/**
 * The demo tenant's public key (`pk_…`), derived from the instance secret
 * and the slug: the same on every start, so it can be printed each time
 * while only its hash is stored (created on the first call, found after).
 * Null when an admin revoked it.
 */
export async function ensureDemoPublicKey(ctx: CoreContext, tenantId: string, slug: string): Promise<string | null> {
  const key = `pk_${createHmac('sha256', ctx.secretKey).update(`demo-public-key\n${slug}`).digest('base64url').slice(0, 32)}`;
  const keyHash = hashKey(key);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const existing = await tx.apiKey.findUnique({ where: { keyHash } });
    if (existing) return existing.revokedAt ? null : key;
    await tx.apiKey.create({
      data: { tenantId, kind: 'PUBLIC', name: 'Demo public key (localhost)', prefix: key.slice(0, 10), keyHash, allowedOrigins: [...DEMO_KEY_ORIGINS] },
    });
    return key;
  });
}
