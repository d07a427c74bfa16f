import { STATUS_TRAITS, type ReportStatus } from '@paht/core';

/**
 * The kinds of public answer, each invalidated on its own: a change moves on
 * only the kinds it can alter (a new report is not in the public list before
 * the IOC has kept it, but it is counted in the statistics at once).
 */
export const PublicFacet = {
  /** The public list of reports (`publicReports`). */
  LIST: 'LIST',
  /** A report's public tracker (`trackReport` without the secret). */
  TRACKER: 'TRACKER',
  /** The public statistics (`kpis`). */
  STATISTICS: 'STATISTICS',
  /** The tenant's categories and units. */
  DIRECTORY: 'DIRECTORY',
} as const;
export type PublicFacet = (typeof PublicFacet)[keyof typeof PublicFacet];

export const ALL_FACETS: readonly PublicFacet[] = Object.values(PublicFacet);

/**
 * What a mutation field says of its effect on public answers (GraphQL field
 * extension `publicAnswers`): `none`, it changes nothing the public reads;
 * `recorded`, its resolver records what it changed (`recordPublicChange`).
 * A mutation that says nothing may change any public answer.
 */
export type PublicAnswersEffect = 'none' | 'recorded';
export const changesNothingPublic = { publicAnswers: 'none' } as const satisfies Record<string, PublicAnswersEffect>;
export const recordsPublicChanges = { publicAnswers: 'recorded' } as const satisfies Record<string, PublicAnswersEffect>;

/**
 * A change to one kind of public answer: for some of its scopes only (the
 * months a report's submission day can fall in, `m:2026-11`; a report's
 * tracking code, `c:QT-…`), or (no scopes) for all of them.
 */
export interface PublicChange {
  facet: PublicFacet;
  scopes?: readonly string[];
}

/** Every kind of public answer, whole. */
export const EVERYTHING: readonly PublicChange[] = ALL_FACETS.map((facet) => ({ facet }));

/** The scope of a month (`YYYY-MM`). */
export const monthScope = (month: string): string => `m:${month}`;
/** The scope of a report's (normalised) tracking code. */
export const codeScope = (code: string): string => `c:${code}`;

/** The months a report submitted at `at` can count in: its local day is within 14 hours of UTC (any tenant's time zone). */
function submissionMonths(at: Date): string[] {
  const hours = 14 * 3600_000;
  return [...new Set([at.getTime() - hours, at.getTime() + hours].map((t) => monthScope(new Date(t).toISOString().slice(0, 7))))];
}

/** What a report is known by: the scopes of its tracker and of the statistics it counts in. */
export interface ReportScopes {
  trackingCode: string;
  submittedAt: Date;
}

/** Whether a report in `status` can be in the public list (core's status traits; visibility and category come on top). */
const listed = (status: ReportStatus | null): boolean => status !== null && STATUS_TRAITS[status].publiclyListed;

/** A report's tracker and the statistics of its submission month; both whole when the report is not known. */
const reportChanges = (report: ReportScopes | null): PublicChange[] => [
  { facet: PublicFacet.TRACKER, ...(report ? { scopes: [codeScope(report.trackingCode)] } : {}) },
  { facet: PublicFacet.STATISTICS, ...(report ? { scopes: submissionMonths(report.submittedAt) } : {}) },
];

/** A new report: its tracker and its month's statistics, and the public list only if a new report is listed. */
export const submittedChanges = (report: ReportScopes): PublicChange[] =>
  [...reportChanges(report), ...(listed('SUBMITTED') ? [{ facet: PublicFacet.LIST }] : [])];

/** A lifecycle step from `from` to `to`: the report's tracker, its month's statistics, and the public list when it was or is listed. */
export const stepChanges = (from: ReportStatus | null, to: ReportStatus | null, report: ReportScopes | null): PublicChange[] =>
  [...reportChanges(report), ...(listed(from) || listed(to) ? [{ facet: PublicFacet.LIST }] : [])];
