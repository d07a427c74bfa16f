// The citizen form, with any client: open reports of the same category near
// the chosen place, and "me too" on one instead of filing again. Each returns
// the API's typed result or an expected error. `supportReport` is idempotent
// per device or contact, so repeating it is safe (the SDK never retries it).
import type { PublicClient, RequestOptions } from '../client.js';
import { NearbyReportsDocument, SupportReportDocument } from '../generated/public.js';
import type { NearbyReportsQuery, NearbyReportsQueryVariables, SupportReportMutation, SupportReportMutationVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** Citizen form: open public reports of a category near a place (default 200 m), nearest first. */
export async function nearbyReports(client: Requester, variables: NearbyReportsQueryVariables, options?: RequestOptions): Promise<NearbyReportsQuery['nearbyReports']> {
  return (await client.request(NearbyReportsDocument, variables, options)).nearbyReports;
}

/** Citizen form: "me too" on a nearby report; counted once per phone or e-mail (if given) or device id. */
export async function supportReport(client: Requester, variables: SupportReportMutationVariables, options?: RequestOptions): Promise<SupportReportMutation['supportReport']> {
  return (await client.request(SupportReportDocument, variables, options)).supportReport;
}
