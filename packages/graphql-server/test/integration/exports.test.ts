import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { hashPassword, reportKpis, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, type SubmitReportInput } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { ASSIGN, CLASSIFY } from './staff-documents.js';

// CSV and Excel exports over real HTTP: the download route, the background
// export with its inbox notice and signed link, and their refusals.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const PERIOD = 'from=2026-03-01&to=2026-03-31';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
let dir: string;
const codes: Record<string, string> = {};
const tokens = { operator: '', officer: '', admin: '', otherOperator: '' };

const REQUEST = `mutation R($kind: ExportKind!, $format: ExportFormat!, $filter: ExportFilter!) {
  requestExport(kind: $kind, format: $format, filter: $filter) {
    __typename
    ... on ExportJob { id status }
    ... on ValidationError { code fields { path } }
    ... on ForbiddenError { code }
  }
}`;
const JOB = `query J($id: ID!) { exportJob(id: $id) { __typename ... on ExportJob { id status rowCount downloadUrl } } }`;
const INBOX = `{ myNotifications { __typename ... on StaffNotificationConnection { nodes { kind title details { key value } } } } }`;

async function gql<T>(query: string, variables: Record<string, unknown>, token: string, tenant = 'xuat'): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const download = (path: string, token?: string, tenant = 'xuat') =>
  fetch(`${base}${path}`, { headers: { 'x-tenant': tenant, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

async function readSheet(response: Response): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as Array<string | number | null | undefined>).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

const submission = (title: string): SubmitReportInput => ({
  title,
  description: `${title}: người dân phản ánh, cần xử lý sớm.`,
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: 'Đông Hà, Quảng Trị',
  reporter: { fullName: 'Lê Thị Cúc', phone: '0905 222 333' },
});

async function signIn(tenant: string, email: string): Promise<string> {
  const result = await createClient({ endpoint: `${base}/graphql`, tenant }).signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
  return result.token;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'xuat', 'XU');
  const other = await createFixtureTenant(ctx, 'khac', 'KH');
  const passwordHash = await hashPassword(PASSWORD);
  for (const id of [t.tenantId, other.tenantId]) await withTenant(ctx.db, id, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  dir = await mkdtemp(join(tmpdir(), 'paht-exports-test-'));
  app = await buildApp({ core: ctx, exports: { dir } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });

  const citizen = createClient({ endpoint: `${base}/graphql`, tenant: 'xuat' });
  const ids: Record<string, string> = {};
  for (const [key, title] of [['pothole', 'Ổ gà trên đường Hùng Vương'], ['lamp', 'Đèn đường hỏng trước chợ'], ['trash', 'Rác thải chưa được thu gom']] as const) {
    ctx.advance(3_600_000);
    const result = await citizen.submitReport(submission(title));
    if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
    ids[key] = result.id;
    codes[key] = result.trackingCode;
  }
  tokens.operator = await signIn('xuat', 'ioc@example.gov.vn');
  tokens.officer = await signIn('xuat', 'officer@example.gov.vn');
  tokens.admin = await signIn('xuat', 'admin@example.gov.vn');
  tokens.otherOperator = await signIn('khac', 'ioc@example.gov.vn');
  const operator = createClient({ endpoint: `${base}/graphql`, tenant: 'xuat' }).withToken(tokens.operator);
  for (const [key, unitId] of [['pothole', t.roadsUnitId], ['lamp', t.wardUnitId]] as const) {
    ctx.advance(60_000);
    await operator.request(CLASSIFY, { id: ids[key]!, categoryId: t.roadsCategoryId });
    ctx.advance(60_000);
    await operator.request(ASSIGN, { id: ids[key]!, unitId });
  }
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('download route', () => {
  it('streams the report list as CSV with a UTF-8 BOM, Vietnamese headers first and no reporter contact', async () => {
    const response = await download(`/exports/reports.csv?${PERIOD}`, tokens.operator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^Mã phản ánh \/ Tracking code,Tiêu đề \/ Title,/);
    expect(lines).toHaveLength(4);
    const pothole = lines.find((l) => l.startsWith(codes.pothole!))!;
    expect(pothole).toContain('Ổ gà trên đường Hùng Vương');
    expect(pothole).toContain('Sở Giao thông vận tải');
    expect(pothole).toContain('Không / No');
    expect(text).not.toContain('Lê Thị Cúc');
    expect(text).not.toContain('0905');
  });

  it('writes Excel with diacritics intact, read back with ExcelJS', async () => {
    const response = await download(`/exports/reports.xlsx?${PERIOD}`, tokens.operator);
    expect(response.status).toBe(200);
    const rows = await readSheet(response);
    expect(rows[0]![0]).toBe('Mã phản ánh / Tracking code');
    expect(rows[0]).toContain('Đơn vị theo bước / Unit per stage');
    const lamp = rows.find((r) => r[0] === codes.lamp)!;
    expect(lamp[1]).toBe('Đèn đường hỏng trước chợ');
    expect(lamp).toContain('Phường Đông Hà');
    expect(rows.flat().join(' ')).not.toContain('Lê Thị Cúc');
  });

  it('exports a KPI table per unit', async () => {
    const rows = await readSheet(await download(`/exports/kpis.xlsx?${PERIOD}&groupBy=UNIT`, tokens.operator));
    expect(rows[0]![3]).toBe('Tiếp nhận / Received');
    const roads = rows.find((r) => r[0] === t.roadsUnitId)!;
    expect(roads[1]).toBe('Sở Giao thông vận tải');
    expect(roads[3]).toBe('1');
    const csv = await (await download(`/exports/kpis.csv?${PERIOD}`, tokens.operator)).text();
    expect(csv.trim().split('\n')[1]).toContain(`${t.tenantId},,,3,`);
  });

  it('carries every figure of the KPI row in the KPI table, Vietnamese headers first, in CSV and Excel', async () => {
    const [figures] = await reportKpis(ctx, t.tenantId, { from: '2026-03-01', to: '2026-03-31', includePrivate: true });
    const csv = (await (await download(`/exports/kpis.csv?${PERIOD}`, tokens.operator)).text()).replace(/^\uFEFF/, '').trim().split('\n').map((l) => l.split(','));
    const sheet = await readSheet(await download(`/exports/kpis.xlsx?${PERIOD}`, tokens.operator));
    for (const rows of [csv, sheet]) {
      expect(rows[0]).toEqual(expect.arrayContaining(['Thời gian xử lý trung vị (giờ làm việc) / Median handling (working hours)', 'Lượt đánh giá (mẫu) / Ratings (sample)', 'Đang xử lý trong hạn / Open within deadline']));
      const cell = (header: string) => {
        const at = rows[0]!.findIndex((h) => h.endsWith(` / ${header}`));
        expect(at, header).toBeGreaterThanOrEqual(0);
        return rows[1]![at] ?? ''; // Excel leaves trailing empty cells out
      };
      // Each figure under its English name, as the API's row has it (the same numbers).
      const expected: Record<string, number | null> = {
        Received: figures!.received, Classified: figures!.classified, Rejected: figures!.rejected, Resolved: figures!.resolved,
        'Resolved on time': figures!.resolvedOnTime, 'Resolved late': figures!.resolvedLate, 'Closed – not fixed': figures!.notFixed,
        Open: figures!.open, 'Open within deadline': figures!.openWithinDeadline, 'Open overdue': figures!.openOverdue,
        'Returned (wrong unit)': figures!.returned, Reopened: figures!.reopened, 'Median handling (working hours)': figures!.medianHandlingHours,
        '90th percentile handling (working hours)': figures!.p90HandlingHours, 'Ratings (sample)': figures!.ratings, 'Satisfied share': figures!.satisfiedShare,
        'Avg. rating': figures!.avgRating, Published: figures!.published, 'Published share': figures!.publishedShare,
      };
      for (const [header, value] of Object.entries(expected)) expect(cell(header), header).toBe(value === null ? '' : String(value));
    }
    // Three submitted, two assigned (open within their deadline), none answered yet.
    expect(figures).toMatchObject({ received: 3, classified: 2, open: 3, resolved: 0, medianHandlingHours: null });
  });

  it('gives a unit officer their own unit only', async () => {
    const text = await (await download(`/exports/reports.csv?${PERIOD}`, tokens.officer)).text();
    expect(text).toContain(codes.pothole);
    expect(text).not.toContain(codes.lamp);
    expect(text).not.toContain(codes.trash);
    const other = await download(`/exports/reports.csv?${PERIOD}&unitId=${t.wardUnitId}`, tokens.officer);
    expect(other.status).toBe(403);
    expect((await download(`/exports/kpis.csv?${PERIOD}&groupBy=UNIT`, tokens.officer)).status).toBe(403);
  });

  it('refuses bad filters with a typed error naming them', async () => {
    const bad = await download('/exports/reports.csv?from=2026-13-01&to=2026-03-31&colour=red', tokens.operator);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { code: string; fields: Array<{ path: string }> } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['filters.colour', 'filters.from']);
    expect((await download(`/exports/reports.csv?${PERIOD}&status=NOPE`, tokens.operator)).status).toBe(400);
    expect((await download(`/exports/reports.pdf?${PERIOD}`, tokens.operator)).status).toBe(404);
    const answer = await gql<{ requestExport: { __typename: string; fields: Array<{ path: string }> } }>(REQUEST, { kind: 'REPORTS', format: 'CSV', filter: { from: '2026-03-31', to: '2026-03-01' } }, tokens.operator);
    expect(answer.requestExport.__typename).toBe('ValidationError');
    expect(answer.requestExport.fields.map((f) => f.path)).toEqual(['filters.to']);
  });

  it('refuses anonymous requests and another tenant’s token', async () => {
    expect((await download(`/exports/reports.csv?${PERIOD}`)).status).toBe(401);
    expect((await download(`/exports/reports.csv?${PERIOD}`, tokens.otherOperator)).status).toBe(401);
    // Its own tenant sees none of this one's reports.
    const own = await (await download(`/exports/reports.csv?${PERIOD}`, tokens.otherOperator, 'khac')).text();
    expect(own.trim().split('\n')).toHaveLength(1);
  });
});

describe('background export', () => {
  it('runs, notifies the requester and serves the file through a signed link that expires', async () => {
    const queued = await gql<{ requestExport: { __typename: string; id: string; status: string } }>(
      REQUEST, { kind: 'REPORTS', format: 'XLSX', filter: { from: '2026-03-01', to: '2026-03-31' } }, tokens.operator,
    );
    expect(queued.requestExport).toMatchObject({ __typename: 'ExportJob', status: 'QUEUED' });
    const id = queued.requestExport.id;
    await app.exports.queue.settled(t.tenantId, id);

    const job = await gql<{ exportJob: { status: string; rowCount: number; downloadUrl: string } | null }>(JOB, { id }, tokens.operator);
    expect(job.exportJob).toMatchObject({ status: 'READY', rowCount: 3 });
    const url = job.exportJob!.downloadUrl;

    const inbox = await gql<{ myNotifications: { nodes: Array<{ kind: string; title: string; details: Array<{ key: string; value: string }> }> } }>(INBOX, {}, tokens.operator);
    const notice = inbox.myNotifications.nodes.find((n) => n.kind === 'EXPORT_READY')!;
    expect(notice.title).toBe('Tệp xuất dữ liệu đã sẵn sàng');
    expect(notice.details).toContainEqual({ key: 'exportId', value: id });
    const adminInbox = await gql<{ myNotifications: { nodes: Array<{ kind: string }> } }>(INBOX, {}, tokens.admin);
    expect(adminInbox.myNotifications.nodes.map((n) => n.kind)).not.toContain('EXPORT_READY');

    // The link opens without a token; the rows are read back from the stored file.
    const file = await fetch(`${base}${url}`);
    expect(file.status).toBe(200);
    const rows = await readSheet(file);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r[1])).toContain('Rác thải chưa được thu gom');

    // Someone else, another tenant, a tampered or expired link: refused.
    expect((await gql<{ exportJob: unknown }>(JOB, { id }, tokens.admin)).exportJob).toBeNull();
    expect((await gql<{ exportJob: unknown }>(JOB, { id }, tokens.otherOperator, 'khac')).exportJob).toBeNull();
    expect((await fetch(`${base}${url.replace('tenant=xuat', 'tenant=khac')}`)).status).toBe(403);
    const tampered = url.replace(/signature=(.)/, (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(`${base}${tampered}`)).status).toBe(403);
    ctx.advance(25 * 3_600_000);
    expect((await fetch(`${base}${url}`)).status).toBe(403);
  });
});
