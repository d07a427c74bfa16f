// What a citizen does after filing: rate, reopen, answer a question; and
// what public pages read: categories, units, statistics, public indicators. Each returns the
// API's typed result: switch on `__typename`.
import type { PublicClient, RequestOptions } from '../client.js';
import { CategoriesDocument, KpisDocument, ProvideInfoDocument, PublicIndicatorsDocument, RateReportDocument, ReopenReportDocument, TenantBrandingDocument, UnitsDocument } from '../generated/public.js';
import type { CategoriesQuery, KpisQuery, KpisQueryVariables, ProvideInfoMutation, ProvideInfoMutationVariables, PublicIndicatorsQuery, PublicIndicatorsQueryVariables, RateReportMutation, RateReportMutationVariables, ReopenReportMutation, ReopenReportMutationVariables, TenantBrandingQuery, UnitsQuery } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** Rates the published answer from 1 to 5 (closes the report). Needs the secret given at submission. */
export async function rateReport(client: Requester, variables: RateReportMutationVariables, options?: RequestOptions): Promise<RateReportMutation['rateReport']> {
  return (await client.request(RateReportDocument, variables, options)).rateReport;
}

/** Not satisfied: sends the report back to the unit with a reason (and optionally a rating). */
export async function reopenReport(client: Requester, variables: ReopenReportMutationVariables, options?: RequestOptions): Promise<ReopenReportMutation['reopenReport']> {
  return (await client.request(ReopenReportDocument, variables, options)).reopenReport;
}

/** Answers the unit's question (status WAITING_FOR_CITIZEN); restarts the clock. */
export async function provideInfo(client: Requester, variables: ProvideInfoMutationVariables, options?: RequestOptions): Promise<ProvideInfoMutation['provideInfo']> {
  return (await client.request(ProvideInfoDocument, variables, options)).provideInfo;
}

/** The categories a citizen may choose from. */
export async function listCategories(client: Requester, options?: RequestOptions): Promise<CategoriesQuery['categories']> {
  return (await client.request(CategoriesDocument, {}, options)).categories;
}

/**
 * Public statistics (KPIs) over local days `from`..`to` (YYYY-MM-DD,
 * inclusive), one row per group (default the whole tenant). Public
 * categories only, unless staff with KPI access ask `includePrivate`.
 */
export async function getStatistics(client: Requester, variables: KpisQueryVariables, options?: RequestOptions): Promise<KpisQuery['kpis']> {
  return (await client.request(KpisDocument, variables, options)).kpis;
}

/** The tenant's widget branding: names (vi/en), `#rrggbb` primary and accent colours, an https logo or null. Public, no secret. */
export async function getTenantBranding(client: Requester, options?: RequestOptions): Promise<TenantBrandingQuery['tenantBranding']> {
  return (await client.request(TenantBrandingDocument, {}, options)).tenantBranding;
}

/** The tenant's active units (IOC, departments, districts, communes), ordered by code. Public. */
export async function listUnits(client: Requester, options?: RequestOptions): Promise<UnitsQuery['units']> {
  return (await client.request(UnitsDocument, {}, options)).units;
}

/** Anyone: the tenant-wide figures of the public indicators for `period`. */
export async function getPublicIndicators(client: Requester, variables: PublicIndicatorsQueryVariables, options?: RequestOptions): Promise<PublicIndicatorsQuery['publicIndicators']> {
  return (await client.request(PublicIndicatorsDocument, variables, options)).publicIndicators;
}
