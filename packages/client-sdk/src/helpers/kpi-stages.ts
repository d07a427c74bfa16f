// Stages and rankings for staff (docs/kpi-stages.md). Use a signed-in client
// (`withToken`); answers are the API's typed results (`LeagueTable`,
// `ReportStages`, or `ValidationError` / `NotFoundError` / `ForbiddenError`).
import type { PublicClient, RequestOptions } from '../client.js';
import { ReportStagesDocument, UnitLeagueTableDocument } from '../generated/staff.js';
import type { ReportStagesQuery, UnitLeagueTableQuery, UnitLeagueTableQueryVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** The units' league table for reports submitted from `from` to `to` (local days); `minReports` defaults to 10 on the server. */
export async function unitLeagueTable(client: Requester, variables: UnitLeagueTableQueryVariables, options?: RequestOptions): Promise<UnitLeagueTableQuery['unitLeagueTable']> {
  return (await client.request(UnitLeagueTableDocument, variables, options)).unitLeagueTable;
}

/** A report's stages, each credited to the holder that held it. */
export async function reportStages(client: Requester, id: string, options?: RequestOptions): Promise<ReportStagesQuery['reportStages']> {
  return (await client.request(ReportStagesDocument, { id }, options)).reportStages;
}
