import { Readable } from 'node:stream';
import { uploadErrors } from './upload-errors.js';

const interrupted = () => uploadErrors.badRequest('Tải lên bị ngắt giữa chừng', 'The upload was interrupted before the body ended');

/** How long a body may take: between two chunks, and in all (from the first read). */
export interface BodyDeadlines {
  idleMs: number;
  totalMs: number;
}

/**
 * Pulls the request body one chunk at a time, on demand, so nothing beyond
 * what the caller asks for is held in memory. Stopping early leaves the
 * stream paused (not destroyed), so the route can still answer 413/415.
 */
export class BodyReader {
  private ended = false;
  /** Bytes taken from the stream so far. */
  received = 0;

  private readonly deadline: number;

  /** With `deadlines`, a body that stalls or trickles is refused (TIMEOUT) instead of holding the connection. */
  constructor(
    private readonly stream: Readable,
    private readonly deadlines: BodyDeadlines = { idleMs: Infinity, totalMs: Infinity },
  ) {
    this.deadline = Date.now() + deadlines.totalMs;
  }

  /**
   * The next chunk, or null at the end of the body. Rejects (BAD_REQUEST)
   * when the client goes away midway, and (TIMEOUT) when no chunk comes
   * within the idle timeout or the whole body is not in by its deadline.
   */
  next(): Promise<Buffer | null> {
    if (this.ended) return Promise.resolve(null);
    const stream = this.stream;
    const wait = Math.min(this.deadlines.idleMs, this.deadline - Date.now());
    if (wait <= 0) return Promise.reject(uploadErrors.timeout());
    return new Promise((resolve, reject) => {
      const timer = Number.isFinite(wait)
        ? setTimeout(() => {
            done();
            reject(uploadErrors.timeout());
          }, wait)
        : null;
      const take = (): boolean => {
        const chunk = stream.read() as Buffer | string | null;
        if (chunk === null) return false;
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        this.received += buffer.length;
        done();
        resolve(buffer);
        return true;
      };
      const onEnd = () => {
        this.ended = true;
        done();
        resolve(null);
      };
      const onError = () => {
        done();
        reject(interrupted());
      };
      const onClose = () => {
        if (!stream.readableEnded) onError();
      };
      const onReadable = () => void take();
      const done = () => {
        if (timer) clearTimeout(timer);
        stream.off('readable', onReadable);
        stream.off('end', onEnd);
        stream.off('error', onError);
        stream.off('close', onClose);
      };
      if (stream.readableEnded) return onEnd();
      if (stream.destroyed) return onClose();
      stream.on('readable', onReadable);
      stream.on('end', onEnd);
      stream.on('error', onError);
      stream.on('close', onClose);
      take();
    });
  }

  /** Reads until at least `bytes` have been read or the body ends. */
  async head(bytes: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length < bytes) {
      const chunk = await this.next();
      if (!chunk) break;
      chunks.push(chunk);
      length += chunk.length;
    }
    return Buffer.concat(chunks);
  }

  /**
   * The rest of the body after `head`, as a stream that fails with
   * `tooLarge()` as soon as the total passes `limit` — without reading further.
   */
  rest(head: Buffer, limit: number, tooLarge: () => Error): Readable {
    return Readable.from(this.chunksAfter(head, limit, tooLarge), { objectMode: false });
  }

  private async *chunksAfter(head: Buffer, limit: number, tooLarge: () => Error): AsyncGenerator<Buffer> {
    if (head.length > limit) throw tooLarge();
    if (head.length > 0) yield head;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      if (this.received > limit) throw tooLarge();
      yield chunk;
    }
  }

  /** The rest of the body after `head`, in memory, refusing past `limit`. */
  async restInMemory(head: Buffer, limit: number, tooLarge: () => Error): Promise<Buffer> {
    if (head.length > limit) throw tooLarge();
    const chunks: Buffer[] = [head];
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      if (this.received > limit) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }
}
