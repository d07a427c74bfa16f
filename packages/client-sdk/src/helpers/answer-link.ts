// Answer links (docs/report-lifecycle.md, "Unit queue"), with any client:
// the holder of a unit's link (a contractor or commune without an account)
// opens it and answers once. A unit creates links with `createAnswerLink`.
import type { PublicClient, RequestOptions } from '../client.js';
import { AnswerLinkDocument, AnswerThroughLinkDocument } from '../generated/public.js';
import type { AnswerLinkQuery, AnswerLinkQueryVariables, AnswerThroughLinkMutation, AnswerThroughLinkMutationVariables } from '../generated/types.js';

type Requester = Pick<PublicClient, 'request'>;

/** The link holder (no account): the report the link opens, or AnswerLinkRefusedError with its reason. */
export async function openAnswerLink(client: Requester, variables: AnswerLinkQueryVariables, options?: RequestOptions): Promise<AnswerLinkQuery['answerLink']> {
  return (await client.request(AnswerLinkDocument, variables, options)).answerLink;
}

/** The link holder: gives the unit's answer (a draft the unit leader approves). */
export async function answerThroughLink(client: Requester, variables: AnswerThroughLinkMutationVariables, options?: RequestOptions): Promise<AnswerThroughLinkMutation['answerThroughLink']> {
  return (await client.request(AnswerThroughLinkDocument, variables, options)).answerThroughLink;
}
