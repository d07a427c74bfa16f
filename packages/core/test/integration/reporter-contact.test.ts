import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTACT_READ_ACTION,
  DomainError,
  getReportForStaff,
  readReporterContact,
  submitReport,
  trackReport,
  transitionReport,
  withTenant,
  type Actor,
  type ReportCommand,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// The reporter's contact: who may open it (the IOC, the unit the report is
// assigned to now), that every read is in the audit log with its reader and
// the fields read (never the values), and that refusals read and record
// nothing. Also: every answer and the rating's comment stay readable to staff
// and to the citizen after a reopen.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PHONE = '+84912345678';

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

async function act(actor: Actor, reportId: string, command: ReportCommand, tenantId = t.tenantId) {
  ctx.advance(10 * 60_000);
  return transitionReport(ctx, tenantId, actor, reportId, command);
}

/** The contact-read rows of the audit log of a tenant for one report. */
const contactReads = (tenantId: string, reportId: string) =>
  withTenant(ctx.db, tenantId, (tx) => tx.auditEntry.findMany({ where: { action: CONTACT_READ_ACTION, subjectId: reportId }, orderBy: { id: 'asc' } }));

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).message).not.toContain('0912');
  return (error as DomainError).code;
}

let reportId: string;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'contact', 'CT');
  other = await createFixtureTenant(ctx, 'contact-other', 'CO');
  reportId = (await submitReport(ctx, t.tenantId, submission({ fullName: 'Trần Thị Bình', phone: '0912 345 678', email: 'binh@example.com' }))).id;
  await act(t.operator, reportId, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await act(t.operator, reportId, { type: 'ASSIGN', unitId: t.roadsUnitId });
});
afterAll(async () => tdb?.close());

describe('opening a reporter’s contact', () => {
  it('gives the IOC the name, phone and e-mail, and records who read which fields, never the values', async () => {
    const contact = await readReporterContact(ctx, t.tenantId, t.operator, reportId);
    expect(contact).toEqual({ fullName: 'Trần Thị Bình', phone: PHONE, email: 'binh@example.com' });
    const [row, ...rest] = await contactReads(t.tenantId, reportId);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ actorId: 'userId' in t.operator ? t.operator.userId : null, actorRole: 'IOC_OPERATOR', subjectType: 'Report', at: ctx.now() });
    expect(row?.data).toMatchObject({ fields: ['fullName', 'phone', 'email'] });
    const stored = JSON.stringify({ ...row, id: String(row?.id) });
    for (const value of [PHONE, '0912', 'Trần Thị Bình', 'binh@example.com']) expect(stored).not.toContain(value);
  });

  it('gives it to the officers and leader of the unit the report is assigned to, one audit row per read', async () => {
    const before = (await contactReads(t.tenantId, reportId)).length;
    expect((await readReporterContact(ctx, t.tenantId, t.roadsOfficer, reportId))?.phone).toBe(PHONE);
    expect((await readReporterContact(ctx, t.tenantId, t.roadsLeader, reportId))?.phone).toBe(PHONE);
    const rows = (await contactReads(t.tenantId, reportId)).slice(before);
    expect(rows.map((r) => [r.actorRole, r.actorId])).toEqual([
      ['UNIT_OFFICER', 'userId' in t.roadsOfficer ? t.roadsOfficer.userId : null],
      ['UNIT_LEADER', 'userId' in t.roadsLeader ? t.roadsLeader.userId : null],
    ]);
  });

  it.each([
    ['another unit’s officer', () => t.wardOfficer],
    ['the tenant admin', () => t.admin],
    ['a provincial leader (reads reports, not citizens’ phones)', () => t.leader],
    ['the citizen of another report', (): Actor => ({ role: 'CITIZEN', reportId })],
    ['a scheduled job', (): Actor => ({ role: 'SYSTEM', name: 'sla-alerts' })],
  ])('refuses %s with FORBIDDEN and records nothing', async (_name, actor) => {
    const before = await contactReads(t.tenantId, reportId);
    expect(await refusal(readReporterContact(ctx, t.tenantId, actor(), reportId))).toBe('FORBIDDEN');
    expect(await contactReads(t.tenantId, reportId)).toEqual(before);
  });

  it('answers NOT_FOUND for another tenant’s report and for a malformed id, and records nothing anywhere', async () => {
    expect(await refusal(readReporterContact(ctx, other.tenantId, other.operator, reportId))).toBe('NOT_FOUND');
    expect(await refusal(readReporterContact(ctx, t.tenantId, t.operator, 'not-a-uuid'))).toBe('NOT_FOUND');
    expect(await contactReads(other.tenantId, reportId)).toEqual([]);
  });

  it('stops a unit from reading once the report went back to the IOC', async () => {
    const { id } = await submitReport(ctx, t.tenantId, submission({ phone: '0905 111 222' }));
    await act(t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    await act(t.operator, id, { type: 'ASSIGN', unitId: t.wardUnitId });
    expect((await readReporterContact(ctx, t.tenantId, t.wardOfficer, id))?.phone).toBe('+84905111222');
    expect(await refusal(readReporterContact(ctx, t.tenantId, t.roadsOfficer, id))).toBe('FORBIDDEN');
    await act(t.wardOfficer, id, { type: 'RETURN', reason: 'Không thuộc thẩm quyền' });
    expect(await refusal(readReporterContact(ctx, t.tenantId, t.wardOfficer, id))).toBe('FORBIDDEN');
    expect((await readReporterContact(ctx, t.tenantId, t.operator, id))?.fullName).toBeNull();
    const rows = await contactReads(t.tenantId, id);
    expect(rows.map((r) => (r.data as { fields: string[] }).fields)).toEqual([['phone'], ['phone']]);
  });

  it('is not part of the staff view of a report, which any reader of the report gets without an audit row', async () => {
    const view = await getReportForStaff(ctx, t.tenantId, t.leader, reportId);
    expect(view).not.toHaveProperty('contact');
    expect(JSON.stringify(view)).not.toContain(PHONE);
  });
});

describe('answers and the rating after a reopen', () => {
  it('keeps every answer with the unit that gave it, and the rating’s comment, for staff and the citizen', async () => {
    const { id, trackingCode, secret } = await submitReport(ctx, t.tenantId, submission({ phone: '0905 333 444' }));
    const citizen: Actor = { role: 'CITIZEN', reportId: id };
    await act(t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    await act(t.operator, id, { type: 'ASSIGN', unitId: t.wardUnitId });
    await act(t.wardOfficer, id, { type: 'ACCEPT' });
    await act(t.wardOfficer, id, { type: 'RESOLVE', answer: 'Đã thay bóng đèn.' });
    await act(t.operator, id, { type: 'PUBLISH' });
    await act(citizen, id, { type: 'REOPEN', reason: 'Vẫn còn hai cột không sáng', rating: 2 });
    await act(t.wardOfficer, id, { type: 'RESOLVE', answer: 'Đã thay cả ba bóng và kiểm tra dây.' });
    await act(t.operator, id, { type: 'PUBLISH' });
    await act(citizen, id, { type: 'RATE', rating: 4, comment: 'Lần này ổn' });

    const staff = await getReportForStaff(ctx, t.tenantId, t.operator, id);
    expect(staff.answers.map((a) => [a.text, a.unit?.code])).toEqual([
      ['Đã thay bóng đèn.', 'P-DONGHA'],
      ['Đã thay cả ba bóng và kiểm tra dây.', 'P-DONGHA'],
    ]);
    expect(staff.answer).toBe('Đã thay cả ba bóng và kiểm tra dây.');
    expect(staff.ratingComment).toBe('Lần này ổn');
    expect(staff.timeline.find((e) => e.type === 'REOPEN')?.reason).toBe('Vẫn còn hai cột không sáng');

    const own = await trackReport(ctx, t.tenantId, trackingCode, secret);
    expect(own.access).toBe('CITIZEN');
    if (own.access !== 'CITIZEN') return;
    expect(own.report.answers.map((a) => a.text)).toEqual(staff.answers.map((a) => a.text));
    expect(own.report.ratingComment).toBe('Lần này ổn');

    const seenByPublic = await trackReport(ctx, t.tenantId, trackingCode);
    expect(seenByPublic.report).not.toHaveProperty('answers');
    expect(seenByPublic.report).not.toHaveProperty('ratingComment');
  });
});
