import type { Actor } from '../auth/actor.js';
import { canReadContact } from '../auth/permissions.js';
import { recordAudit } from '../audit/audit-log.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode } from '../errors.js';
import { isUuid } from '../ids.js';
import type { ReporterContactView } from './report-views.js';
import { reportNotFound } from './transition-report.js';

/** The audit action of a read of a reporter's contact. */
export const CONTACT_READ_ACTION = 'report.contact.read';

type ContactField = keyof ReporterContactView;
const CONTACT_FIELDS: readonly ContactField[] = ['fullName', 'phone', 'email'];

/**
 * Opens a report's reporter contact (name, phone, e-mail) for a staff member
 * allowed to call the citizen back: the IOC, or the unit the report is
 * assigned to now (`canReadContact`). Every read is written to the audit log
 * in the same tenant transaction, naming the reader and which fields they
 * saw — never the values. Refusals read nothing and record nothing.
 * Null when the report has no contact at all (recorded too: the reader looked).
 */
export async function readReporterContact(ctx: CoreContext, tenantId: string, actor: Actor, reportId: string): Promise<ReporterContactView | null> {
  if (!isUuid(reportId)) throw reportNotFound();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId }, select: { id: true, unitId: true, trackingCode: true } });
    if (!report) throw reportNotFound();
    if (!canReadContact(actor, report)) {
      throw new DomainError(DomainErrorCode.FORBIDDEN, "Not allowed to read this report's reporter contact", { action: CONTACT_READ_ACTION });
    }
    const row = await tx.reporterContact.findUnique({ where: { reportId } });
    const contact: ReporterContactView | null = row ? { fullName: row.fullName, phone: row.phone, email: row.email } : null;
    const fields = contact ? CONTACT_FIELDS.filter((f) => contact[f] !== null) : [];
    await recordAudit(tx, tenantId, actor, ctx.now(), {
      action: CONTACT_READ_ACTION,
      subjectType: 'Report',
      subjectId: report.id,
      data: { trackingCode: report.trackingCode, fields, ...('unitId' in actor ? { unitId: actor.unitId } : {}) },
    });
    return fields.length > 0 ? contact : null;
  });
}
