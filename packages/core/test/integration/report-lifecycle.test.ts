import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  getReportForStaff,
  submitReport,
  trackReport,
  transitionReport,
  type Actor,
  type ReportCommand,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// Monday 2026-03-02 09:00 in Vietnam (UTC+7).
const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;

const submission = (extra: Record<string, unknown> = {}) => ({
  title: 'Ổ gà lớn trên đường Hùng Vương',
  description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
  channel: 'APP',
  latitude: 16.8163,
  longitude: 107.1003,
  address: '120 Hùng Vương, Đông Hà',
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
  ...extra,
});

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'lifecycle', 'LC');
});
afterAll(async () => tdb?.close());

async function act(actor: Actor, reportId: string, command: ReportCommand, advanceMs = HOUR) {
  ctx.advance(advanceMs);
  return transitionReport(ctx, t.tenantId, actor, reportId, command);
}

async function expectRefused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

describe('one report, end to end', () => {
  it('travels from submission to a rated close, with every step on its timeline', async () => {
    ctx.setNow(MONDAY_9AM);
    const submitted = await submitReport(ctx, t.tenantId, submission());
    expect(submitted.trackingCode).toMatch(/^LC-\d{3}-\d{3}-\d{3}$/);
    expect(submitted.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const id = submitted.id;

    await act(t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    await act(t.operator, id, { type: 'ASSIGN', unitId: t.wardUnitId });
    await act(t.wardOfficer, id, { type: 'RETURN', reason: 'Không thuộc thẩm quyền của phường' });
    await act(t.operator, id, { type: 'ASSIGN', unitId: t.roadsUnitId });
    const accepted = await act(t.roadsOfficer, id, { type: 'ACCEPT' });
    // Resolution starts at the assignment the unit accepted: Mon 13:00 local
    // (09:00 + 4 × 1 h), in the lunch break, so counting starts at 13:30;
    // 5 working days of 7.5 h (13:30–17:00 + 07:30–11:30 each) → next Monday 11:30 local.
    expect(accepted.sla?.resolution?.startedAt.toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(accepted.sla?.resolution?.dueAt.toISOString()).toBe('2026-03-09T04:30:00.000Z');

    await act(t.roadsOfficer, id, { type: 'START' });
    const extended = await act(t.roadsLeader, id, { type: 'EXTEND', extensionMinutes: 450, reason: 'Chờ vật liệu nhựa đường' });
    expect(extended.sla?.resolution?.dueAt.toISOString()).toBe('2026-03-10T04:30:00.000Z');
    await act(t.roadsOfficer, id, { type: 'REQUEST_INFO', reason: 'Xin ảnh chụp rõ vị trí ổ gà' });

    const citizen: Actor = { role: 'CITIZEN', reportId: id };
    await act(citizen, id, { type: 'PROVIDE_INFO', reason: 'Đã gửi thêm ảnh' }, 24 * HOUR);
    const resolved = await act(t.roadsOfficer, id, { type: 'RESOLVE', answer: 'Đã vá ổ gà ngày 05/3/2026.' });
    expect(resolved.sla?.outcome).toBe('ON_TIME');
    await act(t.operator, id, { type: 'PUBLISH' });
    await act(citizen, id, { type: 'RATE', rating: 5, comment: 'Xử lý nhanh' });

    const view = await getReportForStaff(ctx, t.tenantId, t.operator, id);
    expect(view.status).toBe('CLOSED');
    expect(view.unit?.id).toBe(t.roadsUnitId);
    expect(view.rating).toBe(5);
    expect(view.resolvedOnTime).toBe(true);
    expect(view.ratingComment).toBe('Xử lý nhanh');
    expect(view).not.toHaveProperty('contact');
    expect(view.timeline.map((e) => e.type)).toEqual([
      'SUBMIT', 'CLASSIFY', 'ASSIGN', 'RETURN', 'ASSIGN', 'ACCEPT', 'START', 'EXTEND',
      'REQUEST_INFO', 'PROVIDE_INFO', 'RESOLVE', 'PUBLISH', 'RATE',
    ]);
    expect(view.timeline.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(view.timeline[3]).toMatchObject({ fromStatus: 'ASSIGNED', toStatus: 'CLASSIFIED', actorRole: 'UNIT_OFFICER', reason: 'Không thuộc thẩm quyền của phường' });
    expect(view.timeline[7]?.data.extensionMinutes).toBe(450);
    const resolveStage = view.sla?.resolution;
    expect(resolveStage?.pausedMinutes).toBeGreaterThan(0);
  });

  it('reopens when the citizen is not satisfied and starts a new resolution round', async () => {
    ctx.setNow(MONDAY_9AM);
    const { id } = await submitReport(ctx, t.tenantId, submission());
    for (const [actor, command] of [
      [t.operator, { type: 'CLASSIFY', categoryId: t.roadsCategoryId }],
      [t.operator, { type: 'ASSIGN', unitId: t.roadsUnitId }],
      [t.roadsOfficer, { type: 'ACCEPT' }],
      [t.roadsOfficer, { type: 'RESOLVE', answer: 'Đã xử lý.' }],
      [t.operator, { type: 'PUBLISH' }],
    ] as const) await act(actor, id, command);
    const reopened = await act({ role: 'CITIZEN', reportId: id }, id, { type: 'REOPEN', reason: 'Ổ gà vẫn còn', rating: 1 });
    expect(reopened.event.toStatus).toBe('IN_PROGRESS');
    expect(reopened.sla?.outcome).toBe('IN_PROGRESS');
    const view = await getReportForStaff(ctx, t.tenantId, t.operator, id);
    expect(view.resolvedAt).toBeNull();
    expect(view.resolvedOnTime).toBeNull();
    expect(view.sla?.stages.filter((s) => s.stage === 'RESOLVE')).toHaveLength(2);
  });
});

describe('refusals change nothing', () => {
  const cases: Array<[string, (id: string) => [Actor, ReportCommand], string]> = [
    ['a unit cannot accept a report that is only submitted', () => [t.roadsOfficer, { type: 'ACCEPT' }], 'FORBIDDEN'],
    ['an operator cannot resolve', () => [t.operator, { type: 'RESOLVE', answer: 'x' }], 'FORBIDDEN'],
    ['a leader (read-only) cannot classify', () => [t.leader, { type: 'CLASSIFY', categoryId: t.roadsCategoryId }], 'FORBIDDEN'],
    ['a tenant admin cannot assign', () => [t.admin, { type: 'ASSIGN', unitId: t.roadsUnitId }], 'FORBIDDEN'],
    ['another citizen cannot rate', () => [{ role: 'CITIZEN', reportId: crypto.randomUUID() }, { type: 'RATE', rating: 5 }], 'FORBIDDEN'],
    ['a submitted report cannot be assigned before classification', () => [t.operator, { type: 'ASSIGN', unitId: t.roadsUnitId }], 'ILLEGAL_TRANSITION'],
    ['a submitted report cannot be published', () => [t.operator, { type: 'PUBLISH' }], 'ILLEGAL_TRANSITION'],
    ['a rejection needs a reason', () => [t.operator, { type: 'REJECT', rejection: 'SPAM', reason: '  ' }], 'VALIDATION'],
    ['classification needs a category of this tenant', () => [t.operator, { type: 'CLASSIFY', categoryId: crypto.randomUUID() }], 'VALIDATION'],
    ['classification needs a well-formed id', () => [t.operator, { type: 'CLASSIFY', categoryId: 'not-an-id' }], 'VALIDATION'],
  ];

  it.each(cases)('%s', async (_name, make, code) => {
    ctx.setNow(MONDAY_9AM);
    const { id } = await submitReport(ctx, t.tenantId, submission());
    const before = await getReportForStaff(ctx, t.tenantId, t.operator, id);
    const [actor, command] = make(id);
    await expectRefused(transitionReport(ctx, t.tenantId, actor, id, command), code);
    const after = await getReportForStaff(ctx, t.tenantId, t.operator, id);
    expect(after.timeline).toHaveLength(before.timeline.length);
    expect(after.status).toBe(before.status);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('an officer of another unit cannot accept a report assigned elsewhere', async () => {
    const { id } = await submitReport(ctx, t.tenantId, submission());
    await act(t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    await act(t.operator, id, { type: 'ASSIGN', unitId: t.roadsUnitId });
    await expectRefused(act(t.wardOfficer, id, { type: 'ACCEPT' }), 'FORBIDDEN');
    expect((await getReportForStaff(ctx, t.tenantId, t.operator, id)).status).toBe('ASSIGNED');
  });

  it('rejects bad submissions with the fields named and stores nothing', async () => {
    const error = await submitReport(ctx, t.tenantId, submission({ title: 'ab', reporter: { phone: '12345' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const fields = (error as DomainError).details.fields?.map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['title', 'reporter.phone']));
    expect((error as DomainError).message).not.toContain('12345');
  });

  it('lets only one of two concurrent commands on the same report win', async () => {
    const { id } = await submitReport(ctx, t.tenantId, submission());
    const results = await Promise.allSettled([
      transitionReport(ctx, t.tenantId, t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId }),
      transitionReport(ctx, t.tenantId, t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // The loser sees either the conflict (both read the same version) or the new state.
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['CONFLICT', 'ILLEGAL_TRANSITION']).toContain((loser.reason as DomainError).code);
    const view = await getReportForStaff(ctx, t.tenantId, t.operator, id);
    expect(view.timeline).toHaveLength(2);
  });
});

describe('submission and tracking', () => {
  it('returns the same report, code and secret when a submit is retried with its idempotency key', async () => {
    const input = submission({ idempotencyKey: 'retry-key-0001' });
    const first = await submitReport(ctx, t.tenantId, input);
    const again = await submitReport(ctx, t.tenantId, input);
    expect(again).toMatchObject({ id: first.id, trackingCode: first.trackingCode, secret: first.secret, replayed: true });
    const concurrent = await Promise.all([1, 2, 3].map(() => submitReport(ctx, t.tenantId, submission({ idempotencyKey: 'retry-key-0002' }))));
    expect(new Set(concurrent.map((r) => r.id)).size).toBe(1);
  });

  it('shows the public no contact data, and the citizen holding the secret their own report', async () => {
    const { id, trackingCode, secret } = await submitReport(ctx, t.tenantId, submission());
    const spoken = trackingCode.replace(/-/g, ' ').toLowerCase();
    const pub = await trackReport(ctx, t.tenantId, spoken);
    expect(pub.access).toBe('PUBLIC');
    expect(JSON.stringify(pub)).not.toMatch(/0912|84912345678|dan@example|Nguyễn Văn Dân/);
    expect(pub.report.title).toBe('Ổ gà lớn trên đường Hùng Vương');
    const mine = await trackReport(ctx, t.tenantId, trackingCode, secret);
    expect(mine.access).toBe('CITIZEN');
    expect(mine.report.id).toBe(id);
    await expectRefused(trackReport(ctx, t.tenantId, trackingCode, 'wrong-secret-wrong-secret-000000'), 'FORBIDDEN');
  });

  it('keeps attachment metadata private until it is made public', async () => {
    const photo = { kind: 'PHOTO', mimeType: 'image/jpeg', byteSize: 123_456, storageKey: 'uploads/abc.jpg', fileName: 'o-ga.jpg', width: 1600, height: 1200 };
    const { id, trackingCode } = await submitReport(ctx, t.tenantId, submission({ attachments: [photo] }));
    const staff = await getReportForStaff(ctx, t.tenantId, t.operator, id);
    expect(staff.attachments).toEqual([expect.objectContaining({ ...photo, isPublic: false, eventSeq: 1 })]);
    expect((await trackReport(ctx, t.tenantId, trackingCode)).report.attachments).toEqual([]);
    const bad = await submitReport(ctx, t.tenantId, submission({ attachments: [{ ...photo, mimeType: 'text/html', byteSize: 0 }] })).catch((e: unknown) => e);
    expect((bad as DomainError).details.fields?.map((f) => f.path)).toEqual(['attachments.0.mimeType', 'attachments.0.byteSize']);
  });

  it('hides the content of a report in a private category from the public', async () => {
    const { trackingCode } = await submitReport(ctx, t.tenantId, submission({ categoryId: t.misconductCategoryId, title: 'Cán bộ địa chính gây khó dễ' }));
    const pub = await trackReport(ctx, t.tenantId, trackingCode);
    expect(pub.report.visibility).toBe('PRIVATE');
    expect(pub.report.title).toBeNull();
    expect(pub.report.description).toBeNull();
    expect(JSON.stringify(pub)).not.toContain('địa chính');
  });

  it('keeps the timeline append-only even for the database owner', async () => {
    const { id } = await submitReport(ctx, t.tenantId, submission());
    await expect(tdb.db.query('UPDATE report_events SET reason = $1 WHERE report_id = $2', ['tampered', id])).rejects.toThrow(/append-only/);
    await expect(tdb.db.query('DELETE FROM report_events WHERE report_id = $1', [id])).rejects.toThrow(/append-only/);
  });
});
