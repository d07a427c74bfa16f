import { isSpanContextValid, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { ReadableSpan, Span as SdkSpan, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { redact, redactUrl } from '../errors/redact.js';

/** Span attribute names of ours (semantic conventions have none for these). */
export const ATTR_REQUEST_ID = 'paht.request_id';
export const ATTR_TENANT = 'paht.tenant';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A request id as it may go on a span: ours (a UUID) as is, a caller's redacted (it could be a phone number). */
export const spanRequestId = (id: string): string => (UUID.test(id) ? id : redact(id));

/** A request's path as it may go on a span: no query string, contact-like text and upload ids redacted. */
export const spanPath = (url: string): string => redactUrl(url.split(/[?#]/, 1)[0] ?? '/');

/** A tenant slug as it may go on a span: only a slug-shaped name with nothing contact-like in it, else null. */
export const spanTenant = (slug: string | null | undefined): string | null =>
  slug && slug.length <= 63 && SLUG.test(slug) && redact(slug) === slug ? slug : null;

/**
 * The active span's ids as log fields, named as @opentelemetry/instrumentation-pino
 * names them (`trace_id`, `span_id`, `trace_flags`); none outside a span.
 * Identifiers only: nothing of the request. A new object each time: pino
 * merges the line's own fields into it.
 */
export function spanLogFields(): Record<string, string> {
  const span = trace.getActiveSpan()?.spanContext();
  if (!span || !isSpanContextValid(span)) return {};
  return { trace_id: span.traceId, span_id: span.spanId, trace_flags: `0${span.traceFlags.toString(16)}` };
}

/**
 * Request id and tenant on every span of a request: `tag` marks the
 * request's span, `set` adds the tenant once it is known, and each span
 * started under a marked one (hooks, the GraphQL operation, Prisma's
 * queries) gets the same attributes as it starts.
 */
export class RequestAttributes implements SpanProcessor {
  private readonly bySpan = new WeakMap<object, Attributes>();

  /** Marks `span` as a request's span with its request id. */
  tag(span: Span, requestId: string): void {
    const attributes: Attributes = { [ATTR_REQUEST_ID]: spanRequestId(requestId) };
    this.bySpan.set(span, attributes);
    span.setAttributes(attributes);
  }

  /** Adds `name: value` to the request `span` belongs to (and to `span`); later spans under it inherit it. */
  set(span: Span, name: string, value: string): void {
    const attributes = this.bySpan.get(span);
    if (attributes) attributes[name] = value;
    span.setAttribute(name, value);
  }

  onStart(span: SdkSpan, parentContext: Context): void {
    const parent = trace.getSpan(parentContext);
    const attributes = parent ? this.bySpan.get(parent) : undefined;
    if (!attributes) return;
    this.bySpan.set(span, attributes);
    span.setAttributes(attributes);
  }

  onEnd(_span: ReadableSpan): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}
