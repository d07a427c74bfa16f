import { isDomainError, trackReport, type CoreContext, type PublicReportView, type TenantRecord } from '@paht/core';
import { notFound } from './open311-error.js';

/**
 * One public report by its tracking code (the Open311 `service_request_id`),
 * with its public timeline. The core's one rule decides (`publicContent`,
 * as for the GraphQL tracker): Open311 has no progress-only view, so
 * unknown codes and reports whose content is not public (private, of a
 * private category, or rejected) are all simply not found: the answer does
 * not tell which.
 */
export async function findPublicReport(core: CoreContext, tenant: TenantRecord, trackingCode: string): Promise<PublicReportView> {
  const missing = () => notFound('Không có yêu cầu với mã này / no service request with this id');
  try {
    const tracked = await trackReport(core, tenant.id, trackingCode);
    const report = tracked.report;
    if (!report.publicContent) throw missing();
    return report;
  } catch (error) {
    if (isDomainError(error)) throw missing();
    throw error;
  }
}
