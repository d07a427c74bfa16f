// Socio-economic indicators (docs/indicators.md). Staff helpers need a
// signed-in client (`getPublicIndicators`, for anyone, is in citizen.ts). Each returns the
// API's typed result: switch on `__typename`. Mutations are never retried.
import type { PublicClient, RequestOptions } from '../client.js';
import { DefineIndicatorDocument, IndicatorFigureDocument, IndicatorSubmissionsDocument, IndicatorsDocument, SubmitIndicatorValueDocument, UpdateIndicatorDocument } from '../generated/staff.js';
import type { DefineIndicatorMutation, DefineIndicatorMutationVariables, IndicatorFigureQuery, IndicatorFigureQueryVariables, IndicatorSubmissionsQuery, IndicatorSubmissionsQueryVariables, IndicatorsQuery, SubmitIndicatorValueMutation, SubmitIndicatorValueMutationVariables, UpdateIndicatorMutation, UpdateIndicatorMutationVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** Staff: the tenant's indicators by code. */
export async function listIndicators(client: Requester, options?: RequestOptions): Promise<IndicatorsQuery['indicators']> {
  return (await client.request(IndicatorsDocument, {}, options)).indicators;
}

/**
 * Staff: an indicator's figure for `period` (`2026-03`, `2026-Q1`, `2026`;
 * its own periodicity or a longer one) over `unitId`'s branch, or the whole
 * tenant, with each sub-unit's figure.
 */
export async function getIndicatorFigure(client: Requester, variables: IndicatorFigureQueryVariables, options?: RequestOptions): Promise<IndicatorFigureQuery['indicatorFigure']> {
  return (await client.request(IndicatorFigureDocument, variables, options)).indicatorFigure;
}

/** Staff: the values units submitted for an indicator and period, each with its history of corrections. */
export async function listIndicatorSubmissions(client: Requester, variables: IndicatorSubmissionsQueryVariables, options?: RequestOptions): Promise<IndicatorSubmissionsQuery['indicatorSubmissions']> {
  return (await client.request(IndicatorSubmissionsDocument, variables, options)).indicatorSubmissions;
}

/** Tenant admin: a new indicator; a formula naming itself, a cycle or an unknown code is a ValidationError on `formula`. */
export async function defineIndicator(client: Requester, variables: DefineIndicatorMutationVariables, options?: RequestOptions): Promise<DefineIndicatorMutation['defineIndicator']> {
  return (await client.request(DefineIndicatorDocument, variables, options)).defineIndicator;
}

/** Tenant admin: change an indicator (its code stays). */
export async function updateIndicator(client: Requester, variables: UpdateIndicatorMutationVariables, options?: RequestOptions): Promise<UpdateIndicatorMutation['updateIndicator']> {
  return (await client.request(UpdateIndicatorDocument, variables, options)).updateIndicator;
}

/** A unit's staff (own unit) or a tenant admin: a value for a period; again for the same period is a correction and needs `reason`. */
export async function submitIndicatorValue(client: Requester, variables: SubmitIndicatorValueMutationVariables, options?: RequestOptions): Promise<SubmitIndicatorValueMutation['submitIndicatorValue']> {
  return (await client.request(SubmitIndicatorValueDocument, variables, options)).submitIndicatorValue;
}
