import { ERROR_FIELDS, ILLEGAL_TRANSITION_FIELDS, REPORT_FIELDS, VALIDATION_FIELDS, typedDocument, type ExpectedError, type Report, type ReportStatus } from '@paht/client-sdk';

/** GraphQL documents the widgets send with `client.request` (the SDK has no method for them). */

export interface Category {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
}

export const CATEGORIES = typedDocument<{ categories: Category[] }>(`query Categories { categories { id code name nameEn } }`);

export const KpiGroupBy = { TENANT: 'TENANT', MONTH: 'MONTH', UNIT: 'UNIT', CATEGORY: 'CATEGORY', AREA: 'AREA' } as const;
export type KpiGroupBy = (typeof KpiGroupBy)[keyof typeof KpiGroupBy];

export interface Kpi {
  key: string;
  label: string | null;
  received: number;
  resolved: number;
  onTime: number;
  overdue: number;
  inProgress: number;
  rejected: number;
  avgResolutionHours: number | null;
  ratings: number;
  avgRating: number | null;
  satisfiedShare: number | null;
}

export type KpisResult = { __typename: 'KpisSuccess'; data: Kpi[] } | ExpectedError;

export const KPIS = typedDocument<{ kpis: KpisResult }, { from: string; to: string; groupBy: KpiGroupBy }>(`
  query Kpis($from: String!, $to: String!, $groupBy: KpiGroupBy) {
    kpis(from: $from, to: $to, groupBy: $groupBy) {
      __typename
      ... on KpisSuccess { data { key label received resolved onTime overdue inProgress rejected avgResolutionHours ratings avgRating satisfiedShare } }
      ${ERROR_FIELDS}
      ${VALIDATION_FIELDS}
    }
  }`);

export type RateResult = { __typename: 'ReportTransition'; status: ReportStatus } | ExpectedError;

export const RATE_REPORT = typedDocument<{ rateReport: RateResult }, { trackingCode: string; secret: string; rating: number; comment?: string }>(`
  mutation RateReport($trackingCode: String!, $secret: String!, $rating: Int!, $comment: String) {
    rateReport(trackingCode: $trackingCode, secret: $secret, rating: $rating, comment: $comment) {
      __typename
      ... on ReportTransition { status }
      ${ERROR_FIELDS}
      ${VALIDATION_FIELDS}
      ${ILLEGAL_TRANSITION_FIELDS}
    }
  }`);

export interface Attachment {
  id: string;
  kind: 'PHOTO' | 'VIDEO' | 'DOCUMENT';
  url: string;
  previewUrl: string | null;
  /** Served to anyone: its links never carry the secret. */
  public: boolean;
}

export type TrackedWithFiles =
  | { __typename: 'TrackedReport'; access: 'PUBLIC' | 'CITIZEN'; report: Report & { attachments: Attachment[] } }
  | ExpectedError;

/** The tracker's lookup: the SDK's report fields and the photos and files (public ones, or all with the secret). */
export const TRACK_REPORT_WITH_FILES = typedDocument<{ trackReport: TrackedWithFiles }, { trackingCode: string; secret?: string }>(`
  query TrackReportWithFiles($trackingCode: String!, $secret: String) {
    trackReport(trackingCode: $trackingCode, secret: $secret) {
      __typename
      ... on TrackedReport { access report { ${REPORT_FIELDS} attachments { id kind url previewUrl public } } }
      ${ERROR_FIELDS}
    }
  }`);
