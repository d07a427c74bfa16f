import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { refuse, SecurityErrorCode } from './refuse.js';
import { identityOf } from './request-identity.js';
import type { RateLimitedAction, RateLimitRule } from './security-options.js';

type Check = ReturnType<FastifyInstance['createRateLimit']>;

/** Why a call is refused: how long to wait, the bucket's maximum, and the action. */
export interface RateLimitRefusal {
  retryAfterSeconds: number;
  limit: number | null;
  action: RateLimitedAction;
}

/** The refusal's message, Vietnamese then English. */
export const rateLimitMessage = (retryAfter: number): string =>
  `Quá nhiều yêu cầu, vui lòng thử lại sau ${retryAfter} giây / Too many requests; retry in ${retryAfter} s`;

export interface RateLimiter {
  /**
   * Counts `times` calls of `action` like `limit`, without answering:
   * the refusal of the first exceeded bucket, or null. For callers that
   * answer in their own shape (the query budget's Apollo plugin).
   */
  check(request: FastifyRequest, action: RateLimitedAction, times?: number): Promise<RateLimitRefusal | null>;
  /**
   * Counts `times` calls of `action` for the request's IP (unless a secret
   * key or a staff member calls) and its API key (if any); on the first
   * exceeded bucket, answers 429 RATE_LIMITED and returns true.
   */
  limit(request: FastifyRequest, reply: FastifyReply, action: RateLimitedAction, times?: number): Promise<boolean>;
}

/** The Redis the app's rate limits and sign-in throttle share, closed with the app. */
export function connectRateLimitRedis(app: FastifyInstance, url: string): Redis {
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true });
  redis.on('error', (error: Error) => app.log.warn({ error: error.message }, 'rate-limit redis error'));
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  return redis;
}

/**
 * Rate limits of public mutations with @fastify/rate-limit: in this process,
 * or shared by every process through Redis when `redisUrl` is given. Each
 * action has two buckets, per IP and per API key, counted in `windowMs`.
 * When Redis fails, requests pass (the store's error is logged), rather
 * than every citizen being refused.
 */
export async function attachRateLimits(
  app: FastifyInstance,
  options: { windowMs: number; rules: Record<RateLimitedAction, RateLimitRule>; redis: Redis | null },
): Promise<RateLimiter> {
  const { redis } = options;
  await app.register(rateLimit, { global: false, skipOnError: true, ...(redis ? { redis, nameSpace: 'paht-rate-limit:' } : {}) });

  const checks = new Map<string, Check>();
  for (const [action, rule] of Object.entries(options.rules) as [RateLimitedAction, RateLimitRule][]) {
    checks.set(`${action}:ip`, app.createRateLimit({ max: rule.perIp, timeWindow: options.windowMs, keyGenerator: (r) => `${action}:ip:${r.ip}` }));
    checks.set(
      `${action}:key`,
      app.createRateLimit({ max: rule.perKey, timeWindow: options.windowMs, keyGenerator: (r) => `${action}:key:${identityOf(r)?.apiKey?.keyId ?? 'none'}` }),
    );
  }

  const check = async (request: FastifyRequest, action: RateLimitedAction, times = 1): Promise<RateLimitRefusal | null> => {
    const identity = identityOf(request);
    const buckets: string[] = [];
    // A secret key is one server speaking for many people (a call centre, a
    // partner system): its key's bucket, not its IP's, bounds it.
    if (identity?.apiKey?.kind !== 'SECRET') buckets.push(`${action}:ip`);
    if (identity?.apiKey) buckets.push(`${action}:key`);
    for (const bucket of buckets) {
      const counter = checks.get(bucket)!;
      for (let i = 0; i < times; i++) {
        const result = await counter(request);
        if (result.isAllowed || !result.isExceeded) continue;
        const retryAfterSeconds = Math.max(1, 'ttlInSeconds' in result ? result.ttlInSeconds : 1);
        return { retryAfterSeconds, limit: 'max' in result ? result.max : null, action };
      }
    }
    return null;
  };

  return {
    check,
    async limit(request, reply, action, times = 1) {
      const refusal = await check(request, action, times);
      if (!refusal) return false;
      reply.header('retry-after', String(refusal.retryAfterSeconds));
      refuse(request, reply, 429, SecurityErrorCode.RATE_LIMITED, rateLimitMessage(refusal.retryAfterSeconds), { ...refusal });
      return true;
    },
  };
}
