// Background CSV / Excel exports for staff with KPI access. Use a signed-in
// client (`withToken`); answers are the API's typed results (`ExportJob`,
// or `ValidationError` / `ForbiddenError`).
import type { PublicClient, RequestOptions } from '../client.js';
import { ExportJobDocument, RequestExportDocument } from '../generated/staff.js';
import type { ExportJobQuery, RequestExportMutation, RequestExportMutationVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** Queues an export (`kind` REPORTS or KPIS, `format` CSV or XLSX, `filter` with `from`/`to` local days). */
export async function requestExport(client: Requester, variables: RequestExportMutationVariables, options?: RequestOptions): Promise<RequestExportMutation['requestExport']> {
  return (await client.request(RequestExportDocument, variables, options)).requestExport;
}

/** One of the caller's own exports (null for an unknown id or someone else's); `downloadUrl` once READY. */
export async function exportJob(client: Requester, id: string, options?: RequestOptions): Promise<ExportJobQuery['exportJob']> {
  return (await client.request(ExportJobDocument, { id }, options)).exportJob;
}
