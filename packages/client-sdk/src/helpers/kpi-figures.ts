import type { PublicClient, RequestOptions } from '../client.js';
import { KpiFiguresDocument } from '../generated/staff.js';
import type { KpiFiguresQuery, KpiFiguresQueryVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/**
 * Report-handling figures over local days `from`..`to` (YYYY-MM-DD,
 * inclusive), one row per group: the tenant (default), a unit, category,
 * area, channel, a DAY / WEEK / MONTH / QUARTER / YEAR, or (FORMER_TENANT,
 * after a merge) the tenant the reports were submitted to; `formerTenantId`
 * keeps one such tenant's reports only. Every figure of
 * docs/kpis.md: received = resolvedOnTime + resolvedLate + notFixed +
 * rejected + openWithinDeadline + openOverdue; handling times in working
 * hours. Public categories only, unless staff with KPI access ask
 * `includePrivate`. Refusals: ValidationError (a bad day or range),
 * ForbiddenError (`includePrivate` without KPI access); a `formerTenantId`
 * that is neither this tenant nor one merged into it is a ValidationError.
 */
export async function getKpiFigures(client: Requester, variables: KpiFiguresQueryVariables, options?: RequestOptions): Promise<KpiFiguresQuery['kpis']> {
  return (await client.request(KpiFiguresDocument, variables, options)).kpis;
}
