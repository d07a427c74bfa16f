// Indicator report forms (docs/indicators.md#report-forms). Every helper
// needs a signed-in staff client and returns the API's typed result: switch
// on `__typename`. Mutations are never retried; give `submitIndicatorForm`
// an `idempotencyKey` to retry it safely yourself.
import type { PublicClient, RequestOptions } from '../client.js';
import {
  ArchiveIndicatorFormDocument,
  DefineIndicatorFormDocument,
  DiscardIndicatorFormDraftDocument,
  IndicatorFormEntryDocument,
  IndicatorFormsDocument,
  IndicatorFormStatusDocument,
  SaveIndicatorFormDraftDocument,
  SubmitIndicatorFormDocument,
  UpdateIndicatorFormDocument,
} from '../generated/staff.js';
import type {
  ArchiveIndicatorFormMutation,
  ArchiveIndicatorFormMutationVariables,
  DefineIndicatorFormMutation,
  DefineIndicatorFormMutationVariables,
  DiscardIndicatorFormDraftMutation,
  DiscardIndicatorFormDraftMutationVariables,
  IndicatorFormEntryQuery,
  IndicatorFormEntryQueryVariables,
  IndicatorFormsQuery,
  IndicatorFormsQueryVariables,
  IndicatorFormStatusQuery,
  IndicatorFormStatusQueryVariables,
  SaveIndicatorFormDraftMutation,
  SaveIndicatorFormDraftMutationVariables,
  SubmitIndicatorFormMutation,
  SubmitIndicatorFormMutationVariables,
  UpdateIndicatorFormMutation,
  UpdateIndicatorFormMutationVariables,
} from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** Staff: the tenant's report forms by code, at their current version. */
export async function listIndicatorForms(client: Requester, variables: IndicatorFormsQueryVariables = {}, options?: RequestOptions): Promise<IndicatorFormsQuery['indicatorForms']> {
  return (await client.request(IndicatorFormsDocument, variables, options)).indicatorForms;
}

/** Staff: for a form and period, each unit it is due from (ON_TIME, LATE, PENDING, OVERDUE) and the deadline. */
export async function getIndicatorFormStatus(client: Requester, variables: IndicatorFormStatusQueryVariables, options?: RequestOptions): Promise<IndicatorFormStatusQuery['indicatorFormStatus']> {
  return (await client.request(IndicatorFormStatusDocument, variables, options)).indicatorFormStatus;
}

/** Tenant admin: a new report form. */
export async function defineIndicatorForm(client: Requester, variables: DefineIndicatorFormMutationVariables, options?: RequestOptions): Promise<DefineIndicatorFormMutation['defineIndicatorForm']> {
  return (await client.request(DefineIndicatorFormDocument, variables, options)).defineIndicatorForm;
}

/** Tenant admin: change a form (its next version). */
export async function updateIndicatorForm(client: Requester, variables: UpdateIndicatorFormMutationVariables, options?: RequestOptions): Promise<UpdateIndicatorFormMutation['updateIndicatorForm']> {
  return (await client.request(UpdateIndicatorFormDocument, variables, options)).updateIndicatorForm;
}

/** Tenant admin: no more submissions of a form. */
export async function archiveIndicatorForm(client: Requester, variables: ArchiveIndicatorFormMutationVariables, options?: RequestOptions): Promise<ArchiveIndicatorFormMutation['archiveIndicatorForm']> {
  return (await client.request(ArchiveIndicatorFormDocument, variables, options)).archiveIndicatorForm;
}

/** A unit's staff (own unit) or a tenant admin: a whole form for a period; again is a correction and needs `reason`. */
export async function submitIndicatorForm(client: Requester, variables: SubmitIndicatorFormMutationVariables, options?: RequestOptions): Promise<SubmitIndicatorFormMutation['submitIndicatorForm']> {
  return (await client.request(SubmitIndicatorFormDocument, variables, options)).submitIndicatorForm;
}

/** Staff: a form for a unit and period in one request: the unit's state, the indicators with targets, its values with history, its draft. */
export async function getIndicatorFormEntry(client: Requester, variables: IndicatorFormEntryQueryVariables, options?: RequestOptions): Promise<IndicatorFormEntryQuery['indicatorFormEntry']> {
  return (await client.request(IndicatorFormEntryDocument, variables, options)).indicatorFormEntry;
}

/** A unit's staff (own unit) or a tenant admin: keep the values typed so far (never counted; limits checked at submission). */
export async function saveIndicatorFormDraft(client: Requester, variables: SaveIndicatorFormDraftMutationVariables, options?: RequestOptions): Promise<SaveIndicatorFormDraftMutation['saveIndicatorFormDraft']> {
  return (await client.request(SaveIndicatorFormDraftDocument, variables, options)).saveIndicatorFormDraft;
}

/** The same people: delete a draft (`data` false when there was none). */
export async function discardIndicatorFormDraft(client: Requester, variables: DiscardIndicatorFormDraftMutationVariables, options?: RequestOptions): Promise<DiscardIndicatorFormDraftMutation['discardIndicatorFormDraft']> {
  return (await client.request(DiscardIndicatorFormDraftDocument, variables, options)).discardIndicatorFormDraft;
}
