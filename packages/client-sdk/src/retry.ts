import { NetworkError, PahtError } from './errors.js';

/** How requests that are safe to repeat are retried. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** The first wait; each next one doubles, with jitter. Default 250 ms. */
  baseDelayMs?: number;
  /** The longest wait. Default 5000 ms. */
  maxDelayMs?: number;
}

export interface ResolvedRetry {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const resolveRetry = (options: RetryOptions = {}, retries?: number): ResolvedRetry => ({
  retries: options.retries ?? retries ?? 2,
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

/** Runs `attempt` until it succeeds, fails for good, or the retries run out. */
export async function withRetries<T>(attempt: () => Promise<T>, retry: ResolvedRetry, signal?: AbortSignal): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || n >= retry.retries || signal?.aborted) throw error;
      await sleep(backoffDelay(n, retry), signal);
    }
  }
}
