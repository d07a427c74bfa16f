import { connect } from 'node:net';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createApiKey, hashPassword, newTrackingCode, withTenant } from '@paht/core';
import { buildApp, LocalDiskStorage, sweepUnattachedUploads } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Issue 10, item 8 and the server half of item 11, over real HTTP: upload
// ids are single-use, unattached uploads are swept, slow upload bodies are
// cut off, duplicateOfCode names a real report, phone numbers are
// Vietnamese, only staff choose the channel, and every validation message
// comes in Vietnamese and English with a stable code. Each refusal is
// shown to change nothing.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const PASSWORD = 'mat-khau-thu-nghiem-2026';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: FixtureTenant;
let b: FixtureTenant;
let app: FastifyInstance;
let base: string;
let dir: string;

async function upload(body: Buffer, o: { base?: string; type?: string } = {}) {
  const response = await fetch(`${o.base ?? base}/uploads`, {
    method: 'POST',
    headers: { 'content-type': o.type ?? 'image/jpeg', 'x-tenant': 'loose' },
    body: new Uint8Array(body),
  });
  const json = (await response.json()) as { upload?: { id: string; previewUrl: string | null }; error?: { code: string; message: string } };
  expect(response.status, JSON.stringify(json)).toBe(201);
  return json.upload!;
}

const photo = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer();

async function gql(
  query: string,
  variables: Record<string, unknown>,
  o: { tenant?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<Record<string, any>> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': o.tenant ?? 'loose', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: Record<string, any>; errors?: unknown };
  if (!json.data || json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

async function signIn(email: string): Promise<string> {
  const { signIn: r } = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename ... on SignInSuccess { token } } }`, {
    e: email,
    p: PASSWORD,
  });
  return r.token as string;
}

const ISSUES = '... on ValidationError { messageVi messageEn fields { path code message messageVi messageEn } }';
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) {
  __typename ... on SubmitReportSuccess { id trackingCode secret } ... on Error { code message } ${ISSUES} } }`;
const REJECT = `mutation($id: ID!, $dup: String) { rejectReport(id: $id, rejection: DUPLICATE, reason: "Trùng phản ánh khác", duplicateOfCode: $dup) {
  __typename ... on ReportTransition { status } ... on Error { code message } ${ISSUES} } }`;

const submission = (extra: Record<string, unknown> = {}, reporter: Record<string, unknown> = {}) => ({
  title: 'Đèn đường hỏng trên đường Hùng Vương',
  description: 'Ba cột đèn liền nhau không sáng từ tối hôm qua, đoạn gần chợ rất tối.',
  address: '12 Hùng Vương, phường Đông Hà',
  reporter: { fullName: 'Trần Thị Bình', phone: '0912 345 678', ...reporter },
  ...extra,
});

async function submit(input: Record<string, unknown>, token?: string) {
  return (await gql(SUBMIT, { input }, { token })).submitReport as Record<string, any>;
}

/** Everything a refusal must leave as it was, in both tenants. */
async function snapshot(): Promise<Record<'reports' | 'contacts' | 'attachments' | 'events', number>> {
  const count = (table: string) => tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`).then((r) => r[0]!.n);
  return { reports: await count('reports'), contacts: await count('reporter_contacts'), attachments: await count('attachments'), events: await count('report_events') };
}

/** Every file under `root`. */
async function files(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function storedDir(root: string, uploadId: string): string {
  const claims = JSON.parse(Buffer.from(uploadId.split('.')[1]!, 'base64url').toString()) as { tid: string; sub: string };
  return join(root, claims.tid, claims.sub);
}

const exists = (path: string) => stat(path).then(
  () => true,
  () => false,
);

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await createFixtureTenant(ctx, 'loose', 'LO');
  b = await createFixtureTenant(ctx, 'loose-other', 'LX');
  const passwordHash = await hashPassword(PASSWORD);
  for (const t of [a, b]) await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  dir = await mkdtemp(join(tmpdir(), 'paht-loose-ends-'));
  app = await buildApp({ core: ctx, uploadsDir: dir, uploads: { sweepIntervalMs: 0 }, rateLimits: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('upload ids are single-use', () => {
  it('attaches an upload to one report only: a second report naming it is refused and nothing is written', async () => {
    const u = await upload(await photo());
    expect(await submit(submission({ uploadIds: [u.id] }))).toMatchObject({ __typename: 'SubmitReportSuccess' });
    const before = await snapshot();
    const again = await submit(submission({ uploadIds: [u.id] }));
    expect(again).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'uploadIds.0', code: 'UPLOAD_USED', messageVi: 'Tệp này đã được đính kèm rồi' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of two concurrent submissions attach the same upload', async () => {
    const u = await upload(await photo());
    const before = await snapshot();
    const answers = await Promise.all([submit(submission({ uploadIds: [u.id] })), submit(submission({ uploadIds: [u.id] }))]);
    expect(answers.map((r) => r.__typename).sort()).toEqual(['SubmitReportSuccess', 'ValidationError']);
    expect(answers.find((r) => r.__typename === 'ValidationError')).toMatchObject({ fields: [{ path: 'uploadIds.0', code: 'UPLOAD_USED' }] });
    const after = await snapshot();
    expect([after.reports - before.reports, after.attachments - before.attachments]).toEqual([1, 1]);
  });
  it('refuses an upload already attached when staff give it with an answer, naming uploadIds.<index>, changing nothing', async () => {
    const [operator, officer] = [await signIn('ioc@example.gov.vn'), await signIn('officer@example.gov.vn')];
    const used = await upload(await photo());
    expect(await submit(submission({ uploadIds: [used.id] }))).toMatchObject({ __typename: 'SubmitReportSuccess' });
    const r = await submit(submission());
    const step = async (token: string, field: string, args: string) =>
      (await gql(`mutation { s: ${field}(id: ${JSON.stringify(r.id)}${args}) { __typename ... on ReportTransition { status } ... on Error { code message } ${ISSUES} } }`, {}, { token })).s;
    expect(await step(operator, 'classifyReport', `, categoryId: ${JSON.stringify(a.roadsCategoryId)}`)).toMatchObject({ status: 'CLASSIFIED' });
    expect(await step(operator, 'assignReport', `, unitId: ${JSON.stringify(a.roadsUnitId)}`)).toMatchObject({ status: 'ASSIGNED' });
    expect(await step(officer, 'acceptReport', '')).toMatchObject({ status: 'ACCEPTED' });
    expect(await step(officer, 'startReport', '')).toMatchObject({ status: 'IN_PROGRESS' });
    const fresh = await upload(await photo());
    const before = await snapshot();
    const refused = await step(officer, 'resolveReport', `, answer: "Đã thay bóng đèn.", uploadIds: [${JSON.stringify(fresh.id)}, ${JSON.stringify(used.id)}]`);
    expect(refused).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'uploadIds.1', code: 'UPLOAD_USED' }] });
    expect(await snapshot()).toEqual(before);
    expect(await step(officer, 'resolveReport', `, answer: "Đã thay bóng đèn.", uploadIds: [${JSON.stringify(fresh.id)}]`)).toMatchObject({ status: 'RESOLVED' });
  });
});

describe('sweeping unattached uploads', () => {
  it('deletes the files of uploads never attached once their 24 hours and a grace hour are over, and keeps attached ones', async () => {
    const storage = new LocalDiskStorage(dir);
    const attached = await upload(await photo());
    expect(await submit(submission({ uploadIds: [attached.id] }))).toMatchObject({ __typename: 'SubmitReportSuccess' });
    const stray = await upload(await photo());
    const [kept, swept] = [storedDir(dir, attached.id), storedDir(dir, stray.id)];
    expect(await readdir(swept)).toEqual(['original', 'preview']);

    // Within the window (files were written on the wall clock just now): nothing goes.
    await sweepUnattachedUploads(ctx, storage, new Date(Date.now() + 24 * HOUR));
    expect([await exists(kept), await exists(swept)]).toEqual([true, true]);

    const result = await sweepUnattachedUploads(ctx, storage, new Date(Date.now() + 25 * HOUR + 60_000));
    expect(await exists(swept)).toBe(false);
    expect(await readdir(kept)).toEqual(['original', 'preview']);
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(result.kept).toBeGreaterThanOrEqual(1);
  });

  it('runs in the server on its interval, on the core clock, until the app closes', async () => {
    const ownDir = await mkdtemp(join(tmpdir(), 'paht-sweep-'));
    const server = await buildApp({ core: ctx, uploadsDir: ownDir, uploads: { sweepIntervalMs: 50 } });
    const at = await server.listen({ port: 0, host: '127.0.0.1' });
    const start = ctx.now();
    try {
      const u = await upload(await photo(), { base: at });
      await new Promise((r) => setTimeout(r, 200));
      expect(await exists(storedDir(ownDir, u.id))).toBe(true);
      ctx.setNow(new Date(Date.now() + 26 * HOUR));
      await expect.poll(() => exists(storedDir(ownDir, u.id)), { timeout: 3000, interval: 50 }).toBe(false);
    } finally {
      ctx.setNow(start);
      await server.close();
      await rm(ownDir, { recursive: true, force: true });
    }
  });
});

describe('slow upload bodies', () => {
  let slowApp: FastifyInstance;
  let port: number;
  let slowDir: string;

  beforeAll(async () => {
    slowDir = await mkdtemp(join(tmpdir(), 'paht-slow-'));
    slowApp = await buildApp({ core: ctx, uploadsDir: slowDir, uploads: { bodyIdleTimeoutMs: 300, bodyTimeoutMs: 1500, sweepIntervalMs: 0 } });
    port = new URL(await slowApp.listen({ port: 0, host: '127.0.0.1' })).port as unknown as number;
  });
  afterAll(async () => {
    await slowApp?.close();
    if (slowDir) await rm(slowDir, { recursive: true, force: true });
  });

  /** An MP4 start (ftyp box), so the body is sniffed as a video and streamed to storage. */
  const mp4Head = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), Buffer.alloc(8000, 7)]);

  /**
   * Sends the headers of a 1 MB video upload and `mp4Head`, then `chunk()`
   * every `everyMs` (or nothing more). Resolves with what the server
   * answered and how long it took until the server closed the connection.
   */
  function slowUpload(everyMs: number | null): Promise<{ answer: string; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = connect(port, '127.0.0.1');
      const received: Buffer[] = [];
      let ticker: NodeJS.Timeout | undefined;
      const guard = setTimeout(() => {
        socket.destroy();
        reject(new Error(`still open after 8 s; answered: ${Buffer.concat(received).toString('utf8') || 'nothing'}`));
      }, 8000);
      socket.on('connect', () => {
        socket.write(`POST /uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nx-tenant: loose\r\ncontent-type: video/mp4\r\ncontent-length: 1000000\r\n\r\n`);
        socket.write(mp4Head);
        if (everyMs !== null) ticker = setInterval(() => socket.writable && socket.write(Buffer.alloc(100, 1)), everyMs);
      });
      socket.on('data', (d) => received.push(d));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(guard);
        clearInterval(ticker);
        resolve({ answer: Buffer.concat(received).toString('utf8'), ms: Date.now() - started });
      });
    });
  }

  it('answers 408 TIMEOUT to a body that stops, closes the connection and keeps no partial file', async () => {
    const { answer, ms } = await slowUpload(null);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"TIMEOUT"');
    expect(answer).toMatch(/Tải lên quá chậm.* \/ The upload was too slow/);
    expect(ms).toBeLessThan(3000);
    expect(await files(slowDir)).toEqual([]);
  });

  it('answers 408 TIMEOUT to a body that trickles in under the idle timeout but past the total deadline', async () => {
    const { answer, ms } = await slowUpload(100);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(4000);
    expect(await files(slowDir)).toEqual([]);
  });
});

describe('duplicateOfCode', () => {
  it('must name another report of the same tenant; otherwise a ValidationError and the report is unchanged', async () => {
    const operator = await signIn('ioc@example.gov.vn');
    const original = await submit(submission());
    const copy = await submit(submission());
    const elsewhere = (await gql(SUBMIT, { input: submission() }, { tenant: 'loose-other' })).submitReport as Record<string, any>;
    const before = await snapshot();
    const cases: Array<[string, string]> = [
      [newTrackingCode('LO'), 'UNKNOWN_REFERENCE'],
      ['not a code', 'UNKNOWN_REFERENCE'],
      [elsewhere.trackingCode, 'UNKNOWN_REFERENCE'],
      [copy.trackingCode, 'SELF_REFERENCE'],
    ];
    for (const [dup, code] of cases) {
      const r = (await gql(REJECT, { id: copy.id, dup }, { token: operator })).rejectReport;
      expect(r, dup).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'duplicateOfCode', code }] });
      expect(JSON.stringify(r)).not.toContain(dup);
    }
    expect(await snapshot()).toEqual(before);
    const status = await withTenant(ctx.db, a.tenantId, (tx) => tx.report.findUniqueOrThrow({ where: { id: copy.id } }));
    expect(status.status).toBe('SUBMITTED');

    const spaced = original.trackingCode.toLowerCase().replace(/-/g, ' ');
    expect((await gql(REJECT, { id: copy.id, dup: spaced }, { token: operator })).rejectReport).toEqual({ __typename: 'ReportTransition', status: 'REJECTED' });
    const event = await withTenant(ctx.db, a.tenantId, (tx) => tx.reportEvent.findFirstOrThrow({ where: { reportId: copy.id, type: 'REJECT' } }));
    expect(event.data).toMatchObject({ duplicateOfCode: original.trackingCode });
  });
});

describe('phone numbers', () => {
  it('refuses valid numbers of other countries as not Vietnamese, writing nothing', async () => {
    const before = await snapshot();
    for (const phone of ['+1 202 555 0123', '+12025550123', '+44 20 7946 0958', '12025550123', '0912']) {
      const r = await submit(submission({}, { phone }));
      expect(r, phone).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'reporter.phone', code: 'INVALID_PHONE' }] });
      expect(JSON.stringify(r)).not.toContain(phone);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the +84, 84 and 0 spellings and stores E.164', async () => {
    for (const phone of ['+84 912 345 678', '84912345678', '0912.345.678', '024 3825 3536']) {
      const r = await submit(submission({}, { phone }));
      expect(r, phone).toMatchObject({ __typename: 'SubmitReportSuccess' });
      const contact = await withTenant(ctx.db, a.tenantId, (tx) => tx.reporterContact.findUniqueOrThrow({ where: { reportId: r.id } }));
      expect(contact.phone).toBe(phone.startsWith('024') ? '+842438253536' : '+84912345678');
    }
  });
});

describe('channel', () => {
  it('lets an anonymous caller file through WEB or APP only: an intake channel is refused and nothing is written', async () => {
    const before = await snapshot();
    for (const channel of ['HOTLINE_1022', 'ZALO', 'OPEN311', 'AI_CALL_CENTRE']) {
      expect(await submit(submission({ channel })), channel).toMatchObject({
        __typename: 'ValidationError',
        fields: [{ path: 'channel', code: 'NOT_ALLOWED', messageVi: 'Chỉ cán bộ đã đăng nhập mới được đặt giá trị này' }],
      });
    }
    expect(await snapshot()).toEqual(before);
    for (const channel of ['WEB', 'APP']) expect(await submit(submission({ channel })), channel).toMatchObject({ __typename: 'SubmitReportSuccess' });
  });

  it('refuses an intake channel to a portal calling with its public key just the same', async () => {
    const portal = 'https://portal.loose.example.vn';
    const { key } = await createApiKey(ctx, a.tenantId, a.admin, { kind: 'PUBLIC', name: 'Cổng tỉnh', allowedOrigins: [portal] });
    const headers = { 'x-api-key': key, origin: portal };
    const before = await snapshot();
    const refused = (await gql(SUBMIT, { input: submission({ channel: 'HOTLINE_1022' }) }, { headers })).submitReport;
    expect(refused).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'channel', code: 'NOT_ALLOWED' }] });
    expect(await snapshot()).toEqual(before);
    expect((await gql(SUBMIT, { input: submission() }, { headers })).submitReport).toMatchObject({ __typename: 'SubmitReportSuccess' });
  });

  it('lets a signed-in operator taking a call set the channel, and files Open311 requests under OPEN311', async () => {
    const operator = await signIn('ioc@example.gov.vn');
    const hotline = await submit(submission({ channel: 'HOTLINE_1022' }), operator);
    expect(hotline).toMatchObject({ __typename: 'SubmitReportSuccess' });
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        jurisdiction_id: 'loose',
        service_code: 'ROADS',
        description: 'Ổ gà lớn giữa đường, xe máy dễ ngã khi trời mưa.',
        address_string: '5 Lê Lợi',
        phone: '0912345678',
      }).toString(),
    });
    expect(response.status).toBe(200);
    const [created] = (await response.json()) as Array<{ service_request_id: string }>;
    const rows = await withTenant(ctx.db, a.tenantId, (tx) =>
      tx.report.findMany({ where: { OR: [{ id: hotline.id }, { trackingCode: created!.service_request_id }] }, select: { id: true, channel: true } }),
    );
    expect(Object.fromEntries(rows.map((r) => [r.id === hotline.id ? 'hotline' : 'open311', r.channel]))).toEqual({ hotline: 'HOTLINE_1022', open311: 'OPEN311' });
  });

  it('refuses a foreign phone number on Open311 too, in Vietnamese and English, writing nothing', async () => {
    const before = await snapshot();
    const response = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ jurisdiction_id: 'loose', service_code: 'ROADS', description: 'Ổ gà lớn giữa đường, xe máy dễ ngã.', address_string: '5 Lê Lợi', phone: '+12025550123' }).toString(),
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual([{ code: 400, description: expect.stringMatching(/^Cần số điện thoại Việt Nam hợp lệ .* \/ phone is required and must be a valid Vietnamese phone number$/) }]);
    expect(text).not.toContain('2025550123');
    expect(await snapshot()).toEqual(before);
  });
});

describe('validation messages', () => {
  it('name each field with a code and a message in Vietnamese and English, without zod text or the values sent', async () => {
    const before = await snapshot();
    const r = await submit({
      title: 'Đèn',
      description: 'Hỏng',
      reporter: { phone: 'so-dien-thoai-la', email: 'thu@' },
    });
    expect(r.__typename).toBe('ValidationError');
    const byPath: Record<string, Record<string, string>> = Object.fromEntries((r.fields as Array<Record<string, string>>).map((f) => [f.path, f]));
    expect(Object.fromEntries(Object.entries(byPath).map(([p, f]) => [p, f.code]))).toEqual({
      title: 'TOO_SHORT',
      description: 'TOO_SHORT',
      'reporter.phone': 'INVALID_PHONE',
      'reporter.email': 'INVALID_EMAIL',
      address: 'LOCATION_REQUIRED',
    });
    expect(byPath.title).toMatchObject({ messageVi: 'Cần ít nhất 5 ký tự', messageEn: 'must be at least 5 characters', message: 'Cần ít nhất 5 ký tự / must be at least 5 characters' });
    for (const f of Object.values(byPath)) {
      expect(f.message).toBe(`${f.messageVi} / ${f.messageEn}`);
      expect(f.messageVi).not.toBe(f.messageEn);
    }
    expect(r.messageVi).toMatch(/^Dữ liệu chưa hợp lệ: .*reporter\.phone: Số điện thoại Việt Nam không hợp lệ/);
    expect(r.messageEn).toMatch(/^Invalid input: .*reporter\.phone: is not a valid Vietnamese phone number/);
    expect(r.message).toBe(`${r.messageVi} / ${r.messageEn}`);
    const text = JSON.stringify(r);
    for (const zod of [/Too small/i, /expected string/i, /Invalid email/i, /Invalid input: expected/, /received/i, />=\d/]) expect(text).not.toMatch(zod);
    for (const sent of ['so-dien-thoai-la', 'thu@', '"Đèn"', 'Hỏng']) expect(text).not.toContain(sent);
    expect(await snapshot()).toEqual(before);
  });

  it('come in both languages for the other refusals a citizen meets: tracking, a wrong secret, a step the status does not allow', async () => {
    const r = await submit(submission());
    const ERR = '__typename ... on Error { code message messageVi messageEn }';
    const track = (await gql(`query($c: String!) { trackReport(trackingCode: $c) { ${ERR} } }`, { c: newTrackingCode('LO') })).trackReport;
    expect(track).toMatchObject({ __typename: 'NotFoundError', messageVi: 'Không tìm thấy', messageEn: 'Not found' });
    const before = await snapshot();
    const rate = (s: string, rating: number) =>
      gql(`mutation($c: String!, $s: String!, $n: Int!) { rateReport(trackingCode: $c, secret: $s, rating: $n) { ${ERR} ${ISSUES} } }`, { c: r.trackingCode, s, n: rating });
    expect((await rate('SAI0-SAI0-SAI0-SAI0', 5)).rateReport).toMatchObject({ __typename: 'ForbiddenError', messageVi: expect.stringContaining('sai mã theo dõi hay mã bí mật'), messageEn: expect.stringContaining('wrong tracking code or secret') });
    expect((await rate(r.secret, 5)).rateReport).toMatchObject({ __typename: 'IllegalTransitionError', messageVi: 'Phản ánh đang ở trạng thái không cho phép việc này', messageEn: expect.stringMatching(/status does not allow/) });
    expect(await snapshot()).toEqual(before);
  });
});
