import { LRUCache } from 'lru-cache';

/**
 * How many uploads one client may start in a window (fixed windows, in this
 * process). Bounded memory: the least recently seen clients are forgotten first.
 */
export class UploadRateLimit {
  private readonly windows = new LRUCache<string, { start: number; count: number }>({ max: 50_000 });

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts one upload for `key` at `nowMs`: null when allowed, else the seconds until the window ends. */
  take(key: string, nowMs: number): number | null {
    let w = this.windows.get(key);
    if (!w || nowMs - w.start >= this.windowMs || nowMs < w.start) {
      w = { start: nowMs, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= this.max) return Math.max(1, Math.ceil((w.start + this.windowMs - nowMs) / 1000));
    w.count += 1;
    return null;
  }
}
