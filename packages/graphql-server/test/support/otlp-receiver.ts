import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One OTLP/JSON attribute: `{ key, value: { stringValue | intValue | … } }`. */
export interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  scope: string;
  attributes: Record<string, unknown>;
}

export interface OtlpMetric {
  name: string;
  scope: string;
  /** Each data point's attributes and, for a histogram, its count. */
  points: Array<{ attributes: Record<string, unknown>; count?: number; value?: number }>;
}

/** An OTLP/JSON attribute value as a plain value. */
const plain = (value: Record<string, unknown>): unknown => {
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('boolValue' in value) return value.boolValue;
  if ('arrayValue' in value) return ((value.arrayValue as { values?: Array<Record<string, unknown>> }).values ?? []).map(plain);
  return value;
};
const attributesOf = (list: OtlpAttribute[] | undefined): Record<string, unknown> => Object.fromEntries((list ?? []).map((a) => [a.key, plain(a.value)]));

/**
 * A real OTLP/HTTP receiver for tests (JSON encoding, `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`):
 * keeps each request body as received, and the spans and metrics in them.
 */
export class OtlpReceiver {
  readonly bodies: string[] = [];
  readonly spans: OtlpSpan[] = [];
  readonly metrics: OtlpMetric[] = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.bodies.push(body);
        if (request.headers['content-type']?.startsWith('application/json')) this.collect(request.url ?? '', JSON.parse(body) as Record<string, unknown>);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private collect(path: string, body: Record<string, unknown>): void {
    type Scoped<K extends string, T> = { scope?: { name?: string } } & Record<K, T[]>;
    if (path === '/v1/traces') {
      for (const resource of (body.resourceSpans ?? []) as Array<{ scopeSpans: Array<Scoped<'spans', Record<string, unknown>>> }>) {
        for (const scoped of resource.scopeSpans) {
          for (const s of scoped.spans) {
            this.spans.push({
              traceId: String(s.traceId),
              spanId: String(s.spanId),
              ...(typeof s.parentSpanId === 'string' && s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
              name: String(s.name),
              scope: scoped.scope?.name ?? '',
              attributes: attributesOf(s.attributes as OtlpAttribute[]),
            });
          }
        }
      }
    } else if (path === '/v1/metrics') {
      for (const resource of (body.resourceMetrics ?? []) as Array<{ scopeMetrics: Array<Scoped<'metrics', Record<string, unknown>>> }>) {
        for (const scoped of resource.scopeMetrics) {
          for (const m of scoped.metrics) {
            const data = (m.histogram ?? m.sum ?? m.gauge) as { dataPoints?: Array<{ attributes?: OtlpAttribute[]; count?: number | string; asInt?: number | string; asDouble?: number }> } | undefined;
            this.metrics.push({
              name: String(m.name),
              scope: scoped.scope?.name ?? '',
              points: (data?.dataPoints ?? []).map((p) => ({
                attributes: attributesOf(p.attributes),
                ...(p.count !== undefined ? { count: Number(p.count) } : {}),
                ...(p.asInt !== undefined ? { value: Number(p.asInt) } : p.asDouble !== undefined ? { value: p.asDouble } : {}),
              })),
            });
          }
        }
      }
    }
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
