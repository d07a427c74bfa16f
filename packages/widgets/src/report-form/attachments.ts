import { type PublicClient, type UploadedFile } from '@paht/client-sdk/public';

/** One chosen photo or video, from the file input to its upload token. */
export interface Attachment {
  /** Local key for lists. */
  key: string;
  file: File;
  /** A local object URL for the preview (revoked when removed). */
  localUrl: string | null;
  state: 'waiting' | 'uploading' | 'uploaded' | 'failed' | 'refused';
  /** 0–100 while uploading. */
  percent: number;
  uploaded: UploadedFile | null;
  /** The server's refusal code (UNSUPPORTED_TYPE, TOO_LARGE, …). */
  refusal: string | null;
}

export const MAX_ATTACHMENTS = 10;
let counter = 0;

export function newAttachment(file: File): Attachment {
  const previewable = file.type.startsWith('image/') || file.type.startsWith('video/');
  return {
    key: `a${++counter}`,
    file,
    localUrl: previewable && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null,
    state: 'waiting',
    percent: 0,
    uploaded: null,
    refusal: null,
  };
}

/**
 * Uploads one attachment with the SDK, reporting each change through
 * `update` (a new object every time, for Lit). A refusal is final; a network
 * failure leaves it to retry at submission.
 */
export async function uploadAttachment(client: PublicClient, attachment: Attachment, update: (next: Attachment) => void): Promise<Attachment> {
  let current: Attachment = { ...attachment, state: 'uploading', percent: 0 };
  update(current);
  try {
    const result = await client.upload(attachment.file, {
      fileName: attachment.file.name,
      mimeType: attachment.file.type,
      onProgress: (loaded, total) => {
        current = { ...current, percent: total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0 };
        update(current);
      },
    });
    current =
      result.__typename === 'UploadSuccess'
        ? { ...current, state: 'uploaded', percent: 100, uploaded: result.upload }
        : { ...current, state: 'refused', refusal: result.code };
  } catch (error) {
    current = { ...current, state: 'failed' };
    update(current);
    if ((error as Error)?.name === 'NetworkError') throw error;
    return current;
  }
  update(current);
  return current;
}

/** Uploads in flight, by attachment: asking again for one in flight waits for it rather than uploading the file twice. */
export class Uploads {
  readonly #running = new Map<string, Promise<Attachment>>();

  start(client: PublicClient, attachment: Attachment, update: (next: Attachment) => void): Promise<Attachment> {
    const running = this.#running.get(attachment.key);
    if (running) return running;
    const started = uploadAttachment(client, attachment, update).finally(() => this.#running.delete(attachment.key));
    this.#running.set(attachment.key, started);
    return started;
  }
}
