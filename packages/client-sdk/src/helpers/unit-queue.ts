// The unit queue (docs/report-lifecycle.md, "Unit queue"). Unit staff: the
// reports the unit holds, forward to a sub-unit, request an extension, draft
// an answer, create an answer link. Unit leaders: approve or refuse the
// extension, approve or send back the draft. Anyone holding an answer link:
// open it and answer once. Steps answer `ReportTransition` or an expected
// error; mutations are never retried by the SDK.
import type { PahtClient, RequestOptions } from '../client.js';
import {
  AnswerLinkDocument,
  AnswerThroughLinkDocument,
  ApproveAnswerDocument,
  ApproveExtensionDocument,
  CreateAnswerLinkDocument,
  DraftAnswerDocument,
  ForwardReportDocument,
  RefuseExtensionDocument,
  RequestExtensionDocument,
  SendBackAnswerDocument,
  UnitQueueReportDocument,
  UnitQueueReportsDocument,
  type AnswerLinkQuery,
  type AnswerLinkQueryVariables,
  type AnswerThroughLinkMutation,
  type AnswerThroughLinkMutationVariables,
  type ApproveAnswerMutationVariables,
  type ApproveExtensionMutationVariables,
  type CreateAnswerLinkMutation,
  type CreateAnswerLinkMutationVariables,
  type DraftAnswerMutationVariables,
  type ForwardReportMutationVariables,
  type RefuseExtensionMutationVariables,
  type RequestExtensionMutationVariables,
  type SendBackAnswerMutationVariables,
  type UnitQueueReportQuery,
  type UnitQueueReportsQuery,
} from '../generated/operations.js';
import type { TransitionResult } from './staff.js';

type Requester = Pick<PahtClient, 'request'>;

/** Unit staff: the open reports the unit holds, the nearest deadline first (at most 200). */
export async function unitQueue(client: Requester, options?: RequestOptions): Promise<UnitQueueReportsQuery['unitQueue']> {
  return (await client.request(UnitQueueReportsDocument, {}, options)).unitQueue;
}

/** A report with its timeline (acting unit of each step), pending requests, the forwarding unit and the steps the caller may take. */
export async function getUnitQueueReport(client: Requester, id: string, options?: RequestOptions): Promise<UnitQueueReportQuery['report']> {
  return (await client.request(UnitQueueReportDocument, { id }, options)).report;
}

/** Holding unit: hands the report to one of its sub-units (which accepts it or returns it to you). */
export async function forwardReport(client: Requester, variables: ForwardReportMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(ForwardReportDocument, variables, options)).forwardReport;
}

/** Unit officer: asks the unit leader for `extensionMinutes` more, with a reason. */
export async function requestExtension(client: Requester, variables: RequestExtensionMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(RequestExtensionDocument, variables, options)).requestExtension;
}

/** Unit leader: grants the pending extension request. */
export async function approveExtension(client: Requester, variables: ApproveExtensionMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(ApproveExtensionDocument, variables, options)).approveExtension;
}

/** Unit leader: refuses the pending extension request, with a reason. */
export async function refuseExtension(client: Requester, variables: RefuseExtensionMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(RefuseExtensionDocument, variables, options)).refuseExtension;
}

/** Unit officer: proposes the answer (photos as `uploadIds`) for the unit leader's approval. */
export async function draftAnswer(client: Requester, variables: DraftAnswerMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(DraftAnswerDocument, variables, options)).draftAnswer;
}

/** Unit leader: approves the pending draft; the report is RESOLVED with it. */
export async function approveAnswer(client: Requester, variables: ApproveAnswerMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(ApproveAnswerDocument, variables, options)).approveAnswer;
}

/** Unit leader: sends the pending draft back, with a reason. */
export async function sendBackAnswer(client: Requester, variables: SendBackAnswerMutationVariables, options?: RequestOptions): Promise<TransitionResult> {
  return (await client.request(SendBackAnswerDocument, variables, options)).sendBackAnswer;
}

/** Holding unit: a signed link for a contractor or commune without accounts to answer this report once. */
export async function createAnswerLink(client: Requester, variables: CreateAnswerLinkMutationVariables, options?: RequestOptions): Promise<CreateAnswerLinkMutation['createAnswerLink']> {
  return (await client.request(CreateAnswerLinkDocument, variables, options)).createAnswerLink;
}

/** The link holder (no account): the report the link opens, or AnswerLinkRefusedError with its reason. */
export async function openAnswerLink(client: Requester, variables: AnswerLinkQueryVariables, options?: RequestOptions): Promise<AnswerLinkQuery['answerLink']> {
  return (await client.request(AnswerLinkDocument, variables, options)).answerLink;
}

/** The link holder: gives the unit's answer (a draft the unit leader approves). */
export async function answerThroughLink(client: Requester, variables: AnswerThroughLinkMutationVariables, options?: RequestOptions): Promise<AnswerThroughLinkMutation['answerThroughLink']> {
  return (await client.request(AnswerThroughLinkDocument, variables, options)).answerThroughLink;
}
