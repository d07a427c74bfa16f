import type { Meter, Tracer } from '@opentelemetry/api';
import type { RequestAttributes } from './request-attributes.js';

/**
 * The running OpenTelemetry SDK of this process (started by
 * `startTelemetry`), or null: off, the default. Everything that records
 * telemetry asks this first and does nothing when it is null, so an
 * instance without telemetry loads no SDK and adds no hook.
 */
export interface Telemetry {
  tracer: Tracer;
  meter: Meter;
  /** Puts the request id and tenant on a request's span and every span under it. */
  requestAttributes: RequestAttributes;
  /**
   * The active span's `trace_id`, `span_id` and `trace_flags` (none outside
   * a span): `buildApp`'s pino `mixin`, so each log line of a request meets
   * its trace (src/telemetry/log-correlation.ts).
   */
  logFields: () => Record<string, string>;
  /** The Fastify instrumentation's plugin, registered first by `buildApp`. */
  fastifyPlugin(): unknown;
  /** Exports what is buffered, then stops the SDK (`main.ts` on SIGINT/SIGTERM). */
  shutdown(): Promise<void>;
}

let active: Telemetry | null = null;

/** This process's telemetry, or null when it is off. */
export const activeTelemetry = (): Telemetry | null => active;

/** Set by `startTelemetry` and its `shutdown` only. */
export function setActiveTelemetry(telemetry: Telemetry | null): void {
  active = telemetry;
}
