import type { CoreContext } from '@paht/core';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { describeUnexpected } from '../errors/redact.js';

/** The outcome of one dependency's check. */
export type ReadinessCheck = 'ok' | 'failed' | 'timeout' | 'not-configured';

export interface ReadinessOptions {
  /** The Redis the app uses (subscriptions, rate limits, cache invalidation); null: none, not checked. */
  redisUrl: string | null;
  /** How long each check may take before it counts as failed. Default 1 000 ms (`PAHT_READY_TIMEOUT_MS`). */
  timeoutMs?: number;
}

const TIMED_OUT = Symbol('timed out');

/** `work()`'s outcome within `ms`: ok, failed (logged), or timeout. */
async function within(ms: number, work: () => Promise<unknown>, onError: (error: unknown) => void): Promise<ReadinessCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    const result = await Promise.race([work(), timeout]);
    return result === TIMED_OUT ? 'timeout' : 'ok';
  } catch (error) {
    onError(error);
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /readyz`: whether this process can serve traffic now (for a load
 * balancer or Kubernetes' readiness probe), where `/healthz` says whether
 * it is alive. It asks the database for `SELECT 1` and, when Redis is
 * configured, Redis for `PING`, each within `timeoutMs`: 200
 * `{ status: 'ready', checks }` when all answer, else 503
 * `{ status: 'unavailable', checks }`. Each check is `ok`, `failed`,
 * `timeout` or `not-configured`; the body holds nothing else (no address,
 * no error text: those go to the log with the request id).
 */
export function registerReadinessRoute(app: FastifyInstance, core: CoreContext, options: ReadinessOptions): void {
  const envTimeout = Number(process.env.PAHT_READY_TIMEOUT_MS);
  const timeoutMs = options.timeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : 1000);
  // Its own connection, so a check never waits behind the subscriptions' or
  // the rate limits' traffic, and no queue holds a PING while Redis is away.
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: timeoutMs })
    : null;
  redis?.on('error', () => undefined); // Reported by the checks that fail.
  app.addHook('onClose', async () => {
    redis?.disconnect();
  });

  app.get('/readyz', async (request, reply) => {
    const failure = (dependency: string) => (error: unknown) =>
      request.log.warn({ requestId: request.id, dependency, error: describeUnexpected(error) }, 'readiness check failed');
    const [database, cache] = await Promise.all([
      within(timeoutMs, () => core.db.query('SELECT 1'), failure('database')),
      redis
        ? within(
            timeoutMs,
            async () => {
              if (redis.status === 'wait' || redis.status === 'end') await redis.connect();
              return redis.ping();
            },
            failure('redis'),
          )
        : Promise.resolve<ReadinessCheck>('not-configured'),
    ]);
    const ready = database === 'ok' && (cache === 'ok' || cache === 'not-configured');
    return reply
      .code(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'unavailable', checks: { database, redis: cache } });
  });
}
