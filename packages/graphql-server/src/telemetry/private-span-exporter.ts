import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace-node';
import { redact } from '../errors/redact.js';
import { ATTR_REQUEST_ID } from './request-attributes.js';

const redactValue = (value: AttributeValue | undefined): AttributeValue | undefined => {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? redact(v) : v)) as AttributeValue;
  return value;
};

/** Every string attribute redacted (e-mail addresses, runs of 7+ digits), but the request id (already safe, `spanRequestId`). */
export function redactAttributes(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) out[name] = name === ATTR_REQUEST_ID ? value : redactValue(value);
  return out;
}

/** An exception event keeps its type only: its message and stack can quote what a citizen wrote (the log has the redacted message, by request id). */
const privateEvent = (event: TimedEvent): TimedEvent =>
  event.name === 'exception'
    ? { ...event, attributes: event.attributes?.['exception.type'] !== undefined ? { 'exception.type': event.attributes['exception.type'] } : {} }
    : { ...event, attributes: event.attributes ? redactAttributes(event.attributes) : event.attributes };

/** The span as exported: attributes redacted, exception details dropped, status without its message. */
export function privateSpan(span: ReadableSpan): ReadableSpan {
  // The SDK's span keeps its methods (spanContext()) on its prototype.
  return Object.assign(Object.create(span) as ReadableSpan, {
    attributes: redactAttributes(span.attributes),
    events: span.events.map(privateEvent),
    status: { code: span.status.code },
  });
}

/**
 * The last line of defence before spans leave the process: whatever an
 * instrumentation recorded (a URL, an SQL text, an error), no e-mail
 * address, phone number or exception text is exported. What we record
 * ourselves carries no contact data in the first place.
 */
export class PrivateSpanExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans.map(privateSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
