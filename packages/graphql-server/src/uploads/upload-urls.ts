import type { AttachmentLinkGrant } from '@paht/core';

/** Where the uploader sees the preview of a file not yet attached. */
export const uploadPreviewUrl = (token: string): string => `/uploads/${token}/preview`;

/** The query of an attachment link: the tenant, and for a file that is not public the signed grant. */
const linkQuery = (tenantSlug: string, grant: AttachmentLinkGrant | null): string =>
  `?tenant=${encodeURIComponent(tenantSlug)}${grant ? `&expires=${grant.expires}&signature=${grant.signature}` : ''}`;

/**
 * Where a stored attachment is downloaded. The tenant travels as a query
 * parameter so the URL works in `<img src>`; a file that is not public
 * carries a short-lived signed grant (`signAttachmentLink`), handed only to
 * viewers entitled to it. No secret or token is ever put in the URL
 * (docs/uploads.md).
 */
export const attachmentUrl = (attachmentId: string, tenantSlug: string, grant: AttachmentLinkGrant | null = null): string =>
  `/attachments/${attachmentId}${linkQuery(tenantSlug, grant)}`;

export const attachmentPreviewUrl = (attachmentId: string, tenantSlug: string, grant: AttachmentLinkGrant | null = null): string =>
  `/attachments/${attachmentId}/preview${linkQuery(tenantSlug, grant)}`;
