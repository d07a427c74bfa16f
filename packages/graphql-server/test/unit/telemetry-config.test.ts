import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { activeTelemetry, attachTelemetry, startTelemetry } from '../../src/telemetry/index.js';
import { privateSpan } from '../../src/telemetry/private-span-exporter.js';
import { spanPath, spanRequestId, spanTenant } from '../../src/telemetry/request-attributes.js';

describe('PAHT_OTEL', () => {
  it('is off unless set to 1 or true, and OTEL_SDK_DISABLED=true keeps it off', () => {
    expect(readConfig({}).telemetry).toBe(false);
    expect(readConfig({ PAHT_OTEL: '0' }).telemetry).toBe(false);
    expect(readConfig({ PAHT_OTEL: '1' }).telemetry).toBe(true);
    expect(readConfig({ PAHT_OTEL: 'true' }).telemetry).toBe(true);
    expect(readConfig({ PAHT_OTEL: '1', OTEL_SDK_DISABLED: 'true' }).telemetry).toBe(false);
    expect(() => readConfig({ PAHT_OTEL: 'yes' })).toThrow(/PAHT_OTEL must be 1 \(on\) or 0 \(off\), not yes/);
  });

  it('off: attaching to an app adds nothing and loads no instrumentation', async () => {
    expect(activeTelemetry()).toBeNull();
    const app = Fastify();
    expect(await attachTelemetry(app)).toBeNull();
    await app.ready();
    expect(app.hasPlugin('@fastify/otel')).toBe(false);
    await app.close();
  });

  it('refuses an exporter or protocol that is not installed, naming the variable, and stays off', async () => {
    await expect(startTelemetry({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).rejects.toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported here/);
    await expect(startTelemetry({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' })).rejects.toThrow(/OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=grpc/);
    await expect(startTelemetry({ OTEL_TRACES_EXPORTER: 'zipkin' })).rejects.toThrow(/OTEL_TRACES_EXPORTER=zipkin is not supported here/);
    await expect(startTelemetry({ OTEL_METRIC_EXPORT_INTERVAL: 'soon' })).rejects.toThrow(/OTEL_METRIC_EXPORT_INTERVAL must be a whole number/);
    expect(activeTelemetry()).toBeNull();
  });
});

describe('what goes on a span', () => {
  it('paths lose their query string and contact-like text; tenants and request ids that could be a phone number are dropped or redacted', () => {
    expect(spanPath('/graphql?query=x&variables=%7B%22p%22%3A%220987654321%22%7D')).toBe('/graphql');
    expect(spanPath('/reporters/bich.ngoc@example.com/0987654321')).toBe('/reporters/[email]/[number]');
    expect(spanPath('/uploads/abc123/preview')).toBe('/uploads/[redacted]/preview');
    expect(spanTenant('quang-tri')).toBe('quang-tri');
    expect(spanTenant('0987654321')).toBeNull();
    expect(spanTenant('Quang Tri')).toBeNull();
    expect(spanTenant(null)).toBeNull();
    expect(spanRequestId('550e8400-e29b-41d4-a716-446655440000')).toBe('550e8400-e29b-41d4-a716-446655440000');
    expect(spanRequestId('0987654321')).toBe('[number]');
  });

  it('the exporter redacts string attributes, keeps only the type of an exception and the code of a status', () => {
    const span = {
      name: 'request',
      kind: SpanKind.SERVER,
      spanContext: () => ({ traceId: 't', spanId: 's', traceFlags: 1 }),
      attributes: { 'db.query.text': "SELECT 1 WHERE phone = '0987 654 321'", 'http.response.status_code': 500, 'paht.request_id': 'req-12345678901', tags: ['a@b.vn', 'ok'] },
      events: [
        { name: 'exception', time: [0, 0], attributes: { 'exception.type': 'Error', 'exception.message': 'Trần Thị Bích Ngọc 0987654321', 'exception.stacktrace': 'Error: Trần Thị Bích Ngọc' } },
        { name: 'note', time: [0, 0], attributes: { text: 'call 0987654321' } },
      ],
      status: { code: SpanStatusCode.ERROR, message: 'Trần Thị Bích Ngọc' },
    } as unknown as ReadableSpan;
    const exported = privateSpan(span);
    expect(exported.spanContext().traceId).toBe('t');
    expect(exported.name).toBe('request');
    expect(exported.attributes).toEqual({ 'db.query.text': "SELECT 1 WHERE phone = '[number]'", 'http.response.status_code': 500, 'paht.request_id': 'req-12345678901', tags: ['[email]', 'ok'] });
    expect(exported.events.map((e) => e.attributes)).toEqual([{ 'exception.type': 'Error' }, { text: 'call [number]' }]);
    expect(exported.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(JSON.stringify(exported.events)).not.toContain('Bích');
  });
});
