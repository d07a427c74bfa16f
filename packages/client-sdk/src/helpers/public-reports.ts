// Public report lists. The API pages them as a Relay connection; this file
// is the only place that knows its shape, and turns it into plain pages.
import type { PublicClient, RequestOptions } from '../client.js';
import { PublicReportsDocument } from '../generated/public.js';
import type { PublicReportsQuery, PublicReportsQueryVariables, ReportSummaryFieldsFragment } from '../generated/types.js';

export type ReportSummary = ReportSummaryFieldsFragment;

/** One page of reports, newest first by default. Pass `endCursor` as `after` for the next. */
export interface ReportPage {
  __typename: 'ReportPage';
  reports: ReportSummary[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The request was refused (a bad filter or cursor): `ValidationError`. */
export type ReportListFailure = Exclude<PublicReportsQuery['publicReports'], { __typename: 'ReportConnection' }>;

export type PublicReportsOptions = PublicReportsQueryVariables;

/** Turns a `ReportConnection` (edges { cursor node } pageInfo) into a `ReportPage`. */
export function toReportPage(connection: { edges: Array<{ node: ReportSummary }>; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }): ReportPage {
  return { __typename: 'ReportPage', reports: connection.edges.map((e) => e.node), hasNextPage: connection.pageInfo.hasNextPage, endCursor: connection.pageInfo.endCursor ?? null };
}

/** A page of public reports: `first` (1–100, default 20), `after` a previous `endCursor`, `filter`, `orderBy`. */
export async function listPublicReports(client: Pick<PublicClient, 'request'>, variables: PublicReportsOptions = {}, options?: RequestOptions): Promise<ReportPage | ReportListFailure> {
  const result = (await client.request(PublicReportsDocument, variables, options)).publicReports;
  return result.__typename === 'ReportConnection' ? toReportPage(result) : result;
}

/**
 * Every public report matching, page after page, as an async iterable
 * (stop early with `break`). A refused request (bad filter) throws a
 * TypeError naming the fields.
 */
export async function* allPublicReports(client: Pick<PublicClient, 'request'>, variables: Omit<PublicReportsOptions, 'after'> = {}, options?: RequestOptions): AsyncGenerator<ReportSummary, void, undefined> {
  let after: string | null = null;
  do {
    const page: ReportPage | ReportListFailure = await listPublicReports(client, { ...variables, ...(after ? { after } : {}) }, options);
    if (page.__typename !== 'ReportPage') throw new TypeError(`publicReports refused: ${page.message}`);
    yield* page.reports;
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
}
