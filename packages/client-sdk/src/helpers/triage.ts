// IOC triage help (docs/classification.md). Staff, with a signed-in client
// (`withToken`): suggested category and unit, possible duplicates, merging.
// Each returns the API's typed result or an expected error. Mutations are
// never retried by the SDK. The citizen form's "me too" is helpers/nearby.ts.
import type { PublicClient, RequestOptions } from '../client.js';
import { ClassificationSuggestionsDocument, MergeReportDocument, PossibleDuplicatesDocument, TriageReportsDocument } from '../generated/staff.js';
import type { ClassificationSuggestionsQuery, MergeReportMutation, MergeReportMutationVariables, PossibleDuplicatesQuery, PossibleDuplicatesQueryVariables, TriageReportsQuery, TriageReportsQueryVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** IOC: a page of the work list with each report's `suggestions` and `supporterCount`. */
export async function listTriageReports(client: Requester, variables: TriageReportsQueryVariables = {}, options?: RequestOptions): Promise<TriageReportsQuery['reports']> {
  return (await client.request(TriageReportsDocument, variables, options)).reports;
}

/** IOC: up to three suggested (category, unit) pairs for a report, with their confidence, best first. */
export async function suggestClassification(client: Requester, reportId: string, options?: RequestOptions): Promise<ClassificationSuggestionsQuery['classificationSuggestions']> {
  return (await client.request(ClassificationSuggestionsDocument, { reportId }, options)).classificationSuggestions;
}

/** IOC: open reports near in place and time with a similar text (defaults: 200 m, 14 days, similarity ≥ 0.25). */
export async function findPossibleDuplicates(client: Requester, variables: PossibleDuplicatesQueryVariables, options?: RequestOptions): Promise<PossibleDuplicatesQuery['possibleDuplicates']> {
  return (await client.request(PossibleDuplicatesDocument, variables, options)).possibleDuplicates;
}

/** IOC: merges the later report `id` into the original `intoId`; its reporter becomes a supporter of the original. */
export async function mergeReport(client: Requester, variables: MergeReportMutationVariables, options?: RequestOptions): Promise<MergeReportMutation['mergeReport']> {
  return (await client.request(MergeReportDocument, variables, options)).mergeReport;
}

