import { REPORT_STATUSES, type PublicReportView, type ReportStatus, type TenantRecord } from '@paht/core';
import { formatDateTime } from './datetime.js';
import { serviceNotice, type PublicCategories } from './public-services.js';

/** A service request of the standard (`request.json`), from public data only. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
}

/**
 * Our states onto the standard's two: handled (answered, published, closed,
 * rejected) is closed. Total over core's statuses: a new status does not
 * compile until it is placed here.
 */
export const OPEN311_STATUS = {
  SUBMITTED: 'open',
  CLASSIFIED: 'open',
  REJECTED: 'closed',
  ASSIGNED: 'open',
  ACCEPTED: 'open',
  IN_PROGRESS: 'open',
  WAITING_FOR_CITIZEN: 'open',
  RESOLVED: 'closed',
  PUBLISHED: 'closed',
  CLOSED: 'closed',
} as const satisfies Readonly<Record<ReportStatus, 'open' | 'closed'>>;
export const open311Status = (status: ReportStatus): 'open' | 'closed' => OPEN311_STATUS[status];

/** Our states under each of the standard's. */
export const statusesOf = (status: 'open' | 'closed'): ReportStatus[] => REPORT_STATUSES.filter((s) => OPEN311_STATUS[s] === status);

/** A report not yet classified by the IOC has no category: it shows under this code (not a service one can POST to). */
export const UNCLASSIFIED_SERVICE_CODE = 'UNCLASSIFIED';

/** The `description` of `request.json` is at most 4000 characters. */
const MAX_DESCRIPTION = 4000;

type ReportItem = Omit<PublicReportView, 'timeline'> & { timeline?: PublicReportView['timeline'] };

/**
 * A public report as an Open311 request. `status_notes` is the unit's
 * answer, else (when the timeline is at hand: single reads) the latest note
 * staff addressed to the citizen: the reason of a rejection, the question
 * while waiting for the citizen, the reason of an extension.
 * `service_notice` is the category's SLA policy. Dates carry the tenant's
 * offset. No contact data exists in the input, so none can leak.
 */
export function toOpen311Request(report: ReportItem, tenant: TenantRecord, categories: PublicCategories): Open311Request {
  const category = report.category ? categories.byId.get(report.category.id) : undefined;
  // The core's public timeline keeps only notes staff addressed to the citizen (never the citizen's own words).
  const note = report.timeline?.filter((e) => e.note).at(-1)?.note ?? null;
  const at = (d: Date | null) => (d ? formatDateTime(d, tenant.timezone) : null);
  return {
    service_request_id: report.trackingCode,
    status: open311Status(report.status),
    status_notes: report.answer ?? note,
    service_name: report.category?.name ?? 'Chưa phân loại / Not yet classified',
    service_code: report.category?.code ?? UNCLASSIFIED_SERVICE_CODE,
    description: report.description === null ? null : report.description.slice(0, MAX_DESCRIPTION),
    agency_responsible: report.unit?.name ?? null,
    service_notice: serviceNotice(category),
    requested_datetime: formatDateTime(report.submittedAt, tenant.timezone),
    updated_datetime: at(report.updatedAt),
    // When the unit must answer (the SLA's resolution deadline), not an internal stage's deadline.
    expected_datetime: at(report.answerDueAt),
    address: report.address,
    lat: report.latitude,
    long: report.longitude,
  };
}
