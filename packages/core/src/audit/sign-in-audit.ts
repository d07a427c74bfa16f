import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { recordAudit } from './audit-log.js';

/**
 * Records a password sign-in to a staff account: `staff.sign-in` by the
 * member, or `staff.sign-in-refused` (a wrong password, an inactive
 * account) by the system, against the account. Attempts at e-mails no
 * account has are not recorded: there is no subject, and what was typed
 * may be someone's address.
 */
export async function recordStaffSignIn(ctx: CoreContext, tenantId: string, staff: Actor & { userId: string }, succeeded: boolean): Promise<void> {
  await withTenant(ctx.db, tenantId, (tx) =>
    recordAudit(tx, tenantId, succeeded ? staff : { role: 'SYSTEM', name: 'sign-in' }, ctx.now(), {
      action: succeeded ? 'staff.sign-in' : 'staff.sign-in-refused',
      subjectType: 'StaffUser',
      subjectId: staff.userId,
      data: { method: 'password' },
    }),
  );
}
