import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueMessage, MAX_NOTIFICATION_ATTEMPTS, notificationRetryDelayMs, submitReport, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// SMS end to end: reports filed in core queue SMS for reporters who left only
// a phone; the server's delivery worker posts them to an HTTP SMS gateway,
// here a real node:http server on a free port standing in for the provider
// (the edge of the world), and e-mails (also staff e-mails with no report)
// to a real SMTP server. Retries on 5xx and timeouts, gives up at once on
// 4xx, never writes the phone into last_error or a log line.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PHONE = '0912 345 678';
const E164 = '+84912345678';
const TOKEN = 'gateway-token-0123456789';
const TRACKER = 'https://pa.example.vn/{code}';
const GATEWAY_TIMEOUT_MS = 2000;

interface GatewayRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: { to?: string; from?: string; text?: string };
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let app: FastifyInstance;
let gateway: Server;
let gatewayUrl: string;
let smtp: SMTPServer;
let smtpPort: number;
const requests: GatewayRequest[] = [];
/** What the gateway answers next, in order; then 200. `'hang'`: never answers. */
const answers: Array<number | 'hang'> = [];
const mails: Array<{ to: string[]; raw: string }> = [];
const logs: string[] = [];

const submission = (reporter: Record<string, string>) => ({
  title: 'Đèn đường hỏng trên đường Lê Duẩn',
  description: 'Ba cột đèn liên tiếp không sáng từ tuần trước, đoạn đường rất tối.',
  address: '12 Lê Duẩn, Đông Hà',
  reporter,
});

const outboxOf = (reportId: string, tenantId = t.tenantId) =>
  withTenant(ctx.db, tenantId, (tx) => tx.notificationOutbox.findMany({ where: { reportId }, orderBy: { createdAt: 'asc' } }));

function handle(request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as GatewayRequest['body'],
    });
    const answer = answers.shift() ?? 200;
    if (answer === 'hang') return;
    response.writeHead(answer, { 'content-type': 'application/json' });
    // A gateway that echoes the number in its errors, in another spelling.
    response.end(answer < 300 ? JSON.stringify({ id: `gw-${requests.length}` }) : JSON.stringify({ error: `cannot deliver to ${E164} (0912345678)` }));
  });
}

beforeAll(async () => {
  gateway = createServer(handle);
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/v1/sms`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'sms', 'SM');
  other = await createFixtureTenant(ctx, 'sms-other', 'SO');
  const stored = await ctx.db.prisma.tenant.findUniqueOrThrow({ where: { id: t.tenantId } });
  await ctx.db.prisma.tenant.update({
    where: { id: t.tenantId },
    data: { settings: { ...(stored.settings as object), notifications: { smsSender: 'QUANGTRI', publicTrackerUrl: TRACKER } } },
  });
  app = await buildApp({
    core: ctx,
    redisUrl: null,
    notifications: {
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      mailFrom: 'no-reply@paht.example.gov.vn',
      intervalMs: 0,
      // Long enough that a loaded machine's answer is never taken for a hang.
      sms: { url: gatewayUrl, token: TOKEN, sender: 'PAHT', timeoutMs: GATEWAY_TIMEOUT_MS },
    },
    // Every line the app logs (the worker's included), to look for the phone in them. Through a
    // stream of its own, not by replacing app.log's methods: without a logger, that object is
    // Fastify's one no-op logger, shared by every app in the process, so later files' apps would log here too.
    logger: true,
    logStream: { write: (line: string) => void logs.push(line) },
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  gateway?.closeAllConnections();
  await new Promise<void>((resolve) => (gateway ? gateway.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await tdb?.close();
});

beforeEach(() => {
  requests.length = 0;
  answers.length = 0;
  mails.length = 0;
  logs.length = 0;
});

/** No trace of the reporter's phone, in any spelling. */
const phoneFree = (text: string | null | undefined) => expect(text ?? '').not.toMatch(/912\D?345\D?678/);

describe('SMS delivery through an HTTP gateway', () => {
  it('posts the citizen SMS as JSON with the bearer token and the tenant sender, and marks it sent once', async () => {
    const report = await submitReport(ctx, t.tenantId, submission({ phone: PHONE }));
    expect(app.notificationDelivery.sms).toBe('GATEWAY');
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 1, retried: 0, gaveUp: 0 });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/v1/sms', authorization: `Bearer ${TOKEN}`, contentType: 'application/json' });
    expect(requests[0]!.body).toEqual({
      to: E164,
      from: 'QUANGTRI',
      text: `${report.trackingCode}: Phan anh cua ban da duoc tiep nhan. Tra cuu: https://pa.example.vn/${report.trackingCode} / Your report was received.`,
    });
    expect(mails).toEqual([]);
    const [message] = await outboxOf(report.id);
    expect(message).toMatchObject({ channel: 'SMS', attempts: 1, lastError: null });
    expect(message!.sentAt).not.toBeNull();
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    expect(requests).toHaveLength(1);
  });

  it('retries after a 500 and after a timeout with the growing wait, then sends; the phone is in neither last_error nor the logs', async () => {
    const report = await submitReport(ctx, t.tenantId, submission({ phone: PHONE }));
    answers.push(500);
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 1, gaveUp: 0 });
    let [message] = await outboxOf(report.id);
    expect(message!.lastError).toMatch(/^SMS gateway answered 500: /);
    phoneFree(message!.lastError);
    expect(message!.nextAttemptAt.getTime()).toBe(ctx.now().getTime() + notificationRetryDelayMs(1));
    // Not due yet.
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    ctx.advance(notificationRetryDelayMs(1));
    answers.push('hang');
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 1, gaveUp: 0 });
    [message] = await outboxOf(report.id);
    expect(message!.lastError).toBe(`SMS gateway unreachable: no answer within ${GATEWAY_TIMEOUT_MS} ms`);
    ctx.advance(notificationRetryDelayMs(2));
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 1, retried: 0, gaveUp: 0 });
    [message] = await outboxOf(report.id);
    expect(message).toMatchObject({ attempts: 3, lastError: null });
    expect(requests.map((r) => r.body.to)).toEqual([E164, E164, E164]);
    expect(logs.some((line) => line.includes('SMS not sent'))).toBe(true);
    for (const line of logs) phoneFree(line);
  });

  it('gives up at once when the gateway refuses the message (4xx)', async () => {
    const report = await submitReport(ctx, t.tenantId, submission({ phone: PHONE }));
    answers.push(400);
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 1 });
    const [message] = await outboxOf(report.id);
    expect(message).toMatchObject({ attempts: 1, sentAt: null });
    expect(message!.failedAt).not.toBeNull();
    expect(message!.lastError).toMatch(/^SMS gateway answered 400/);
    phoneFree(message!.lastError);
    for (const line of logs) phoneFree(line);
    ctx.advance(24 * 60 * 60_000);
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
    expect(requests).toHaveLength(1);
  });

  it('retries a 429 (too many requests) and a 408 like a 5xx, not as a refusal', async () => {
    const report = await submitReport(ctx, t.tenantId, submission({ phone: PHONE }));
    answers.push(429);
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 1, gaveUp: 0 });
    ctx.advance(notificationRetryDelayMs(1));
    answers.push(408);
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 1, gaveUp: 0 });
    ctx.advance(notificationRetryDelayMs(2));
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 1, retried: 0, gaveUp: 0 });
    expect((await outboxOf(report.id)).map((m) => [m.attempts, m.failedAt])).toEqual([[3, null]]);
  });

  it('delivers staff messages with no report on both channels, from each tenant with its own sender', async () => {
    const now = ctx.now();
    await withTenant(ctx.db, t.tenantId, async (tx) => {
      await enqueueMessage(tx, t.tenantId, { channel: 'EMAIL', recipient: 'leader@example.gov.vn', subject: 'Quá hạn / Overdue', body: 'Phản ánh quá hạn.', dedupeKey: 'staff:test:1' }, now);
      await enqueueMessage(tx, t.tenantId, { channel: 'SMS', recipient: '+84905111222', subject: 'Quá hạn / Overdue', body: 'Qua han.', dedupeKey: 'staff:test:1' }, now);
    });
    await withTenant(ctx.db, other.tenantId, (tx) =>
      enqueueMessage(tx, other.tenantId, { channel: 'SMS', recipient: '+84905333444', subject: 's', body: 'Viec moi.', dedupeKey: 'staff:test:1' }, now));
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 3, retried: 0, gaveUp: 0 });
    expect(mails.map((m) => m.to)).toEqual([['leader@example.gov.vn']]);
    expect(mails[0]!.raw).toContain('no-reply@paht.example.gov.vn');
    expect(requests.map((r) => [r.body.to, r.body.from, r.body.text]).sort()).toEqual([
      ['+84905111222', 'QUANGTRI', 'Qua han.'],
      ['+84905333444', 'PAHT', 'Viec moi.'],
    ]);
  });

  it(`gives up after ${MAX_NOTIFICATION_ATTEMPTS} attempts when the gateway keeps failing`, async () => {
    const report = await submitReport(ctx, t.tenantId, submission({ phone: PHONE }));
    for (let attempt = 1; attempt < MAX_NOTIFICATION_ATTEMPTS; attempt++) {
      answers.push(503);
      expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 1, gaveUp: 0 });
      ctx.advance(notificationRetryDelayMs(attempt));
    }
    answers.push(503);
    expect(await app.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 1 });
    const [message] = await outboxOf(report.id);
    expect(message).toMatchObject({ attempts: MAX_NOTIFICATION_ATTEMPTS, sentAt: null });
    expect(message!.failedAt).not.toBeNull();
    phoneFree(message!.lastError);
  });
});

describe('SMS configuration', () => {
  it('without a gateway: the console in development (phone masked), nothing in production (messages wait)', async () => {
    const printed: Array<Record<string, unknown>> = [];
    const dev = await buildApp({ core: ctx, redisUrl: null, notifications: { smtpUrl: null, intervalMs: 0, sms: { url: null, consoleLog: { info: (f) => printed.push(f) } } } });
    const prod = await buildApp({ core: ctx, redisUrl: null, notifications: { smtpUrl: null, intervalMs: 0, production: true, sms: { url: null } } });
    try {
      expect([dev.notificationDelivery.sms, prod.notificationDelivery.sms]).toEqual(['CONSOLE', 'OFF']);
      const report = await submitReport(ctx, other.tenantId, submission({ phone: PHONE }));
      expect(await prod.notificationDelivery.deliver()).toEqual({ sent: 0, retried: 0, gaveUp: 0 });
      expect((await outboxOf(report.id, other.tenantId)).map((m) => m.attempts)).toEqual([0]);
      expect(await dev.notificationDelivery.deliver()).toEqual({ sent: 1, retried: 0, gaveUp: 0 });
      expect(printed.map((p) => p.to)).toEqual(['+********678']);
      expect(JSON.stringify(printed)).not.toMatch(/912\D?345/);
      expect(requests).toEqual([]);
    } finally {
      await dev.close();
      await prod.close();
    }
  });

  it('refuses to start with a gateway URL but no token', async () => {
    await expect(buildApp({ core: ctx, redisUrl: null, notifications: { intervalMs: 0, sms: { url: gatewayUrl, token: null } } })).rejects.toThrow(
      /PAHT_SMS_TOKEN is not/,
    );
  });
});
