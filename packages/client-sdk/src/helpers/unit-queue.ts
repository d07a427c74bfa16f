// The unit queue (docs/report-lifecycle.md, "Unit queue"). Unit staff: the
// reports the unit holds, forward to a sub-unit, request an extension, draft
// an answer, create an answer link. Unit leaders: approve or refuse the
// extension, approve or send back the draft (answering through an answer
// link: helpers/answer-link.ts). Steps answer `ReportTransition` or an expected
// error; mutations are never retried by the SDK.
import type { PublicClient, RequestOptions } from '../client.js';
import { ApproveAnswerDocument, ApproveExtensionDocument, CreateAnswerLinkDocument, DraftAnswerDocument, ForwardReportDocument, RefuseExtensionDocument, RequestExtensionDocument, SendBackAnswerDocument, UnitQueueReportDocument, UnitQueueReportsDocument } from '../generated/staff.js';
import type { ApproveAnswerMutationVariables, ApproveExtensionMutationVariables, CreateAnswerLinkMutation, CreateAnswerLinkMutationVariables, DraftAnswerMutationVariables, ForwardReportMutationVariables, RefuseExtensionMutationVariables, RequestExtensionMutationVariables, SendBackAnswerMutationVariables, UnitQueueReportQuery, UnitQueueReportsQuery } from '../generated/types.js';
import type { TransitionResult } from './staff.js';

type Requester = Pick<PublicClient, 'request'>;

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

