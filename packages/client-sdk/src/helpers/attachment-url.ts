import type { PublicClient } from '../client.js';

/**
 * The absolute URL of an attachment's `url` or `previewUrl` (absolute paths
 * on the API origin), for `<img src>` or `<a href>`. Links to files that are
 * not public come from the API already signed for a short time (to the
 * citizen holding the secret, or to staff): use them as they are, never add
 * a secret or a token, and read the report again for fresh links once they
 * have expired.
 */
export function attachmentUrl(client: Pick<PublicClient, 'options'>, path: string): string {
  const base = (globalThis as { location?: { href?: string } }).location?.href;
  const url = new URL(path, base ? new URL(client.options.endpoint, base) : client.options.endpoint);
  if (!url.searchParams.has('tenant')) url.searchParams.set('tenant', client.options.tenant);
  return url.toString();
}
