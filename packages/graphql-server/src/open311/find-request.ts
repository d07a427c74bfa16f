import { isDomainError, trackReport, type CoreContext, type PublicReportView, type TenantRecord } from '@paht/core';
import { notFound } from './open311-error.js';

/**
 * One public report by its tracking code (the Open311 `service_request_id`),
 * with its public timeline. Unknown codes, private reports and reports of
 * private categories are all simply not found: the answer does not tell
 * which.
 */
export async function findPublicReport(core: CoreContext, tenant: TenantRecord, trackingCode: string): Promise<PublicReportView> {
  const missing = () => notFound('Không có yêu cầu với mã này / no service request with this id');
  try {
    const tracked = await trackReport(core, tenant.id, trackingCode);
    const report = tracked.report;
    // The tracker hides a private report's content (description null);
    // Open311 has no such half-view, so the report is not shown at all.
    if (report.visibility !== 'PUBLIC' || report.description === null) throw missing();
    return report;
  } catch (error) {
    if (isDomainError(error)) throw missing();
    throw error;
  }
}
