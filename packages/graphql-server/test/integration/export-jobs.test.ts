import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { access, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { hashPassword, withTenant } from '@paht/core';
import { documentText } from '@paht/client-sdk';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';
import { ASSIGN, CLASSIFY } from './staff-documents.js';

// Background exports on the job runner: an acknowledged request survives a
// restart, expired files are swept, and the monthly KPI report goes out by
// e-mail once, through the outbox to a real SMTP server.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const SENDER = 'baocao@mail.example.gov.vn';
const PUBLIC_URL = 'https://api.example.gov.vn';

const REQUEST = `mutation R($kind: ExportKind!, $format: ExportFormat!, $filter: ExportFilter!) {
  requestExport(kind: $kind, format: $format, filter: $filter) { __typename ... on ExportJob { id status } } }`;
const JOB = `query J($id: ID!) { exportJob(id: $id) { __typename ... on ExportJob { id status rowCount downloadUrl expiresAt } } }`;

interface Mail { to: string[]; from: string; subject: string; text: string }

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let dir: string;
let smtp: SMTPServer;
let smtpPort: number;
const inbox: Mail[] = [];
const apps: FastifyInstance[] = [];

async function startApp(options: { workers?: boolean; listen?: boolean } = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    core: ctx,
    redisUrl: null,
    cache: false,
    jobs: { schedule: false, workers: options.workers },
    exports: { dir, publicUrl: PUBLIC_URL },
    citizenMail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, intervalMs: 0, sms: { consoleLog: { info: () => undefined } } },
  });
  apps.push(app);
  if (options.listen ?? true) await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

async function close(app: FastifyInstance): Promise<void> {
  await app.close();
  apps.splice(apps.indexOf(app), 1);
}

async function gql<T>(app: FastifyInstance, query: string, variables: Record<string, unknown> = {}, token?: string, tenant = 'bgx'): Promise<T> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  const body = response.json<{ data: T; errors?: unknown }>();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function signIn(app: FastifyInstance, email: string, tenant = 'bgx'): Promise<string> {
  const data = await gql<{ signIn: { token?: string } }>(app, `mutation { signIn(email: "${email}", password: "${PASSWORD}") { ... on SignInSuccess { token } } }`, {}, undefined, tenant);
  if (!data.signIn.token) throw new Error('sign-in failed');
  return data.signIn.token;
}

const exists = (path: string) => access(path).then(() => true, () => false);

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'bgx', 'BX');
  other = await createFixtureTenant(ctx, 'bgx-other', 'BO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const id of [t.tenantId, other.tenantId]) await withTenant(ctx.db, id, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  dir = await mkdtemp(join(tmpdir(), 'paht-export-jobs-test-'));

  // Three reports in March, two of them assigned to units.
  const app = await startApp({ listen: false });
  const operator = await signIn(app, 'ioc@example.gov.vn');
  for (const [title, unitId] of [['Ổ gà trên đường Hùng Vương', t.roadsUnitId], ['Đèn đường hỏng trước chợ', t.wardUnitId], ['Rác thải chưa được thu gom', null]] as const) {
    ctx.advance(3_600_000);
    const filed = await gql<{ submitReport: { id: string } }>(app, `mutation S($input: SubmitReportInput!) { submitReport(input: $input) { ... on SubmitReportSuccess { id } } }`, {
      input: { title, description: `${title}: người dân phản ánh, cần xử lý sớm.`, channel: 'WEB', address: 'Đông Hà', reporter: { fullName: 'Lê Thị Cúc', phone: '0905 222 333' } },
    });
    if (!unitId) continue;
    await gql(app, documentText(CLASSIFY), { id: filed.submitReport.id, categoryId: t.roadsCategoryId }, operator);
    await gql(app, documentText(ASSIGN), { id: filed.submitReport.id, unitId }, operator);
  }
  await close(app);
});

afterAll(async () => {
  for (const app of [...apps]) await close(app);
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await tdb?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  inbox.length = 0;
});

type JobView = { status: string; rowCount: number | null; downloadUrl: string | null; expiresAt: string | null } | null;

describe('a background export', () => {
  it('acknowledged before a restart is done after it, once, and its requester is told', async () => {
    let exportId: string;
    if (testEngine() === 'postgres') {
      // A process that serves requests but works no job takes the request, then stops: the run waits in PostgreSQL.
      const web = await startApp({ workers: false, listen: false });
      const token = await signIn(web, 'ioc@example.gov.vn');
      const queued = await gql<{ requestExport: { id: string; status: string } }>(web, REQUEST, { kind: 'REPORTS', format: 'CSV', filter: { from: '2026-03-01', to: '2026-03-31' } }, token);
      expect(queued.requestExport.status).toBe('QUEUED');
      exportId = queued.requestExport.id;
      await close(web);
      expect((await (await startApp({ listen: false })).exports.store.find(t.tenantId, exportId))?.status).toBe('QUEUED');
      await close(apps.at(-1)!);
    } else {
      // PGlite: the queue was in the process that died; the record of the acknowledged request is what is left.
      const before = await startApp({ listen: false });
      const staff = await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.findFirstOrThrow({ where: { email: 'ioc@example.gov.vn' } }));
      const record = await before.exports.store.create({ tenantId: t.tenantId, requestedBy: staff.id, kind: 'REPORTS', format: 'CSV', filters: { from: '2026-03-01', to: '2026-03-31', status: null, unitId: null, categoryId: null, groupBy: 'TENANT' }, createdAt: ctx.now().toISOString() });
      exportId = record.id;
      await close(before);
    }
    const after = await startApp();
    const done = await after.exports.queue.settled(t.tenantId, exportId);
    expect(done).toMatchObject({ status: 'READY', rowCount: 3 });
    const token = await signIn(after, 'ioc@example.gov.vn');
    const job = await gql<{ exportJob: JobView }>(after, JOB, { id: exportId }, token);
    expect(job.exportJob).toMatchObject({ status: 'READY', rowCount: 3, expiresAt: new Date(ctx.now().getTime() + 24 * 3_600_000).toISOString() });
    const file = await after.inject({ method: 'GET', url: job.exportJob!.downloadUrl! });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('Rác thải chưa được thu gom');
    expect(file.body).not.toContain('0905');
    const notices = await withTenant(ctx.db, t.tenantId, (tx) => tx.staffNotification.count({ where: { kind: 'EXPORT_READY', data: { path: ['exportId'], equals: exportId } } }));
    expect(notices).toBe(1);
    // Run again (a duplicate or a retry): nothing is written or told twice.
    expect(await after.jobs.runNow('exports-run', { tenantId: t.tenantId, exportId })).toEqual({ exportId, status: 'READY', rowCount: 3 });
    // Another tenant's id pair finds nothing.
    expect(await after.jobs.runNow('exports-run', { tenantId: other.tenantId, exportId })).toEqual({ exportId, status: 'MISSING', rowCount: null });
  });

  it('is deleted, file and record, by the sweep once its link has expired, and not before', async () => {
    const app = apps[0] ?? (await startApp());
    const token = await signIn(app, 'ioc@example.gov.vn');
    const queued = await gql<{ requestExport: { id: string } }>(app, REQUEST, { kind: 'KPIS', format: 'XLSX', filter: { from: '2026-03-01', to: '2026-03-31', groupBy: 'UNIT' } }, token);
    const id = queued.requestExport.id;
    await app.exports.queue.settled(t.tenantId, id);
    const path = join(dir, t.tenantId, `${id}.xlsx`);
    expect(await exists(path)).toBe(true);
    ctx.advance(23 * 3_600_000);
    expect((await app.jobs.runNow('exports-cleanup')).removed).not.toContain(id);
    expect(await exists(path)).toBe(true);
    ctx.advance(2 * 3_600_000);
    expect((await app.jobs.runNow('exports-cleanup')).removed).toContain(id);
    expect(await exists(path)).toBe(false);
    expect(await exists(join(dir, t.tenantId, `${id}.json`))).toBe(false);
    const again = await signIn(app, 'ioc@example.gov.vn');
    expect((await gql<{ exportJob: JobView }>(app, JOB, { id }, again)).exportJob).toBeNull();
  });
});

describe('the monthly report by e-mail', () => {
  it('goes to the tenant’s recipients on the first working day of the month, once, with the figures and a signed Excel link', async () => {
    const app = apps[0] ?? (await startApp());
    // The tenant admin names the recipients; an address that is not one is refused, naming it, and nothing changes.
    const admin = await signIn(app, 'admin@example.gov.vn');
    const SETTINGS = `mutation U($input: TenantSettingsInput!) { updateTenantSettings(input: $input) {
      __typename ... on TenantSettings { monthlyReportRecipients } ... on ValidationError { fields { path } } } }`;
    type Answer = { updateTenantSettings: { __typename: string; monthlyReportRecipients?: string[]; fields?: Array<{ path: string }> } };
    const refused = await gql<Answer>(app, SETTINGS, { input: { monthlyReportRecipients: ['lanhdao@example.gov.vn', 'không phải địa chỉ'] } }, admin);
    expect(refused.updateTenantSettings).toEqual({ __typename: 'ValidationError', fields: [{ path: 'monthlyReport.recipients.1' }] });
    const set = await gql<Answer>(app, SETTINGS, { input: { notifications: { emailFrom: SENDER }, monthlyReportRecipients: ['LanhDao@example.gov.vn', 'vanphong@example.gov.vn'] } }, admin);
    expect(set.updateTenantSettings).toEqual({ __typename: 'TenantSettings', monthlyReportRecipients: ['lanhdao@example.gov.vn', 'vanphong@example.gov.vn'] });
    // Another tenant's admin token does not reach this tenant's settings.
    const otherAdmin = await signIn(app, 'admin@example.gov.vn', 'bgx-other');
    await expect(gql<Answer>(app, SETTINGS, { input: { monthlyReportRecipients: ['x@example.vn'] } }, otherAdmin, 'bgx')).rejects.toThrow();
    const report = () => app.jobs.runNow('exports-monthly-report') as Promise<{ reports: Array<{ tenantId: string; month: string; exportId: string; queued: number }>; failedTenants: string[] }>;

    // The citizens' messages about their reports go first.
    await app.citizenMail.deliver();
    inbox.length = 0;
    // Wednesday 1 April 2026, 06:00 in Vietnam: the first working day has not begun.
    ctx.setNow(new Date('2026-03-31T23:00:00Z'));
    expect(await report()).toEqual({ reports: [], failedTenants: [] });
    // 08:00: March's report, for this tenant only (the other has no recipients).
    ctx.setNow(new Date('2026-04-01T01:00:00Z'));
    const run = await report();
    expect(run.reports).toEqual([{ tenantId: t.tenantId, month: '2026-03', exportId: expect.any(String), queued: 2 }]);
    expect(await app.citizenMail.deliver()).toEqual({ sent: 2, retried: 0, gaveUp: 0 });
    expect(inbox.map((m) => m.to[0]).sort()).toEqual(['lanhdao@example.gov.vn', 'vanphong@example.gov.vn']);
    const mail = inbox[0]!;
    expect(mail.from).toBe(SENDER);
    expect(mail.subject).toMatch(/^Báo cáo phản ánh tháng 3\/2026 – .* \/ Monthly report 2026-03 – /);
    expect(mail.text).toContain('- Tiếp nhận / Received: 3');
    expect(mail.text).not.toContain('Lê Thị Cúc');
    const link = /https:\/\/api\.example\.gov\.vn(\/exports\/files\/\S+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    const file = await app.inject({ method: 'GET', url: link! });
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets[0]!.getColumn(2).values.slice(2).map(String);
    expect(names).toEqual(expect.arrayContaining(['Sở Giao thông vận tải']));

    // Later runs that day, the next week, from two processes at once: nothing more is sent.
    ctx.advance(3_600_000);
    expect((await report()).reports).toEqual([]);
    ctx.setNow(new Date('2026-04-08T03:00:00Z'));
    const second = await startApp({ listen: false });
    const both = await Promise.all([report(), second.jobs.runNow('exports-monthly-report') as ReturnType<typeof report>]);
    expect(both.flatMap((r) => r.reports)).toEqual([]);
    expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    // The link still opens after a day (it lasts 30 days), not after 31.
    expect((await app.inject({ method: 'GET', url: link! })).statusCode).toBe(200);
    ctx.setNow(new Date('2026-05-02T01:00:00Z'));
    expect((await app.inject({ method: 'GET', url: link! })).statusCode).toBe(403);
    await close(second);
  });
});
