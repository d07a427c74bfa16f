import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type ByteRange, type StoredObject, type UploadStorage } from './upload-storage.js';

/**
 * Uploads as files under one directory (`<root>/<key>`). Writes go to a
 * temporary name first and are renamed into place once complete, so a
 * reader never sees half a file and a failed upload leaves nothing.
 */
export class LocalDiskStorage implements UploadStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Buffer | Readable, _meta: { contentType: string }): Promise<{ size: number }> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(temporary, body, { flag: 'wx', mode: 0o600 });
      else await pipeline(body, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { size: (await stat(path)).size };
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    const size = await this.sizeOf(path);
    if (size === null) return null;
    const body = range ? createReadStream(path, { start: range.start, end: range.end }) : createReadStream(path);
    return { body: body as Readable, size };
  }

  async stat(key: string): Promise<{ size: number } | null> {
    const size = await this.sizeOf(this.pathOf(key));
    return size === null ? null : { size };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private async sizeOf(path: string): Promise<number | null> {
    try {
      const s = await stat(path);
      return s.isFile() ? s.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
