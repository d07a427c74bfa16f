import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { assertSafeInput } from '../input/untrusted-input.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { safeParseWithIssues } from '../validation/zod-issues.js';
import { TRANSITIONS } from './report-transitions.js';
import { hasPublicContent } from './report-row-view.js';
import { SUPPORTABLE_STATUSES } from './nearby-reports.js';
import { STATUS_TRAITS } from './status-traits.js';
import { reportNotFound, transitionReport, type TransitionResult } from './transition-report.js';
import { vietnamesePhoneField } from './vietnamese-phone.js';

/** How a supporter came: the IOC merged their later report, or they said "me too" in public. */
export const SupporterSource = { MERGED: 'MERGED', ME_TOO: 'ME_TOO' } as const;
export type SupporterSource = (typeof SupporterSource)[keyof typeof SupporterSource];

/** One support per report and person: an HMAC of the instance secret, never the contact itself. */
const supporterKey = (secretKey: string, tenantId: string, reportId: string, who: string): string =>
  createHmac('sha256', secretKey).update(`paht/report-supporter/v1\u0000${tenantId}\u0000${reportId}\u0000${who}`).digest('base64url');

/** Records a supporter once; counts them on the report. True when this call added them. */
async function addSupporter(
  tx: TenantTx,
  tenantId: string,
  reportId: string,
  row: { supporterKey: string; source: SupporterSource; mergedReportId?: string; phone?: string | null; email?: string | null },
  now: Date,
): Promise<boolean> {
  const added = await tx.reportSupporter.createMany({
    data: [{ tenantId, reportId, createdAt: now, mergedReportId: null, phone: null, email: null, ...row }],
    skipDuplicates: true,
  });
  if (added.count === 0) return false;
  await tx.report.update({ where: { id: reportId }, data: { supporterCount: { increment: 1 } } });
  return true;
}

export interface MergeResult {
  /** The later report's REJECT (DUPLICATE) step; null when an earlier attempt already took it. */
  transition: TransitionResult | null;
  /** The original report and how many people support it now. */
  originalId: string;
  supporterCount: number;
}

/**
 * The IOC merges a later report into the original: the later one ends as
 * REJECTED (DUPLICATE, `duplicateOfCode` the original's code, a reason for
 * its citizen), and its reporter becomes a supporter of the original,
 * counted in `supporterCount` and recorded (`mergedReportId`) so that
 * notices about the original can reach them. Who may: whoever may reject
 * (the IOC). Refused when the original is finished (ILLEGAL_TRANSITION) or
 * is the same report or no report of this tenant (VALIDATION on `intoId`).
 * A retry after a failure between the two steps completes the merge.
 */
export async function mergeReports(
  ctx: CoreContext,
  tenantId: string,
  actor: Actor,
  reportId: string,
  intoId: string,
  reason?: string,
): Promise<MergeResult> {
  if (!TRANSITIONS.REJECT.roles.includes(actor.role)) {
    throw new DomainError(DomainErrorCode.FORBIDDEN, `Role ${actor.role} may not merge reports`, { action: 'MERGE' });
  }
  if (!isUuid(reportId)) throw reportNotFound();
  if (!isUuid(intoId)) throw validationError([{ path: 'intoId', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
  if (intoId === reportId) throw validationError([{ path: 'intoId', code: FieldIssueCode.SELF_REFERENCE }]);
  const { original, alreadyMerged } = await withTenant(ctx.db, tenantId, async (tx) => {
    const later = await tx.report.findUnique({ where: { id: reportId }, select: { id: true, status: true } });
    if (!later) throw reportNotFound();
    const into = await tx.report.findUnique({ where: { id: intoId }, select: { id: true, status: true, trackingCode: true } });
    if (!into) throw validationError([{ path: 'intoId', code: FieldIssueCode.UNKNOWN_REFERENCE }]);
    if (STATUS_TRAITS[into.status].finished) {
      throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, `Cannot merge into a report that is ${into.status}`, { from: into.status, action: 'MERGE' });
    }
    const rejection = later.status === 'REJECTED'
      ? await tx.reportEvent.findFirst({ where: { reportId, type: 'REJECT' }, orderBy: { seq: 'desc' } })
      : null;
    const data = (rejection?.data ?? {}) as { rejection?: string; duplicateOfCode?: string };
    return { original: into, alreadyMerged: data.rejection === 'DUPLICATE' && data.duplicateOfCode === into.trackingCode };
  });
  const transition = alreadyMerged
    ? null
    : await transitionReport(ctx, tenantId, actor, reportId, {
      type: 'REJECT',
      rejection: 'DUPLICATE',
      duplicateOfCode: original.trackingCode,
      reason: reason?.trim() || mergeReason(original.trackingCode),
    });
  const now = ctx.now();
  const supporterCount = await withTenant(ctx.db, tenantId, async (tx) => {
    await addSupporter(tx, tenantId, original.id, {
      supporterKey: supporterKey(ctx.secretKey, tenantId, original.id, `merged:${reportId}`),
      source: SupporterSource.MERGED,
      mergedReportId: reportId,
    }, now);
    const row = await tx.report.findUnique({ where: { id: original.id }, select: { supporterCount: true } });
    return row?.supporterCount ?? 0;
  });
  return { transition, originalId: original.id, supporterCount };
}

/** The reason the merged report's citizen reads, Vietnamese first. */
export const mergeReason = (code: string): string =>
  `Phản ánh trùng với ${code}, đã được gộp vào phản ánh đó để theo dõi chung. / Same problem as ${code}: merged into it, follow it there.`;

const supportInput = z.object({
  reportId: z.string(),
  /** A random id the citizen's browser or app keeps (never a hardware id). */
  deviceId: z.string().trim().min(8).max(200),
  phone: vietnamesePhoneField().optional(),
  email: z.email().max(320).optional(),
});
export type SupportReportInput = z.input<typeof supportInput>;

export interface SupportResult {
  reportId: string;
  /** How many people support the report now (besides its reporter). */
  supporterCount: number;
  /** True when this device or contact had already supported it: nothing changed. */
  alreadySupported: boolean;
}

/**
 * A citizen's public "me too" on an open report the public may read
 * (`nearbyOpenReports`): counted once per contact when a phone or e-mail is
 * given (kept so that notices about the report can reach them; never shown),
 * else once per device id. Any other report, private, rejected, finished,
 * of another tenant or none, is NOT_FOUND alike.
 */
export async function supportReport(ctx: CoreContext, tenantId: string, input: SupportReportInput): Promise<SupportResult> {
  assertSafeInput(input);
  const parsed = safeParseWithIssues(supportInput, input);
  if (!parsed.success) throw validationError(parsed.issues);
  const { reportId, deviceId } = parsed.data;
  if (!isUuid(reportId)) throw reportNotFound();
  const phone = parsed.data.phone ?? null;
  const email = parsed.data.email ? parsed.data.email.toLowerCase() : null;
  const who = phone ? `phone:${phone}` : email ? `email:${email}` : `device:${deviceId}`;
  const now = ctx.now();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId }, include: { category: true } });
    if (!report || !SUPPORTABLE_STATUSES.includes(report.status) || !hasPublicContent(report) || report.category === null) throw reportNotFound();
    const added = await addSupporter(tx, tenantId, report.id, {
      supporterKey: supporterKey(ctx.secretKey, tenantId, report.id, who),
      source: SupporterSource.ME_TOO,
      phone,
      email,
    }, now);
    const row = await tx.report.findUnique({ where: { id: report.id }, select: { supporterCount: true } });
    return { reportId: report.id, supporterCount: row?.supporterCount ?? 0, alreadySupported: !added };
  });
}

/** The supporter counts of reports of this tenant (public figures); ids of no report here get none. */
export async function supporterCounts(ctx: CoreContext, tenantId: string, reportIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(reportIds.filter(isUuid))];
  if (ids.length === 0) return new Map();
  const rows = await withTenant(ctx.db, tenantId, (tx) => tx.report.findMany({ where: { id: { in: ids } }, select: { id: true, supporterCount: true } }));
  return new Map(rows.map((r) => [r.id, r.supporterCount]));
}
