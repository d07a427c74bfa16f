import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDueNotifications, hashPassword, MAX_NOTIFICATION_ATTEMPTS, NOTIFICATION_LEASE_MS, notificationRetryDelayMs, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Citizen e-mails end to end: reports filed and moved over real HTTP, the
// outbox filled in each step's transaction, the worker sending through
// nodemailer to a real SMTP server (smtp-server) on a free port, and what
// arrives read back with mailparser.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const EMAIL = 'hoa@example.com';
const PHONE = '0912 345 678';
const SENDER = 'phananh@mail.example.gov.vn';
const TRACKER = 'https://portal.example.gov.vn/tra-cuu?code={code}';

interface Received {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let app: FastifyInstance;
let base: string;
let smtp: SMTPServer;
let smtpPort: number;
const inbox: Received[] = [];
/** What the development SMS provider printed (the test's app has no SMS gateway). */
const consoleSms: Array<Record<string, unknown>> = [];
/** The SMTP server refuses this many recipients (451, try later) before accepting again. */
let refusals = 0;
const tokens: Record<string, string> = {};

async function post(query: string, variables: Record<string, unknown> = {}, bearer?: string, tenant = 'mail'): Promise<Record<string, Record<string, unknown>>> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown };
  if (!body.data) throw new Error(`no data: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function submit(email: string | null): Promise<{ id: string; trackingCode: string; secret: string }> {
  const input = {
    title: 'Đèn đường hỏng trên đường Lê Duẩn',
    description: 'Ba cột đèn liền nhau không sáng từ tối thứ Sáu, đoạn gần chợ.',
    address: '12 Lê Duẩn, Đông Hà',
    reporter: { fullName: 'Lê Thị Hoa', phone: PHONE, ...(email ? { email } : {}) },
  };
  const data = await post(
    'mutation S($input: SubmitReportInput!) { submitReport(input: $input) { __typename ... on SubmitReportSuccess { id trackingCode secret } ... on Error { message } } }',
    { input },
  );
  const result = data.submitReport as { id?: string; trackingCode: string; secret: string };
  if (!result.id) throw new Error(`submit failed: ${JSON.stringify(result)}`);
  return result as { id: string; trackingCode: string; secret: string };
}

/** One staff step over HTTP ten minutes after the previous; answers the report's new status. */
async function step(mutation: string, bearer: string): Promise<string> {
  ctx.advance(10 * 60_000);
  const data = await post(`mutation { result: ${mutation} { __typename ... on ReportTransition { status } ... on Error { code message } } }`, {}, bearer);
  const result = data.result as { __typename: string; status?: string };
  if (!result.status) throw new Error(`step failed: ${JSON.stringify(result)}`);
  return result.status;
}

const outboxOf = (reportId: string, tenantId = t.tenantId) =>
  withTenant(ctx.db, tenantId, (tx) => tx.notificationOutbox.findMany({ where: { reportId }, orderBy: { eventSeq: 'asc' } }));

async function signIn(email: string): Promise<string> {
  const data = await post(`mutation { signIn(email: "${email}", password: "${PASSWORD}") { ... on SignInSuccess { token } } }`);
  return (data.signIn as { token: string }).token;
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals > 0) {
        refusals--;
        return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            inbox.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              raw,
            });
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
  t = await createFixtureTenant(ctx, 'mail', 'ML');
  other = await createFixtureTenant(ctx, 'mail-other', 'MO');
  const stored = await ctx.db.prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } });
  await ctx.db.prisma.tenant.update({
    where: { id: t.tenantId },
    data: { settings: { ...(stored.settings as object), notifications: { emailFrom: SENDER, publicTrackerUrl: TRACKER } } },
  });
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({
    core: ctx,
    redisUrl: null,
    citizenMail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, intervalMs: 0, sms: { consoleLog: { info: (fields) => consoleSms.push(fields) } } },
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  tokens.operator = await signIn('ioc@example.gov.vn');
  tokens.officer = await signIn('officer@example.gov.vn');
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await tdb?.close();
});

beforeEach(() => {
  inbox.length = 0;
  refusals = 0;
  consoleSms.length = 0;
});

describe('citizen e-mails', () => {
  it('tells the reporter of receipt, classification, assignment, a question and the answer, in Vietnamese then English, with the code and link, never the secret', async () => {
    const report = await submit(EMAIL);
    expect(await step(`classifyReport(id: "${report.id}", categoryId: "${t.roadsCategoryId}")`, tokens.operator!)).toBe('CLASSIFIED');
    expect(await step(`assignReport(id: "${report.id}", unitId: "${t.roadsUnitId}")`, tokens.operator!)).toBe('ASSIGNED');
    expect(await step(`acceptReport(id: "${report.id}")`, tokens.officer!)).toBe('ACCEPTED');
    expect(await step(`requestInfo(id: "${report.id}", reason: "Cột đèn số mấy?")`, tokens.officer!)).toBe('WAITING_FOR_CITIZEN');
    const provided = await post(
      `mutation { provideInfo(trackingCode: "${report.trackingCode}", secret: "${report.secret}", reason: "Cột số 14 đến 16") { __typename } }`,
    );
    expect(provided.provideInfo).toMatchObject({ __typename: 'ReportTransition' });
    expect(await step(`resolveReport(id: "${report.id}", answer: "Đã thay bóng đèn ba cột.")`, tokens.officer!)).toBe('RESOLVED');

    // Queued with the events, nothing sent before the worker runs.
    const queued = await outboxOf(report.id);
    expect(queued.map((m) => m.sentAt)).toEqual([null, null, null, null, null]);
    expect(inbox).toEqual([]);

    expect(await app.citizenMail.deliver()).toEqual({ sent: 5, retried: 0, gaveUp: 0 });
    expect(inbox.map((m) => m.subject)).toEqual([
      `[${report.trackingCode}] Đã tiếp nhận phản ánh / Your report was received`,
      `[${report.trackingCode}] Phản ánh đã được phân loại / Your report was classified`,
      `[${report.trackingCode}] Phản ánh đã được chuyển đơn vị xử lý / Your report was assigned`,
      `[${report.trackingCode}] Đơn vị xử lý cần thêm thông tin / More information needed`,
      `[${report.trackingCode}] Phản ánh đã được trả lời / Your report was answered`,
    ]);
    const link = `https://portal.example.gov.vn/tra-cuu?code=${report.trackingCode}`;
    for (const mail of inbox) {
      expect(mail.to).toEqual([EMAIL]);
      expect(mail.from).toBe(SENDER);
      expect(mail.text).toContain(`Mã phản ánh: ${report.trackingCode}`);
      expect(mail.text).toContain(`Tra cứu: ${link}`);
      expect(mail.text.indexOf('Mã phản ánh')).toBeLessThan(mail.text.indexOf('Tracking code'));
      expect(mail.raw).not.toContain(report.secret);
      expect(mail.text).not.toContain(report.secret);
      expect(mail.text).not.toContain('0912');
    }
    // Sent once: marked, and the next pass has nothing to send.
    expect((await outboxOf(report.id)).every((m) => m.sentAt !== null && m.attempts === 1)).toBe(true);
    expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    expect(inbox).toHaveLength(5);
  });

  it('keeps the transition instant when the mail server refuses, retries after the wait and delivers once', async () => {
    refusals = 2;
    const report = await submit(EMAIL);
    expect(await step(`classifyReport(id: "${report.id}", categoryId: "${t.roadsCategoryId}")`, tokens.operator!)).toBe('CLASSIFIED');

    expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 2, gaveUp: 0 });
    const failed = await outboxOf(report.id);
    expect(failed.map((m) => m.attempts)).toEqual([1, 1]);
    for (const m of failed) {
      expect(m.lastError).toMatch(/451/);
      expect(m.lastError).not.toContain(EMAIL);
      expect(m.nextAttemptAt.getTime()).toBe(ctx.now().getTime() + notificationRetryDelayMs(1));
    }
    // Not due yet: nothing is tried.
    expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    ctx.advance(notificationRetryDelayMs(1));
    expect(await app.citizenMail.deliver()).toEqual({ sent: 2, retried: 0, gaveUp: 0 });
    expect(inbox.map((m) => m.subject.split('] ')[1])).toEqual([
      'Đã tiếp nhận phản ánh / Your report was received',
      'Phản ánh đã được phân loại / Your report was classified',
    ]);
    expect((await outboxOf(report.id)).map((m) => [m.attempts, m.lastError, m.sentAt !== null])).toEqual([[2, null, true], [2, null, true]]);
  });

  it('queues nothing for a refused step: the message lives and dies with its event', async () => {
    const report = await submit(EMAIL);
    expect(await step(`classifyReport(id: "${report.id}", categoryId: "${t.roadsCategoryId}")`, tokens.operator!)).toBe('CLASSIFIED');
    const before = await outboxOf(report.id);
    const again = await post(`mutation { result: classifyReport(id: "${report.id}", categoryId: "${t.roadsCategoryId}") { __typename } }`, {}, tokens.operator);
    expect(again.result).toEqual({ __typename: 'IllegalTransitionError' });
    const wrongUnit = await post(`mutation { result: assignReport(id: "${report.id}", unitId: "${crypto.randomUUID()}") { __typename } }`, {}, tokens.operator);
    expect(wrongUnit.result).toEqual({ __typename: 'ValidationError' });
    expect(await outboxOf(report.id)).toEqual(before);
    expect(before.map((m) => m.eventSeq)).toEqual([1, 2]);
    await app.citizenMail.deliver();
  });

  it('queues no e-mail for a reporter who left no e-mail (an SMS to the phone instead, by default)', async () => {
    const report = await submit(null);
    expect(await step(`classifyReport(id: "${report.id}", categoryId: "${t.roadsCategoryId}")`, tokens.operator!)).toBe('CLASSIFIED');
    expect((await outboxOf(report.id)).map((m) => m.channel)).toEqual(['SMS', 'SMS']);
    // The SMS go to the SMS provider (here the development console, phone masked), never to the mail server.
    expect(await app.citizenMail.deliver()).toEqual({ sent: 2, retried: 0, gaveUp: 0 });
    expect(inbox).toEqual([]);
    expect(consoleSms.map((m) => m.to)).toEqual(['+********678', '+********678']);
    expect(consoleSms.map((m) => String(m.text).split(':')[0])).toEqual([report.trackingCode, report.trackingCode]);
  });

  it("keeps each tenant's outbox to itself (row-level security)", async () => {
    const report = await submit(EMAIL);
    expect(await outboxOf(report.id)).toHaveLength(1);
    expect(await outboxOf(report.id, other.tenantId)).toEqual([]);
    const all = await withTenant(ctx.db, other.tenantId, (tx) => tx.notificationOutbox.count());
    expect(all).toBe(0);
    // Nor can it write into this tenant's outbox.
    await expect(
      withTenant(ctx.db, other.tenantId, (tx) =>
        tx.notificationOutbox.create({
          data: { tenantId: t.tenantId, reportId: report.id, eventSeq: 99, dedupeKey: 'probe', channel: 'EMAIL', recipient: 'x@example.com', subject: 's', body: 'b', createdAt: ctx.now(), nextAttemptAt: ctx.now() },
        }),
      ),
    ).rejects.toThrow();
    await app.citizenMail.deliver();
  });

  it('without an SMTP server keeps the outbox and sends nothing (a configured process sends it later)', async () => {
    const quiet = await buildApp({ core: ctx, redisUrl: null, citizenMail: { smtpUrl: null, intervalMs: 0 } });
    try {
      const report = await submit(EMAIL);
      expect(quiet.citizenMail.enabled).toBe(false);
      expect(await quiet.citizenMail.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
      expect((await outboxOf(report.id)).map((m) => [m.attempts, m.sentAt])).toEqual([[0, null]]);
      expect(inbox).toEqual([]);
      // Kept, it goes out once a process with an SMTP server runs.
      expect(await app.citizenMail.deliver()).toEqual({ sent: 1, retried: 0, gaveUp: 0 });
      expect(inbox.map((m) => m.to)).toEqual([[EMAIL]]);
    } finally {
      await quiet.close();
    }
  });
  it('hands each due message to one of several concurrent claimers (leased, skip-locked)', async () => {
    for (let i = 0; i < 5; i++) await submit(EMAIL);
    const batches = await Promise.all([1, 2, 3].map(() => claimDueNotifications(ctx, t.tenantId, ctx.now(), 2, ['EMAIL'])));
    // A claimer skips rows another holds at that instant, so under load the
    // three may leave one for the next pass; never the same row to two.
    const rest = await claimDueNotifications(ctx, t.tenantId, ctx.now(), 5, ['EMAIL']);
    const ids = [...batches.flat(), ...rest].map((m) => m.id);
    expect(batches.flat().length).toBeGreaterThan(0);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    // Leased: not due again until the lease ends, then sent once.
    expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    ctx.advance(NOTIFICATION_LEASE_MS);
    expect(await app.citizenMail.deliver()).toEqual({ sent: 5, retried: 0, gaveUp: 0 });
  });

  // Last: it moves the clock by days, past the staff tokens' lifetime.
  it(`gives up after ${MAX_NOTIFICATION_ATTEMPTS} attempts with growing waits`, async () => {
    const report = await submit(EMAIL);
    refusals = Number.POSITIVE_INFINITY;
    for (let attempt = 1; attempt < MAX_NOTIFICATION_ATTEMPTS; attempt++) {
      expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 1, gaveUp: 0 });
      ctx.advance(notificationRetryDelayMs(attempt));
    }
    expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 1 });
    const [message] = await outboxOf(report.id);
    expect(message).toMatchObject({ attempts: MAX_NOTIFICATION_ATTEMPTS, sentAt: null });
    expect(message!.failedAt).not.toBeNull();
    refusals = 0;
    ctx.advance(24 * 60 * 60_000);
    expect(await app.citizenMail.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    expect(inbox).toEqual([]);
  });
});
