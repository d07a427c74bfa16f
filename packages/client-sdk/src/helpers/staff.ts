// Staff workflows. IOC operators: classify, reject, assign, publish, close.
// Units: accept, return, start, request information, resolve. Leaders or
// the IOC: extend a deadline. Use a signed-in client (`withToken`). Each
// returns the API's typed result: `ReportTransition` or an expected error
// (`IllegalTransitionError`, `ForbiddenError`, `ValidationError`, …).
// Mutations are never retried by the SDK: a lost answer may mean the step
// was taken; read the report again before repeating it.
import type { PublicClient, RequestOptions } from '../client.js';
import { AcceptReportDocument, AssignReportDocument, ClassifyReportDocument, CloseReportDocument, ExtendDeadlineDocument, PublishReportDocument, RejectReportDocument, RequestInfoDocument, ResolveReportDocument, ReturnReportDocument, RevealReporterContactDocument, StaffReportDocument, StaffReportsDocument, StartReportDocument } from '../generated/staff.js';
import type { AcceptReportMutationVariables, AssignReportMutationVariables, ClassifyReportMutation, ClassifyReportMutationVariables, CloseReportMutationVariables, ExtendDeadlineMutationVariables, PublishReportMutationVariables, RejectReportMutationVariables, RequestInfoMutationVariables, ResolveReportMutationVariables, ReturnReportMutationVariables, RevealReporterContactMutation, StaffReportQuery, StaffReportsQuery, StaffReportsQueryVariables, StartReportMutationVariables } from '../generated/types.js';
import { toReportPage, type ReportPage } from './public-reports.js';

type Requester = Pick<PublicClient, 'request'>;

/** What every workflow step answers (all steps select the same fields). */
export type TransitionResult = ClassifyReportMutation['classifyReport'];

/** A report with its whole timeline (and who did each step), for staff allowed to read it. */
export async function getReport(client: Requester, id: string, options?: RequestOptions): Promise<StaffReportQuery['report']> {
  return (await client.request(StaffReportDocument, { id }, options)).report;
}

/** The staff work list: every report for the IOC, admins and leaders; the unit's for unit staff. Filters, order, cursor paging. */
export async function listReports(client: Requester, variables: StaffReportsQueryVariables = {}, options?: RequestOptions): Promise<ReportPage | Exclude<StaffReportsQuery['reports'], { __typename: 'ReportConnection' }>> {
  const result = (await client.request(StaffReportsDocument, variables, options)).reports;
  return result.__typename === 'ReportConnection' ? toReportPage(result) : result;
}

/** IOC: gives a submitted report its category (and visibility). */
export async function classifyReport(client: Requester, variables: ClassifyReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(ClassifyReportDocument, variables, options)).classifyReport;
}

/** IOC: turns a report away (SPAM, DUPLICATE with `duplicateOfCode`, OUT_OF_SCOPE), with a reason for the citizen. */
export async function rejectReport(client: Requester, variables: RejectReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(RejectReportDocument, variables, options)).rejectReport;
}

/** IOC: hands a classified report to a unit. */
export async function assignReport(client: Requester, variables: AssignReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(AssignReportDocument, variables, options)).assignReport;
}

/** Assigned unit: takes the report on. */
export async function acceptReport(client: Requester, variables: AcceptReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(AcceptReportDocument, variables, options)).acceptReport;
}

/** Assigned unit: sends the report back to the IOC (not ours), with a reason. */
export async function returnReport(client: Requester, variables: ReturnReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(ReturnReportDocument, variables, options)).returnReport;
}

/** Assigned unit: work has started. */
export async function startReport(client: Requester, variables: StartReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(StartReportDocument, variables, options)).startReport;
}

/** Unit leader or IOC: extends the resolution deadline by `extensionMinutes` (in the policy's clock), with a reason. */
export async function extendDeadline(client: Requester, variables: ExtendDeadlineMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(ExtendDeadlineDocument, variables, options)).extendDeadline;
}

/** Assigned unit: asks the citizen for more information (pauses the clock). */
export async function requestInfo(client: Requester, variables: RequestInfoMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(RequestInfoDocument, variables, options)).requestInfo;
}

/** Assigned unit: gives the answer (kết quả xử lý). */
export async function resolveReport(client: Requester, variables: ResolveReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(ResolveReportDocument, variables, options)).resolveReport;
}

/** IOC: publishes the answer (the citizen can then rate it). */
export async function publishReport(client: Requester, variables: PublishReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(PublishReportDocument, variables, options)).publishReport;
}

/**
 * IOC operators and the staff of the unit the report is assigned to: opens
 * the reporter's name, phone and e-mail, to call the citizen back. Every call
 * is written to the tenant's audit log with who read it; call it when the
 * operator asks to see the contact, never to fill a list, and do not cache
 * or log the answer. Others get `ForbiddenError`.
 */
export async function revealReporterContact(client: Requester, reportId: string, options?: RequestOptions): Promise<RevealReporterContactMutation['revealReporterContact']> {
  return (await client.request(RevealReporterContactDocument, { reportId }, options)).revealReporterContact;
}

/** IOC: closes a published report the citizen did not rate. */
export async function closeReport(client: Requester, variables: CloseReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(CloseReportDocument, variables, options)).closeReport;
}
