import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Tenant-admin configuration over real HTTP: every mutation once as it
// succeeds (and leaves its audit entry, read back through `auditLog`) and in
// its refusals (wrong role, bad input, unknown id, conflict), each of which
// must leave every configuration table and the audit log as they were.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ERR = '__typename ... on Error { errorCode: code message } ... on ValidationError { fields { path message } }';
const UNIT = `${ERR} ... on Unit { id code name nameEn kind parentId active }`;
const FOCAL = `${ERR} ... on FocalPoint { id unitId role fullName phone validFrom validTo }`;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let endpoint: string;
const tokens: Record<string, string> = {};

type Result = { __typename: string; errorCode?: string; message?: string; fields?: { path: string; message: string }[] } & Record<string, unknown>;

async function post(query: string, variables: Record<string, unknown> = {}, token?: string, tenant = 'adm'): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

/** Runs an operation whose one field is aliased `result`, as `who` (a signed-in e-mail, or null for anonymous). */
async function run(who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const body = await post(query, variables, who ? tokens[who] : undefined);
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data!.result as Result;
}

const ADMIN = 'admin@example.gov.vn';
const IOC = 'ioc@example.gov.vn';
const OFFICER = 'officer@example.gov.vn';
const ROADS_LEADER = 'leader@example.gov.vn';
const LEADER = 'lanhdao@example.gov.vn';

/** Everything an admin mutation can change, read straight from the database. */
async function snapshot(): Promise<string> {
  const rows = await withTenant(ctx.db, t.tenantId, async (tx) => ({
    units: await tx.unit.findMany({ orderBy: { id: 'asc' } }),
    focalPoints: await tx.focalPoint.findMany({ orderBy: { id: 'asc' } }),
    slaPolicies: await tx.slaPolicy.findMany({ orderBy: { id: 'asc' } }),
    categories: await tx.category.findMany({ orderBy: { id: 'asc' } }),
    calendarDays: await tx.calendarDay.findMany({ orderBy: { date: 'asc' } }),
    staff: await tx.staffUser.findMany({ orderBy: { id: 'asc' } }),
    apiKeys: await tx.apiKey.findMany({ orderBy: { id: 'asc' } }),
    audit: await tx.auditEntry.count(),
    settings: (await tx.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).settings,
    workingHours: (await tx.tenant.findUniqueOrThrow({ where: { id: t.tenantId } })).workingHours,
  }));
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** Expects every call to be refused with `typename`, and nothing to change meanwhile. */
async function refused(typename: string, ...calls: (() => Promise<Result>)[]): Promise<Result[]> {
  const before = await snapshot();
  const results: Result[] = [];
  for (const call of calls) results.push(await call());
  for (const r of results) expect(r.__typename, JSON.stringify(r)).toBe(typename);
  expect(await snapshot()).toBe(before);
  return results;
}

const AUDIT = `query Audit($first: Int, $after: String, $filter: AuditLogFilter) {
  result: auditLog(first: $first, after: $after, filter: $filter) {
    ${ERR}
    ... on AuditLogPage { hasNextPage endCursor entries { id at actorId actorRole action subjectType subjectId data } }
  }
}`;
interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  data: string;
}

/** The newest audit entry, as the admin reads it through `auditLog`. */
async function latestAudit(): Promise<AuditEntryView> {
  const page = await run(ADMIN, AUDIT, { first: 1 });
  expect(page.__typename).toBe('AuditLogPage');
  return (page.entries as AuditEntryView[])[0]!;
}

async function expectAudited(action: string, subjectType: string, subjectId: string): Promise<AuditEntryView> {
  const entry = await latestAudit();
  expect(entry).toMatchObject({ action, subjectType, subjectId, actorId: t.admin.role === 'TENANT_ADMIN' ? t.admin.userId : null, actorRole: 'TENANT_ADMIN' });
  return entry;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'adm', 'AD');
  await createFixtureTenant(ctx, 'adm-other', 'AO');
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenant of await ctx.db.prisma.tenant.findMany()) {
    await withTenant(ctx.db, tenant.id, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  }
  app = await buildApp({ core: ctx, redisUrl: null, slaAlerts: { intervalMs: 0 } });
  endpoint = `${await app.listen({ port: 0, host: '127.0.0.1' })}/graphql`;
  for (const email of [ADMIN, IOC, OFFICER, ROADS_LEADER, LEADER]) tokens[email] = await signIn(email, PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

let otherAdmin: string | undefined;
/** The other tenant's admin's token, signed in once (its audit log holds that one sign-in). */
async function otherAdminToken(): Promise<string> {
  otherAdmin ??= ((await post('mutation { signIn(email: "admin@example.gov.vn", password: "mat-khau-thu-nghiem-2026") { ... on SignInSuccess { token } } }', {}, undefined, 'adm-other')).data!
    .signIn as { token: string }).token;
  return otherAdmin;
}

async function signIn(email: string, password: string): Promise<string> {
  const body = await post('mutation S($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename ... on SignInSuccess { token } ... on Error { message } } }', { e: email, p: password });
  const result = body.data?.signIn as { __typename: string; token?: string; message?: string };
  if (result.__typename !== 'SignInSuccess') throw new Error(`${email}: ${result.message}`);
  return result.token!;
}

describe('units', () => {
  const CREATE = `mutation C($input: CreateUnitInput!) { result: createUnit(input: $input) { ${UNIT} } }`;
  const UPDATE = `mutation U($id: ID!, $input: UpdateUnitInput!) { result: updateUnit(id: $id, input: $input) { ${UNIT} } }`;
  const MOVE = `mutation M($id: ID!, $parentId: ID) { result: moveUnit(id: $id, parentId: $parentId) { ${UNIT} } }`;
  const ACTIVE = `mutation A($id: ID!, $active: Boolean!) { result: setUnitActive(id: $id, active: $active) { ${UNIT} } }`;
  const ADMIN_UNITS = `query { result: adminUnits { ${ERR} ... on AdminUnitsSuccess { data { id code active parentId } } } }`;

  it('creates a unit under a parent, audited', async () => {
    const unit = await run(ADMIN, CREATE, { input: { code: 'XA-CAMLO', name: 'Xã Cam Lộ', kind: 'COMMUNE', parentId: t.wardUnitId } });
    expect(unit).toMatchObject({ __typename: 'Unit', code: 'XA-CAMLO', name: 'Xã Cam Lộ', kind: 'COMMUNE', parentId: t.wardUnitId, active: true });
    const entry = await expectAudited('unit.create', 'Unit', unit.id as string);
    expect(JSON.parse(entry.data)).toMatchObject({ code: 'XA-CAMLO', parentId: t.wardUnitId });
  });

  it('refuses other roles, anonymous callers, bad input, an unknown parent and a taken code, changing nothing', async () => {
    const input = { code: 'XA-MOI', name: 'Xã Mới', kind: 'COMMUNE' };
    await refused('ForbiddenError', () => run(IOC, CREATE, { input }), () => run(LEADER, CREATE, { input }), () => run(null, CREATE, { input }));
    const [blank, parent] = await refused(
      'ValidationError',
      () => run(ADMIN, CREATE, { input: { ...input, name: '   ' } }),
      () => run(ADMIN, CREATE, { input: { ...input, parentId: UNKNOWN_ID } }),
    );
    expect(blank!.fields).toEqual([expect.objectContaining({ path: 'name' })]);
    expect(parent!.fields).toEqual([expect.objectContaining({ path: 'parentId' })]);
    await refused('ConflictError', () => run(ADMIN, CREATE, { input: { ...input, code: 'SGTVT' } }));
  });

  it('renames a unit (audited with before and after); refuses an unknown id, an empty change and other roles', async () => {
    const unit = await run(ADMIN, UPDATE, { id: t.wardUnitId, input: { name: 'Phường Đông Hà (mới)', nameEn: 'Dong Ha ward' } });
    expect(unit).toMatchObject({ __typename: 'Unit', name: 'Phường Đông Hà (mới)', nameEn: 'Dong Ha ward' });
    const entry = await expectAudited('unit.update', 'Unit', t.wardUnitId);
    expect(JSON.parse(entry.data)).toMatchObject({ before: { name: 'Phường Đông Hà' }, after: { name: 'Phường Đông Hà (mới)' } });

    await refused('NotFoundError', () => run(ADMIN, UPDATE, { id: UNKNOWN_ID, input: { name: 'X' } }), () => run(ADMIN, UPDATE, { id: 'not-a-uuid', input: { name: 'X' } }));
    await refused('ValidationError', () => run(ADMIN, UPDATE, { id: t.wardUnitId, input: {} }), () => run(ADMIN, UPDATE, { id: t.wardUnitId, input: { name: '' } }));
    await refused('ForbiddenError', () => run(ROADS_LEADER, UPDATE, { id: t.roadsUnitId, input: { name: 'Sở GTVT' } }));
  });

  it('moves a unit in the tree, never under itself or its own sub-units', async () => {
    const moved = await run(ADMIN, MOVE, { id: t.wardUnitId, parentId: t.roadsUnitId });
    expect(moved).toMatchObject({ __typename: 'Unit', parentId: t.roadsUnitId });
    const entry = await expectAudited('unit.update', 'Unit', t.wardUnitId);
    expect(JSON.parse(entry.data)).toMatchObject({ before: { parentId: null }, after: { parentId: t.roadsUnitId } });

    // roads → ward would close a cycle (ward is under roads now); so would a unit under itself.
    const [cycle] = await refused(
      'ValidationError',
      () => run(ADMIN, MOVE, { id: t.roadsUnitId, parentId: t.wardUnitId }),
      () => run(ADMIN, MOVE, { id: t.roadsUnitId, parentId: t.roadsUnitId }),
      () => run(ADMIN, MOVE, { id: t.roadsUnitId, parentId: UNKNOWN_ID }),
    );
    expect(cycle!.fields).toEqual([expect.objectContaining({ path: 'parentId' })]);
    await refused('NotFoundError', () => run(ADMIN, MOVE, { id: UNKNOWN_ID, parentId: null }));
    await refused('ForbiddenError', () => run(IOC, MOVE, { id: t.wardUnitId, parentId: null }));

    expect(await run(ADMIN, MOVE, { id: t.wardUnitId, parentId: null })).toMatchObject({ parentId: null });
  });

  it('deactivates a unit without active sub-units; admins still list it, the public list does not', async () => {
    const parent = await run(ADMIN, CREATE, { input: { code: 'HUYEN-X', name: 'Huyện X', kind: 'DISTRICT' } });
    const child = await run(ADMIN, CREATE, { input: { code: 'XA-Y', name: 'Xã Y', kind: 'COMMUNE', parentId: parent.id } });
    await refused('ConflictError', () => run(ADMIN, ACTIVE, { id: parent.id, active: false }));
    await refused('ForbiddenError', () => run(OFFICER, ACTIVE, { id: child.id, active: false }));
    await refused('NotFoundError', () => run(ADMIN, ACTIVE, { id: UNKNOWN_ID, active: false }));

    expect(await run(ADMIN, ACTIVE, { id: child.id, active: false })).toMatchObject({ __typename: 'Unit', active: false });
    await expectAudited('unit.deactivate', 'Unit', child.id as string);
    expect(await run(ADMIN, ACTIVE, { id: parent.id, active: false })).toMatchObject({ active: false });

    const all = (await run(ADMIN, ADMIN_UNITS)).data as { id: string; active: boolean }[];
    expect(all.find((u) => u.id === child.id)).toMatchObject({ active: false });
    const pub = await post('{ units { id } }');
    expect((pub.data!.units as { id: string }[]).map((u) => u.id)).not.toContain(child.id);
    expect((await run(IOC, ADMIN_UNITS)).__typename).toBe('ForbiddenError');
  });
});

describe('focal points', () => {
  const SET = `mutation F($unitId: ID!, $input: FocalPointInput!) { result: setFocalPoint(unitId: $unitId, input: $input) { ${FOCAL} } }`;
  const CLOSE = `mutation X($id: ID!) { result: closeFocalPoint(id: $id) { ${FOCAL} } }`;
  const LIST = `query L($unitId: ID!, $history: Boolean) { result: focalPoints(unitId: $unitId, history: $history) { ${ERR} ... on FocalPointsSuccess { data { id fullName role validTo } } } }`;

  it('sets a focal point, closing the previous one of the role and keeping the history, audited', async () => {
    const first = await run(ADMIN, SET, { unitId: t.roadsUnitId, input: { role: 'STAFF', fullName: 'Lê Văn Một', phone: '0233 3850 001' } });
    expect(first).toMatchObject({ __typename: 'FocalPoint', unitId: t.roadsUnitId, role: 'STAFF', validTo: null });
    await expectAudited('focal-point.set', 'Unit', t.roadsUnitId);
    ctx.advance(60_000);
    // The unit's own leader may register its change too.
    const second = await run(ROADS_LEADER, SET, { unitId: t.roadsUnitId, input: { role: 'STAFF', fullName: 'Hoàng Thị Hai' } });
    expect(second).toMatchObject({ __typename: 'FocalPoint', fullName: 'Hoàng Thị Hai', validTo: null });

    const current = (await run(IOC, LIST, { unitId: t.roadsUnitId })).data as { id: string }[];
    expect(current.map((f) => f.id)).toEqual([second.id]);
    const history = (await run(IOC, LIST, { unitId: t.roadsUnitId, history: true })).data as { id: string; validTo: string | null }[];
    expect(history).toHaveLength(2);
    expect(history.find((f) => f.id === first.id)!.validTo).toBe(ctx.now().toISOString());
  });

  it('refuses another unit’s leader, officers, anonymous callers, bad input and unknown units, changing nothing', async () => {
    const input = { role: 'LEADER', fullName: 'Phan Văn Ba' };
    await refused(
      'ForbiddenError',
      () => run(ROADS_LEADER, SET, { unitId: t.wardUnitId, input }),
      () => run(OFFICER, SET, { unitId: t.roadsUnitId, input }),
      () => run(null, SET, { unitId: t.roadsUnitId, input }),
    );
    const [bad] = await refused('ValidationError', () => run(ADMIN, SET, { unitId: t.roadsUnitId, input: { ...input, fullName: ' ' } }));
    expect(bad!.fields).toEqual([expect.objectContaining({ path: 'fullName' })]);
    await refused('NotFoundError', () => run(ADMIN, SET, { unitId: UNKNOWN_ID, input }));
    expect((await run(null, LIST, { unitId: t.roadsUnitId })).__typename).toBe('ForbiddenError');
  });

  it('closes a focal point’s term with no successor, audited; refuses unknown ids and other roles', async () => {
    const fp = await run(ADMIN, SET, { unitId: t.wardUnitId, input: { role: 'LEADER', fullName: 'Ngô Văn Bốn' } });
    await refused('ForbiddenError', () => run(ROADS_LEADER, CLOSE, { id: fp.id }), () => run(IOC, CLOSE, { id: fp.id }));
    await refused('NotFoundError', () => run(ADMIN, CLOSE, { id: UNKNOWN_ID }));
    ctx.advance(60_000);
    const closed = await run(ADMIN, CLOSE, { id: fp.id });
    expect(closed).toMatchObject({ __typename: 'FocalPoint', id: fp.id, validTo: ctx.now().toISOString() });
    const entry = await expectAudited('focal-point.close', 'Unit', t.wardUnitId);
    expect(JSON.parse(entry.data)).toMatchObject({ focalPointId: fp.id, role: 'LEADER' });
    expect((await run(ADMIN, LIST, { unitId: t.wardUnitId })).data).toEqual([]);
  });
});

describe('SLA policies and categories', () => {
  const POLICY = `mutation P($input: SlaPolicyInput!) { result: upsertSlaPolicy(input: $input) { ${ERR} ... on SlaPolicy { id code clock classifyMinutes acceptMinutes resolveMinutes warnRatio } } }`;
  const CATEGORY = `mutation C($input: CategoryInput!) { result: upsertCategory(input: $input) { ${ERR} ... on CategoryConfig { id code isPublic active defaultUnitId slaPolicy { code } } } }`;
  const policyInput = { code: 'URGENT', name: 'Khẩn cấp', clock: 'CALENDAR', classifyMinutes: 60, acceptMinutes: 60, resolveMinutes: 24 * 60, warnRatio: 0.75 };

  it('creates then updates a policy by code, audited; lists it', async () => {
    const created = await run(ADMIN, POLICY, { input: policyInput });
    expect(created).toMatchObject({ __typename: 'SlaPolicy', code: 'URGENT', clock: 'CALENDAR', warnRatio: 0.75 });
    await expectAudited('sla-policy.upsert', 'SlaPolicy', created.id as string);
    const updated = await run(ADMIN, POLICY, { input: { ...policyInput, resolveMinutes: 12 * 60 } });
    expect(updated).toMatchObject({ id: created.id, resolveMinutes: 720 });
    const list = await run(ADMIN, `query { result: slaPolicies { ${ERR} ... on SlaPoliciesSuccess { data { code resolveMinutes } } } }`);
    expect(list.data).toEqual(expect.arrayContaining([{ code: 'URGENT', resolveMinutes: 720 }, expect.objectContaining({ code: 'STANDARD' })]));
  });

  it('refuses a policy from other roles and with bad numbers, changing nothing', async () => {
    await refused('ForbiddenError', () => run(IOC, POLICY, { input: policyInput }), () => run(LEADER, POLICY, { input: policyInput }));
    const [ratio, minutes] = await refused(
      'ValidationError',
      () => run(ADMIN, POLICY, { input: { ...policyInput, warnRatio: 1.5 } }),
      () => run(ADMIN, POLICY, { input: { ...policyInput, classifyMinutes: 0 } }),
    );
    expect(ratio!.fields).toEqual([expect.objectContaining({ path: 'warnRatio' })]);
    expect(minutes!.fields).toEqual([expect.objectContaining({ path: 'classifyMinutes' })]);
  });

  it('creates a private category on a policy, audited; refuses unknown policies and units and other roles', async () => {
    const input = { code: 'FLOOD', name: 'Ngập lụt', nameEn: 'Flooding', slaPolicyCode: 'URGENT', defaultUnitId: t.wardUnitId, isPublic: false };
    const category = await run(ADMIN, CATEGORY, { input });
    expect(category).toMatchObject({ __typename: 'CategoryConfig', code: 'FLOOD', isPublic: false, active: true, defaultUnitId: t.wardUnitId, slaPolicy: { code: 'URGENT' } });
    await expectAudited('category.upsert', 'Category', category.id as string);
    const list = await run(ADMIN, `query { result: adminCategories { ${ERR} ... on AdminCategoriesSuccess { data { code isPublic } } } }`);
    expect(list.data).toEqual(expect.arrayContaining([{ code: 'FLOOD', isPublic: false }, { code: 'MISCONDUCT', isPublic: false }]));
    const pub = await post('{ categories { code } }');
    expect((pub.data!.categories as { code: string }[]).map((c) => c.code)).not.toContain('FLOOD');

    const [policy, unit] = await refused(
      'ValidationError',
      () => run(ADMIN, CATEGORY, { input: { ...input, slaPolicyCode: 'NOPE' } }),
      () => run(ADMIN, CATEGORY, { input: { ...input, defaultUnitId: UNKNOWN_ID } }),
    );
    expect(policy!.fields).toEqual([expect.objectContaining({ path: 'slaPolicyCode' })]);
    expect(unit!.fields).toEqual([expect.objectContaining({ path: 'defaultUnitId' })]);
    await refused('ForbiddenError', () => run(ROADS_LEADER, CATEGORY, { input }));
  });
});

describe('the working calendar', () => {
  const SET = `mutation S($input: CalendarDayInput!) { result: setCalendarDay(input: $input) { ${ERR} ... on CalendarDay { date kind name } } }`;
  const REMOVE = `mutation R($date: String!) { result: removeCalendarDay(date: $date) { ${ERR} ... on RemovedCalendarDay { date } } }`;
  const LIST = `query { result: calendarDays { ${ERR} ... on CalendarDaysSuccess { data { date kind name } } } }`;

  it('sets a substitute holiday and a make-up working day, audited, then removes one, audited', async () => {
    expect(await run(ADMIN, SET, { input: { date: '2026-04-27', kind: 'HOLIDAY', name: 'Nghỉ bù Giỗ Tổ' } })).toMatchObject({ __typename: 'CalendarDay', kind: 'HOLIDAY' });
    await expectAudited('calendar-day.set', 'CalendarDay', '2026-04-27');
    expect(await run(ADMIN, SET, { input: { date: '2026-05-09', kind: 'WORKING_DAY', name: 'Làm bù' } })).toMatchObject({ kind: 'WORKING_DAY' });
    expect((await run(IOC, LIST)).data).toEqual([
      { date: '2026-04-27', kind: 'HOLIDAY', name: 'Nghỉ bù Giỗ Tổ' },
      { date: '2026-05-09', kind: 'WORKING_DAY', name: 'Làm bù' },
    ]);
    expect(await run(ADMIN, REMOVE, { date: '2026-05-09' })).toEqual({ __typename: 'RemovedCalendarDay', date: '2026-05-09' });
    await expectAudited('calendar-day.remove', 'CalendarDay', '2026-05-09');
    expect((await run(IOC, LIST)).data).toHaveLength(1);
  });

  it('refuses bad dates, empty names, other roles and removing a day the tenant does not have, changing nothing', async () => {
    const [date, name] = await refused(
      'ValidationError',
      () => run(ADMIN, SET, { input: { date: '2026-02-30', kind: 'HOLIDAY', name: 'X' } }),
      () => run(ADMIN, SET, { input: { date: '2026-06-01', kind: 'HOLIDAY', name: '' } }),
      () => run(ADMIN, REMOVE, { date: '27/04/2026' }),
    );
    expect(date!.fields).toEqual([expect.objectContaining({ path: 'date' })]);
    expect(name!.fields).toEqual([expect.objectContaining({ path: 'name' })]);
    await refused('ForbiddenError', () => run(OFFICER, SET, { input: { date: '2026-06-01', kind: 'HOLIDAY', name: 'X' } }), () => run(IOC, REMOVE, { date: '2026-04-27' }));
    await refused('NotFoundError', () => run(ADMIN, REMOVE, { date: '2026-06-02' }));
  });
});

describe('staff accounts', () => {
  const CREATE = `mutation C($input: CreateStaffAccountInput!) { result: createStaffAccount(input: $input) { ${ERR} ... on StaffAccount { id email fullName role unitId active } } }`;
  const ACTIVE = `mutation A($id: ID!, $active: Boolean!) { result: setStaffAccountActive(id: $id, active: $active) { ${ERR} ... on StaffAccount { id active } } }`;
  const input = { email: 'Moi.CanBo@example.gov.vn', fullName: 'Cán bộ Mới', role: 'UNIT_OFFICER', unitId: t?.roadsUnitId, password: 'mat-khau-moi-2026' };

  it('creates an account that can sign in, audited; deactivating it stops sign-in, audited', async () => {
    const account = await run(ADMIN, CREATE, { input: { ...input, unitId: t.roadsUnitId } });
    expect(account).toMatchObject({ __typename: 'StaffAccount', email: 'moi.canbo@example.gov.vn', role: 'UNIT_OFFICER', unitId: t.roadsUnitId, active: true });
    const entry = await expectAudited('staff.create', 'StaffUser', account.id as string);
    expect(entry.data).not.toContain('mat-khau');
    const issued = await signIn('moi.canbo@example.gov.vn', 'mat-khau-moi-2026');
    expect(await latestAudit()).toMatchObject({ action: 'staff.sign-in', subjectType: 'StaffUser', subjectId: account.id, actorId: account.id, actorRole: 'UNIT_OFFICER' });
    await expect(signIn('moi.canbo@example.gov.vn', 'sai-mat-khau')).rejects.toThrow();
    // A refusal's audit write is not waited for (timing would tell which e-mails have accounts).
    await vi.waitFor(async () => expect(await latestAudit()).toMatchObject({ action: 'staff.sign-in-refused', subjectId: account.id, actorId: null, actorRole: 'SYSTEM' }));
    const whoAmI = () => post('query { reports(first: 1) { __typename } }', {}, issued);
    expect((await whoAmI()).data).toEqual({ reports: { __typename: 'ReportConnection' } });

    expect(await run(ADMIN, ACTIVE, { id: account.id, active: false })).toEqual({ __typename: 'StaffAccount', id: account.id, active: false });
    // The token issued before stops working at once, not when it expires.
    const afterDeactivation = await whoAmI();
    expect(afterDeactivation.data).toBeUndefined();
    expect(afterDeactivation.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    await expectAudited('staff.deactivate', 'StaffUser', account.id as string);
    await expect(signIn('moi.canbo@example.gov.vn', 'mat-khau-moi-2026')).rejects.toThrow();
    const list = await run(ADMIN, `query { result: staffAccounts { ${ERR} ... on StaffAccountsSuccess { data { email active } } } }`);
    expect(list.data).toEqual(expect.arrayContaining([{ email: 'moi.canbo@example.gov.vn', active: false }, { email: ADMIN, active: true }]));
  });

  it('refuses a taken e-mail, a unit role without a unit, a short password, unknown ids and other roles, changing nothing', async () => {
    await refused('ConflictError', () => run(ADMIN, CREATE, { input: { ...input, unitId: t.roadsUnitId, email: IOC } }));
    const [unit, password] = await refused(
      'ValidationError',
      () => run(ADMIN, CREATE, { input: { ...input, email: 'a@example.gov.vn', unitId: undefined } }),
      () => run(ADMIN, CREATE, { input: { ...input, email: 'b@example.gov.vn', unitId: t.roadsUnitId, password: 'ngan' } }),
      () => run(ADMIN, CREATE, { input: { ...input, email: 'not-an-email', unitId: t.roadsUnitId } }),
    );
    expect(unit!.fields).toEqual([expect.objectContaining({ path: 'unitId' })]);
    expect(password!.fields).toEqual([expect.objectContaining({ path: 'password' })]);
    await refused('NotFoundError', () => run(ADMIN, ACTIVE, { id: UNKNOWN_ID, active: false }));
    await refused(
      'ForbiddenError',
      () => run(IOC, CREATE, { input: { ...input, unitId: t.roadsUnitId, email: 'c@example.gov.vn' } }),
      () => run(ROADS_LEADER, ACTIVE, { id: t.roadsOfficer.role === 'UNIT_OFFICER' ? t.roadsOfficer.userId : '', active: false }),
    );
    expect((await run(OFFICER, `query { result: staffAccounts { ${ERR} } }`)).__typename).toBe('ForbiddenError');
  });
});

describe('API keys', () => {
  const CREATE = `mutation K($input: CreateApiKeyInput!) { result: createApiKey(input: $input) { ${ERR} ... on NewApiKey { key apiKey { id kind name prefix allowedOrigins revokedAt } } } }`;
  const REVOKE = `mutation R($id: ID!) { result: revokeApiKey(id: $id) { ${ERR} ... on ApiKey { id revokedAt } } }`;
  const LIST = `query { result: apiKeys { ${ERR} ... on ApiKeysSuccess { data { id kind prefix allowedOrigins revokedAt } } } }`;

  it('creates a public key for its origins and a secret key, each shown once, audited without the key; revokes one, audited', async () => {
    const pub = await run(ADMIN, CREATE, { input: { kind: 'PUBLIC', name: 'Cổng tỉnh', allowedOrigins: ['https://portal.example.gov.vn'] } });
    expect(pub).toMatchObject({ __typename: 'NewApiKey', key: expect.stringMatching(/^pk_/), apiKey: { kind: 'PUBLIC', allowedOrigins: ['https://portal.example.gov.vn'], revokedAt: null } });
    const apiKey = pub.apiKey as { id: string; prefix: string };
    expect(pub.key as string).toMatch(new RegExp(`^${apiKey.prefix}`));
    const entry = await expectAudited('api-key.create', 'ApiKey', apiKey.id);
    expect(entry.data).not.toContain(pub.key as string);
    const secret = await run(ADMIN, CREATE, { input: { kind: 'SECRET', name: 'Máy chủ 1022' } });
    expect(secret).toMatchObject({ key: expect.stringMatching(/^sk_/) });

    // Listed without the key: the API has no field that could show it again.
    const listed = await post(LIST, {}, tokens[ADMIN]);
    expect(JSON.stringify(listed)).not.toContain(pub.key as string);
    expect((listed.data!.result as { data: unknown[] }).data).toHaveLength(2);

    ctx.advance(60_000);
    expect(await run(ADMIN, REVOKE, { id: apiKey.id })).toEqual({ __typename: 'ApiKey', id: apiKey.id, revokedAt: ctx.now().toISOString() });
    await expectAudited('api-key.revoke', 'ApiKey', apiKey.id);
  });

  it('refuses a public key without origins, bad origins, unknown ids and other roles, changing nothing', async () => {
    const [noOrigin] = await refused(
      'ValidationError',
      () => run(ADMIN, CREATE, { input: { kind: 'PUBLIC', name: 'Không có origin' } }),
      () => run(ADMIN, CREATE, { input: { kind: 'PUBLIC', name: 'Sai', allowedOrigins: ['portal.example.gov.vn/path'] } }),
      () => run(ADMIN, CREATE, { input: { kind: 'SECRET', name: '' } }),
    );
    expect(noOrigin!.fields).toEqual([expect.objectContaining({ path: 'allowedOrigins' })]);
    await refused('NotFoundError', () => run(ADMIN, REVOKE, { id: UNKNOWN_ID }));
    await refused('ForbiddenError', () => run(IOC, CREATE, { input: { kind: 'SECRET', name: 'X' } }), () => run(LEADER, REVOKE, { id: UNKNOWN_ID }));
    expect((await run(IOC, LIST)).__typename).toBe('ForbiddenError');
  });
});

describe('tenant settings', () => {
  const GET = `query { result: tenantSettings { ${ERR} ... on TenantSettings { trackingPrefix allowedOrigins singleSignOn } } }`;
  const UPDATE = `mutation U($input: TenantSettingsInput!) { result: updateTenantSettings(input: $input) { ${ERR} ... on TenantSettings { trackingPrefix allowedOrigins } } }`;

  it('replaces the allowed origins, audited with before and after; the tracking prefix stays', async () => {
    expect(await run(ADMIN, GET)).toEqual({ __typename: 'TenantSettings', trackingPrefix: 'AD', allowedOrigins: [], singleSignOn: false });
    const origins = ['https://Portal.Example.gov.vn', 'https://dichvucong.example.gov.vn:8443'];
    expect(await run(ADMIN, UPDATE, { input: { allowedOrigins: origins } })).toEqual({
      __typename: 'TenantSettings',
      trackingPrefix: 'AD',
      allowedOrigins: ['https://portal.example.gov.vn', 'https://dichvucong.example.gov.vn:8443'],
    });
    const entry = await expectAudited('tenant-settings.update', 'Tenant', t.tenantId);
    expect(JSON.parse(entry.data)).toEqual({ before: { allowedOrigins: [] }, after: { allowedOrigins: ['https://portal.example.gov.vn', 'https://dichvucong.example.gov.vn:8443'] } });
    expect((await run(ADMIN, GET)).allowedOrigins).toHaveLength(2);
  });

  it('refuses bad origins and other roles, changing nothing', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => `https://portal${i}.example.gov.vn`);
    const [bad, withPath, , , overLimit] = await refused(
      'ValidationError',
      () => run(ADMIN, UPDATE, { input: { allowedOrigins: ['portal.example.gov.vn'] } }),
      () => run(ADMIN, UPDATE, { input: { allowedOrigins: ['https://ok.example.gov.vn', 'https://portal.example.gov.vn/path'] } }),
      () => run(ADMIN, UPDATE, { input: { allowedOrigins: ['javascript:alert(1)'] } }),
      () => run(ADMIN, UPDATE, { input: { allowedOrigins: ['https://portal example.gov.vn'] } }),
      () => run(ADMIN, UPDATE, { input: { allowedOrigins: tooMany } }),
    );
    // The one settings schema names the offending entry, and never echoes it.
    expect(bad!.fields).toEqual([expect.objectContaining({ path: 'allowedOrigins.0' })]);
    expect(withPath!.fields).toEqual([expect.objectContaining({ path: 'allowedOrigins.1' })]);
    expect(overLimit!.fields).toEqual([expect.objectContaining({ path: 'allowedOrigins' })]);
    expect(JSON.stringify(withPath)).not.toContain('/path');
    await refused('ForbiddenError', () => run(IOC, UPDATE, { input: { allowedOrigins: [] } }), () => run(null, UPDATE, { input: { allowedOrigins: [] } }));
    expect((await run(LEADER, GET)).__typename).toBe('ForbiddenError');
  });

  const FULL = `${ERR} ... on TenantSettings { trackingPrefix allowedOrigins singleSignOn oidc { issuer audience jwksUrl emailClaim trustUnverifiedEmail }
    notifications { emailFrom emailFromName publicTrackerUrl sms smsSender } branding { nameVi nameEn primaryColor accentColor logoUrl } officeHours { weekday periods { start end } } }`;
  const GET_FULL = `query { result: tenantSettings { ${FULL} } }`;
  const UPDATE_FULL = `mutation U($input: TenantSettingsInput!) { result: updateTenantSettings(input: $input) { ${FULL} } }`;
  const BRANDING = 'query { result: tenantBranding { name nameEn primaryColor accentColor logoUrl } }';
  const SUBMIT = 'mutation S($input: SubmitReportInput!) { result: submitReport(input: $input) { __typename ... on SubmitReportSuccess { trackingCode } ... on Error { message } } }';
  const submitInput = {
    title: 'Đèn đường hỏng trên đường Lê Duẩn',
    description: 'Ba cột đèn liền nhau không sáng từ tối thứ Sáu, đoạn gần chợ.',
    address: '12 Lê Duẩn, Đông Hà',
    reporter: { fullName: 'Lê Thị Hoa', phone: '0912 345 678' },
  };

  it('changes office hours, tracking prefix, branding, notifications and single sign-on at once, only the given keys, audited; the next read and submit see them', async () => {
    expect(await run(null, BRANDING)).toEqual({ name: 'Tỉnh adm', nameEn: 'adm province', primaryColor: '#0b5394', accentColor: '#e69138', logoUrl: null });
    const before = await run(ADMIN, GET_FULL);
    const input = {
      trackingPrefix: 'ADX',
      officeHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, periods: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }] })),
      branding: { nameVi: 'Cổng phản ánh Adm', primaryColor: '#AA0000', accentColor: '#00aa00', logoUrl: 'https://cdn.example.gov.vn/logo.svg' },
      notifications: { emailFrom: 'phananh@example.gov.vn', emailFromName: 'Phản ánh Adm', publicTrackerUrl: 'https://portal.example.gov.vn/tra-cuu?code={code}', sms: 'ALWAYS', smsSender: 'ADMTEST' },
      oidc: { issuer: 'https://sso.example.gov.vn', audience: 'paht', jwksUrl: 'https://sso.example.gov.vn/jwks' },
    };
    const after = await run(ADMIN, UPDATE_FULL, { input });
    expect(after).toMatchObject({
      __typename: 'TenantSettings',
      trackingPrefix: 'ADX',
      allowedOrigins: before.allowedOrigins, // not given: unchanged
      singleSignOn: true,
      oidc: { issuer: 'https://sso.example.gov.vn', audience: 'paht', jwksUrl: 'https://sso.example.gov.vn/jwks', emailClaim: null, trustUnverifiedEmail: false },
      notifications: input.notifications,
      branding: { nameVi: 'Cổng phản ánh Adm', nameEn: null, primaryColor: '#aa0000', accentColor: '#00aa00', logoUrl: 'https://cdn.example.gov.vn/logo.svg' },
    });
    expect((after.officeHours as unknown[]).length).toBe(6);
    const entry = await expectAudited('tenant-settings.update', 'Tenant', t.tenantId);
    expect(Object.keys(JSON.parse(entry.data).after).sort()).toEqual(['branding', 'notifications', 'officeHours', 'oidc', 'trackingPrefix']);
    // Effective at once, without restart: the next requests read the new settings.
    expect(await run(ADMIN, GET_FULL)).toEqual(after);
    expect(await run(null, BRANDING)).toEqual({ name: 'Cổng phản ánh Adm', nameEn: 'adm province', primaryColor: '#aa0000', accentColor: '#00aa00', logoUrl: 'https://cdn.example.gov.vn/logo.svg' });
    const submitted = await run(null, SUBMIT, { input: submitInput });
    expect(submitted.trackingCode, JSON.stringify(submitted)).toMatch(/^ADX-/);

    // Null removes an optional setting; the others stay.
    const cleared = await run(ADMIN, UPDATE_FULL, { input: { trackingPrefix: 'AD', oidc: null, branding: null } });
    expect(cleared).toMatchObject({ trackingPrefix: 'AD', singleSignOn: false, oidc: null, notifications: input.notifications, officeHours: after.officeHours });
    expect(cleared.branding).toEqual({ nameVi: null, nameEn: null, primaryColor: '#0b5394', accentColor: '#e69138', logoUrl: null });
  });

  it('refuses an invalid colour, origin, logo, prefix, office hours or a NUL character naming the field; other roles and other tenants’ admins; changing nothing', async () => {
    const results = await refused(
      'ValidationError',
      () => run(ADMIN, UPDATE_FULL, { input: { trackingPrefix: 'ZZ', branding: { primaryColor: 'red' } } }),
      () => run(ADMIN, UPDATE_FULL, { input: { trackingPrefix: 'ZZ', allowedOrigins: ['https://ok.example.gov.vn', 'portal.example.gov.vn'] } }),
      () => run(ADMIN, UPDATE_FULL, { input: { branding: { logoUrl: 'http://cdn.example.gov.vn/logo.svg' } } }),
      () => run(ADMIN, UPDATE_FULL, { input: { trackingPrefix: 'ab1' } }),
      () => run(ADMIN, UPDATE_FULL, { input: { officeHours: [{ weekday: 1, periods: [{ start: '17:00', end: '08:00' }] }] } }),
      () => run(ADMIN, UPDATE_FULL, { input: { notifications: { publicTrackerUrl: 'https://portal.example.gov.vn/tra-cuu' } } }),
      () => run(ADMIN, UPDATE_FULL, { input: { notifications: { smsSender: 'Far too long brandname' } } }),
    );
    const paths = results.map((r) => r.fields?.map((f) => f.path));
    expect(paths[0]).toEqual(['branding.primaryColor']);
    expect(paths[1]).toEqual(['allowedOrigins.1']);
    expect(paths[2]).toEqual(['branding.logoUrl']);
    expect(paths[3]).toEqual(['trackingPrefix']);
    expect(paths[4]?.[0]).toMatch(/^officeHours\.1/);
    expect(paths[5]).toEqual(['notifications.publicTrackerUrl']);
    expect(paths[6]).toEqual(['notifications.smsSender']);
    expect(JSON.stringify(results)).not.toContain('red');
    expect(await run(null, BRANDING)).toMatchObject({ primaryColor: '#0b5394' });
    // A NUL character is refused before the resolver, naming the field.
    const beforeNul = await snapshot();
    const nul = await post(UPDATE_FULL, { input: { trackingPrefix: 'ZZ', notifications: { emailFromName: 'Adm\u0000' } } }, tokens[ADMIN]);
    expect(nul.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', path: 'variables.input.notifications.emailFromName' }) })]);
    expect(await snapshot()).toBe(beforeNul);

    await refused(
      'ForbiddenError',
      () => run(IOC, UPDATE_FULL, { input: { branding: { primaryColor: '#000000' } } }),
      () => run(OFFICER, UPDATE_FULL, { input: { trackingPrefix: 'ZZ' } }),
      () => run(null, UPDATE_FULL, { input: { trackingPrefix: 'ZZ' } }),
    );

    // Another tenant's admin, with its own token, cannot change this tenant.
    const otherToken = await otherAdminToken();
    const before = await snapshot();
    const body = await post(UPDATE_FULL, { input: { trackingPrefix: 'ZZ', branding: { primaryColor: '#000000' } } }, otherToken, 'adm');
    expect((body.data?.result as Result | undefined)?.__typename).not.toBe('TenantSettings');
    expect(await snapshot()).toBe(before);
  });
});

describe('the audit log', () => {
  it('pages newest first without gaps or repeats, for the admin and for leaders', async () => {
    const all: AuditEntryView[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page = await run(LEADER, AUDIT, { first: 3, after });
      expect(page.__typename).toBe('AuditLogPage');
      all.push(...(page.entries as AuditEntryView[]));
      if (!page.hasNextPage) break;
      after = page.endCursor as string;
    }
    const total = await withTenant(ctx.db, t.tenantId, (tx) => tx.auditEntry.count());
    expect(all).toHaveLength(total);
    expect(new Set(all.map((e) => e.id)).size).toBe(total);
    const keys = all.map((e) => [e.at, BigInt(e.id)] as const);
    for (let i = 1; i < keys.length; i++) {
      const [at, id] = keys[i]!;
      const [prevAt, prevId] = keys[i - 1]!;
      expect(at < prevAt || (at === prevAt && id < prevId)).toBe(true);
    }
  });

  it('filters by action and subject', async () => {
    const page = await run(ADMIN, AUDIT, { first: 100, filter: { actions: ['unit.update', 'unit.deactivate'], subjectType: 'Unit' } });
    const actions = new Set((page.entries as AuditEntryView[]).map((e) => e.action));
    expect([...actions].sort()).toEqual(['unit.deactivate', 'unit.update']);
    const ward = await run(ADMIN, AUDIT, { first: 100, filter: { subjectId: t.wardUnitId, actions: ['unit.update'] } });
    expect((ward.entries as AuditEntryView[]).every((e) => e.subjectId === t.wardUnitId)).toBe(true);
    expect((ward.entries as AuditEntryView[]).length).toBeGreaterThanOrEqual(3);
  });

  it('is refused to other roles and for bad paging, and shows nothing of another tenant', async () => {
    for (const who of [IOC, OFFICER, ROADS_LEADER, null]) expect((await run(who, AUDIT, { first: 5 })).__typename).toBe('ForbiddenError');
    for (const vars of [{ first: 0 }, { first: 101 }, { first: 5, after: 'bm90LWEtY3Vyc29y' }, { first: 5, filter: { actorId: 'x' } }]) {
      expect((await run(ADMIN, AUDIT, vars)).__typename).toBe('ValidationError');
    }
    // The other tenant's admin sees its own (empty of admin changes) log, none of ours: its fixture's policy and this sign-in.
    const other = await post(AUDIT, { first: 100 }, await otherAdminToken(), 'adm-other');
    const entries = (other.data!.result as { entries: AuditEntryView[] }).entries;
    expect(entries.map((e) => e.action)).toEqual(['staff.sign-in', 'sla-policy.upsert']);
  });
});
