import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { SecurityErrorCode } from '../security/refuse.js';

/** The per-account limit of sign-in attempts, besides the per-IP rate limit. */
export interface SignInThrottleOptions {
  /** Failed sign-ins of one e-mail (in one tenant) before it is locked. Default 5. */
  maxFailures?: number;
  /** The first lock; each failure after it doubles the next one. Default 60 000 ms. */
  lockMs?: number;
  /** The longest lock. Default 3 600 000 ms (one hour). */
  maxLockMs?: number;
  /** Failures are forgotten this long after the last one (plus any lock). Default 900 000 ms. */
  windowMs?: number;
}

export interface SignInThrottle {
  /**
   * Reserves one attempt on an account before its password is checked:
   * null when it may go ahead, else the seconds until it may. The attempt
   * counts as a failure until `succeeded`, so parallel attempts cannot
   * outrun the count; the one that reaches the limit locks in advance.
   */
  attempt(tenantId: string, email: string): Promise<number | null>;
  /** A correct password: the account's failures and lock are forgotten. */
  succeeded(tenantId: string, email: string): Promise<void>;
}

interface Rules {
  maxFailures: number;
  lockMs: number;
  maxLockMs: number;
  windowMs: number;
}

/** The account as a key: hashed, so neither memory nor Redis holds staff e-mail addresses. */
const accountKey = (tenantId: string, email: string) =>
  `paht-sign-in:${createHash('sha256').update(`${tenantId}\n${email.trim().toLowerCase()}`).digest('hex')}`;

const lockFor = (rules: Rules, count: number) => Math.min(rules.maxLockMs, rules.lockMs * 2 ** (count - rules.maxFailures));

// KEYS[1]: the account; ARGV: now, maxFailures, lockMs, maxLockMs, windowMs.
// Returns -1 to go ahead, else the milliseconds the lock still lasts.
const ATTEMPT_SCRIPT = `
local now = tonumber(ARGV[1])
local locked = tonumber(redis.call('HGET', KEYS[1], 'lockedUntil') or '0')
if locked > now then return locked - now end
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
local ttl = tonumber(ARGV[5])
if count >= tonumber(ARGV[2]) then
  local lock = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ (count - tonumber(ARGV[2])))
  redis.call('HSET', KEYS[1], 'lockedUntil', math.floor(now + lock))
  ttl = ttl + lock
end
redis.call('PEXPIRE', KEYS[1], math.floor(ttl))
return -1
`;

/**
 * The throttle of sign-ins per account, in this process or shared through
 * Redis (one atomic script per attempt). It counts e-mail addresses, not
 * accounts: an unknown address is throttled exactly like a real one, so
 * the answer never tells which addresses have accounts. When Redis fails,
 * attempts go ahead (the per-IP limit still holds), as the rate limits do.
 */
export function createSignInThrottle(
  options: SignInThrottleOptions = {},
  redis: Redis | null = null,
  onError: (error: Error) => void = () => {},
  /** The clock, in ms: the core context's, so a lock runs on the same time as everything else. */
  now: () => number = Date.now,
): SignInThrottle {
  const rules: Rules = { maxFailures: 5, lockMs: 60_000, maxLockMs: 3_600_000, windowMs: 900_000, ...options };
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  if (redis) {
    return {
      async attempt(tenantId, email) {
        try {
          const left = Number(await redis.eval(ATTEMPT_SCRIPT, 1, accountKey(tenantId, email), now(), rules.maxFailures, rules.lockMs, rules.maxLockMs, rules.windowMs));
          return left >= 0 ? seconds(left) : null;
        } catch (error) {
          onError(error as Error);
          return null;
        }
      },
      async succeeded(tenantId, email) {
        await redis.del(accountKey(tenantId, email)).catch((error: Error) => onError(error));
      },
    };
  }

  const accounts = new LRUCache<string, { count: number; lockedUntil: number }>({ max: 100_000, ttl: rules.windowMs });
  return {
    async attempt(tenantId, email) {
      const key = accountKey(tenantId, email);
      const at = now();
      const state = accounts.get(key) ?? { count: 0, lockedUntil: 0 };
      if (state.lockedUntil > at) return seconds(state.lockedUntil - at);
      state.count += 1;
      let ttl = rules.windowMs;
      if (state.count >= rules.maxFailures) {
        const lock = lockFor(rules, state.count);
        state.lockedUntil = at + lock;
        ttl += lock;
      }
      accounts.set(key, state, { ttl });
      return null;
    },
    async succeeded(tenantId, email) {
      accounts.delete(accountKey(tenantId, email));
    },
  };
}

/** The typed refusal of a locked account: RATE_LIMITED, HTTP 429 with `retry-after`, like the per-IP limit. */
export function signInThrottled(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Đăng nhập sai quá nhiều lần, vui lòng thử lại sau ${retryAfterSeconds} giây / Too many failed sign-ins for this account; retry in ${retryAfterSeconds} s`,
    {
      extensions: {
        code: SecurityErrorCode.RATE_LIMITED,
        action: 'signIn',
        limit: 'account',
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}
