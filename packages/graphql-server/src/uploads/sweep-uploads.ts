import { withTenant, type CoreContext } from '@paht/core';
import { uploadKeys, type UploadStorage } from './upload-storage.js';
import { UPLOAD_TOKEN_TTL_SECONDS } from './upload-token.js';

/** After its id expired, an upload waits this much longer before it is swept (a submission in flight at expiry still finds its file). */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;
/** Default time between sweeps in a running server: one hour. */
export const DEFAULT_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** `<tenantId>/<uploadId>/<file>`: the layout of `uploadKeys`. */
const UPLOAD_KEY = /^([0-9a-f-]{36})\/([0-9a-f-]{36})\/[^/]+$/;

export interface SweepResult {
  /** Uploads whose files were deleted. */
  removed: number;
  /** Uploads old enough but attached to a report, kept. */
  kept: number;
}

/**
 * Deletes the files of uploads never attached to a report within their
 * validity window (24 hours) plus a grace hour, as of `now`: originals,
 * previews and unfinished writes. An upload's id expires with its window,
 * so a swept file can no longer be attached. Uploads have no database row
 * until attached; an attached one is an `attachments` row and is kept.
 */
export async function sweepUnattachedUploads(core: CoreContext, storage: UploadStorage, now: Date): Promise<SweepResult> {
  const cutoff = now.getTime() - UPLOAD_TOKEN_TTL_SECONDS * 1000 - SWEEP_GRACE_MS;
  // Per upload: its keys, and whether any of its files is recent.
  const uploads = new Map<string, { tenantId: string; uploadId: string; keys: string[]; recent: boolean }>();
  for await (const object of storage.list()) {
    const m = UPLOAD_KEY.exec(object.key);
    if (!m) continue;
    const [, tenantId, uploadId] = m as unknown as [string, string, string];
    const id = `${tenantId}/${uploadId}`;
    const upload = uploads.get(id) ?? { tenantId, uploadId, keys: [], recent: false };
    upload.keys.push(object.key);
    upload.recent ||= object.modifiedAt.getTime() > cutoff;
    uploads.set(id, upload);
  }
  const byTenant = new Map<string, Array<{ tenantId: string; uploadId: string; keys: string[] }>>();
  for (const upload of uploads.values()) {
    if (!upload.recent) byTenant.set(upload.tenantId, [...(byTenant.get(upload.tenantId) ?? []), upload]);
  }
  const result: SweepResult = { removed: 0, kept: 0 };
  for (const [tenantId, candidates] of byTenant) {
    const originals = candidates.map((u) => uploadKeys(u.tenantId, u.uploadId).original);
    const attached = new Set(
      (await withTenant(core.db, tenantId, (tx) => tx.attachment.findMany({ where: { storageKey: { in: originals } }, select: { storageKey: true } }))).map(
        (a) => a.storageKey,
      ),
    );
    for (const upload of candidates) {
      if (attached.has(uploadKeys(upload.tenantId, upload.uploadId).original)) {
        result.kept++;
        continue;
      }
      for (const key of upload.keys) await storage.delete(key);
      result.removed++;
    }
  }
  return result;
}
