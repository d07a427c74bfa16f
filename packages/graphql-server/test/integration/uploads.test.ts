import { request as httpRequest } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { issueUploadToken } from '../../src/uploads/upload-token.js';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Uploads over real HTTP against buildApp on the test database, stored on a
// fresh local directory: type and size from the bytes, photos stripped of
// every piece of metadata, and the path from upload to a published report.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const MiB = 1024 * 1024;
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const FIXTURES = new URL('../fixtures/uploads/', import.meta.url);

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;
let app: FastifyInstance;
let base: string;
let dir: string;

// ---------------------------------------------------------------- images

/** What a phone camera writes and a reporter would not want published. */
const CAMERA = 'PahtSpyCam';
const MODEL = 'Reporter Phone 9';
const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Make="${CAMERA}"/></rdf:RDF></x:xmpmeta>`;
const EXIF = {
  IFD0: { Make: CAMERA, Model: MODEL },
  // 21°01'30" N, 105°51' E: where the reporter stood.
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
};

/** A noisy photo carrying EXIF (make, model, GPS), XMP, a Display P3 profile and orientation 6 (rotate 90°). */
async function cameraPhoto(format: 'jpeg' | 'png' | 'webp', width = 1600, height = 1200): Promise<Buffer> {
  const noise = sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
  return noise[format]()
    .withExif(EXIF)
    .withXmp(XMP)
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .toBuffer();
}

/** The tag ids of a TIFF/EXIF block's first directory (0x010F Make, 0x0110 Model, 0x8825 GPS). */
function exifTagIds(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd0 = u32(4);
  return Array.from({ length: u16(ifd0) }, (_, i) => u16(ifd0 + 2 + 12 * i));
}

/** JPEG segments before the image data: APP0 (JFIF) is harmless; APP1 is EXIF/XMP, APP2 ICC, COM comments. */
function jpegSegments(jpeg: Buffer): string[] {
  expect(jpeg.readUInt16BE(0)).toBe(0xffd8);
  const names: string[] = [];
  for (let o = 2; o < jpeg.length; ) {
    expect(jpeg[o]).toBe(0xff);
    const marker = jpeg[o + 1]!;
    if (marker === 0xda) break;
    names.push(marker >= 0xe0 && marker <= 0xef ? `APP${marker - 0xe0}` : marker === 0xfe ? 'COM' : `0x${marker.toString(16)}`);
    o += 2 + jpeg.readUInt16BE(o + 2);
  }
  return names;
}

function pngChunks(png: Buffer): string[] {
  const names: string[] = [];
  for (let o = 8; o < png.length; ) {
    const length = png.readUInt32BE(o);
    names.push(png.toString('latin1', o + 4, o + 8));
    o += 12 + length;
  }
  return names;
}

function webpChunks(webp: Buffer): string[] {
  expect(webp.toString('latin1', 0, 4)).toBe('RIFF');
  const names: string[] = [];
  for (let o = 12; o < webp.length; ) {
    const size = webp.readUInt32LE(o + 4);
    names.push(webp.toString('latin1', o, o + 4));
    o += 8 + size + (size % 2);
  }
  return names;
}

/** Everything a stripped image must not contain, in whatever container. */
async function expectNoMetadata(image: Buffer): Promise<void> {
  const m = await sharp(image).metadata();
  expect(m.exif).toBeUndefined();
  expect(m.xmp).toBeUndefined();
  expect(m.icc).toBeUndefined();
  expect(m.orientation ?? 1).toBe(1);
  for (const text of [CAMERA, MODEL, 'Exif\0\0', 'http://ns.adobe.com', 'reporter-note']) expect(image.includes(text), text).toBe(false);
  if (m.format === 'jpeg') expect(jpegSegments(image).filter((s) => s === 'COM' || (s.startsWith('APP') && s !== 'APP0'))).toEqual([]);
  if (m.format === 'png') expect(pngChunks(image).filter((c) => !['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'pHYs'].includes(c))).toEqual([]);
  if (m.format === 'webp') expect(webpChunks(image).filter((c) => !['VP8 ', 'VP8L', 'VP8X', 'ALPH'].includes(c))).toEqual([]);
}

/** A JPEG with a comment segment after SOI and bytes after EOI (both must go). */
function withCommentAndTrailer(jpeg: Buffer): Buffer {
  const note = Buffer.from('reporter-note: Nguyen Van Dan, 0912 345 678', 'latin1');
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(note.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), com, note, jpeg.subarray(2), Buffer.from('reporter-note trailer')]);
}

/** An MP4-shaped body: `ftyp` box (isom), then an `mdat` box of `size` bytes in total. */
function mp4Body(size: number): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
  const mdat = Buffer.alloc(size - ftyp.length, 7);
  mdat.writeUInt32BE(mdat.length, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdat]);
}

/** A HEIC-shaped body (`ftyp` brand heic); sharp here cannot decode HEVC anyway. */
function heicBody(): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic')]);
  return Buffer.concat([ftyp, Buffer.alloc(5000, 3)]);
}

// ---------------------------------------------------------------- HTTP

interface UploadAnswer {
  upload?: { id: string; kind: string; mimeType: string; byteSize: number; width: number | null; height: number | null; previewUrl: string | null };
  error?: { code: string; message: string };
}

async function upload(body: Buffer | string, o: { tenant?: string | null; type?: string; name?: string; token?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': o.type ?? 'application/octet-stream' };
  if (o.tenant !== null) headers['x-tenant'] = o.tenant ?? 'upl';
  if (o.name) headers['x-file-name'] = encodeURIComponent(o.name);
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  const response = await fetch(`${base}/uploads`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: response.status, json: (await response.json()) as UploadAnswer };
}

async function uploaded(body: Buffer, o: Parameters<typeof upload>[1] = {}) {
  const { status, json } = await upload(body, o);
  expect(status, JSON.stringify(json)).toBe(201);
  return json.upload!;
}

async function getBytes(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown>, o: { tenant?: string; token?: string } = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': o.tenant ?? 'upl', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: T; errors?: unknown };
  if (!json.data || json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

async function signIn(email: string, tenant = 'upl'): Promise<string> {
  const { signIn: r } = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename ... on SignInSuccess { token } } }`, { e: email, p: PASSWORD }, { tenant });
  return r.token as string;
}

const ATTACHMENT = 'attachments { id kind mimeType byteSize width height url previewUrl public }';
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) {
  __typename ... on SubmitReportSuccess { id trackingCode secret } ... on Error { code message } ... on ValidationError { fields { path code message messageEn } } } }`;
const TRACK = `query($code: String!, $secret: String) { trackReport(trackingCode: $code, secret: $secret) {
  __typename ... on TrackedReport { access report { id status ${ATTACHMENT} } } } }`;
const STAFF_REPORT = `query($id: ID!) { report(id: $id) { __typename ... on Report { ${ATTACHMENT} } } }`;
const STEP = (field: string, params: string, args: string) =>
  `mutation(${params}) { r: ${field}(${args}) { __typename ... on ReportTransition { status } ... on Error { code message } ... on ValidationError { fields { path code message messageEn } } } }`;

const submission = (uploadIds: string[], extra: Record<string, unknown> = {}) => ({
  title: 'Cây đổ chắn đường Lê Duẩn',
  description: 'Một cây xà cừ lớn bị đổ sau mưa, chắn hết làn xe máy trước trường học.',
  latitude: 16.8163,
  longitude: 107.1003,
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678' },
  uploadIds,
  ...extra,
});

async function submit(uploadIds: string[], tenant = 'upl') {
  return (await gql(SUBMIT, { input: submission(uploadIds) }, { tenant })).submitReport as Record<string, any>;
}

async function reportCount(tenantId: string): Promise<number> {
  return withTenant(ctx.db, tenantId, (tx) => tx.report.count());
}

/** Every file under the storage root. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/** The storage path of an upload (the id's claims are signed, not secret). */
function storedPath(uploadId: string, file: 'original' | 'preview'): string {
  const claims = JSON.parse(Buffer.from(uploadId.split('.')[1]!, 'base64url').toString()) as { tid: string; sub: string };
  return join(dir, claims.tid, claims.sub, file);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await createFixtureTenant(ctx, 'upl', 'UP');
  b = await createFixtureTenant(ctx, 'upl-other', 'UO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const t of [a, b]) await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  dir = await mkdtemp(join(tmpdir(), 'paht-uploads-test-'));
  app = await buildApp({ core: ctx, uploadsDir: dir });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('POST /uploads: photos', () => {
  it('stores a camera JPEG upright and without EXIF (GPS, make, model), XMP, ICC or comments, and previews it', async () => {
    const input = withCommentAndTrailer(await cameraPhoto('jpeg'));
    // The input really carries what must go.
    const before = await sharp(input).metadata();
    expect(exifTagIds(before.exif!)).toEqual(expect.arrayContaining([0x010f, 0x0110, 0x8825]));
    expect(before).toMatchObject({ orientation: 6, width: 1600, height: 1200 });
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();
    expect(jpegSegments(input)).toEqual(expect.arrayContaining(['COM', 'APP1', 'APP2']));

    const u = await uploaded(input, { type: 'image/jpeg', name: 'IMG_2026 Nguyễn.jpg' });
    expect(u).toMatchObject({ kind: 'PHOTO', mimeType: 'image/jpeg', width: 1200, height: 1600 });
    expect(u.previewUrl).toBe(`/uploads/${u.id}/preview`);

    const stored = await readFile(storedPath(u.id, 'original'));
    expect(stored.length).toBe(u.byteSize);
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
    await expectNoMetadata(stored);

    const preview = await getBytes(u.previewUrl!);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(preview.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await sharp(preview.body).metadata()).toMatchObject({ format: 'jpeg', width: 768, height: 1024 });
    await expectNoMetadata(preview.body);
    expect(preview.body.equals(await readFile(storedPath(u.id, 'preview')))).toBe(true);
  });

  it('reads the type from the bytes: a PNG named .jpg and declared image/jpeg is stored as a stripped PNG', async () => {
    const input = await cameraPhoto('png', 400, 300);
    expect(pngChunks(input)).toEqual(expect.arrayContaining(['eXIf', 'iCCP']));
    const u = await uploaded(input, { type: 'image/jpeg', name: 'photo.jpg' });
    expect(u).toMatchObject({ kind: 'PHOTO', mimeType: 'image/png', width: 300, height: 400 });
    await expectNoMetadata(await readFile(storedPath(u.id, 'original')));
    await expectNoMetadata((await getBytes(u.previewUrl!)).body);
  });

  it('strips WebP too', async () => {
    const input = await cameraPhoto('webp', 400, 300);
    expect(webpChunks(input)).toEqual(expect.arrayContaining(['EXIF', 'XMP ', 'ICCP']));
    const u = await uploaded(input, { type: 'image/webp' });
    expect(u).toMatchObject({ mimeType: 'image/webp', width: 300, height: 400 });
    await expectNoMetadata(await readFile(storedPath(u.id, 'original')));
  });

  it('refuses a text file named photo.jpg with 415, storing nothing', async () => {
    const files = await storedFiles();
    const text = await readFile(new URL('photo.jpg', FIXTURES));
    const { status, json } = await upload(text, { type: 'image/jpeg', name: 'photo.jpg' });
    expect(status).toBe(415);
    expect(json.error).toMatchObject({ code: 'UNSUPPORTED_TYPE', message: expect.stringMatching(/^Chỉ nhận ảnh .+ \/ Only photos/) });
    expect(await storedFiles()).toEqual(files);
  });

  it('refuses a damaged JPEG (right signature, broken data) with 415', async () => {
    const jpeg = await cameraPhoto('jpeg', 200, 100);
    const { status, json } = await upload(jpeg.subarray(0, 600), { type: 'image/jpeg' });
    expect(status).toBe(415);
    expect(json.error?.code).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses an empty body with 400 EMPTY', async () => {
    const { status, json } = await upload(Buffer.alloc(0), { type: 'image/jpeg' });
    expect(status).toBe(400);
    expect(json.error?.code).toBe('EMPTY');
  });

  it('refuses an unknown or missing tenant with 404 TENANT_NOT_FOUND', async () => {
    const jpeg = await cameraPhoto('jpeg', 100, 100);
    for (const tenant of ['khong-co-tinh-nay', null]) {
      const { status, json } = await upload(jpeg, { tenant });
      expect(status).toBe(404);
      expect(json.error?.code).toBe('TENANT_NOT_FOUND');
    }
  });

  it('keeps /graphql at its 1 MiB body limit (the raw-body parser is scoped to the upload routes)', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': 'upl' },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * MiB) } }),
    });
    expect(response.status).toBe(413);
  });
});

/**
 * Sends `total` bytes (first `head`, then filler) with node:http, as fast as
 * the server takes them, and stops at the first answer. Reports how many
 * bytes the server let through before answering.
 */
function streamUpload(head: Buffer, total: number, o: { chunked: boolean }): Promise<{ status: number; json: UploadAnswer; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${base}/uploads`);
    const headers: Record<string, string | number> = { 'x-tenant': 'upl', 'content-type': 'application/octet-stream' };
    if (!o.chunked) headers['content-length'] = total;
    const req = httpRequest({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers });
    let sent = 0;
    let answered = false;
    const filler = Buffer.alloc(256 * 1024, 0x41);
    const pump = () => {
      while (!answered && sent < total) {
        const chunk = sent === 0 ? head : filler.subarray(0, Math.min(filler.length, total - sent));
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => {
        req.destroy();
        resolve({ status: response.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString()) as UploadAnswer, sent });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.flushHeaders();
    pump();
  });
}

describe('POST /uploads: size limits from the bytes, without buffering the excess', () => {
  it('answers 413 to a declared length over 100 MiB before reading the body', async () => {
    const r = await streamUpload(mp4Body(64 * 1024), 101 * MiB, { chunked: false });
    expect(r.status).toBe(413);
    expect(r.json.error?.code).toBe('TOO_LARGE');
    expect(r.sent).toBeLessThan(20 * MiB);
  });

  it('answers 413 to a photo streamed past 15 MiB, having read little more than the limit of 200 MiB offered', async () => {
    const jpegHead = (await cameraPhoto('jpeg', 64, 64)).subarray(0, 4096);
    const files = await storedFiles();
    const r = await streamUpload(jpegHead, 200 * MiB, { chunked: true });
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('15 MiB') });
    expect(r.sent).toBeLessThan(40 * MiB);
    expect(await storedFiles()).toEqual(files);
  });

  it('answers 413 to a photo declared over 15 MiB once the first bytes show it is a photo', async () => {
    const jpegHead = (await cameraPhoto('jpeg', 64, 64)).subarray(0, 4096);
    const r = await streamUpload(jpegHead, 16 * MiB, { chunked: false });
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(16 * MiB);
  });

  it('streams a video to storage and refuses it past 100 MiB, leaving no partial file', async () => {
    const files = await storedFiles();
    const r = await streamUpload(mp4Body(64 * 1024), 130 * MiB, { chunked: true });
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('100 MiB') });
    expect(r.sent).toBeLessThan(125 * MiB);
    expect(await storedFiles()).toEqual(files);
  });

  it('accepts a video as sent: kind VIDEO, no preview, bytes unchanged, served in ranges', async () => {
    const body = mp4Body(300_000);
    const u = await uploaded(body, { type: 'video/mp4', name: 'clip.mp4' });
    expect(u).toMatchObject({ kind: 'VIDEO', mimeType: 'video/mp4', byteSize: 300_000, width: null, height: null, previewUrl: null });
    expect((await readFile(storedPath(u.id, 'original'))).equals(body)).toBe(true);
    expect((await getBytes(`/uploads/${u.id}/preview`)).status).toBe(404);
  });
});

describe('POST /uploads: HEIC', () => {
  it('keeps a HEIC photo as sent, without preview (it cannot be re-encoded here, so it never becomes public)', async () => {
    const body = heicBody();
    const u = await uploaded(body, { type: 'image/heic', name: 'IMG_0001.HEIC' });
    expect(u).toMatchObject({ kind: 'PHOTO', mimeType: 'image/heic', byteSize: body.length, previewUrl: null });
    expect((await readFile(storedPath(u.id, 'original'))).equals(body)).toBe(true);
  });
});

describe('upload ids in submitReport', () => {
  it('refuses an id of another tenant, an expired one and a forged one, creating no report', async () => {
    const jpeg = await cameraPhoto('jpeg', 120, 90);
    const ofB = await uploaded(jpeg, { tenant: 'upl-other' });
    const fresh = await uploaded(jpeg);
    const [countA, countB] = [await reportCount(a.tenantId), await reportCount(b.tenantId)];

    // Another tenant's id.
    const crossed = await submit([fresh.id, ofB.id]);
    expect(crossed).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION', fields: [{ path: 'uploadIds.1', code: 'UPLOAD_INVALID' }] });

    // Forged: claims edited (another upload, this tenant), signature kept; and one signed with another key.
    const [header, payload, signature] = ofB.id.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const edited = `${header}.${Buffer.from(JSON.stringify({ ...claims, tid: a.tenantId })).toString('base64url')}.${signature}`;
    const { token: otherKey } = await issueUploadToken(
      'not-the-instance-secret-key-0123456789abcdef',
      { uploadId: crypto.randomUUID(), tenantId: a.tenantId, kind: 'PHOTO', mimeType: 'image/jpeg', byteSize: 10, width: 1, height: 1, preview: true },
      ctx.now(),
    );
    for (const forged of [edited, otherKey, 'not-a-token', fresh.id.slice(0, -2)]) {
      expect(await submit([forged])).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'uploadIds.0', code: 'UPLOAD_INVALID' }] });
      expect((await getBytes(`/uploads/${encodeURIComponent(forged)}/preview`)).status).toBe(404);
    }

    // The same upload twice, and more than ten.
    expect(await submit([fresh.id, fresh.id])).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'uploadIds.1' }] });
    expect(await submit(Array.from({ length: 11 }, () => fresh.id))).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'uploadIds' }] });

    // Expired: 24 hours later on the core's clock.
    const now = ctx.now();
    ctx.advance(24 * HOUR + 1000);
    try {
      expect(await submit([fresh.id])).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'uploadIds.0', code: 'UPLOAD_EXPIRED', messageEn: expect.stringContaining('expired') }] });
      expect((await getBytes(fresh.previewUrl!)).status).toBe(404);
    } finally {
      ctx.setNow(now);
    }

    expect([await reportCount(a.tenantId), await reportCount(b.tenantId)]).toEqual([countA, countB]);
    // Still valid within its 24 hours: the same id is accepted.
    ctx.advance(23 * HOUR);
    try {
      expect(await submit([fresh.id])).toMatchObject({ __typename: 'SubmitReportSuccess' });
    } finally {
      ctx.setNow(now);
    }
    expect(await reportCount(a.tenantId)).toBe(countA + 1);
  });
});

describe('from upload to a published report', () => {
  it('keeps attachments private until publication, then serves the stripped photos (never the video) to anyone', async () => {
    ctx.setNow(MONDAY_9AM);
    const photo = await uploaded(withCommentAndTrailer(await cameraPhoto('jpeg')), { type: 'image/jpeg' });
    const video = await uploaded(mp4Body(200_000), { type: 'video/mp4' });
    const heic = await uploaded(heicBody(), { type: 'image/heic' });
    const sent = await submit([photo.id, video.id, heic.id]);
    expect(sent.__typename).toBe('SubmitReportSuccess');
    const { id, trackingCode: code, secret } = sent as { id: string; trackingCode: string; secret: string };

    // The public tracker shows nothing attached yet.
    const before = (await gql(TRACK, { code })).trackReport;
    expect(before).toMatchObject({ access: 'PUBLIC', report: { id, attachments: [] } });

    // The citizen (with the secret) sees all three, with short-lived signed links: the secret is in no URL.
    const mine = (await gql(TRACK, { code, secret })).trackReport.report.attachments as Array<Record<string, any>>;
    expect(mine.map((x) => x.mimeType)).toEqual(['image/jpeg', 'video/mp4', 'image/heic']);
    const [p, v] = mine as [Record<string, any>, Record<string, any>];
    const signed = (path: string) => new RegExp(`^${path.replace('?', '\\?')}&expires=\\d+&signature=[\\w-]{43}$`);
    expect(p).toMatchObject({ kind: 'PHOTO', mimeType: 'image/jpeg', byteSize: photo.byteSize, width: 1200, height: 1600 });
    expect(p.url).toMatch(signed(`/attachments/${p.id}?tenant=upl`));
    expect(p.previewUrl).toMatch(signed(`/attachments/${p.id}/preview?tenant=upl`));
    expect(v).toMatchObject({ kind: 'VIDEO', mimeType: 'video/mp4', byteSize: 200_000, width: null, height: null, previewUrl: null });
    expect(JSON.stringify(mine)).not.toContain(secret);
    expect(mine.map((x) => x.public)).toEqual([false, false, false]);
    const unsigned = (link: string) => link.replace(/&expires=.*$/, '');
    for (const path of [p.url, p.previewUrl, v.url]) {
      const opened = await getBytes(path);
      expect(opened.status, path).toBe(200);
      expect(opened.headers.get('cache-control')).toBe('private, no-store');
      expect((await getBytes(unsigned(path))).status, path).toBe(404);
      // The secret in a URL opens nothing any more.
      expect((await getBytes(`${unsigned(path)}&secret=${secret}`)).status, path).toBe(404);
      // Neither a forged signature nor a later expiry.
      expect((await getBytes(path.replace(/signature=[\w-]+/, `signature=${'A'.repeat(43)}`))).status, path).toBe(404);
      expect((await getBytes(path.replace(/expires=(\d+)/, (_m: string, at: string) => `expires=${Number(at) + 300}`))).status, path).toBe(404);
    }
    // A link opens its own file, of its own tenant, until it expires (15 minutes at least, 20 at most).
    expect((await getBytes(v.url.replace(v.id, p.id))).status).toBe(404);
    expect((await getBytes(p.url.replace('tenant=upl', 'tenant=upl-other'))).status).toBe(404);
    ctx.advance(14 * 60_000);
    expect((await getBytes(p.url)).status).toBe(200);
    ctx.advance(6 * 60_000);
    expect((await getBytes(p.url)).status).toBe(404);

    // Staff walk it to publication; the unit answers with a photo of its own.
    const operator = await signIn('ioc@example.gov.vn');
    const officer = await signIn('officer@example.gov.vn');
    const staffPhotos = (await gql(STAFF_REPORT, { id }, { token: officer })).report;
    expect(staffPhotos).toEqual({ __typename: 'ForbiddenError' }); // not yet the unit's report
    const step = async (token: string, doc: string, vars: Record<string, unknown>) => {
      ctx.advance(HOUR);
      return (await gql(doc, vars, { token })).r as Record<string, any>;
    };
    expect(await step(operator, STEP('classifyReport', '$id: ID!, $c: ID!', 'id: $id, categoryId: $c'), { id, c: a.roadsCategoryId })).toMatchObject({ status: 'CLASSIFIED' });
    expect(await step(operator, STEP('assignReport', '$id: ID!, $u: ID!', 'id: $id, unitId: $u'), { id, u: a.roadsUnitId })).toMatchObject({ status: 'ASSIGNED' });
    expect(await step(officer, STEP('acceptReport', '$id: ID!', 'id: $id'), { id })).toMatchObject({ status: 'ACCEPTED' });

    const RESOLVE = STEP('resolveReport', '$id: ID!, $answer: String!, $uploads: [ID!]', 'id: $id, answer: $answer, uploadIds: $uploads');
    const ofB = await uploaded(await cameraPhoto('jpeg', 200, 100), { tenant: 'upl-other' });
    expect(await step(officer, RESOLVE, { id, answer: 'Đã dọn cây đổ.', uploads: [ofB.id] })).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'uploadIds.0' }] });
    const answerPhoto = await uploaded(await cameraPhoto('webp', 800, 600), { type: 'image/webp', token: officer });
    expect(await step(officer, RESOLVE, { id, answer: 'Đã dọn cây đổ, thông đường lúc 14:00.', uploads: [answerPhoto.id] })).toMatchObject({ status: 'RESOLVED' });

    const staffView = (await gql(STAFF_REPORT, { id }, { token: officer })).report.attachments as Array<Record<string, any>>;
    expect(staffView.map((x) => x.mimeType)).toEqual(['image/jpeg', 'video/mp4', 'image/heic', 'image/webp']);
    expect((await getBytes(staffView[1]!.url, { authorization: `Bearer ${officer}` })).status).toBe(200);
    expect((await getBytes(staffView[1]!.url, { authorization: 'Bearer forged.token.here' })).status).toBe(401);
    expect((await gql(TRACK, { code })).trackReport.report.attachments).toEqual([]);

    expect(await step(operator, STEP('publishReport', '$id: ID!', 'id: $id'), { id })).toMatchObject({ status: 'PUBLISHED' });

    // Public now: the two re-encoded photos; not the video, not the HEIC (their metadata is not stripped).
    const after = (await gql(TRACK, { code })).trackReport.report.attachments as Array<Record<string, any>>;
    expect(after.map((x) => [x.kind, x.mimeType])).toEqual([
      ['PHOTO', 'image/jpeg'],
      ['PHOTO', 'image/webp'],
    ]);
    const list = (await gql(`query { publicReports(first: 50) { ... on ReportConnection { nodes { id ${ATTACHMENT} } } } }`, {})).publicReports.nodes as Array<Record<string, any>>;
    expect(list.find((r) => r.id === id)?.attachments).toEqual(after);
    expect(JSON.stringify(after)).not.toMatch(/storage|fileName|original|Nguy|0912/);
    // Served to anyone now, with plain links that do not expire.
    expect(after.map((x) => x.public)).toEqual([true, true]);
    for (const x of after) expect(x.url).not.toContain('signature');
    const citizenAfter = (await gql(TRACK, { code, secret })).trackReport.report.attachments as Array<Record<string, any>>;
    expect(citizenAfter.map((x) => [x.mimeType, x.public])).toEqual([
      ['image/jpeg', true],
      ['video/mp4', false],
      ['image/heic', false],
      ['image/webp', true],
    ]);

    for (const x of after) {
      const full = await getBytes(x.url);
      expect(full.status).toBe(200);
      expect(full.headers.get('content-type')).toBe(x.mimeType);
      expect(full.headers.get('cache-control')).toMatch(/^public/);
      expect(full.body.length).toBe(x.byteSize);
      await expectNoMetadata(full.body);
      const preview = await getBytes(x.previewUrl);
      expect(preview.status).toBe(200);
      expect(preview.headers.get('content-type')).toBe('image/jpeg');
      await expectNoMetadata(preview.body);
    }
    expect((await getBytes(v.url)).status).toBe(404);
    expect((await getBytes(`/attachments/${v.id}/preview?tenant=upl`)).status).toBe(404);
    expect((await getBytes(mine[2]!.url)).status).toBe(404);
    // The citizen reads the report again for fresh links to the files that stay private.
    const fresh = (await gql(TRACK, { code, secret })).trackReport.report.attachments as Array<Record<string, any>>;
    expect((await getBytes(fresh[2]!.url)).body.equals(heicBody())).toBe(true);

    // The video still plays for the citizen, in byte ranges.
    const range = await getBytes(fresh[1]!.url, { range: 'bytes=100-199' });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe('bytes 100-199/200000');
    expect(range.body.equals(mp4Body(200_000).subarray(100, 200))).toBe(true);
    expect((await getBytes(fresh[1]!.url, { range: 'bytes=300000-' })).status).toBe(416);
  });
});

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED past the uploads a client may start in a minute, and again after it', async () => {
    // The limit comes from the environment when buildApp runs.
    const previous = process.env.PAHT_UPLOADS_PER_MINUTE;
    process.env.PAHT_UPLOADS_PER_MINUTE = '2';
    const app2 = await buildApp({ core: ctx, uploadsDir: dir });
    if (previous === undefined) delete process.env.PAHT_UPLOADS_PER_MINUTE;
    else process.env.PAHT_UPLOADS_PER_MINUTE = previous;
    try {
      const url = await app2.listen({ port: 0, host: '127.0.0.1' });
      const jpeg = await cameraPhoto('jpeg', 50, 50);
      const post = () => fetch(`${url}/uploads`, { method: 'POST', headers: { 'x-tenant': 'upl' }, body: new Uint8Array(jpeg) });
      expect((await post()).status).toBe(201);
      expect((await post()).status).toBe(201);
      const third = await post();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await third.json()) as UploadAnswer).error?.code).toBe('RATE_LIMITED');
      ctx.advance(61_000);
      expect((await post()).status).toBe(201);
    } finally {
      await app2.close();
    }
  });
});
