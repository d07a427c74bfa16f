import { PahtError } from '../errors.js';
import { isTransient } from '../retry.js';
import type { SubmitReportResult } from '../api-types.js';
import type { SubmitReportInput } from '../generated/types.js';
import { memoryStorage, type OfflineStorage, type QueuedSubmission } from './offline-storage.js';

/** The submission could not be sent and is kept; it is sent again, with the same key, when the network returns. */
export interface SubmitReportQueued {
  __typename: 'SubmitReportQueued';
  idempotencyKey: string;
  queuedAt: string;
}

export interface OfflineQueueOptions {
  /** Where submissions wait. Default `memoryStorage()`; in browsers prefer `webStorage()` or `indexedDbStorage()`. */
  storage?: OfflineStorage;
  /**
   * What fires `online` events that start a flush. Default: the global
   * object when it is an event target (`window`, workers); null for none
   * (then call `flush()` yourself, e.g. on a timer).
   */
  onlineEvents?: EventTarget | null;
  /** Flush once when the client is created. Default true. */
  flushOnStart?: boolean;
  /**
   * Called for each kept submission that got an answer while flushing:
   * success (show the tracking code and keep the secret) or an expected
   * refusal (ValidationError, ForbiddenError). The submission is then gone from the queue.
   * Needed for flushing on its own (`onlineEvents`, `flushOnStart`): without
   * it, kept submissions wait for `flush()`, so no answer is ever dropped.
   */
  onSubmitted?: (item: QueuedSubmission, result: SubmitReportResult) => void;
}

export interface FlushOutcome {
  /** Submissions that got an answer, in the order they were kept. */
  submitted: Array<{ item: QueuedSubmission; result: SubmitReportResult }>;
  /** Submissions still waiting (no network yet, or a server fault; see `lastError`). */
  remaining: QueuedSubmission[];
}

export interface OfflineQueue {
  /**
   * Sends the report now if it can; without network (or when the browser
   * says it is offline) keeps it and answers `SubmitReportQueued`.
   */
  submit(input: SubmitReportInput, options?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<SubmitReportResult | SubmitReportQueued>;
  /** Sends every kept submission, oldest first; stops at the first network failure. One flush at a time. */
  flush(): Promise<FlushOutcome>;
  /** The submissions waiting. */
  pending(): Promise<QueuedSubmission[]>;
  /** Gives up on one kept submission. */
  discard(idempotencyKey: string): Promise<void>;
  /** Stops listening to `online` events. */
  close(): void;
}

type Send = (input: SubmitReportInput, options: { idempotencyKey: string; signal?: AbortSignal }) => Promise<SubmitReportResult>;

const codeOf = (error: unknown) => (error instanceof PahtError ? error.code : error instanceof Error ? error.name : 'UNKNOWN');
const browserOffline = () => (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;

export function createOfflineQueue(send: Send, newKey: () => string, options: OfflineQueueOptions = {}): OfflineQueue {
  const storage = options.storage ?? memoryStorage();
  let flushing: Promise<FlushOutcome> | null = null;

  const keep = async (input: SubmitReportInput, idempotencyKey: string, lastError: string | null): Promise<SubmitReportQueued> => {
    const item: QueuedSubmission = { idempotencyKey, input: { ...input, idempotencyKey }, queuedAt: new Date().toISOString(), attempts: lastError ? 1 : 0, lastError };
    await storage.put(item);
    return { __typename: 'SubmitReportQueued', idempotencyKey, queuedAt: item.queuedAt };
  };

  async function flushNow(): Promise<FlushOutcome> {
    const items = (await storage.list()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    const outcome: FlushOutcome = { submitted: [], remaining: [] };
    let offline = false;
    for (const item of items) {
      if (offline) {
        outcome.remaining.push(item);
        continue;
      }
      try {
        const result = await send(item.input, { idempotencyKey: item.idempotencyKey });
        await storage.remove(item.idempotencyKey);
        outcome.submitted.push({ item, result });
        options.onSubmitted?.(item, result);
      } catch (error) {
        const kept = { ...item, attempts: item.attempts + 1, lastError: codeOf(error) };
        await storage.put(kept);
        outcome.remaining.push(kept);
        // No network: the next ones would fail the same way. A server
        // fault may be this submission's alone: go on with the others.
        offline = isTransient(error);
      }
    }
    return outcome;
  }

  const flush = () => {
    flushing ??= flushNow().finally(() => {
      flushing = null;
    });
    return flushing;
  };

  // Flushing on its own (the `online` event, at start) hands each answer to
  // `onSubmitted`: without it, the tracking code and secret of a report sent
  // in the background would reach no one, so the queue then waits for
  // `flush()`, whose outcome the caller reads.
  const automatic = options.onSubmitted !== undefined;
  const events = automatic ? (options.onlineEvents === undefined ? defaultOnlineEvents() : options.onlineEvents) : null;
  const onOnline = () => void flush().catch(() => undefined);
  events?.addEventListener('online', onOnline);
  if (automatic && (options.flushOnStart ?? true)) queueMicrotask(onOnline);

  return {
    async submit(input, submitOptions = {}) {
      const idempotencyKey = submitOptions.idempotencyKey ?? input.idempotencyKey ?? newKey();
      if (browserOffline()) return keep(input, idempotencyKey, null);
      try {
        return await send(input, { idempotencyKey, ...(submitOptions.signal ? { signal: submitOptions.signal } : {}) });
      } catch (error) {
        if (!isTransient(error)) throw error;
        return keep(input, idempotencyKey, codeOf(error));
      }
    },
    flush,
    pending: () => storage.list(),
    discard: (key) => storage.remove(key),
    close: () => events?.removeEventListener('online', onOnline),
  };
}

function defaultOnlineEvents(): EventTarget | null {
  const global = globalThis as unknown as Partial<EventTarget> & { window?: unknown };
  return typeof global.addEventListener === 'function' && typeof global.removeEventListener === 'function' ? (global as EventTarget) : null;
}
