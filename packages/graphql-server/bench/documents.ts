// The GraphQL documents the bench sends: the client SDK's operations
// (client-sdk/src/operations), written out here so the bench does not
// follow the SDK's fields ahead of the server's.

const UNIT = 'id code name nameEn kind parentId';
const CATEGORY = 'id code name nameEn';
const SLA = 'outcome breached stage state dueAt';
const SUMMARY = `id trackingCode status visibility channel title description address areaCode latitude longitude
  category { ${CATEGORY} } unit { ${UNIT} } submittedAt updatedAt dueAt answerDueAt resolvedAt resolvedOnTime answer rating`;
const ERROR = '__typename code message';

export const TRACK_REPORT = `query TrackReport($trackingCode: String!, $secret: String) {
  trackReport(trackingCode: $trackingCode, secret: $secret) {
    __typename
    ... on TrackedReport { access actions report { ${SUMMARY}
      attachments { id kind mimeType byteSize width height url }
      timeline { seq type status at note }
      sla { ${SLA} } } }
    ... on Error { ${ERROR} }
  }
}`;

export const PUBLIC_REPORTS = `query PublicReports($first: Int) {
  publicReports(first: $first) {
    __typename
    ... on ReportConnection { edges { cursor node { ${SUMMARY} } } pageInfo { hasNextPage endCursor } }
    ... on Error { ${ERROR} }
  }
}`;

const KPIS = `__typename ... on KpisSuccess { data { key label received resolved onTime overdue inProgress avgResolutionHours satisfiedShare } } ... on Error { ${ERROR} }`;
export const PUBLIC_STATS = `query PublicStats($from: String!, $to: String!, $groupBy: KpiGroupBy) {
  total: kpis(from: $from, to: $to, groupBy: TENANT) { ${KPIS} }
  rows: kpis(from: $from, to: $to, groupBy: $groupBy) { ${KPIS} }
}`;

/** The IOC console's work list (client-sdk console.graphql `InboxReports`): oldest first, with SLA. */
export const INBOX_REPORTS = `query InboxReports($first: Int, $after: String) {
  reports(first: $first, after: $after, orderBy: OLDEST) {
    __typename
    ... on ReportConnection { edges { cursor node { ${SUMMARY} sla { ${SLA} } } } pageInfo { hasNextPage endCursor } }
    ... on Error { ${ERROR} }
  }
}`;

export const UNIT_QUEUE_REPORTS = `query UnitQueueReports {
  unitQueue {
    __typename
    ... on UnitQueueSuccess { data { ${SUMMARY} } }
    ... on Error { ${ERROR} }
  }
}`;

export const SUBMIT_REPORT = `mutation SubmitReport($input: SubmitReportInput!) {
  submitReport(input: $input) {
    __typename
    ... on SubmitReportSuccess { id trackingCode secret submittedAt replayed }
    ... on Error { ${ERROR} }
  }
}`;

export const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { __typename ... on SignInSuccess { token } ... on Error { ${ERROR} } }
}`;

/**
 * The stack's floor: an operation that reads nothing, what every request
 * costs before any resolver does work (HTTP, Fastify's hooks, Apollo, the
 * context). The workloads send it with an `extensions` entry, which keeps
 * the public answer cache out (it keeps plain requests only).
 */
export const FLOOR = `query Floor { __typename }`;
