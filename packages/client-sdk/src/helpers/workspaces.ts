// The staff console's leader overview and tenant admin console, with a
// signed-in client: the KPIs of a period beside the previous one, a unit's
// focal points (with their history) and the tenant's settings. Each returns
// the API's typed result: switch on `__typename`. Mutations are never
// retried by the SDK.
import type { PublicClient, RequestOptions } from '../client.js';
import { CloseFocalPointDocument, FocalPointsDocument, OverviewKpisDocument, SetFocalPointDocument, TenantSettingsDocument, UpdateTenantSettingsDocument } from '../generated/staff.js';
import type { CloseFocalPointMutation, FocalPointsQuery, OverviewKpisQuery, OverviewKpisQueryVariables, SetFocalPointMutation, SetFocalPointMutationVariables, TenantSettingsQuery, UpdateTenantSettingsMutation, TenantSettingsInput } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/**
 * The leader overview in one request: the KPIs (private categories
 * included) of the period `from`–`to` and of `previousFrom`–`previousTo`,
 * overall, per unit and per category, each the same figures `kpis` answers
 * (staff with KPI access); and `openDeadlines`, the open reports the
 * caller's work list covers counted by deadline (overdue, due within
 * `dueWithinDays`, default 7), overall, per unit and per category.
 */
export async function overviewKpis(client: Requester, variables: OverviewKpisQueryVariables, options?: RequestOptions): Promise<OverviewKpisQuery> {
  return client.request(OverviewKpisDocument, variables, options);
}

/** A unit's current focal points, or with `history` every one ever registered. Any staff. */
export async function focalPoints(client: Requester, unitId: string, history = false, options?: RequestOptions): Promise<FocalPointsQuery['focalPoints']> {
  return (await client.request(FocalPointsDocument, { unitId, history }, options)).focalPoints;
}

/** Registers a unit's focal point of a role, ending the current one's term. Tenant admin, or the unit's leader. */
export async function setFocalPoint(client: Requester, variables: SetFocalPointMutationVariables, options?: RequestOptions): Promise<SetFocalPointMutation['setFocalPoint']> {
  return (await client.request(SetFocalPointDocument, variables, options)).setFocalPoint;
}

/** Ends a focal point's term with no successor. */
export async function closeFocalPoint(client: Requester, id: string, options?: RequestOptions): Promise<CloseFocalPointMutation['closeFocalPoint']> {
  return (await client.request(CloseFocalPointDocument, { id }, options)).closeFocalPoint;
}

/** The tenant's settings (origins, tracking prefix, office hours, single sign-on, notifications, branding). Tenant admin. */
export async function tenantSettings(client: Requester, options?: RequestOptions): Promise<TenantSettingsQuery['tenantSettings']> {
  return (await client.request(TenantSettingsDocument, {}, options)).tenantSettings;
}

/** Changes the fields given (each replaced as a whole; null removes an optional one); audited. Tenant admin. */
export async function updateTenantSettings(client: Requester, input: TenantSettingsInput, options?: RequestOptions): Promise<UpdateTenantSettingsMutation['updateTenantSettings']> {
  return (await client.request(UpdateTenantSettingsDocument, { input }, options)).updateTenantSettings;
}
