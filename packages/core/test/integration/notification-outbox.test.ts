import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claimDueNotifications,
  enqueueCitizenReminder,
  enqueueMessage,
  findTenantById,
  gsm7Septets,
  submitReport,
  withTenant,
  type OutboxMessage,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// The general outbox: any part queues a message under its own dedupe key
// (once, however often it runs), citizens are reached by e-mail and/or SMS
// by the tenant's rule, rating reminders go once per round, and each
// tenant's outbox stays its own.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PHONE = '+84912345678';
const EMAIL = 'binh@example.com';
const TRACKER = 'https://portal.example.gov.vn/tra-cuu?code={code}';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;

const submission = (reporter: Record<string, string>) => ({
  title: 'Đèn đường hỏng trên đường Lê Duẩn',
  description: 'Ba cột đèn liên tiếp không sáng từ tuần trước, đoạn đường rất tối.',
  address: '12 Lê Duẩn, Đông Hà',
  reporter,
});

async function setNotifications(tenantId: string, notifications: Record<string, string>): Promise<void> {
  const stored = await ctx.db.prisma.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  await ctx.db.prisma.tenant.update({ where: { id: tenantId }, data: { settings: { ...(stored.settings as object), notifications } } });
}

const outboxOf = (reportId: string, tenantId = t.tenantId) =>
  withTenant(ctx.db, tenantId, (tx) => tx.notificationOutbox.findMany({ where: { reportId }, orderBy: [{ createdAt: 'asc' }, { channel: 'asc' }] }));

const staffMail = (dedupeKey: string): OutboxMessage => ({
  channel: 'EMAIL',
  recipient: 'officer@example.gov.vn',
  subject: 'Việc mới / New work',
  body: 'Có phản ánh mới. / A new report.',
  dedupeKey,
});

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'outbox', 'OB');
  other = await createFixtureTenant(ctx, 'outbox-other', 'OO');
});
afterAll(async () => tdb?.close());

describe('enqueueMessage', () => {
  it('queues a message with no report once per tenant, key and channel', async () => {
    const first = await withTenant(ctx.db, t.tenantId, (tx) => enqueueMessage(tx, t.tenantId, staffMail('staff:new-work:1'), ctx.now()));
    const again = await withTenant(ctx.db, t.tenantId, (tx) => enqueueMessage(tx, t.tenantId, { ...staffMail('staff:new-work:1'), body: 'changed' }, ctx.now()));
    expect([first, again]).toEqual([true, false]);
    const rows = await withTenant(ctx.db, t.tenantId, (tx) => tx.notificationOutbox.findMany({ where: { dedupeKey: 'staff:new-work:1' } }));
    expect(rows.map((r) => [r.reportId, r.eventSeq, r.channel, r.body])).toEqual([[null, null, 'EMAIL', 'Có phản ánh mới. / A new report.']]);
    // Another channel under the same key is another message.
    const sms = await withTenant(ctx.db, t.tenantId, (tx) =>
      enqueueMessage(tx, t.tenantId, { ...staffMail('staff:new-work:1'), channel: 'SMS', recipient: PHONE }, ctx.now()));
    expect(sms).toBe(true);
    // The claim hands it to the worker like any citizen notice.
    const claimed = await claimDueNotifications(ctx, t.tenantId, ctx.now(), 20, ['EMAIL']);
    expect(claimed.filter((m) => m.reportId === null).map((m) => m.subject)).toContain('Việc mới / New work');
  });

  it('refuses a malformed message with a TypeError that names no recipient, queuing nothing', async () => {
    const cases: OutboxMessage[] = [
      { ...staffMail('bad:1'), channel: 'FAX' as never },
      { ...staffMail('') },
      { ...staffMail('bad:2'), recipient: '' },
      { ...staffMail('bad:3'), channel: 'SMS', recipient: '0912 345 678' },
      { ...staffMail('bad:4'), reportId: 'not-a-uuid' },
    ];
    for (const message of cases) {
      const error = await withTenant(ctx.db, t.tenantId, (tx) => enqueueMessage(tx, t.tenantId, message, ctx.now())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).not.toMatch(/0912|345 678/);
    }
    const count = await withTenant(ctx.db, t.tenantId, (tx) => tx.notificationOutbox.count({ where: { dedupeKey: { startsWith: 'bad:' } } }));
    expect(count).toBe(0);
  });

  it("keeps each tenant's outbox to itself: the same key is another tenant's own, and no tenant writes or reads another's", async () => {
    expect(await withTenant(ctx.db, other.tenantId, (tx) => enqueueMessage(tx, other.tenantId, staffMail('staff:new-work:1'), ctx.now()))).toBe(true);
    const mine = await withTenant(ctx.db, other.tenantId, (tx) => tx.notificationOutbox.findMany());
    expect(mine.map((m) => m.tenantId)).toEqual([other.tenantId]);
    // Writing into the first tenant's outbox from the other's transaction: refused by row-level security.
    await expect(withTenant(ctx.db, other.tenantId, (tx) => enqueueMessage(tx, t.tenantId, staffMail('attack:1'), ctx.now()))).rejects.toThrow();
    expect(await withTenant(ctx.db, t.tenantId, (tx) => tx.notificationOutbox.count({ where: { dedupeKey: 'attack:1' } }))).toBe(0);
    // The other tenant's claim never returns this tenant's messages.
    const claimed = await claimDueNotifications(ctx, other.tenantId, ctx.now(), 50);
    expect(claimed.every((m) => m.tenantId === other.tenantId)).toBe(true);
  });
});

describe('citizen channels (notifications.sms)', () => {
  it('by default (WHEN_NO_EMAIL) e-mails a reporter who left an e-mail and texts one who left only a phone', async () => {
    await setNotifications(t.tenantId, { publicTrackerUrl: TRACKER });
    const both = await submitReport(ctx, t.tenantId, submission({ phone: '0912 345 678', email: EMAIL }));
    const phoneOnly = await submitReport(ctx, t.tenantId, submission({ phone: '0912 345 678' }));
    expect((await outboxOf(both.id)).map((m) => [m.channel, m.recipient])).toEqual([['EMAIL', EMAIL]]);
    const [sms] = await outboxOf(phoneOnly.id);
    expect(sms).toMatchObject({ channel: 'SMS', recipient: PHONE, eventSeq: 1, dedupeKey: `report:${phoneOnly.id}:event:1` });
    expect(sms!.body).toBe(
      `${phoneOnly.trackingCode}: Phan anh cua ban da duoc tiep nhan. Tra cuu: https://portal.example.gov.vn/tra-cuu?code=${phoneOnly.trackingCode} / Your report was received.`,
    );
    expect(gsm7Septets(sms!.body)).toBeLessThanOrEqual(160);
    expect(sms!.body).not.toContain(phoneOnly.secret);
  });

  it('ALWAYS texts besides the e-mail; OFF never texts', async () => {
    await setNotifications(t.tenantId, { sms: 'ALWAYS' });
    const always = await submitReport(ctx, t.tenantId, submission({ phone: '0912 345 678', email: EMAIL }));
    expect((await outboxOf(always.id)).map((m) => m.channel)).toEqual(['EMAIL', 'SMS']);
    await setNotifications(t.tenantId, { sms: 'OFF' });
    const off = await submitReport(ctx, t.tenantId, submission({ phone: '0912 345 678' }));
    expect(await outboxOf(off.id)).toEqual([]);
    await setNotifications(t.tenantId, {});
  });
});

describe('enqueueCitizenReminder', () => {
  it('queues the rating reminder on each channel, Vietnamese first, once per report and round', async () => {
    await setNotifications(t.tenantId, { sms: 'ALWAYS', publicTrackerUrl: TRACKER });
    const report = await submitReport(ctx, t.tenantId, submission({ phone: '0912 345 678', email: EMAIL }));
    const tenant = await findTenantById(ctx, t.tenantId);
    const remind = (round: number) =>
      withTenant(ctx.db, t.tenantId, (tx) => enqueueCitizenReminder(tx, tenant, report, { kind: 'RATING_REMINDER', round }, ctx.now()));
    await remind(1);
    await remind(1);
    const reminders = (await outboxOf(report.id)).filter((m) => m.eventSeq === null);
    expect(reminders.map((m) => [m.channel, m.dedupeKey])).toEqual([
      ['EMAIL', `report:${report.id}:rating-reminder:1`],
      ['SMS', `report:${report.id}:rating-reminder:1`],
    ]);
    const [email, sms] = reminders;
    expect(email!.subject).toBe(`[${report.trackingCode}] Mời bạn đánh giá kết quả xử lý / Please rate the answer to your report`);
    expect(email!.body.indexOf('đánh giá câu trả lời')).toBeLessThan(email!.body.indexOf('rate the answer'));
    expect(email!.body).toContain(`Tra cứu: https://portal.example.gov.vn/tra-cuu?code=${report.trackingCode}`);
    expect(sms!.body).toMatch(new RegExp(`^${report.trackingCode}: Moi ban danh gia cau tra loi tren trang tra cuu\\. Tra cuu: https://`));
    expect(gsm7Septets(sms!.body)).not.toBeNull();
    // A second round is another reminder.
    await remind(2);
    expect((await outboxOf(report.id)).filter((m) => m.eventSeq === null)).toHaveLength(4);
    await expect(remind(0)).rejects.toThrow(TypeError);
    await setNotifications(t.tenantId, {});
  });
});
