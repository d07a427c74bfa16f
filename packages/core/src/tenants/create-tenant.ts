import { randomBytes } from 'node:crypto';
import base32Encode from 'base32-encode';
import { z } from 'zod';
import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/password.js';
import { staffInput } from '../config/staff.js';
import { parseInput } from '../config/parse-input.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { provisionTenant, tenantInput, type ProvisionTenantInput } from './provision-tenant.js';
import type { TenantRecord } from './tenant-directory.js';

const createInput = z.object({ tenant: tenantInput, admin: staffInput.pick({ email: true, fullName: true }) });

export interface CreateTenantInput {
  tenant: ProvisionTenantInput;
  /** The tenant's first admin: e-mail and full name. */
  admin: { email: string; fullName: string };
}

export interface CreatedTenant {
  tenant: TenantRecord;
  admin: { id: string; email: string };
  /**
   * The first admin's one-time password, in clear, returned once and stored
   * only as a hash: hand it over privately. It must be changed at the first
   * sign-in (until then the account can only change it). Never log it.
   */
  oneTimePassword: string;
}

/** Who created the tenant, for its audit log: the CLI on the server, or a call of the operator API. */
export type TenantCreator = 'cli' | 'operator-api';

/**
 * A one-time password readable aloud: 20 characters of Crockford's base32
 * (no I, L, O, U; one case) in groups of five, 100 bits.
 */
export const oneTimePassword = (): string =>
  (base32Encode(randomBytes(13), 'Crockford').slice(0, 20).match(/.{5}/g) ?? []).join('-');

/**
 * An instance operator's task: creates a tenant (`provisionTenant`'s rules)
 * and its first tenant admin, who gets a one-time password and must change
 * it at the first sign-in. Everything is validated before anything is
 * written: invalid input is a VALIDATION error naming the fields
 * (`tenant.slug`, `admin.email`) and changes nothing; an existing slug is a
 * CONFLICT. Audited in the new tenant's log as `tenant.create` by SYSTEM
 * (`by`), without the password.
 */
export async function createTenantWithAdmin(ctx: CoreContext, input: CreateTenantInput, by: TenantCreator): Promise<CreatedTenant> {
  // Both checked at once, so every refused field is named together.
  const { admin } = parseInput(createInput, input);
  const tenant = await provisionTenant(ctx, input.tenant);
  const password = oneTimePassword();
  const actor: Actor = { role: 'SYSTEM', name: by };
  try {
    const passwordHash = await hashPassword(password);
    const created = await withTenant(ctx.db, tenant.id, async (tx) => {
      const row = await tx.staffUser.create({
        data: { tenantId: tenant.id, email: admin.email, fullName: admin.fullName, role: 'TENANT_ADMIN', passwordHash, passwordChangeRequired: true },
      });
      await recordAudit(tx, tenant.id, actor, ctx.now(), {
        action: 'tenant.create',
        subjectType: 'Tenant',
        subjectId: tenant.id,
        data: { by, slug: tenant.slug, firstAdminId: row.id },
      });
      return row;
    });
    return { tenant, admin: { id: created.id, email: created.email }, oneTimePassword: password };
  } catch (error) {
    // No tenant without its admin: undo the provisioning (its rows cascade).
    await ctx.db.prisma.tenant.delete({ where: { id: tenant.id } }).catch(() => undefined);
    throw error;
  }
}
