import { partsSigned, signParts } from './signed-parts.js';

/**
 * Short-lived signed links to attachments that are not public: the API hands
 * them only to a viewer entitled to the file (the citizen holding the
 * report's secret, staff who may read the report), so no secret or token
 * ever travels in a URL, where caches, proxies and their logs would keep it.
 *
 * A link is an HMAC (under a key derived from the instance's secret key) of
 * the tenant, the attachment and the expiry: it opens that one file (and its
 * preview), of that tenant, until then.
 */

/** A link stays valid at least this long: 15 minutes. */
export const ATTACHMENT_LINK_TTL_SECONDS = 15 * 60;
/**
 * Expiries are rounded up to this step (5 minutes), so the links of one
 * file handed out within it are the same URL and the browser's cache
 * serves the file again.
 */
const EXPIRY_STEP_SECONDS = 5 * 60;

export interface AttachmentLinkGrant {
  /** Unix seconds after which the link no longer opens the file. */
  expires: number;
  /** base64url HMAC-SHA256 of tenant, attachment and expiry. */
  signature: string;
}

const PURPOSE = 'paht/attachment-link/v1';

/** A grant to open one attachment of one tenant, valid for at least `ttlSeconds` from `now`. */
export function signAttachmentLink(secretKey: string, tenantId: string, attachmentId: string, now: Date, ttlSeconds = ATTACHMENT_LINK_TTL_SECONDS): AttachmentLinkGrant {
  const expires = Math.ceil((now.getTime() / 1000 + ttlSeconds) / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
  return { expires, signature: signParts(secretKey, PURPOSE, [tenantId, attachmentId, expires]).toString('base64url') };
}

/** Whether a link's `expires` and `signature` (as they came in a URL) open this attachment of this tenant at `now`. */
export function attachmentLinkValid(secretKey: string, tenantId: string, attachmentId: string, link: { expires?: unknown; signature?: unknown }, now: Date): boolean {
  const { expires, signature } = link;
  if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires)) return false;
  const at = Number(expires);
  if (at * 1000 <= now.getTime()) return false;
  return partsSigned(secretKey, PURPOSE, [tenantId, attachmentId, at], signature);
}
