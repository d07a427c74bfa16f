import type { PahtClient } from '../client.js';

/**
 * The absolute URL of an attachment's `url` or `previewUrl` (absolute paths
 * on the API origin), with the report's secret for a citizen's own private
 * attachments. Staff fetch with their bearer token instead.
 */
export function attachmentUrl(client: Pick<PahtClient, 'options'>, path: string, secret?: string): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  const url = new URL(path, base ? new URL(client.options.endpoint, base) : client.options.endpoint);
  if (secret) url.searchParams.set('secret', secret);
  if (!url.searchParams.has('tenant')) url.searchParams.set('tenant', client.options.tenant);
  return url.toString();
}
