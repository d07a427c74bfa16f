import {
  documentText,
  ExpectedErrorFieldsFragmentDoc,
  ReportSummaryFieldsFragmentDoc,
  TransitionFieldsFragmentDoc,
  typedDocument,
  type ReportSummary,
  type TransitionResult,
} from '@paht/client-sdk';

export { KpisDocument as KPIS, StaffReportDocument as STAFF_REPORT } from '@paht/client-sdk';
export type { TransitionResult };

/**
 * Workflow steps as documents whose answer is named `result`, sent with
 * `client.request`; the selections are the SDK's generated fragments.
 */
const step = <V>(field: string, params: string, args: string) =>
  typedDocument<Record<string, TransitionResult>, V>(
    `mutation Step(${params}) { result: ${field}(${args}) { __typename ...TransitionFields ...ExpectedErrorFields } }
    ${documentText(TransitionFieldsFragmentDoc)}
    ${documentText(ExpectedErrorFieldsFragmentDoc)}`,
  );

export const CLASSIFY = step<{ id: string; categoryId: string }>('classifyReport', '$id: ID!, $categoryId: ID!', 'id: $id, categoryId: $categoryId');
export const ASSIGN = step<{ id: string; unitId: string }>('assignReport', '$id: ID!, $unitId: ID!', 'id: $id, unitId: $unitId');
export const ACCEPT = step<{ id: string }>('acceptReport', '$id: ID!', 'id: $id');
export const RESOLVE = step<{ id: string; answer: string }>('resolveReport', '$id: ID!, $answer: String!', 'id: $id, answer: $answer');
export const PUBLISH = step<{ id: string }>('publishReport', '$id: ID!', 'id: $id');
export const RATE = step<{ trackingCode: string; secret: string; rating: number; comment?: string }>(
  'rateReport',
  '$trackingCode: String!, $secret: String!, $rating: Int!, $comment: String',
  'trackingCode: $trackingCode, secret: $secret, rating: $rating, comment: $comment',
);

/** Public reports as the connection's `nodes` (the SDK's helpers read `edges`). */
export const PUBLIC_REPORTS = typedDocument<{ publicReports: { nodes: ReportSummary[] } }, { first: number }>(
  `query PublicReportNodes($first: Int) { publicReports(first: $first) { ... on ReportConnection { nodes { ...ReportSummaryFields } } } }
  ${documentText(ReportSummaryFieldsFragmentDoc)}`,
);
