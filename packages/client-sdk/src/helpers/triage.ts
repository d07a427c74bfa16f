// IOC triage help (docs/classification.md). Staff, with a signed-in client
// (`withToken`): suggested category and unit, possible duplicates, merging.
// The citizen form, with any client: nearby open reports to support, and
// "me too". Each returns the API's typed result or an expected error.
// Mutations are never retried by the SDK; `supportReport` is idempotent per
// device or contact, so repeating it is safe.
import type { PahtClient, RequestOptions } from '../client.js';
import {
  ClassificationSuggestionsDocument,
  MergeReportDocument,
  NearbyReportsDocument,
  PossibleDuplicatesDocument,
  SupportReportDocument,
  TriageReportsDocument,
  type ClassificationSuggestionsQuery,
  type MergeReportMutation,
  type MergeReportMutationVariables,
  type NearbyReportsQuery,
  type NearbyReportsQueryVariables,
  type PossibleDuplicatesQuery,
  type PossibleDuplicatesQueryVariables,
  type SupportReportMutation,
  type SupportReportMutationVariables,
  type TriageReportsQuery,
  type TriageReportsQueryVariables,
} from '../generated/operations.js';

type Requester = Pick<PahtClient, 'request'>;

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

/** Citizen form: open public reports of a category near a place (default 200 m), nearest first. */
export async function nearbyReports(client: Requester, variables: NearbyReportsQueryVariables, options?: RequestOptions): Promise<NearbyReportsQuery['nearbyReports']> {
  return (await client.request(NearbyReportsDocument, variables, options)).nearbyReports;
}

/** Citizen form: "me too" on a nearby report; counted once per phone or e-mail (if given) or device id. */
export async function supportReport(client: Requester, variables: SupportReportMutationVariables, options?: RequestOptions): Promise<SupportReportMutation['supportReport']> {
  return (await client.request(SupportReportDocument, variables, options)).supportReport;
}
