import { ERROR_FIELDS, ILLEGAL_TRANSITION_FIELDS, REPORT_FIELDS, VALIDATION_FIELDS, typedDocument, type ExpectedError, type Report, type ReportStatus, type TimelineEntry } from '@paht/client-sdk';

/** Documents for the staff and citizen steps the SDK has no method for yet, sent with `client.request`. */

export type TransitionResult =
  | { __typename: 'ReportTransition'; reportId: string; status: ReportStatus; entry: { seq: number; type: string; note: string | null } }
  | ExpectedError;

const TRANSITION_SELECTION = `
  __typename
  ... on ReportTransition { reportId status entry { seq type note } }
  ${ERROR_FIELDS}
  ${VALIDATION_FIELDS}
  ${ILLEGAL_TRANSITION_FIELDS}`;

const step = <V>(field: string, params: string, args: string) =>
  typedDocument<Record<string, TransitionResult>, V>(`mutation Step(${params}) { result: ${field}(${args}) { ${TRANSITION_SELECTION} } }`);

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

export const STAFF_REPORT = typedDocument<
  { report: ({ __typename: 'Report' } & Omit<Report, 'timeline'> & { timeline: Array<TimelineEntry & { actorRole: string | null }> }) | ExpectedError },
  { id: string }
>(`query StaffReport($id: ID!) {
  report(id: $id) {
    __typename
    ... on Report { ${REPORT_FIELDS} timeline { seq type status at note actorRole } }
    ${ERROR_FIELDS}
  }
}`);

export const PUBLIC_REPORTS = typedDocument<{ publicReports: { nodes: Report[] } }, { first: number }>(
  `query PublicReports($first: Int) { publicReports(first: $first) { ... on ReportConnection { nodes { ${REPORT_FIELDS} } } } }`,
);

export const KPIS = typedDocument<
  { kpis: { __typename: 'KpisSuccess'; data: Array<{ key: string; received: number; resolved: number; onTime: number; ratings: number; avgRating: number | null }> } | ExpectedError },
  { from: string; to: string }
>(`query Kpis($from: String!, $to: String!) {
  kpis(from: $from, to: $to) {
    __typename
    ... on KpisSuccess { data { key received resolved onTime ratings avgRating } }
    ${ERROR_FIELDS}
    ${VALIDATION_FIELDS}
  }
}`);
