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

/** Whether a report in `status` can be in the public list (core's status traits; visibility and category come on top). */
const listed = (status: ReportStatus | null): boolean => status !== null && STATUS_TRAITS[status].publiclyListed;

/** A new report: its tracker and the statistics, and the public list only if a new report is listed. */
export const submittedFacets = (): PublicFacet[] =>
  [PublicFacet.TRACKER, PublicFacet.STATISTICS, ...(listed('SUBMITTED') ? [PublicFacet.LIST] : [])];

/** A lifecycle step from `from` to `to`: the report's tracker, the statistics, and the public list when it was or is listed. */
export const stepFacets = (from: ReportStatus | null, to: ReportStatus | null): PublicFacet[] =>
  [PublicFacet.TRACKER, PublicFacet.STATISTICS, ...(listed(from) || listed(to) ? [PublicFacet.LIST] : [])];
