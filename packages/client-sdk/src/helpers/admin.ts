// Tenant administration (TENANT_ADMIN, with a signed-in client): units,
// categories, SLA policies, staff accounts, API keys, the calendar and the
// audit log; plus `listUnits`, the public list of active units. Each
// returns the API's typed result: switch on `__typename`. Results whose
// success has its own `code` (units, categories, policies) carry errors
// without `code`. Mutations are never retried by the SDK.
import type { PublicClient, RequestOptions } from '../client.js';
import { AdminCategoriesDocument, AdminUnitsDocument, ApiKeysDocument, AuditLogDocument, CalendarDaysDocument, CreateApiKeyDocument, CreateStaffAccountDocument, CreateUnitDocument, MoveUnitDocument, RemoveCalendarDayDocument, RevokeApiKeyDocument, SetCalendarDayDocument, SetStaffAccountActiveDocument, SetUnitActiveDocument, SlaPoliciesDocument, StaffAccountsDocument, UpdateUnitDocument, UpsertCategoryDocument, UpsertSlaPolicyDocument } from '../generated/staff.js';
import type { AdminCategoriesQuery, AdminUnitsQuery, ApiKeysQuery, AuditLogQuery, AuditLogQueryVariables, CalendarDaysQuery, CreateApiKeyMutation, CreateApiKeyMutationVariables, CreateStaffAccountMutation, CreateStaffAccountMutationVariables, CreateUnitMutation, CreateUnitMutationVariables, MoveUnitMutation, MoveUnitMutationVariables, RemoveCalendarDayMutation, RevokeApiKeyMutation, SetCalendarDayMutation, SetCalendarDayMutationVariables, SetStaffAccountActiveMutation, SetStaffAccountActiveMutationVariables, SetUnitActiveMutation, SetUnitActiveMutationVariables, SlaPoliciesQuery, StaffAccountsQuery, UpdateUnitMutation, UpdateUnitMutationVariables, UpsertCategoryMutation, UpsertCategoryMutationVariables, UpsertSlaPolicyMutation, UpsertSlaPolicyMutationVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** Every unit, inactive ones included. */
export async function adminUnits(client: Requester, options?: RequestOptions): Promise<AdminUnitsQuery['adminUnits']> {
  return (await client.request(AdminUnitsDocument, {}, options)).adminUnits;
}

export async function createUnit(client: Requester, variables: CreateUnitMutationVariables, options?: RequestOptions): Promise<CreateUnitMutation['createUnit']> {
  return (await client.request(CreateUnitDocument, variables, options)).createUnit;
}

export async function updateUnit(client: Requester, variables: UpdateUnitMutationVariables, options?: RequestOptions): Promise<UpdateUnitMutation['updateUnit']> {
  return (await client.request(UpdateUnitDocument, variables, options)).updateUnit;
}

/** Moves a unit under another (`parentId`), or to the top (null). */
export async function moveUnit(client: Requester, variables: MoveUnitMutationVariables, options?: RequestOptions): Promise<MoveUnitMutation['moveUnit']> {
  return (await client.request(MoveUnitDocument, variables, options)).moveUnit;
}

/** Deactivates (kept for history, not offered for new assignments) or reactivates a unit. */
export async function setUnitActive(client: Requester, variables: SetUnitActiveMutationVariables, options?: RequestOptions): Promise<SetUnitActiveMutation['setUnitActive']> {
  return (await client.request(SetUnitActiveDocument, variables, options)).setUnitActive;
}

/** Every category with its configuration (visibility, default unit, SLA policy). */
export async function adminCategories(client: Requester, options?: RequestOptions): Promise<AdminCategoriesQuery['adminCategories']> {
  return (await client.request(AdminCategoriesDocument, {}, options)).adminCategories;
}

/** Creates or replaces the category with this `code`. */
export async function upsertCategory(client: Requester, variables: UpsertCategoryMutationVariables, options?: RequestOptions): Promise<UpsertCategoryMutation['upsertCategory']> {
  return (await client.request(UpsertCategoryDocument, variables, options)).upsertCategory;
}

export async function slaPolicies(client: Requester, options?: RequestOptions): Promise<SlaPoliciesQuery['slaPolicies']> {
  return (await client.request(SlaPoliciesDocument, {}, options)).slaPolicies;
}

/** Creates or replaces the SLA policy with this `code` (minutes per stage, clock, warning ratio). */
export async function upsertSlaPolicy(client: Requester, variables: UpsertSlaPolicyMutationVariables, options?: RequestOptions): Promise<UpsertSlaPolicyMutation['upsertSlaPolicy']> {
  return (await client.request(UpsertSlaPolicyDocument, variables, options)).upsertSlaPolicy;
}

export async function staffAccounts(client: Requester, options?: RequestOptions): Promise<StaffAccountsQuery['staffAccounts']> {
  return (await client.request(StaffAccountsDocument, {}, options)).staffAccounts;
}

export async function createStaffAccount(client: Requester, variables: CreateStaffAccountMutationVariables, options?: RequestOptions): Promise<CreateStaffAccountMutation['createStaffAccount']> {
  return (await client.request(CreateStaffAccountDocument, variables, options)).createStaffAccount;
}

export async function setStaffAccountActive(client: Requester, variables: SetStaffAccountActiveMutationVariables, options?: RequestOptions): Promise<SetStaffAccountActiveMutation['setStaffAccountActive']> {
  return (await client.request(SetStaffAccountActiveDocument, variables, options)).setStaffAccountActive;
}

/** The tenant's API keys (never the keys themselves). */
export async function apiKeys(client: Requester, options?: RequestOptions): Promise<ApiKeysQuery['apiKeys']> {
  return (await client.request(ApiKeysDocument, {}, options)).apiKeys;
}

/** Creates a key; the answer holds it in clear (`key`) this once only. */
export async function createApiKey(client: Requester, variables: CreateApiKeyMutationVariables, options?: RequestOptions): Promise<CreateApiKeyMutation['createApiKey']> {
  return (await client.request(CreateApiKeyDocument, variables, options)).createApiKey;
}

export async function revokeApiKey(client: Requester, id: string, options?: RequestOptions): Promise<RevokeApiKeyMutation['revokeApiKey']> {
  return (await client.request(RevokeApiKeyDocument, { id }, options)).revokeApiKey;
}

/** The tenant's own days off and make-up working days (national holidays are built in). */
export async function calendarDays(client: Requester, options?: RequestOptions): Promise<CalendarDaysQuery['calendarDays']> {
  return (await client.request(CalendarDaysDocument, {}, options)).calendarDays;
}

export async function setCalendarDay(client: Requester, variables: SetCalendarDayMutationVariables, options?: RequestOptions): Promise<SetCalendarDayMutation['setCalendarDay']> {
  return (await client.request(SetCalendarDayDocument, variables, options)).setCalendarDay;
}

export async function removeCalendarDay(client: Requester, date: string, options?: RequestOptions): Promise<RemoveCalendarDayMutation['removeCalendarDay']> {
  return (await client.request(RemoveCalendarDayDocument, { date }, options)).removeCalendarDay;
}

/** A page of the audit log (newest first), with filters. */
export async function auditLog(client: Requester, variables: AuditLogQueryVariables = {}, options?: RequestOptions): Promise<AuditLogQuery['auditLog']> {
  return (await client.request(AuditLogDocument, variables, options)).auditLog;
}
