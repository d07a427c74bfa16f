/** Where the uploader sees the preview of a file not yet attached. */
export const uploadPreviewUrl = (token: string): string => `/uploads/${token}/preview`;

/**
 * Where a stored attachment is downloaded. The tenant travels as a query
 * parameter so the URL works in `<img src>`; a citizen adds `secret`, staff
 * send their bearer token (docs/uploads.md).
 */
export const attachmentUrl = (attachmentId: string, tenantSlug: string): string =>
  `/attachments/${attachmentId}?tenant=${encodeURIComponent(tenantSlug)}`;

export const attachmentPreviewUrl = (attachmentId: string, tenantSlug: string): string =>
  `/attachments/${attachmentId}/preview?tenant=${encodeURIComponent(tenantSlug)}`;
