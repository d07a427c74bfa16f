import { typedDocument } from './typed-document.js';
import type { SignInResult, SubmitReportInput, SubmitReportResult, TrackReportResult } from './types.js';

/**
 * Selections of the expected errors, to put in a result union's selection.
 * A fragment on a type the union cannot hold is invalid GraphQL, so add
 * only the ones the field's union has.
 */
export const ERROR_FIELDS = '... on Error { code message }';
export const VALIDATION_FIELDS = '... on ValidationError { fields { path message } }';
export const ILLEGAL_TRANSITION_FIELDS = '... on IllegalTransitionError { fromStatus }';

const REF = 'id code name nameEn';

export const REPORT_FIELDS = `
  id trackingCode status visibility title description address latitude longitude
  category { ${REF} } unit { ${REF} }
  submittedAt updatedAt dueAt resolvedAt resolvedOnTime answer rating
  timeline { seq type status at note }
  sla { outcome breached stage state dueAt }`;

export const SUBMIT_REPORT = typedDocument<{ submitReport: SubmitReportResult }, { input: SubmitReportInput }>(`
  mutation SubmitReport($input: SubmitReportInput!) {
    submitReport(input: $input) {
      __typename
      ... on SubmitReportSuccess { id trackingCode secret submittedAt replayed }
      ${ERROR_FIELDS}
      ${VALIDATION_FIELDS}
    }
  }`);

export const TRACK_REPORT = typedDocument<{ trackReport: TrackReportResult }, { trackingCode: string; secret?: string | null }>(`
  query TrackReport($trackingCode: String!, $secret: String) {
    trackReport(trackingCode: $trackingCode, secret: $secret) {
      __typename
      ... on TrackedReport { access report { ${REPORT_FIELDS} } }
      ${ERROR_FIELDS}
    }
  }`);

export const SIGN_IN = typedDocument<{ signIn: SignInResult }, { email: string; password: string }>(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on SignInSuccess { token expiresAt userId role unitId }
      ${ERROR_FIELDS}
    }
  }`);
