import { z } from 'zod';
import { recordAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { parseInput } from './parse-input.js';
import { staffInput } from './staff.js';

const passwordChange = z.object({ newPassword: staffInput.shape.password.unwrap() });

/**
 * A staff member changes their own password: `current` must be their
 * password now, `next` follows the account rules (at least 12 characters)
 * and differs from `current`. Clears "must change at the next sign-in".
 * A wrong current password is FORBIDDEN, an unfit new one VALIDATION; both
 * change nothing. Audited as `staff.password-change` (without either
 * password).
 */
export async function changeStaffPassword(ctx: CoreContext, tenantId: string, userId: string, current: string, next: string): Promise<void> {
  const { newPassword: nextPassword } = parseInput(passwordChange, { newPassword: next });
  const user = await withTenant(ctx.db, tenantId, (tx) =>
    tx.staffUser.findUnique({ where: { id: userId }, select: { passwordHash: true, active: true, role: true, unitId: true } }),
  );
  if (!user?.active || !user.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, 'The current password is wrong');
  }
  if (nextPassword === current) throw validationError([{ path: 'newPassword', message: 'must differ from the current password' }]);
  const passwordHash = await hashPassword(nextPassword);
  const actor = { role: user.role, userId, unitId: user.unitId } as Actor;
  await withTenant(ctx.db, tenantId, async (tx) => {
    await tx.staffUser.update({ where: { id: userId }, data: { passwordHash, passwordChangeRequired: false } });
    await recordAudit(tx, tenantId, actor, ctx.now(), {
      action: 'staff.password-change',
      subjectType: 'StaffUser',
      subjectId: userId,
    });
  });
}
