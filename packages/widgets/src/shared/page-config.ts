/**
 * Page-wide configuration, set once in the page's `<head>` instead of on
 * every widget:
 *
 *   <meta name="paht:endpoint" content="https://paht.example.gov.vn/graphql">
 *   <meta name="paht:tenant" content="quang-tri">
 *   <meta name="paht:api-key" content="pk_…">
 *
 * A widget's own attribute wins over the page's value. Read when a widget
 * makes a request, so a tag added later counts from the next request.
 * (Meta tags need no script: they work with every bundle and under a
 * Content-Security-Policy without 'unsafe-inline'.)
 */
export const PAGE_CONFIG_META = {
  endpoint: 'paht:endpoint',
  tenant: 'paht:tenant',
  apiKey: 'paht:api-key',
} as const;

export type PageConfigKey = keyof typeof PAGE_CONFIG_META;

/** The page's value for `key`, or `''` when the page sets none. */
export function pageConfig(key: PageConfigKey): string {
  if (typeof document === 'undefined') return '';
  return document.querySelector(`meta[name="${PAGE_CONFIG_META[key]}"]`)?.getAttribute('content')?.trim() ?? '';
}

/** The page's language (`<html lang>`), or `''`. */
export function pageLang(): string {
  return typeof document === 'undefined' ? '' : document.documentElement.lang;
}
