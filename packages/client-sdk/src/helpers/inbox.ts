// The staff console's work list and intake. Use a signed-in client
// (`withToken`). The list reads whole pages (OLDEST first) up to a limit, so
// that the caller can order what it got by deadline; intake files a report
// on behalf of a caller with the channel it came by.
import type { PublicClient, RequestOptions, SubmitOptions } from '../client.js';
import type { SubmitReportResult } from '../api-types.js';
import { InboxReportsDocument, StaffCategoriesDocument } from '../generated/staff.js';
import type { InboxReportsQuery, ReportFilter, StaffCategoriesQuery, SubmitReportInput } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;
type InboxConnection = Extract<InboxReportsQuery['reports'], { __typename: 'ReportConnection' }>;

/**
 * One report of the inbox: its summary, its current SLA stage (`sla.dueAt`,
 * `sla.state`), the people supporting it besides its reporter
 * (`supporterCount`) and, when asked for (`withSuggestions`), its suggested
 * category and unit (`suggestions`, best first; null for staff who may not read them).
 */
export type InboxReport = InboxConnection['edges'][number]['node'];

/** The inbox's reports, or the API's refusal (`ForbiddenError`, `ValidationError`). */
export type InboxResult =
  | { __typename: 'InboxReports'; reports: InboxReport[]; truncated: boolean }
  | Exclude<InboxReportsQuery['reports'], { __typename: 'ReportConnection' }>;

/**
 * Every report matching `filter` (staff view), read 100 at a time, oldest
 * first, up to `limit` (default 500; `truncated` says more were left).
 * `withSuggestions` also reads each report's suggested category and unit.
 */
export async function listInboxReports(
  client: Requester,
  filter: ReportFilter = {},
  options: RequestOptions & { limit?: number; withSuggestions?: boolean } = {},
): Promise<InboxResult> {
  const { limit = 500, withSuggestions = false, ...requestOptions } = options;
  const reports: InboxReport[] = [];
  let after: string | null = null;
  for (;;) {
    const page: InboxReportsQuery['reports'] = (
      await client.request(InboxReportsDocument, { first: Math.min(100, limit - reports.length), filter, withSuggestions, ...(after ? { after } : {}) }, requestOptions)
    ).reports;
    if (page.__typename !== 'ReportConnection') return page;
    reports.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { __typename: 'InboxReports', reports, truncated: false };
    if (reports.length >= limit) return { __typename: 'InboxReports', reports, truncated: true };
    after = page.pageInfo.endCursor;
  }
}

/** Staff: the active categories, private ones included (the public `listCategories` has only public ones). */
export async function listStaffCategories(client: Requester, options?: RequestOptions): Promise<StaffCategoriesQuery['staffCategories']> {
  return (await client.request(StaffCategoriesDocument, {}, options)).staffCategories;
}

/** The channels an operator records when taking a report on a caller's behalf. */
export const INTAKE_CHANNELS = ['HOTLINE_1022', 'FANPAGE', 'ZALO', 'EMAIL'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/**
 * IOC operators: files a report for a caller (the 1022 hotline, the
 * fanpage, Zalo, e-mail) with the channel recorded. The client must be
 * signed in: others get a `ValidationError` on `channel`. Retries with the
 * same idempotency key never file twice.
 */
export function intakeReport(client: Pick<PublicClient, 'submitReport'>, input: SubmitReportInput & { channel: IntakeChannel }, options?: SubmitOptions): Promise<SubmitReportResult> {
  return client.submitReport(input, options);
}
