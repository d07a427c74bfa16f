/**
 * Removes what could be a reporter's contact data from text bound for the
 * logs: e-mail addresses and runs of 7 or more digits (phone numbers, in any
 * spacing). Database driver messages can quote the values of a failed write.
 */
export function redact(text: string): string {
  return text
    .replace(/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi, '[email]')
    .replace(/\+?\d(?:[\s.-]?\d){6,}/g, '[number]');
}

/** What of an unexpected error goes into the log: its kind, a redacted message and the stack frames. */
export function describeUnexpected(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: redact(String(error)) };
  const frames = error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
  return { type: error.name, message: redact(error.message), ...(frames ? { stack: frames } : {}) };
}

/**
 * Query parameters whose values never go into a log line: the citizen's
 * secret (no link of ours carries it any more; a hand-made one might),
 * attachment links' signatures, tokens and keys, and a GraphQL GET's
 * document, variables and extensions (they can carry a secret inline or as
 * a variable).
 */
const SECRET_PARAMETERS = /([?&](?:secret|signature|token|api_key|apiKey|key|password|query|variables|extensions)=)[^&#]*/gi;
/** An upload id in a path (`/uploads/<id>/preview`): a capability usable for 24 hours. */
const UPLOAD_ID_IN_PATH = /(\/uploads\/)[^/?#]+/gi;

/** A request URL as it may be logged: secret-bearing parameters blanked, then contact-like text redacted. */
export function redactUrl(url: string): string {
  const blanked = url.replace(SECRET_PARAMETERS, '$1[redacted]').replace(UPLOAD_ID_IN_PATH, '$1[redacted]');
  let decoded = blanked;
  try {
    // Percent-encoded spaces and plus signs would hide a phone number from `redact`.
    decoded = decodeURIComponent(blanked.replace(/\+/g, ' '));
  } catch {
    decoded = blanked.replace(/%20|\+/g, ' ');
  }
  // E-mail addresses within one path segment or parameter value, then what `redact` catches.
  return redact(decoded.replace(/[^\s@"'<>(),;:/?=&]+@[^\s@"'<>(),;:/?=&]+\.[a-z]{2,}/gi, '[email]'));
}

/**
 * Fastify's request serializer with `redactUrl` applied. Attachment links
 * no longer carry the citizen's secret (they are short-lived signed links,
 * docs/uploads.md); the blanking stays as a defence against hand-made URLs
 * and other credentials.
 */
export const requestLogSerializer = (request: { method: string; url: string; id?: unknown; ip?: string }) => ({
  method: request.method,
  url: redactUrl(request.url),
  reqId: request.id,
});
