import { NetworkError, PahtError } from './errors.js';

/**
 * How requests that are safe to repeat are retried. The defaults outlast a
 * database restart of several seconds: eight retries waiting 0.25 s, 0.5 s,
 * 1 s, 2 s, 4 s, then 5 s each (half of each fixed, half random), about
 * 11–23 s in all, or longer where the server's `retry-after` asks for it.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 8. */
  retries?: number;
  /** The first wait; each next one doubles, with jitter. Default 250 ms. */
  baseDelayMs?: number;
  /** The longest wait. A server asking (`retry-after`) for a longer one is not retried. Default 5000 ms. */
  maxDelayMs?: number;
}

/** Retries after the first attempt unless `retry.retries` says otherwise. */
export const DEFAULT_RETRIES = 8;

export interface ResolvedRetry {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const resolveRetry = (options: RetryOptions = {}, retries?: number): ResolvedRetry => ({
  retries: options.retries ?? retries ?? DEFAULT_RETRIES,
  baseDelayMs: options.baseDelayMs ?? 250,
  maxDelayMs: options.maxDelayMs ?? 5000,
});

/** Exponential backoff with "equal jitter": half the step fixed, half random. */
export function backoffDelay(attempt: number, retry: Pick<ResolvedRetry, 'baseDelayMs' | 'maxDelayMs'>): number {
  const step = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
  return step / 2 + Math.random() * (step / 2);
}

/**
 * Faults worth another try of an operation that is safe to repeat: no
 * answer at all (not an abort), or a gateway saying the server is away.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError) return error.code !== 'ABORTED';
  return error instanceof PahtError && (error.statusCode === 502 || error.statusCode === 503 || error.statusCode === 504);
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NetworkError('Aborted', { code: 'ABORTED', cause: signal.reason }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new NetworkError('Aborted', { code: 'ABORTED', cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The wait a `retry-after` header asks for, in milliseconds: whole seconds
 * or an HTTP date; null without one (or an unreadable one).
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  const text = header?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the retries run out.
 * Waits the backoff, or longer when the answer's `retry-after` asks; a
 * `retry-after` beyond `maxDelayMs` ends the retries (the error carries it).
 */
export async function withRetries<T>(attempt: () => Promise<T>, retry: ResolvedRetry, signal?: AbortSignal): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || n >= retry.retries || signal?.aborted) throw error;
      const asked = error instanceof PahtError ? error.retryAfterMs : null;
      if (asked !== null && asked > retry.maxDelayMs) throw error;
      await sleep(Math.max(backoffDelay(n, retry), asked ?? 0), signal);
    }
  }
}
