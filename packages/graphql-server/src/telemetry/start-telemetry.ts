import { context, metrics, propagation, trace } from '@opentelemetry/api';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { setActiveTelemetry, type Telemetry } from './active.js';
import { RequestAttributes, spanLogFields, spanPath } from './request-attributes.js';
import { PrivateSpanExporter } from './private-span-exporter.js';

/** The service name when `OTEL_SERVICE_NAME` (or `service.name` in `OTEL_RESOURCE_ATTRIBUTES`) does not say. */
export const DEFAULT_SERVICE_NAME = 'paht-graphql-server';
/** The instrumentation scope of our own spans and metrics. */
export const SCOPE = '@paht/graphql-server';

/** The probes' routes, not traced. */
const PROBES = new Set(['/healthz', '/readyz']);

type Signal = 'TRACES' | 'METRICS';
type Protocol = 'http/protobuf' | 'http/json';

/** A signal's exporter (`OTEL_TRACES_EXPORTER`, `OTEL_METRICS_EXPORTER`): `otlp` (default) or `none`. */
function exporterOf(env: NodeJS.ProcessEnv, signal: Signal): 'otlp' | 'none' {
  const value = (env[`OTEL_${signal}_EXPORTER`] ?? 'otlp').trim() || 'otlp';
  if (value === 'otlp' || value === 'none') return value;
  throw new RangeError(`OTEL_${signal}_EXPORTER=${value} is not supported here: use otlp (the default) or none`);
}

/** A signal's OTLP protocol (`OTEL_EXPORTER_OTLP_<SIGNAL>_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`): `http/protobuf` (default) or `http/json`. */
function protocolOf(env: NodeJS.ProcessEnv, signal: Signal): Protocol {
  const name = env[`OTEL_EXPORTER_OTLP_${signal}_PROTOCOL`] ? `OTEL_EXPORTER_OTLP_${signal}_PROTOCOL` : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const value = (env[name] ?? 'http/protobuf').trim() || 'http/protobuf';
  if (value === 'http/protobuf' || value === 'http/json') return value;
  throw new RangeError(`${name}=${value} is not supported here: use http/protobuf (the default) or http/json (no gRPC exporter is installed)`);
}

/** A whole number of milliseconds from the environment, else `fallback`. */
function millisecondsOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a whole number of milliseconds above 0, not ${text}`);
  return value;
}

async function spanExporter(protocol: Protocol): Promise<SpanExporter> {
  // The exporters read OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT and _COMPRESSION themselves.
  if (protocol === 'http/json') return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter();
  return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
}

async function metricExporter(protocol: Protocol): Promise<PushMetricExporter> {
  if (protocol === 'http/json') return new (await import('@opentelemetry/exporter-metrics-otlp-http')).OTLPMetricExporter();
  return new (await import('@opentelemetry/exporter-metrics-otlp-proto')).OTLPMetricExporter();
}

/**
 * Starts OpenTelemetry for this process (`PAHT_OTEL=1`, docs/operations.md):
 * traces of HTTP requests (@fastify/otel, the Fastify team's
 * instrumentation), of GraphQL operations (our Apollo plugin) and of
 * Prisma's queries (@prisma/instrumentation), and metrics (HTTP request
 * durations, open WebSocket connections, job runs), sent over OTLP/HTTP as
 * the standard `OTEL_*` variables say. Call it before `buildApp`; neither
 * instrumentation patches modules as they load (Fastify's is a plugin
 * `buildApp` registers, Prisma's a global its client looks up at each
 * query), so no `--import` hook is needed. The SDK is loaded here only:
 * an instance with telemetry off never loads it.
 */
export async function startTelemetry(env: NodeJS.ProcessEnv = process.env): Promise<Telemetry> {
  const tracesOn = exporterOf(env, 'TRACES') === 'otlp';
  const metricsOn = exporterOf(env, 'METRICS') === 'otlp';
  const [{ NodeTracerProvider, BatchSpanProcessor }, { MeterProvider, PeriodicExportingMetricReader }, resources, { ATTR_SERVICE_NAME, ATTR_URL_PATH }, { FastifyOtelInstrumentation }, { PrismaInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-metrics'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/semantic-conventions'),
      import('@fastify/otel'),
      import('@prisma/instrumentation'),
    ]);
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over our default name.
  const resource = resources
    .defaultResource()
    .merge(resources.resourceFromAttributes({ [ATTR_SERVICE_NAME]: DEFAULT_SERVICE_NAME }))
    .merge(resources.detectResources({ detectors: [resources.envDetector] }));

  const requestAttributes = new RequestAttributes();
  // The sampler comes from OTEL_TRACES_SAMPLER(_ARG), the batching from OTEL_BSP_*.
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: tracesOn ? [requestAttributes, new BatchSpanProcessor(new PrivateSpanExporter(await spanExporter(protocolOf(env, 'TRACES'))))] : [],
  });
  const meterProvider = new MeterProvider({
    resource,
    readers: metricsOn
      ? [
          new PeriodicExportingMetricReader({
            exporter: await metricExporter(protocolOf(env, 'METRICS')),
            exportIntervalMillis: millisecondsOf(env, 'OTEL_METRIC_EXPORT_INTERVAL', 60_000),
            exportTimeoutMillis: Math.min(millisecondsOf(env, 'OTEL_METRIC_EXPORT_TIMEOUT', 30_000), millisecondsOf(env, 'OTEL_METRIC_EXPORT_INTERVAL', 60_000)),
          }),
        ]
      : [],
  });
  // Global, so that the instrumentations (and anything else using the API) find them.
  tracerProvider.register();
  metrics.setGlobalMeterProvider(meterProvider);

  const fastify = new FastifyOtelInstrumentation({
    // Probes every few seconds would drown the requests; OTEL_FASTIFY_IGNORE_PATHS (a glob) replaces this.
    // A function, not a glob: the instrumentation would compile the glob again at every request.
    ignorePaths: env.OTEL_FASTIFY_IGNORE_PATHS?.trim() || ((route) => PROBES.has(route.url ?? '')),
    // A span per request and one for its handler; not one per hook (a dozen per request, most of the cost).
    instrumentHooks: false,
    requestHook: (span, request) => {
      // The instrumentation records the URL with its query string (a GraphQL GET's variables); the path only, redacted.
      span.setAttribute(ATTR_URL_PATH, spanPath(request.url));
      requestAttributes.tag(span, String(request.id));
    },
  });
  fastify.setTracerProvider(tracerProvider);
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(tracerProvider);
  prisma.enable();

  const telemetry: Telemetry = {
    tracer: trace.getTracer(SCOPE),
    meter: metrics.getMeter(SCOPE),
    requestAttributes,
    logFields: spanLogFields,
    fastifyPlugin: () => fastify.plugin(),
    async shutdown() {
      setActiveTelemetry(null);
      prisma.disable();
      fastify.disable();
      // A collector that is away must not turn a clean stop into a failed one.
      const outcomes = await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
      // Undo all that register() set, so the process is as before startTelemetry (the next one may start again).
      trace.disable();
      context.disable();
      propagation.disable();
      metrics.disable();
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) console.warn(`OpenTelemetry: the last spans or metrics were not sent (${(failed.reason as NodeJS.ErrnoException)?.code ?? 'export failed'})`);
    },
  };
  setActiveTelemetry(telemetry);
  return telemetry;
}
