import { LogController, type FastifyInstance } from 'fastify';

// Logs and traces meet: with telemetry on, every JSON log line written while
// a span is active carries the span's ids (`trace_id`, `span_id`,
// `trace_flags`, the names @opentelemetry/instrumentation-pino uses), next
// to the request id (`reqId`). The fields come from a pino `mixin`
// (`Telemetry.logFields`, src/telemetry/start-telemetry.ts); this file only
// moves Fastify's "incoming request" line to after the request's span has
// started. It loads no OpenTelemetry module: `buildApp` imports it whether
// telemetry is on or off.

/**
 * Fastify's own request log lines, except "incoming request": Fastify
 * writes that one before any `onRequest` hook, so before @fastify/otel has
 * started the request's span, and the line would carry no trace id.
 * `logIncomingRequestInSpan` writes it instead, from a hook of its own.
 */
export class SpanLogController extends LogController {
  override incomingRequest(): void {}
}

/**
 * Writes the "incoming request" line (the same line Fastify writes) from an
 * `onRequest` hook registered after @fastify/otel's, that is inside the
 * request's span. Only for an app built with `SpanLogController`.
 */
export function logIncomingRequestInSpan(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    request.log.info({ req: request }, 'incoming request');
    done();
  });
}
