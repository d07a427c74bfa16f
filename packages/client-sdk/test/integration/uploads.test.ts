// Uploads and attachments against the real server's POST /uploads: progress,
// typed refusals, a report filed with photos, a unit's answer with a photo.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server side through relative paths: the SDK does not depend on it.
import { hashPassword, withTenant } from '../../../core/src/index.js';
import { buildApp } from '../../../graphql-server/src/index.js';
import {
  acceptReport,
  assignReport,
  attachmentUrl,
  classifyReport,
  createClient,
  fileReport,
  getReport,
  resolveReport,
  TrackReportDocument,
  type FileReportProgress,
  type PahtClient,
  type SubmitReportInput,
} from '@paht/client-sdk';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';


type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;
const PASSWORD = 'mat-khau-thu-nghiem-2026';

/** A real PNG of `size`×`size` noise pixels (incompressible, so it is big). */
function noisePng(size: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let i = 0; i < rows.length; i++) rows[i] = i % (1 + size * 3) === 0 ? 0 : (i * 7919) % 251;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 0 })), chunk('IEND', Buffer.alloc(0))]));
}

let tdb: TestDatabase;
let t: FixtureTenant;
let app: FastifyInstance;
let uploadsDir: string;
let endpoint: string;
let citizen: PahtClient;

const input: SubmitReportInput = {
  title: 'Cây xanh gãy đổ trên vỉa hè',
  description: 'Cây phượng gãy cành lớn chắn lối đi trước trường tiểu học.',
  address: '5 Lê Lợi, Đông Hà',
  reporter: { phone: '0912 345 678' },
};

beforeAll(async () => {
  tdb = await openTestDatabase();
  const ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  t = await createFixtureTenant(ctx, 'uploads', 'UP');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  uploadsDir = await mkdtemp(join(tmpdir(), 'paht-sdk-uploads-'));
  app = await buildApp({ core: ctx, redisUrl: null, uploadsDir });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  citizen = createClient({ endpoint, tenant: 'uploads' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
});

describe('client.upload', () => {
  it('streams a photo with progress and answers its id, kind and preview', async () => {
    const png = noisePng(300); // ≈ 270 kB
    const progress: Array<[number, number]> = [];
    const result = await citizen.upload(png, { fileName: 'cây đổ.png', onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(result).toMatchObject({ __typename: 'UploadSuccess', upload: { kind: 'PHOTO', width: 300, height: 300, previewUrl: expect.stringMatching(/^\/uploads\/.+\/preview$/) }, requestId: expect.any(String) });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual([png.byteLength, png.byteLength]);
    expect(progress.every(([, total]) => total === png.byteLength)).toBe(true);
    if (result.__typename !== 'UploadSuccess') return;
    const preview = await fetch(attachmentUrl(citizen, result.upload.previewUrl!));
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toMatch(/^image\//);
  });

  it.each([
    ['text', new TextEncoder().encode('không phải ảnh / not a picture'), 'UNSUPPORTED_TYPE', 415],
    ['nothing', new Uint8Array(0), 'EMPTY', 400],
  ])('refuses %s with a typed result', async (_what, bytes, code, statusCode) => {
    expect(await citizen.upload(bytes)).toMatchObject({ __typename: 'UploadRefused', code, statusCode, message: expect.stringContaining(' / ') });
  });
});

describe('fileReport with attachments', () => {
  it('uploads each file with overall progress, then files the report with them', async () => {
    const photos = [noisePng(120), noisePng(200)];
    const events: FileReportProgress[] = [];
    const result = await fileReport(citizen, input, { files: [photos[0]!, { file: new Blob([photos[1]! as Uint8Array<ArrayBuffer>], { type: 'image/png' }), fileName: 'b.png' }], onProgress: (p) => events.push(p) });
    expect(result).toMatchObject({ __typename: 'SubmitReportSuccess', attachments: [{ kind: 'PHOTO' }, { kind: 'PHOTO' }] });
    if (result.__typename !== 'SubmitReportSuccess') return;
    const overall = photos[0]!.byteLength + photos[1]!.byteLength;
    expect(events.at(-1)).toMatchObject({ fileIndex: 1, overallLoaded: overall, overallTotal: overall });
    expect(events.some((e) => e.fileIndex === 0)).toBe(true);

    const own = await citizen.trackReport(result.trackingCode, result.secret);
    if (own.__typename !== 'TrackedReport') throw new Error(own.__typename);
    expect(own.access).toBe('CITIZEN');
    // The generated document selects attachments; the hand-written one did not.
    const seen = await citizen.request(TrackReportDocument, { trackingCode: result.trackingCode, secret: result.secret });
    if (seen.trackReport.__typename !== 'TrackedReport') throw new Error(seen.trackReport.__typename);
    expect(seen.trackReport.report.attachments).toHaveLength(2);
    // The citizen's link comes signed: it opens the file as it is, and carries no secret.
    const link = attachmentUrl(citizen, seen.trackReport.report.attachments[0]!.url);
    expect(link).not.toContain(result.secret);
    expect(new URL(link).searchParams.get('signature')).toMatch(/^[\w-]{43}$/);
    const file = await fetch(link);
    expect(file.status).toBe(200);
    // Not published: the public sees no attachment.
    const publicView = await citizen.request(TrackReportDocument, { trackingCode: result.trackingCode });
    expect(publicView.trackReport).toMatchObject({ __typename: 'TrackedReport', access: 'PUBLIC', report: { attachments: [] } });
  });

  it('stops at a refused file, says which, and files nothing', async () => {
    const result = await fileReport(citizen, { ...input, idempotencyKey: 'uploads-refused-0001' }, { files: [noisePng(50), new TextEncoder().encode('%PDF? no')] });
    expect(result).toMatchObject({ __typename: 'UploadRefused', code: 'UNSUPPORTED_TYPE', fileIndex: 1 });
    const again = await citizen.submitReport({ ...input, idempotencyKey: 'uploads-refused-0001' });
    expect(again).toMatchObject({ __typename: 'SubmitReportSuccess', replayed: false });
  });

  it('lets a unit answer with a photo', async () => {
    const filed = await fileReport(citizen, input);
    if (filed.__typename !== 'SubmitReportSuccess') throw new Error(filed.__typename);
    const sign = async (email: string) => {
      const r = await citizen.signIn(email, PASSWORD);
      if (r.__typename !== 'SignInSuccess') throw new Error(r.message);
      return citizen.withToken(r.token);
    };
    const operator = await sign('ioc@example.gov.vn');
    const officer = await sign('officer@example.gov.vn');
    await classifyReport(operator, { id: filed.id, categoryId: t.roadsCategoryId });
    await assignReport(operator, { id: filed.id, unitId: t.roadsUnitId });
    await acceptReport(officer, { id: filed.id });
    const photo = await officer.upload(noisePng(80));
    if (photo.__typename !== 'UploadSuccess') throw new Error(photo.code);
    expect(await resolveReport(officer, { id: filed.id, answer: 'Đã cắt tỉa và dọn cây.', uploadIds: [photo.upload.id] })).toMatchObject({ __typename: 'ReportTransition', status: 'RESOLVED' });
    const report = await getReport(officer, filed.id);
    if (report.__typename !== 'Report') throw new Error(report.__typename);
    expect(report.attachments).toHaveLength(1);
  });
});
