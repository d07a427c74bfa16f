import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { canReadReport } from '../auth/permissions.js';
import type { CoreContext } from '../context.js';
import { withTenant, type TenantTx } from '../db/with-tenant.js';
import { DomainError, DomainErrorCode, validationError } from '../errors.js';
import { isUuid } from '../ids.js';
import { attachmentView, hasPublicContent } from './report-row-view.js';
import { attachmentLinkValid } from './attachment-link.js';
import { FieldIssueCode } from '../validation/field-issue-codes.js';
import { safeParseWithIssues } from '../validation/zod-issues.js';
import type { AttachmentView } from './report-views.js';
import { attachmentInputSchema, MAX_ATTACHMENTS, type AttachmentInput } from './submit-input.js';

/**
 * Media types whose stored bytes the API re-encodes without any metadata
 * (EXIF, GPS, device, XMP, ICC): only these become public when a report is
 * published. Everything else (videos, HEIC) stays visible to staff and to
 * the citizen holding the secret only.
 */
export const PUBLISHABLE_MEDIA_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

const attachmentList = z.array(attachmentInputSchema).max(MAX_ATTACHMENTS);

/** Checks attachment metadata given with a step (an answer's photos); throws VALIDATION naming `path`. */
export function parseAttachmentInputs(input: unknown, path = 'attachments'): AttachmentInput[] {
  const parsed = safeParseWithIssues(attachmentList, input ?? [], [path]);
  if (!parsed.success) throw validationError(parsed.issues);
  return parsed.data;
}

/**
 * Refuses attachments whose stored file is already attached to a report:
 * an upload is single-use (VALIDATION UPLOAD_USED on `<path>.<index>`).
 * Two transactions racing past this check are settled by the unique index
 * on (tenant_id, storage_key): the second insert fails.
 */
export async function assertNotAttached(tx: TenantTx, attachments: readonly AttachmentInput[], path = 'attachments'): Promise<void> {
  if (attachments.length === 0) return;
  const used = await tx.attachment.findMany({ where: { storageKey: { in: attachments.map((a) => a.storageKey) } }, select: { storageKey: true } });
  assertKeysUnused(attachments, used.map((u) => u.storageKey), path);
}

/** `assertNotAttached` given the stored files (`usedKeys`) already attached, read by the caller. */
export function assertKeysUnused(attachments: readonly AttachmentInput[], usedKeys: readonly string[], path = 'attachments'): void {
  const used = new Set(usedKeys);
  const issues = attachments.flatMap((a, i) => (used.has(a.storageKey) ? [{ path: `${path}.${i}`, code: FieldIssueCode.UPLOAD_USED }] : []));
  if (issues.length > 0) throw validationError(issues);
}

/** Stores attachments that came with timeline event `eventSeq`; private until publication. Each stored file only once. */
export async function addAttachments(tx: TenantTx, tenantId: string, reportId: string, eventSeq: number, attachments: AttachmentInput[]): Promise<void> {
  if (attachments.length === 0) return;
  await assertNotAttached(tx, attachments);
  await tx.attachment.createMany({ data: attachments.map((a) => ({ ...a, tenantId, reportId, eventSeq, isPublic: false })) });
}

/** Publication: the report's attachments with metadata-free bytes become public. */
export async function publishAttachments(tx: TenantTx, reportId: string): Promise<void> {
  await tx.attachment.updateMany({ where: { reportId, mimeType: { in: [...PUBLISHABLE_MEDIA_TYPES] } }, data: { isPublic: true } });
}

export interface AttachmentAccess {
  /**
   * A signed link's `expires` and `signature`, as they came in its URL
   * (`signAttachmentLink`): handed out by the API to the citizen holding the
   * report's secret or to staff, so that neither the secret nor a token is
   * ever put in a URL.
   */
  link?: { expires?: unknown; signature?: unknown } | null;
  /** A signed-in staff member; sees it if they may read the report. */
  actor?: Actor | null;
}

const attachmentNotFound = () => new DomainError(DomainErrorCode.NOT_FOUND, 'No such attachment');

/**
 * One stored attachment, if this viewer may download it: anyone when it is
 * public and its report's content is public; whoever holds a valid signed
 * link to it; staff allowed to read the report. Otherwise NOT_FOUND (whether
 * it exists is not revealed).
 */
export async function findAttachmentForViewer(
  ctx: CoreContext,
  tenantId: string,
  attachmentId: string,
  access: AttachmentAccess = {},
): Promise<AttachmentView> {
  if (!isUuid(attachmentId)) throw attachmentNotFound();
  return withTenant(ctx.db, tenantId, async (tx) => {
    const a = await tx.attachment.findUnique({ where: { id: attachmentId }, include: { report: { include: { category: true } } } });
    if (!a) throw attachmentNotFound();
    const report = a.report;
    const publicContent = hasPublicContent(report);
    const allowed =
      (a.isPublic && publicContent) ||
      (!!access.link && attachmentLinkValid(ctx.secretKey, tenantId, a.id, access.link, ctx.now())) ||
      (!!access.actor && canReadReport(access.actor, report));
    if (!allowed) throw attachmentNotFound();
    return attachmentView(a, publicContent);
  });
}
