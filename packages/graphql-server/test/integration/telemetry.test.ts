import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DeadlineJob } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { startTelemetry } from '../../src/telemetry/index.js';
import type { Telemetry } from '../../src/telemetry/active.js';
import { OtlpReceiver, type OtlpSpan } from '../support/otlp-receiver.js';

// OpenTelemetry end to end: the real SDK and exporters send OTLP/HTTP (JSON)
// to a real receiver on a local port, configured only by the standard
// OTEL_* variables. A report submitted with a reporter's contact gives an
// HTTP request span, a GraphQL operation span and Prisma query spans, all
// with the tenant and the request id; the contact appears nowhere in what
// was exported. Metrics: request durations, open WebSocket connections, job runs.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const CONTACT = { fullName: 'Trần Thị Bích Ngọc', phone: '0987 654 321', email: 'bich.ngoc@example.com' };
const REQUEST_ID = 'otel-request-0001';
const OTEL_ENV = {
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  OTEL_SERVICE_NAME: 'paht-test',
  OTEL_BSP_SCHEDULE_DELAY: '50',
  OTEL_METRIC_EXPORT_INTERVAL: '200',
};

let tdb: TestDatabase;
let receiver: OtlpReceiver;
let telemetry: Telemetry;
let app: FastifyInstance;
let base: string;
let secret = '';
/** The app's JSON log lines (pino, through Fastify). */
const logLines: Array<Record<string, unknown>> = [];
const saved: Record<string, string | undefined> = {};

async function until<T>(what: string, probe: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  receiver = new OtlpReceiver();
  const endpoint = await receiver.start();
  for (const [name, value] of Object.entries({ ...OTEL_ENV, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  telemetry = await startTelemetry();
  const ctx = testContext(tdb.db, MONDAY_9AM);
  await createFixtureTenant(ctx, 'otel', 'OT');
  app = await buildApp({
    core: ctx,
    redisUrl: null,
    rateLimits: false,
    jobs: { schedule: false },
    logger: true,
    logStream: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const submit = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'otel', 'x-request-id': REQUEST_ID },
    body: JSON.stringify({
      operationName: 'SubmitFieldReport',
      query: 'mutation SubmitFieldReport($input: SubmitReportInput!) { submitReport(input: $input) { __typename ... on SubmitReportSuccess { trackingCode secret } } }',
      variables: { input: { title: 'Đèn đường hỏng trước nhà', description: 'Đèn đường tắt cả tuần nay, buổi tối rất tối.', address: 'Phường Đông Hà', reporter: CONTACT } },
    }),
  });
  const { data } = (await submit.json()) as { data: { submitReport: { trackingCode: string; secret: string } } };
  secret = data.submitReport.secret;
  // A GET carries its variables in the URL; a 404 has the contact in its path.
  const variables = encodeURIComponent(JSON.stringify({ c: data.submitReport.trackingCode, s: secret }));
  const query = encodeURIComponent('query TrackIt($c: String!, $s: String) { trackReport(trackingCode: $c, secret: $s) { __typename } }');
  expect((await fetch(`${base}/graphql?query=${query}&variables=${variables}`, { headers: { 'x-tenant': 'otel' } })).status).toBe(200);
  expect((await fetch(`${base}/reporters/${encodeURIComponent(CONTACT.email)}/${CONTACT.phone.replace(/ /g, '')}`)).status).toBe(404);
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  await app.jobs.runNow(DeadlineJob.SLA_ALERTS);
});

afterAll(async () => {
  await app?.close();
  await telemetry?.shutdown();
  await receiver?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await tdb?.close();
});

describe('OpenTelemetry', () => {
  let spans: OtlpSpan[];
  let request: OtlpSpan;

  it('exports the HTTP request span (@fastify/otel) with the request id and the tenant', async () => {
    request = await until('the request span', () =>
      receiver.spans.find((s) => s.scope === '@fastify/otel' && s.name === 'request' && s.attributes['paht.request_id'] === REQUEST_ID),
    );
    expect(request.attributes).toMatchObject({ 'http.route': '/graphql', 'http.request.method': 'POST', 'url.path': '/graphql', 'paht.tenant': 'otel', 'http.response.status_code': 200 });
    // The probes are not traced.
    expect(receiver.spans.some((s) => s.attributes['http.route'] === '/readyz')).toBe(false);
  });

  it('exports the GraphQL operation with its name and type, and Prisma queries, in the same trace', async () => {
    const graphql = await until('the GraphQL span', () => receiver.spans.find((s) => s.traceId === request.traceId && s.name === 'mutation SubmitFieldReport'));
    expect(graphql.attributes).toEqual({
      'graphql.operation.type': 'mutation',
      'graphql.operation.name': 'SubmitFieldReport',
      'paht.tenant': 'otel',
      'paht.request_id': REQUEST_ID,
    });
    const prisma = await until('a Prisma query span', () => {
      const found = receiver.spans.filter((s) => s.traceId === request.traceId && s.scope.includes('prisma'));
      return found.length > 0 ? found : undefined;
    });
    expect(prisma.some((s) => s.name.startsWith('prisma:client:'))).toBe(true);
    for (const s of prisma) expect(s.attributes['paht.request_id'], s.name).toBe(REQUEST_ID);
    expect(prisma.some((s) => s.attributes['paht.tenant'] === 'otel')).toBe(true);
    spans = receiver.spans;
  });

  it('names the GET operation and records paths without their query string or the contact', async () => {
    const get = await until('the GET request span', () => receiver.spans.find((s) => s.scope === '@fastify/otel' && s.name === 'request' && s.attributes['http.request.method'] === 'GET' && s.attributes['http.route'] === '/graphql'));
    expect(get.attributes['url.path']).toBe('/graphql');
    expect(receiver.spans.some((s) => s.traceId === get.traceId && s.name === 'query TrackIt')).toBe(true);
    const missing = await until('the 404 span', () => receiver.spans.find((s) => s.scope === '@fastify/otel' && s.attributes['http.response.status_code'] === 404));
    expect(missing.attributes['url.path']).toBe('/reporters/[email]/[number]');
  });

  it('puts the trace and span ids on every log line of the request, next to its request id, and no contact', async () => {
    const lines = logLines.filter((line) => line.reqId === REQUEST_ID);
    // Fastify's "incoming request" and "request completed" at least.
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    const traceSpans = new Set(receiver.spans.filter((s) => s.traceId === request.traceId).map((s) => s.spanId));
    for (const line of lines) {
      expect(line, String(line.msg)).toMatchObject({ trace_id: request.traceId, trace_flags: '01' });
      expect(traceSpans.has(String(line.span_id)), `${String(line.msg)}: span ${String(line.span_id)} of the exported trace`).toBe(true);
    }
    // The request's own span is on its lines (the first and last, at least).
    expect(lines.some((line) => line.span_id === request.spanId)).toBe(true);
    const logged = JSON.stringify(logLines);
    for (const text of [CONTACT.fullName, CONTACT.phone, '0987654321', CONTACT.email, secret]) expect(logged.includes(text), `${text} logged`).toBe(false);
    // Outside a request (no span) a line has no trace fields: the probes are not traced.
    const probe = logLines.find((line) => (line.req as { url?: string } | undefined)?.url === '/readyz');
    expect(probe).toBeDefined();
    expect(probe).not.toHaveProperty('trace_id');
  });

  it('exports no contact, secret or variable anywhere', async () => {
    expect(spans.length).toBeGreaterThan(5);
    const exported = receiver.bodies.join('\n');
    for (const text of [CONTACT.fullName, CONTACT.phone, '0987654321', CONTACT.email, encodeURIComponent(CONTACT.email), secret, 'Đèn đường hỏng', 'variables']) {
      expect(exported.includes(text), `${text} exported`).toBe(false);
    }
  });

  it('exports request durations by route, open WebSocket connections and job runs', async () => {
    const durations = await until('request durations', () =>
      receiver.metrics.find((m) => m.name === 'http.server.request.duration' && m.points.some((p) => p.attributes['http.route'] === '/graphql')),
    );
    const posts = durations.points.find((p) => p.attributes['http.route'] === '/graphql' && p.attributes['http.request.method'] === 'POST');
    expect(posts).toMatchObject({ count: 1, attributes: { 'http.response.status_code': 200 } });
    await until('a job run', () => receiver.metrics.find((m) => m.name === 'paht.job.duration' && m.points.some((p) => p.attributes['paht.job.name'] === 'sla-alerts' && p.attributes['paht.job.outcome'] === 'ok')));

    const connections = (value: number) => () =>
      receiver.metrics.slice(-10).find((m) => m.name === 'paht.websocket.connections' && m.points.some((p) => p.value === value));
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    await until('one open WebSocket connection', connections(1));
    socket.close();
    await until('no open WebSocket connection', connections(0));
  });
});
