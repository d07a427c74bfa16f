import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  createUnit,
  listCalendarDays,
  listFocalPoints,
  listUnits,
  removeCalendarDay,
  setCalendarDay,
  setFocalPoint,
  submitReport,
  transitionReport,
  upsertSlaPolicy,
  upsertCategory,
  listCategories,
  listAuditEntries,
  createStaff,
  setStaffActive,
  listStaff,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
  t = await createFixtureTenant(ctx, 'config', 'CF');
});
afterAll(async () => tdb?.close());

const code = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof DomainError ? e.code : String(e)));

/** Files, classifies, assigns and accepts a report at 08:00 local on `day`; returns its resolution due date. */
async function acceptedOn(day: string): Promise<string | undefined> {
  ctx.setNow(new Date(`${day}T01:00:00Z`));
  const { id } = await submitReport(ctx, t.tenantId, {
    title: 'Đèn đường hỏng',
    description: 'Cả dãy đèn đường không sáng từ ba hôm nay.',
    address: 'Lê Duẩn, Đông Hà',
    reporter: { phone: '0912345678' },
  });
  await transitionReport(ctx, t.tenantId, t.operator, id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await transitionReport(ctx, t.tenantId, t.operator, id, { type: 'ASSIGN', unitId: t.roadsUnitId });
  const r = await transitionReport(ctx, t.tenantId, t.roadsOfficer, id, { type: 'ACCEPT' });
  return r.sla?.resolution?.dueAt.toISOString();
}

describe('the working calendar a tenant admin keeps', () => {
  it('moves deadlines when the admin adds a substitute day off and a make-up Saturday', async () => {
    // Assigned Monday 2026-03-09 08:00 local; 5 working days → Monday 2026-03-16 08:00 local.
    expect(await acceptedOn('2026-03-09')).toBe('2026-03-16T01:00:00.000Z');
    await setCalendarDay(ctx, t.tenantId, t.admin, { date: '2026-03-11', kind: 'HOLIDAY', name: 'Nghỉ bù' });
    expect(await acceptedOn('2026-03-09')).toBe('2026-03-17T01:00:00.000Z');
    await setCalendarDay(ctx, t.tenantId, t.admin, { date: '2026-03-14', kind: 'WORKING_DAY', name: 'Làm bù thứ Bảy' });
    expect(await acceptedOn('2026-03-09')).toBe('2026-03-16T01:00:00.000Z');
    expect(await listCalendarDays(ctx, t.tenantId)).toEqual([
      { date: '2026-03-11', kind: 'HOLIDAY', name: 'Nghỉ bù' },
      { date: '2026-03-14', kind: 'WORKING_DAY', name: 'Làm bù thứ Bảy' },
    ]);
    expect(await removeCalendarDay(ctx, t.tenantId, t.admin, '2026-03-11')).toBe(true);
    expect(await removeCalendarDay(ctx, t.tenantId, t.admin, '2026-03-11')).toBe(false);
    await removeCalendarDay(ctx, t.tenantId, t.admin, '2026-03-14');
    expect(await acceptedOn('2026-03-09')).toBe('2026-03-16T01:00:00.000Z');
  });

  it('counts Tết 2027 as days off', async () => {
    // Accepted Thursday 2027-02-04 08:00 local. Tết: 5–9 Feb (Fri–Tue), and Sat 6 / Sun 7
    // fall on the weekend, so 10–11 Feb are compensatory days off (Labour Code art. 111).
    // 2250 working minutes: Thu 4 (420 from 08:00), Fri 12, Mon 15, Tue 16, Wed 17 (4 × 450)
    // = 2220, and 30 more on Thu 18 → 08:00 local.
    expect(await acceptedOn('2027-02-04')).toBe('2027-02-18T01:00:00.000Z');
  });

  it('refuses calendar changes from anyone but a tenant admin, and bad dates', async () => {
    expect(await code(setCalendarDay(ctx, t.tenantId, t.operator, { date: '2026-04-01', kind: 'HOLIDAY', name: 'x' }))).toBe('FORBIDDEN');
    expect(await code(setCalendarDay(ctx, t.tenantId, t.admin, { date: '2026-02-30', kind: 'HOLIDAY', name: 'x' }))).toBe('VALIDATION');
    expect(await code(setCalendarDay(ctx, t.tenantId, t.admin, { date: '2026-04-01', kind: 'HOLIDAY', name: ' ' }))).toBe('VALIDATION');
  });
});

describe('units and focal points', () => {
  it('keeps the history of a unit’s focal points when they change', async () => {
    ctx.setNow(new Date('2026-01-05T02:00:00Z'));
    await setFocalPoint(ctx, t.tenantId, t.admin, t.roadsUnitId, { role: 'LEADER', fullName: 'Trần Văn Một', title: 'Phó Giám đốc' });
    ctx.setNow(new Date('2026-06-01T02:00:00Z'));
    await setFocalPoint(ctx, t.tenantId, t.roadsLeader, t.roadsUnitId, { role: 'LEADER', fullName: 'Lê Thị Hai', title: 'Phó Giám đốc' });
    const current = await listFocalPoints(ctx, t.tenantId, t.roadsUnitId);
    expect(current.map((f) => f.fullName)).toEqual(['Lê Thị Hai']);
    const history = await listFocalPoints(ctx, t.tenantId, t.roadsUnitId, { history: true });
    expect(history.map((f) => [f.fullName, f.validFrom.toISOString(), f.validTo?.toISOString() ?? null])).toEqual([
      ['Lê Thị Hai', '2026-06-01T02:00:00.000Z', null],
      ['Trần Văn Một', '2026-01-05T02:00:00.000Z', '2026-06-01T02:00:00.000Z'],
    ]);
  });

  it('lets a unit leader change only their own unit’s focal points', async () => {
    expect(await code(setFocalPoint(ctx, t.tenantId, t.roadsLeader, t.wardUnitId, { role: 'STAFF', fullName: 'X' }))).toBe('FORBIDDEN');
    expect(await code(setFocalPoint(ctx, t.tenantId, t.roadsOfficer, t.roadsUnitId, { role: 'STAFF', fullName: 'X' }))).toBe('FORBIDDEN');
  });

  it('builds the unit hierarchy and refuses a duplicate code', async () => {
    const district = await createUnit(ctx, t.tenantId, t.admin, { code: 'H-GIOLINH', name: 'UBND huyện Gio Linh', kind: 'DISTRICT' });
    const commune = await createUnit(ctx, t.tenantId, t.admin, { code: 'X-GIOMY', name: 'UBND xã Gio Mỹ', kind: 'COMMUNE', parentId: district.id });
    expect(commune.parentId).toBe(district.id);
    expect((await listUnits(ctx, t.tenantId)).map((u) => u.code)).toContain('X-GIOMY');
    expect(await code(createUnit(ctx, t.tenantId, t.admin, { code: 'X-GIOMY', name: 'again', kind: 'COMMUNE' }))).toBe('CONFLICT');
    expect(await code(createUnit(ctx, t.tenantId, t.operator, { code: 'X-2', name: 'x', kind: 'COMMUNE' }))).toBe('FORBIDDEN');
  });

  it('validates SLA policies', async () => {
    expect(await code(upsertSlaPolicy(ctx, t.tenantId, t.admin, { code: 'BAD', name: 'x', clock: 'WORKING', classifyMinutes: 0, acceptMinutes: 60, resolveMinutes: 60 }))).toBe('VALIDATION');
    expect(await code(upsertSlaPolicy(ctx, t.tenantId, t.admin, { code: 'BAD', name: 'x', clock: 'WORKING', classifyMinutes: 60, acceptMinutes: 60, resolveMinutes: 60, warnRatio: 1.5 }))).toBe('VALIDATION');
    const urgent = await upsertSlaPolicy(ctx, t.tenantId, t.admin, { code: 'URGENT', name: 'Khẩn cấp', clock: 'CALENDAR', classifyMinutes: 60, acceptMinutes: 60, resolveMinutes: 1440 });
    expect(urgent).toMatchObject({ clock: 'CALENDAR', resolveMinutes: 1440, warnRatio: 0.8 });
  });

  it('creates and updates categories by code, with their policy and default unit', async () => {
    const made = await upsertCategory(ctx, t.tenantId, t.admin, { code: 'FLOOD', name: 'Ngập úng', nameEn: 'Flooding', slaPolicyCode: 'URGENT', defaultUnitId: t.roadsUnitId });
    expect(made).toMatchObject({ code: 'FLOOD', isPublic: true, defaultUnitId: t.roadsUnitId, slaPolicy: { code: 'URGENT', clock: 'CALENDAR' } });
    const changed = await upsertCategory(ctx, t.tenantId, t.admin, { code: 'FLOOD', name: 'Ngập úng đô thị', nameEn: 'Urban flooding', slaPolicyCode: 'STANDARD', isPublic: false });
    expect(changed).toMatchObject({ id: made.id, name: 'Ngập úng đô thị', isPublic: false, defaultUnitId: null, slaPolicy: { code: 'STANDARD' } });
    expect((await listCategories(ctx, t.tenantId)).map((c) => c.code)).not.toContain('FLOOD');
    expect((await listCategories(ctx, t.tenantId, { includePrivate: true })).map((c) => c.code)).toContain('FLOOD');
    expect(await code(upsertCategory(ctx, t.tenantId, t.admin, { code: 'X', name: 'x', nameEn: 'x', slaPolicyCode: 'NOPE' }))).toBe('VALIDATION');
  });
});

describe('the audit log of configuration changes', () => {
  it('records who changed what, newest first, in the same transaction as the change', async () => {
    ctx.setNow(new Date('2026-07-01T02:00:00Z'));
    const unit = await createUnit(ctx, t.tenantId, t.admin, { code: 'AUDIT-U', name: 'Đơn vị kiểm thử', kind: 'AGENCY' });
    ctx.setNow(new Date('2026-07-01T03:00:00Z'));
    await setCalendarDay(ctx, t.tenantId, t.admin, { date: '2026-07-06', kind: 'HOLIDAY', name: 'Nghỉ bù' });
    ctx.setNow(new Date('2026-07-01T04:00:00Z'));
    await removeCalendarDay(ctx, t.tenantId, t.admin, '2026-07-06');
    const entries = await listAuditEntries(ctx, t.tenantId, t.admin, { first: 3 });
    expect(entries.map((e) => [e.action, e.subjectId, e.actorRole, e.at.toISOString()])).toEqual([
      ['calendar-day.remove', '2026-07-06', 'TENANT_ADMIN', '2026-07-01T04:00:00.000Z'],
      ['calendar-day.set', '2026-07-06', 'TENANT_ADMIN', '2026-07-01T03:00:00.000Z'],
      ['unit.create', unit.id, 'TENANT_ADMIN', '2026-07-01T02:00:00.000Z'],
    ]);
    expect(entries[2]?.data).toMatchObject({ code: 'AUDIT-U', kind: 'AGENCY' });
  });

  it('writes no entry for a refused change, and shows the log only to admins and leaders', async () => {
    const before = (await listAuditEntries(ctx, t.tenantId, t.leader, { first: 500 })).length;
    expect(await code(createUnit(ctx, t.tenantId, t.operator, { code: 'NOPE', name: 'x', kind: 'AGENCY' }))).toBe('FORBIDDEN');
    expect(await code(createUnit(ctx, t.tenantId, t.admin, { code: 'AUDIT-U', name: 'again', kind: 'AGENCY' }))).toBe('CONFLICT');
    expect((await listAuditEntries(ctx, t.tenantId, t.leader, { first: 500 })).length).toBe(before);
    expect(await code(listAuditEntries(ctx, t.tenantId, t.operator))).toBe('FORBIDDEN');
    await expect(tdb.db.query('DELETE FROM audit_entries')).rejects.toThrow(/append-only/);
  });
});

describe('staff accounts', () => {
  it('are created by admins, with a unit for unit roles, and can be switched off', async () => {
    const made = await createStaff(ctx, t.tenantId, t.admin, { email: 'New.Officer@Example.gov.vn', fullName: 'Cán bộ mới', role: 'UNIT_OFFICER', unitId: t.wardUnitId, password: 'mat-khau-du-dai-12' });
    expect(made).toMatchObject({ email: 'new.officer@example.gov.vn', role: 'UNIT_OFFICER', unitId: t.wardUnitId, active: true });
    const row = await tdb.db.query<{ password_hash: string }>('SELECT password_hash FROM staff_users WHERE id = $1', [made.id]);
    expect(row[0]?.password_hash).toMatch(/^scrypt\$/);
    expect((await setStaffActive(ctx, t.tenantId, t.admin, made.id, false)).active).toBe(false);
    expect(await code(createStaff(ctx, t.tenantId, t.admin, { email: 'new.officer@example.gov.vn', fullName: 'x', role: 'LEADER' }))).toBe('CONFLICT');
    expect(await code(createStaff(ctx, t.tenantId, t.admin, { email: 'a@example.gov.vn', fullName: 'x', role: 'UNIT_LEADER' }))).toBe('VALIDATION');
    expect(await code(createStaff(ctx, t.tenantId, t.admin, { email: 'b@example.gov.vn', fullName: 'x', role: 'LEADER', password: 'short' }))).toBe('VALIDATION');
    expect(await code(createStaff(ctx, t.tenantId, t.operator, { email: 'c@example.gov.vn', fullName: 'x', role: 'LEADER' }))).toBe('FORBIDDEN');
    expect((await listStaff(ctx, t.tenantId, t.admin)).map((s) => s.email)).toContain('new.officer@example.gov.vn');
  });
});
