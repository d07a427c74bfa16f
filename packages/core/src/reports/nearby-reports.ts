import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { assertCan, Permission } from '../auth/permissions.js';
import { reportText, textSimilarities } from '../classification/report-text-index.js';
import type { CoreContext } from '../context.js';
import { withTenant } from '../db/with-tenant.js';
import { validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { assertSafeInput } from '../input/untrusted-input.js';
import { safeParseWithIssues } from '../validation/zod-issues.js';
import { boundingBox, distanceMeters } from './geo-distance.js';
import type { ReportStatus } from './report-status.js';
import { baseView, hasPublicContent, withRefs } from './report-row-view.js';
import type { PublicReportView } from './report-views.js';
import { statusesWhere } from './status-traits.js';
import { reportNotFound } from './transition-report.js';

/** Statuses of a report still being worked on (not rejected, not closed). */
export const OPEN_STATUSES: readonly ReportStatus[] = statusesWhere((t) => !t.finished);
/** Open statuses the public may see in lists (moderation first: not a bare submission). */
export const SUPPORTABLE_STATUSES: readonly ReportStatus[] = statusesWhere((t) => !t.finished && t.publiclyListed);

/** A report near another one, with how far and (for duplicates) how alike. */
export interface NearbyReport {
  report: PublicReportView;
  /** Metres between the two places; null when one of them has no coordinates. */
  distanceMeters: number | null;
  /** 0..1: how alike the texts are (1: the same words). */
  similarity: number;
}

const duplicateArgs = z.object({
  radiusMeters: z.number().int().min(1).max(5_000).default(200),
  withinDays: z.number().int().min(1).max(90).default(14),
  minSimilarity: z.number().min(0).max(1).default(0.25),
  first: z.number().int().min(1).max(50).default(10),
});
export type PossibleDuplicateArgs = z.input<typeof duplicateArgs>;

const DAY_MS = 86_400_000;
/** Candidates compared at most (the newest first). */
const MAX_CANDIDATES = 500;

/**
 * Open reports of the tenant that may report the same problem as
 * `reportId`: submitted within `withinDays` of it (before or after), within
 * `radiusMeters` of its place (when it has none: in the same area code, or
 * anywhere), with texts alike by at least `minSimilarity`. Most alike
 * first. Staff who read every report only (the IOC); the views are staff
 * views without the reporter's contact.
 */
export async function possibleDuplicates(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  reportId: string,
  args: PossibleDuplicateArgs = {},
): Promise<NearbyReport[]> {
  assertCan(actor, Permission.REPORT_READ_ALL);
  assertSafeInput(args);
  const parsed = safeParseWithIssues(duplicateArgs, args);
  if (!parsed.success) throw validationError(parsed.issues);
  const { radiusMeters, withinDays, minSimilarity, first } = parsed.data;
  if (!isUuid(reportId)) throw reportNotFound();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId } });
    if (!report) throw reportNotFound();
    const at = report.submittedAt.getTime();
    const place = report.latitude !== null && report.longitude !== null ? { latitude: report.latitude, longitude: report.longitude } : null;
    const rows = await tx.report.findMany({
      where: {
        id: { not: report.id },
        status: { in: [...OPEN_STATUSES] },
        submittedAt: { gte: new Date(at - withinDays * DAY_MS), lte: new Date(at + withinDays * DAY_MS) },
        ...(place ? boundingBox(place, radiusMeters) : report.areaCode ? { areaCode: report.areaCode } : {}),
      },
      include: withRefs,
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      take: MAX_CANDIDATES,
    });
    const near = rows
      .map((row) => ({ row, distance: place && row.latitude !== null && row.longitude !== null ? distanceMeters(place, { latitude: row.latitude, longitude: row.longitude }) : null }))
      .filter((c) => c.distance === null || c.distance <= radiusMeters);
    const similarity = textSimilarities(reportText(report), near.map((c) => ({ id: c.row.id, text: reportText(c.row) })));
    return near
      .map((c) => ({ report: { ...baseView(c.row, true, true), timeline: [] }, distanceMeters: c.distance === null ? null : Math.round(c.distance), similarity: round3(similarity.get(c.row.id) ?? 0) }))
      .filter((c) => c.similarity >= minSimilarity)
      .sort((a, b) => b.similarity - a.similarity || (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity))
      .slice(0, first);
  });
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

const nearbyArgs = z.object({
  categoryId: z.uuid(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  radiusMeters: z.number().int().min(1).max(1_000).default(200),
  first: z.number().int().min(1).max(20).default(5),
});
export type NearbyReportArgs = z.input<typeof nearbyArgs>;

/**
 * For the citizen's form, before submitting: open reports of the same
 * category near the given place that the public may read (public, of a
 * public category, classified and not finished), nearest first, in their
 * public view, so the citizen can support one instead of filing it again.
 * Anyone may ask; never a private or rejected report, never a contact.
 */
export async function nearbyOpenReports(ctx: CoreContext, tenantId: string, args: NearbyReportArgs): Promise<NearbyReport[]> {
  assertSafeInput(args);
  const parsed = safeParseWithIssues(nearbyArgs, args);
  if (!parsed.success) throw validationError(parsed.issues);
  const { categoryId, latitude, longitude, radiusMeters, first } = parsed.data;
  const place = { latitude, longitude };
  return withTenant(ctx.db, tenantId, async (tx) => {
    const rows = await tx.report.findMany({
      where: {
        categoryId,
        visibility: 'PUBLIC',
        category: { isPublic: true },
        status: { in: [...SUPPORTABLE_STATUSES] },
        ...boundingBox(place, radiusMeters),
      },
      include: withRefs,
      orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      take: MAX_CANDIDATES,
    });
    return rows
      .filter((row) => hasPublicContent(row))
      .map((row) => ({ row, distance: distanceMeters(place, { latitude: row.latitude ?? NaN, longitude: row.longitude ?? NaN }) }))
      .filter((c) => c.distance <= radiusMeters)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, first)
      .map((c) => ({ report: { ...baseView(c.row, true), timeline: [] }, distanceMeters: Math.round(c.distance), similarity: 0 }));
  });
}
