import { MAX_ATTACHMENTS, type AttachmentInput, type FieldIssue } from '@paht/core';
import type { GraphQLContext } from '../context.js';
import { ValidationError } from '../errors/expected-errors.js';
import { uploadKeys } from './upload-storage.js';
import { verifyUploadToken } from './upload-token.js';

const REASONS = {
  INVALID: 'is not a valid upload id',
  OTHER_TENANT: 'is not an upload of this tenant',
  EXPIRED: 'has expired (uploads are kept 24 hours); upload the file again',
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
    throw new ValidationError(`Invalid input: ${path}: at most ${MAX_ATTACHMENTS} files`, [{ path, message: `at most ${MAX_ATTACHMENTS} files` }]);
  }
  const now = ctx.core.now();
  const issues: FieldIssue[] = [];
  const attachments: AttachmentInput[] = [];
  const seen = new Set<string>();
  for (const [index, token] of uploadIds.entries()) {
    const check = await verifyUploadToken(ctx.core.secretKey, token, ctx.tenant.id, now);
    if (!check.ok) {
      issues.push({ path: `${path}.${index}`, message: REASONS[check.reason] });
      continue;
    }
    const c = check.claims;
    if (seen.has(c.uploadId)) {
      issues.push({ path: `${path}.${index}`, message: 'repeats an upload given before' });
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
  if (issues.length > 0) throw new ValidationError(`Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return attachments;
}
