import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countUnreadStaffNotifications,
  findTenantById,
  listStaffNotifications,
  markStaffNotificationsRead,
  notifyStaff,
  setFocalPoint,
  STAFF_NOTICE_KINDS,
  STAFF_NOTICES,
  submitReport,
  transitionReport,
  withTenant,
  type Actor,
  type StaffNotice,
  type TenantRecord,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// notifyStaff: who receives each kind, once per dedupe key however often a
// job runs, the focal points' e-mail for deadlines, and tenant isolation
// under row-level security.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const CONTACT = /0912|84912345678|dan@example|Nguyễn Văn Dân/;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let tenant: TenantRecord;
let otherTenant: TenantRecord;
let reportId: string;
let trackingCode: string;

const userOf = (actor: Actor) => ('userId' in actor ? actor.userId : '');

async function notify(notice: StaffNotice, into = tenant) {
  return withTenant(ctx.db, into.id, (tx) => notifyStaff(tx, into, notice, ctx.now()));
}

async function outboxFor(dedupePrefix: string) {
  return withTenant(ctx.db, tenant.id, (tx) =>
    tx.notificationOutbox.findMany({ where: { dedupeKey: { startsWith: dedupePrefix } }, orderBy: { recipient: 'asc' } }),
  );
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'notices', 'NT');
  other = await createFixtureTenant(ctx, 'other-notices', 'ON');
  tenant = await findTenantById(ctx, t.tenantId);
  otherTenant = await findTenantById(ctx, other.tenantId);
  const report = await submitReport(ctx, t.tenantId, {
    title: 'Nắp cống bị vỡ',
    description: 'Nắp cống trước số 20 bị vỡ, xe máy dễ sập bánh.',
    channel: 'WEB',
    address: '20 Lê Lợi, Đông Hà',
    reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
  });
  reportId = report.id;
  trackingCode = report.trackingCode;
  // The roads unit's focal points: a leader with an e-mail, a staff member without one.
  await setFocalPoint(ctx, t.tenantId, t.admin, t.roadsUnitId, { role: 'LEADER', fullName: 'Trần Thị Đầu Mối', email: 'daumoi@sogtvt.example.gov.vn' });
  await setFocalPoint(ctx, t.tenantId, t.admin, t.roadsUnitId, { role: 'STAFF', fullName: 'Lê Văn Cán Bộ', phone: '0987654321' });
});

afterAll(async () => tdb?.close());

describe('staff notices', () => {
  it('declare every kind with an audience and a title in Vietnamese and English', () => {
    for (const kind of STAFF_NOTICE_KINDS) {
      expect(STAFF_NOTICES[kind].audience.length).toBeGreaterThan(0);
      expect(STAFF_NOTICES[kind].title.vi).not.toBe(STAFF_NOTICES[kind].title.en);
    }
  });

  it('reach the audience of each kind among the tenant’s active staff', async () => {
    const recipients = async (kind: StaffNotice['kind'], unitId: string | null) =>
      (await notify({ kind, reportId, unitId, dedupeKey: `audience:${kind}:${unitId}`, data: { trackingCode } })).map((r) => r.staffUserId).sort();
    const ids = (...actors: Actor[]) => actors.map(userOf).sort();
    expect(await recipients('DEADLINE_NEAR', t.roadsUnitId)).toEqual(ids(t.roadsOfficer, t.roadsLeader));
    expect(await recipients('DEADLINE_NEAR', null)).toEqual(ids(t.operator));
    expect(await recipients('DEADLINE_PASSED', t.roadsUnitId)).toEqual(ids(t.roadsLeader, t.operator));
    expect(await recipients('DEADLINE_PASSED_TWICE', t.roadsUnitId)).toEqual(ids(t.roadsLeader, t.operator, t.leader));
    expect(await recipients('FOCAL_POINTS_MISSING', t.wardUnitId)).toEqual(ids(t.operator, t.admin));
    expect(await recipients('CITIZEN_REPLIED', t.wardUnitId)).toEqual(ids(t.wardOfficer));
    // A deactivated account is told nothing.
    await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.update({ where: { id: userOf(t.wardOfficer) }, data: { active: false } }));
    expect(await recipients('REOPENED', t.wardUnitId)).toEqual([]);
    await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.update({ where: { id: userOf(t.wardOfficer) }, data: { active: true } }));
  });

  it('notify once per dedupe key, however often the job runs, and e-mail the focal points once', async () => {
    const notice: StaffNotice = {
      kind: 'DEADLINE_PASSED',
      reportId,
      unitId: t.roadsUnitId,
      dedupeKey: `report:${reportId}:deadline-passed:RESOLVE:1`,
      data: { trackingCode, stage: 'RESOLVE', dueAt: '2026-03-06T10:00:00.000Z' },
    };
    const first = await notify(notice);
    expect(first).toHaveLength(2);
    const again = await Promise.all([notify(notice), notify(notice)]);
    expect(again.flat()).toEqual([]);
    const stored = await withTenant(ctx.db, t.tenantId, (tx) => tx.staffNotification.count({ where: { dedupeKey: notice.dedupeKey } }));
    expect(stored).toBe(2);

    const mails = await outboxFor(`staff-notice:${notice.dedupeKey}`);
    expect(mails.map((m) => m.recipient)).toEqual(['daumoi@sogtvt.example.gov.vn']);
    const [mail] = mails;
    expect(mail?.subject).toBe(`[${trackingCode}] Phản ánh đã quá hạn xử lý / A report is past its deadline`);
    expect(mail?.body).toContain('Hạn xử lý: 06/03/2026 17:00');
    expect(mail?.body.indexOf('Phản ánh đã quá hạn')).toBeLessThan(mail?.body.indexOf('A report is past') ?? 0);
    expect(`${mail?.subject} ${mail?.body}`).not.toMatch(CONTACT);
    // Event notices (not deadlines) send no e-mail.
    await notify({ kind: 'NEW_WORK', reportId, unitId: t.roadsUnitId, dedupeKey: 'no-mail:new-work' });
    expect(await outboxFor('staff-notice:no-mail')).toEqual([]);
  });

  it('are written with the report event: assignment tells the unit, a refused step tells no one', async () => {
    const operator = t.operator;
    await transitionReport(ctx, t.tenantId, operator, reportId, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    const before = await countUnreadStaffNotifications(ctx, t.tenantId, t.wardOfficer);
    await expect(transitionReport(ctx, t.tenantId, operator, reportId, { type: 'ASSIGN', unitId: other.roadsUnitId })).rejects.toThrow();
    ctx.advance(60_000);
    const assigned = await transitionReport(ctx, t.tenantId, operator, reportId, { type: 'ASSIGN', unitId: t.wardUnitId });
    expect(assigned.staffNotifications.map((n) => [n.kind, n.staffUserId])).toEqual([['NEW_WORK', userOf(t.wardOfficer)]]);
    expect(await countUnreadStaffNotifications(ctx, t.tenantId, t.wardOfficer)).toBe(before + 1);
    const page = await listStaffNotifications(ctx, t.tenantId, t.wardOfficer, { unreadOnly: true });
    expect(page.items[0]).toMatchObject({ kind: 'NEW_WORK', reportId, trackingCode, title: STAFF_NOTICES.NEW_WORK.title });
    expect(JSON.stringify(page)).not.toMatch(CONTACT);
  });

  it('tell the unit when the citizen answers its question or reopens the report', async () => {
    const ward = t.wardOfficer;
    const citizen: Actor = { role: 'CITIZEN', reportId };
    const kinds = async () => (await listStaffNotifications(ctx, t.tenantId, ward)).items.map((i) => i.kind);
    await transitionReport(ctx, t.tenantId, ward, reportId, { type: 'ACCEPT' });
    await transitionReport(ctx, t.tenantId, ward, reportId, { type: 'REQUEST_INFO', reason: 'Xin chụp thêm ảnh nắp cống.' });
    ctx.advance(60_000);
    const replied = await transitionReport(ctx, t.tenantId, citizen, reportId, { type: 'PROVIDE_INFO', reason: 'Ảnh đã gửi kèm.' });
    expect(replied.staffNotifications.map((n) => [n.kind, n.staffUserId, n.unitId])).toEqual([['CITIZEN_REPLIED', userOf(ward), t.wardUnitId]]);
    await transitionReport(ctx, t.tenantId, ward, reportId, { type: 'RESOLVE', answer: 'Đã thay nắp cống mới.' });
    await transitionReport(ctx, t.tenantId, t.operator, reportId, { type: 'PUBLISH' });
    ctx.advance(60_000);
    const reopened = await transitionReport(ctx, t.tenantId, citizen, reportId, { type: 'REOPEN', reason: 'Nắp mới lại bị lệch.' });
    expect(reopened.staffNotifications.map((n) => n.kind)).toEqual(['REOPENED']);
    expect((await kinds()).slice(0, 3)).toEqual(['REOPENED', 'CITIZEN_REPLIED', 'NEW_WORK']);
    // Steps staff are not told of (accept, request info, resolve, publish) wrote no notice.
    expect(await withTenant(ctx.db, t.tenantId, (tx) => tx.staffNotification.count({ where: { reportId, dedupeKey: { contains: ':event:' } } }))).toBe(4);
  });

  it('stay in their tenant: another tenant neither sees, marks nor notifies across', async () => {
    const mine = await listStaffNotifications(ctx, t.tenantId, t.operator);
    expect(mine.items.length).toBeGreaterThan(0);
    // The same staff id asked through the other tenant: row-level security shows nothing.
    expect((await listStaffNotifications(ctx, other.tenantId, t.operator)).items).toEqual([]);
    expect(await withTenant(ctx.db, other.tenantId, (tx) => tx.staffNotification.count())).toBe(0);
    await markStaffNotificationsRead(ctx, other.tenantId, t.operator, { all: true });
    expect(await countUnreadStaffNotifications(ctx, t.tenantId, t.operator)).toBe(mine.items.filter((i) => !i.readAt).length);
    // A notice for this tenant's unit, written in the other tenant's transaction, reaches no one.
    expect(await notify({ kind: 'NEW_WORK', unitId: t.roadsUnitId, dedupeKey: 'cross-tenant' }, otherTenant)).toEqual([]);
    // A citizen has no inbox.
    await expect(listStaffNotifications(ctx, t.tenantId, { role: 'CITIZEN', reportId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
