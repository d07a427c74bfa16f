import { partsSigned, signParts } from '../reports/signed-parts.js';

/**
 * Signed expiring links to a finished background export (docs/adr/0006, the
 * same HMAC as attachment links under its own purpose): an HMAC of tenant,
 * export and expiry, handed only to the staff member who asked for it.
 */

/** A download link stays valid this long: 24 hours. */
export const EXPORT_LINK_TTL_SECONDS = 24 * 60 * 60;

export interface ExportLinkGrant {
  /** Unix seconds after which the link no longer opens the file. */
  expires: number;
  /** base64url HMAC-SHA256 of tenant, export and expiry. */
  signature: string;
}

const PURPOSE = 'paht/export-link/v1';

export function signExportLink(secretKey: string, tenantId: string, exportId: string, now: Date, ttlSeconds = EXPORT_LINK_TTL_SECONDS): ExportLinkGrant {
  const expires = Math.ceil(now.getTime() / 1000 + ttlSeconds);
  return { expires, signature: signParts(secretKey, PURPOSE, [tenantId, exportId, expires]).toString('base64url') };
}

/** Whether `expires` and `signature` (as they came in a URL) open this export of this tenant at `now`. */
export function exportLinkValid(secretKey: string, tenantId: string, exportId: string, link: { expires?: unknown; signature?: unknown }, now: Date): boolean {
  const { expires, signature } = link;
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires)) return false;
  const at = Number(expires);
  if (at * 1000 <= now.getTime()) return false;
  return partsSigned(secretKey, PURPOSE, [tenantId, exportId, at], signature);
}
