import { ServerErrorCode, type PahtError } from '@paht/client-sdk/public';

/**
 * Why a widget cannot work, as the `code` of its `paht-error` event: the
 * two the page itself causes (`NO_ENDPOINT`, `NO_TENANT`), the server's
 * codes a misconfigured embed meets (taken from the SDK's `ServerErrorCode`,
 * generated from the platform's one registry), `NETWORK` (the SDK's
 * `NETWORK_ERROR`) and `SERVER` (anything else). Each has the fix a
 * developer needs, printed with `console.error`.
 */
export const WidgetErrorCode = {
  /** No `endpoint` attribute and no `<meta name="paht:endpoint">`. */
  NO_ENDPOINT: 'NO_ENDPOINT',
  /** No `tenant` attribute, no `<meta name="paht:tenant">`. */
  NO_TENANT: 'NO_TENANT',
  /** The server does not know the `api-key` (mistyped or revoked). */
  INVALID_API_KEY: ServerErrorCode.INVALID_API_KEY,
  /** The public key does not list this page's origin. */
  ORIGIN_NOT_ALLOWED: ServerErrorCode.ORIGIN_NOT_ALLOWED,
  /** A secret key (`sk_…`) was put in a web page. */
  SECRET_KEY_IN_BROWSER: ServerErrorCode.SECRET_KEY_IN_BROWSER,
  /** No tenant with that slug on this server. */
  TENANT_NOT_FOUND: ServerErrorCode.TENANT_NOT_FOUND,
  /** The key belongs to another tenant than the `tenant` attribute names. */
  TENANT_MISMATCH: ServerErrorCode.TENANT_MISMATCH,
  /** Too many requests from this address or key for now. */
  RATE_LIMITED: ServerErrorCode.RATE_LIMITED,
  /** No answer: the endpoint is wrong or down, the browser is offline, or CORS blocked the answer. */
  NETWORK: 'NETWORK',
  /** The server failed or answered something unexpected (quote the request id). */
  SERVER: 'SERVER',
} as const;

export type WidgetErrorCode = (typeof WidgetErrorCode)[keyof typeof WidgetErrorCode];

/** The `detail` of a `paht-error` event. */
export interface WidgetErrorDetail {
  code: WidgetErrorCode;
  /** The cause and how to fix it, in English (for the developer, also printed to the console). */
  message: string;
  /** The server's request id, when an answer came. */
  requestId: string | null;
}

const FIX: Record<WidgetErrorCode, string> = {
  NO_ENDPOINT: 'No API endpoint: set the endpoint attribute (e.g. endpoint="https://paht.example.gov.vn/graphql") or <meta name="paht:endpoint" content="…"> once in the page head.',
  NO_TENANT: 'No tenant: set the tenant attribute (e.g. tenant="quang-tri") or <meta name="paht:tenant" content="…">',
  INVALID_API_KEY: 'The api-key is unknown or revoked: copy the public key (pk_…) again from the administration, or create one (docs/embed.md).',
  ORIGIN_NOT_ALLOWED: "This page's origin is not among the public key's allowed origins: add it exactly as scheme://host[:port], no path, no trailing slash (docs/embed.md).",
  SECRET_KEY_IN_BROWSER: 'A secret key (sk_…) is in the page: revoke it now, and use a public key (pk_…) in web pages.',
  TENANT_NOT_FOUND: 'The server has no tenant with this slug: check the tenant attribute (the slug, e.g. quang-tri, not the name).',
  TENANT_MISMATCH: 'The api-key belongs to another tenant than the tenant attribute names: fix one of them, or leave tenant out (the key names its tenant).',
  RATE_LIMITED: 'Too many requests from this address or key: wait and try again (the answer says how long in retry-after).',
  NETWORK: "No answer from the endpoint: check the endpoint URL and that the API is up; if the browser console shows a CORS error, add this page's origin to the tenant's allowed origins; check the Content-Security-Policy's connect-src.",
  SERVER: 'The server failed or answered unexpectedly: quote the request id to the platform team.',
};

/** The widget's code for whatever a request threw (the SDK's PahtError codes, or anything else). */
export function widgetErrorCodeOf(error: unknown): WidgetErrorCode {
  const e = error as Partial<PahtError> | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code in WidgetErrorCode && code !== 'NO_ENDPOINT' && code !== 'NO_TENANT') return code as WidgetErrorCode;
  if (e?.name === 'NetworkError' || code === 'NETWORK_ERROR') return WidgetErrorCode.NETWORK;
  return WidgetErrorCode.SERVER;
}

/** The event's detail: the cause and its fix, with the request id and the server's own message when there are. */
export function widgetError(code: WidgetErrorCode, error?: unknown): WidgetErrorDetail {
  const e = error as Partial<PahtError> | null | undefined;
  const requestId = typeof e?.requestId === 'string' ? e.requestId : null;
  const said = code === 'SERVER' && typeof e?.message === 'string' && e.message ? ` Server said: ${e.message}.` : '';
  return { code, message: `${FIX[code]}${said}${requestId ? ` (request id ${requestId})` : ''}`, requestId };
}
