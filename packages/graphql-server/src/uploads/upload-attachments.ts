import { FieldIssueCode, MAX_ATTACHMENTS, type AttachmentInput, type FieldIssueInput } from '@paht/core';
import type { GraphQLContext } from '../context.js';
import { ValidationError } from '../errors/expected-errors.js';
import { uploadKeys } from './upload-storage.js';
import { verifyUploadToken } from './upload-token.js';

const REASONS = {
  INVALID: FieldIssueCode.UPLOAD_INVALID,
  OTHER_TENANT: FieldIssueCode.UPLOAD_INVALID,
  EXPIRED: FieldIssueCode.UPLOAD_EXPIRED,
} as const;

/**
 * The attachments that upload ids (the tokens `POST /uploads` answered with)
 * stand for. Every id must be a genuine, unexpired upload of this request's
 * tenant, each at most once; otherwise a ValidationError naming the ids
 * (`<path>.<index>`) and nothing else happens.
 */
export async function attachmentsFromUploads(ctx: GraphQLContext, uploadIds: readonly string[] | null | undefined, path = 'uploadIds'): Promise<AttachmentInput[]> {
  if (!uploadIds || uploadIds.length === 0) return [];
  if (uploadIds.length > MAX_ATTACHMENTS) {
    throw new ValidationError(`Invalid input: ${path}: at most ${MAX_ATTACHMENTS} files`, [{ path, code: FieldIssueCode.TOO_MANY, params: { maximum: MAX_ATTACHMENTS } }]);
  }
  const now = ctx.core.now();
  const issues: FieldIssueInput[] = [];
  const attachments: AttachmentInput[] = [];
  const seen = new Set<string>();
  for (const [index, token] of uploadIds.entries()) {
    const check = await verifyUploadToken(ctx.core.secretKey, token, ctx.tenant.id, now);
    if (!check.ok) {
      issues.push({ path: `${path}.${index}`, code: REASONS[check.reason] });
      continue;
    }
    const c = check.claims;
    if (seen.has(c.uploadId)) {
      issues.push({ path: `${path}.${index}`, code: FieldIssueCode.UPLOAD_USED });
      continue;
    }
    seen.add(c.uploadId);
    attachments.push({
      kind: c.kind,
      mimeType: c.mimeType,
      byteSize: c.byteSize,
      storageKey: uploadKeys(c.tenantId, c.uploadId).original,
      ...(c.width ? { width: c.width } : {}),
      ...(c.height ? { height: c.height } : {}),
    });
  }
  if (issues.length > 0) throw new ValidationError('Invalid upload ids', issues);
  return attachments;
}

/**
 * Runs a core call given the attachments of `attachmentsFromUploads`: the
 * core names a refused one `attachments.<index>` (an upload already
 * attached); the caller sent it as `<path>.<index>`, in the same order.
 */
export async function withUploadPaths<T>(run: () => Promise<T>, path = 'uploadIds'): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ValidationError) || !error.fields.some((f) => /^attachments(\.|$)/.test(f.path))) throw error;
    throw new ValidationError(error.messageEn, error.fields.map((f) => ({ ...f, path: f.path.replace(/^attachments(?=\.|$)/, path) })));
  }
}
