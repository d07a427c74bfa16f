import type { Readable } from 'node:stream';

/** An inclusive byte range of a stored object (HTTP `Range: bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  /** The bytes (the requested range only, when one was given). */
  body: Readable;
  /** The whole object's size in bytes. */
  size: number;
}

/**
 * Where uploaded files live. Keys are `/`-separated paths of
 * `[A-Za-z0-9._-]` segments chosen by the server (never by a client).
 * `LocalDiskStorage` is the default; an S3-compatible store implements the
 * same five calls (see docs/uploads.md).
 */
export interface UploadStorage {
  /**
   * Stores `body` under `key`. A stream is consumed as it arrives (its
   * length is not known in advance); if it fails midway nothing is left
   * under `key` and the call rejects with the stream's error.
   */
  put(key: string, body: Buffer | Readable, meta: { contentType: string }): Promise<{ size: number }>;
  /** The object, or a range of it; null when there is no such key. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** The object's size, or null when there is no such key. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  /** Every object (including unfinished writes) with when it was last written, for the sweeper of unattached uploads. */
  list(): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/** Throws unless `key` is a safe storage key (no `..`, no absolute paths, no odd characters). */
export function assertStorageKey(key: string): void {
  const segments = key.split('/');
  if (segments.length > 8 || !segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..')) {
    throw new RangeError('invalid storage key');
  }
}

/** The keys of one upload: the stored (metadata-free) file and, for photos, its preview. */
export function uploadKeys(tenantId: string, uploadId: string): { original: string; preview: string } {
  return { original: `${tenantId}/${uploadId}/original`, preview: `${tenantId}/${uploadId}/preview` };
}

/** The preview's key next to a stored original. */
export const previewKeyOf = (storageKey: string): string => storageKey.replace(/\/original$/, '/preview');
