import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, setCalendarDay, submitReport, transitionReport, withTenant, type Actor, type ReportCommand } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, reportStages, unitLeagueTable } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Issue 13, stages and rankings (docs/kpi-stages.md), on PostgreSQL and
// PGlite: timelines with a wrong-unit return, a forward to a sub-unit, a
// hop sent back, waiting for the citizen, an extension, a reopening, a
// "not fixed" answer and a late answer across a weekend and a tenant
// holiday; each stage credited to its holder in working hours; the league
// table with its minimum, bounce rates and time per hop; another tenant and
// a unit leader outside the subtree see nothing.
//
// Fixture policy STANDARD (working clock, 07:30–11:30 and 13:30–17:00,
// UTC+7): classify 240, accept 480, resolve 2250 working minutes.

const PASSWORD = 'mat-khau-thu-nghiem-2026';
/** A local (UTC+7) instant in March 2026. */
const at = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 2, day, hh - 7, mm));

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
let base: string;
let a: Tenant;
let b: Tenant;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

type Tenant = FixtureTenant & { teamUnitId: string; teamOfficer: Actor; teamLeader: Actor };

async function tenant(slug: string, prefix: string): Promise<Tenant> {
  const f = await createFixtureTenant(ctx, slug, prefix);
  const passwordHash = await hashPassword(PASSWORD);
  return withTenant(ctx.db, f.tenantId, async (tx) => {
    const team = await tx.unit.create({ data: { tenantId: f.tenantId, parentId: f.roadsUnitId, code: 'DOI-QLDB', name: 'Đội quản lý đường bộ', kind: 'DEPARTMENT' } });
    const staff = (role: 'UNIT_OFFICER' | 'UNIT_LEADER', email: string) => tx.staffUser.create({ data: { tenantId: f.tenantId, email, fullName: email, role, unitId: team.id } });
    const officer = await staff('UNIT_OFFICER', 'team-officer@example.gov.vn');
    const leader = await staff('UNIT_LEADER', 'team-leader@example.gov.vn');
    await tx.staffUser.updateMany({ data: { passwordHash } });
    return {
      ...f,
      teamUnitId: team.id,
      teamOfficer: { role: 'UNIT_OFFICER', userId: officer.id, unitId: team.id },
      teamLeader: { role: 'UNIT_LEADER', userId: leader.id, unitId: team.id },
    };
  });
}

async function gql(query: string, variables: Record<string, unknown>, o: { tenant?: string; token?: string } = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': o.tenant ?? 'stages', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };
}

async function signIn(slug: string, email: string): Promise<string> {
  const r = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }`, { e: email, p: PASSWORD }, { tenant: slug });
  return r.data!.signIn.token as string;
}

const client = (token?: string, slug = 'stages') => createClient({ endpoint: `${base}/graphql`, tenant: slug, ...(token ? { token } : {}) });
const citizen = (reportId: string): Actor => ({ role: 'CITIZEN', reportId });

/** Plays a timeline: each step at its local instant. */
async function play(t: Tenant, submittedAt: Date, steps: [Date, Actor | 'citizen', ReportCommand][]): Promise<string> {
  ctx.setNow(submittedAt);
  const r = await submitReport(ctx, t.tenantId, {
    title: 'Ổ gà lớn trước số nhà 120 Hùng Vương',
    description: 'Ổ gà lớn giữa đường, xe máy đi qua rất nguy hiểm vào ban đêm.',
    address: 'Phường Đông Hà',
    reporter: { fullName: 'Trần Thị Bình', phone: '0912 345 678' },
  });
  for (const [when, actor, command] of steps) {
    ctx.setNow(when);
    await transitionReport(ctx, t.tenantId, actor === 'citizen' ? citizen(r.id) : actor, r.id, command);
  }
  return r.id;
}

const LEAGUE = `query($from: String!, $to: String!, $min: Int) { unitLeagueTable(from: $from, to: $to, minReports: $min) { __typename
  ... on LeagueTable { minReports ranked { holder rank reports } unranked { holder reports } ioc { holder } hops { depth stages medianHours } }
  ... on Error { code } } }`;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, at(2, 9));
  a = await tenant('stages', 'SA');
  b = await tenant('stages-other', 'SB');
  // Friday 6 March 2026: a day off decreed by the province (tenant holiday).
  await setCalendarDay(ctx, a.tenantId, a.admin, { date: '2026-03-06', kind: 'HOLIDAY', name: 'Nghỉ bù' });
  const { operator, roadsOfficer, wardOfficer, teamOfficer } = a;
  const cat = { type: 'CLASSIFY', categoryId: a.roadsCategoryId } as const;

  // R1: wrong unit (ward returns it), then Roads, forwarded to its team, which waits for the citizen,
  // gets an extension, answers across the weekend and the holiday, is reopened and answers again.
  ids.r1 = await play(a, at(2, 9), [
    [at(2, 10), operator, cat],
    [at(2, 11), operator, { type: 'ASSIGN', unitId: a.wardUnitId }],
    [at(2, 14), wardOfficer, { type: 'RETURN', reason: 'Không thuộc thẩm quyền của phường' }],
    [at(2, 15), operator, { type: 'ASSIGN', unitId: a.roadsUnitId }],
    [at(2, 15, 30), roadsOfficer, { type: 'ACCEPT' }],
    [at(3, 9), roadsOfficer, { type: 'FORWARD', unitId: a.teamUnitId }],
    [at(3, 10), teamOfficer, { type: 'ACCEPT' }],
    [at(3, 10, 30), teamOfficer, { type: 'REQUEST_INFO', reason: 'Xin ảnh chụp vị trí' }],
    [at(4, 10, 30), 'citizen', { type: 'PROVIDE_INFO', reason: 'Đã gửi ảnh' }],
    [at(4, 11), operator, { type: 'EXTEND', extensionMinutes: 450, reason: 'Chờ vật tư' }],
    [at(9, 9), teamOfficer, { type: 'RESOLVE', answer: 'Đã vá ổ gà.' }],
    [at(9, 10), operator, { type: 'PUBLISH' }],
    [at(9, 14), 'citizen', { type: 'REOPEN', reason: 'Ổ gà lại bị vỡ' }],
    [at(10, 14), teamOfficer, { type: 'RESOLVE', answer: 'Đã vá lại bằng bê tông nhựa.' }],
  ]);
  // R2: Roads forwards to its team, which sends it back (a bounce of Roads'); Roads answers.
  ids.r2 = await play(a, at(3, 8), [
    [at(3, 8, 30), operator, cat],
    [at(3, 9), operator, { type: 'ASSIGN', unitId: a.roadsUnitId }],
    [at(3, 9, 30), roadsOfficer, { type: 'ACCEPT' }],
    [at(3, 10), roadsOfficer, { type: 'FORWARD', unitId: a.teamUnitId }],
    [at(3, 10, 30), teamOfficer, { type: 'RETURN', reason: 'Thuộc đội khác' }],
    [at(3, 11, 30), roadsOfficer, { type: 'RESOLVE', answer: 'Đã xử lý.' }],
  ]);
  // R3: Roads answers one working hour late (2310 of 2250 minutes: the holiday and the weekend do not count).
  ids.r3 = await play(a, at(4, 8), [
    [at(4, 8, 30), operator, cat],
    [at(4, 9), operator, { type: 'ASSIGN', unitId: a.roadsUnitId }],
    [at(4, 9, 30), roadsOfficer, { type: 'ACCEPT' }],
    [at(12, 10), roadsOfficer, { type: 'RESOLVE', answer: 'Đã xử lý.' }],
  ]);
  // R4: the ward closes it as not fixed.
  ids.r4 = await play(a, at(5, 8), [
    [at(5, 8, 30), operator, cat],
    [at(5, 9), operator, { type: 'ASSIGN', unitId: a.wardUnitId }],
    [at(5, 9, 30), wardOfficer, { type: 'ACCEPT' }],
    [at(5, 10), wardOfficer, { type: 'RESOLVE', answer: 'Không thể xử lý.', outcome: 'NOT_FIXED', reason: 'Đường thuộc dự án đang thi công' }],
  ]);
  // The other tenant: one report of its own.
  ids.b1 = await play(b, at(2, 9), [[at(2, 10), b.operator, { type: 'CLASSIFY', categoryId: b.roadsCategoryId }]]);
  ctx.setNow(at(13, 9));

  app = await buildApp({ core: ctx, rateLimits: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const [key, email] of [['operator', 'ioc@example.gov.vn'], ['leader', 'lanhdao@example.gov.vn'], ['admin', 'admin@example.gov.vn'], ['roadsLeader', 'leader@example.gov.vn'], ['roadsOfficer', 'officer@example.gov.vn'], ['teamLeader', 'team-leader@example.gov.vn']] as const) {
    tokens[key] = await signIn('stages', email);
  }
  tokens.otherOperator = await signIn('stages-other', 'ioc@example.gov.vn');
}, 300_000);

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('stages of a report', () => {
  it('credits each stage to its holder in working hours, pauses, weekend and holiday excluded', async () => {
    const r = await reportStages(client(tokens.operator), ids.r1!);
    expect(r.__typename).toBe('ReportStages');
    if (r.__typename !== 'ReportStages') return;
    expect(r.stages.map((s) => [s.holder, s.unitId, s.depth, s.endedBy, s.workingHours, s.allowedHours, s.late, s.reopened])).toEqual([
      ['IOC', null, 0, 'ASSIGN', 2, 4, false, false],
      // The ward's return: the IOC routed it wrongly (the acceptance allowance, 8 h).
      ['IOC', a.wardUnitId, 1, 'RETURN', 1, 8, false, false],
      ['IOC', null, 0, 'ASSIGN', 1, 4, false, false],
      [a.roadsUnitId, a.roadsUnitId, 1, 'FORWARD', 3.5, 37.5, false, false],
      // Tue 09:00 → Mon 09:00: 6 + 7.5 + 7.5 + 0 (holiday) + 1.5 = 22.5 h, minus 7.5 h waiting for the citizen;
      // allowed: 37.5 + 7.5 (extension) − 3.5 (Roads' share of the round).
      [a.teamUnitId, a.teamUnitId, 2, 'RESOLVE', 15, 41.5, false, true],
      // Reopened Monday 14:00, answered Tuesday 14:00: a fresh round.
      [a.teamUnitId, a.teamUnitId, 2, 'RESOLVE', 7.5, 37.5, false, false],
    ]);
    expect(r.stages[4]).toMatchObject({ pausedHours: 7.5, usedHours: 15, accepted: true });
  });

  it('credits a hop sent back to the forwarding unit, and a late answer to its unit', async () => {
    const r2 = await reportStages(client(tokens.leader), ids.r2!);
    expect(r2.__typename === 'ReportStages' && r2.stages.map((s) => [s.holder, s.unitId, s.depth, s.endedBy, s.workingHours])).toEqual([
      ['IOC', null, 0, 'ASSIGN', 1],
      [a.roadsUnitId, a.roadsUnitId, 1, 'FORWARD', 1],
      [a.roadsUnitId, a.teamUnitId, 2, 'RETURN', 0.5],
      [a.roadsUnitId, a.roadsUnitId, 1, 'RESOLVE', 1],
    ]);
    const r3 = await reportStages(client(tokens.admin), ids.r3!);
    expect(r3.__typename === 'ReportStages' && r3.stages.at(-1)).toMatchObject({ holder: a.roadsUnitId, workingHours: 38.5, allowedHours: 37.5, late: true });
    const r4 = await reportStages(client(tokens.operator), ids.r4!);
    expect(r4.__typename === 'ReportStages' && r4.stages.at(-1)).toMatchObject({ holder: a.wardUnitId, endedBy: 'NOT_FIXED', workingHours: 1 });
  });
});

describe('league table', () => {
  it('ranks units with the minimum of reports, counts reopenings and not-fixed answers against them, and gives bounce rates and time per hop', async () => {
    const l = await unitLeagueTable(client(tokens.leader), { from: '2026-03-01', to: '2026-03-31', minReports: 2 });
    expect(l.__typename).toBe('LeagueTable');
    if (l.__typename !== 'LeagueTable') return;
    expect(l.minReports).toBe(2);
    expect(l.ranked).toEqual([
      expect.objectContaining({ holder: a.roadsUnitId, rank: 1, reports: 3, completed: 3, medianHours: 3.5, onTime: 2, late: 1, score: 2 / 3, routed: 2, bounced: 1, bounceRate: 0.5, received: 3, returned: 0, name: 'Sở Giao thông vận tải' }),
    ]);
    const unranked = Object.fromEntries(l.unranked.map((r) => [r.holder, r]));
    expect(unranked[a.teamUnitId]).toMatchObject({ rank: null, reports: 1, medianHours: 22.5, reopened: 1, score: 0, received: 2, returned: 1 });
    expect(unranked[a.wardUnitId]).toMatchObject({ rank: null, reports: 1, notFixed: 1, score: 0, received: 2, returned: 1 });
    // The IOC: 5 assignments, one sent back.
    expect(l.ioc).toMatchObject({ holder: 'IOC', reports: 4, routed: 5, bounced: 1, bounceRate: 0.2, medianHours: 1 });
    expect(l.hops).toEqual([
      { depth: 0, stages: 5, medianHours: 1 },
      { depth: 1, stages: 6, medianHours: 1 },
      { depth: 2, stages: 3, medianHours: 7.5 },
    ]);
  });

  it('ranks everyone at a minimum of 1 (ties broken by the median) and nobody at the default 10', async () => {
    const one = await gql(LEAGUE, { from: '2026-03-01', to: '2026-03-31', min: 1 }, { token: tokens.operator });
    expect(one.data!.unitLeagueTable.ranked.map((r: { holder: string; rank: number }) => [r.holder, r.rank])).toEqual([
      [a.roadsUnitId, 1],
      [a.wardUnitId, 2],
      [a.teamUnitId, 3],
    ]);
    const byDefault = await gql(LEAGUE, { from: '2026-03-01', to: '2026-03-31' }, { token: tokens.admin });
    expect(byDefault.data!.unitLeagueTable).toMatchObject({ minReports: 10, ranked: [] });
    expect(byDefault.data!.unitLeagueTable.unranked).toHaveLength(3);
  });

  it('refuses bad input with a typed error', async () => {
    const bad = await gql(LEAGUE, { from: '2026-03-31', to: '2026-03-01', min: 0 }, { token: tokens.operator });
    expect(bad.data!.unitLeagueTable).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
  });
});

describe('who sees what', () => {
  it('shows a unit leader its own subtree only, without the IOC', async () => {
    const roads = (await gql(LEAGUE, { from: '2026-03-01', to: '2026-03-31', min: 1 }, { token: tokens.roadsLeader })).data!.unitLeagueTable;
    expect(roads.ranked.map((r: { holder: string }) => r.holder).sort()).toEqual([a.roadsUnitId, a.teamUnitId].sort());
    expect(roads).toMatchObject({ ioc: null, unranked: [] });
    expect(roads.hops.map((h: { depth: number }) => h.depth)).toEqual([1, 2]);
    const team = (await gql(LEAGUE, { from: '2026-03-01', to: '2026-03-31', min: 1 }, { token: tokens.teamLeader })).data!.unitLeagueTable;
    expect(team.ranked.map((r: { holder: string }) => r.holder)).toEqual([a.teamUnitId]);
    // Stages: the team leader sees its own stages of R1, none of the IOC's or Roads'; R3 it never held.
    const r1 = await reportStages(client(tokens.teamLeader), ids.r1!);
    expect(r1.__typename === 'ReportStages' && r1.stages.map((s) => s.unitId)).toEqual([a.teamUnitId, a.teamUnitId]);
    expect((await reportStages(client(tokens.teamLeader), ids.r3!)).__typename).toBe('ForbiddenError');
  });

  it('refuses unit officers and anonymous callers', async () => {
    expect((await unitLeagueTable(client(tokens.roadsOfficer), { from: '2026-03-01', to: '2026-03-31' })).__typename).toBe('ForbiddenError');
    expect((await unitLeagueTable(client(), { from: '2026-03-01', to: '2026-03-31' })).__typename).toBe('ForbiddenError');
    expect((await reportStages(client(), ids.r1!)).__typename).toBe('ForbiddenError');
  });

  it('shows another tenant nothing of this one', async () => {
    const other = (await gql(LEAGUE, { from: '2026-03-01', to: '2026-03-31', min: 1 }, { token: tokens.otherOperator, tenant: 'stages-other' })).data!.unitLeagueTable;
    const holders = [...other.ranked, ...other.unranked].map((r: { holder: string }) => r.holder);
    expect(holders).not.toContain(a.roadsUnitId);
    expect(holders).not.toContain(a.teamUnitId);
    expect(holders).not.toContain(a.wardUnitId);
    expect(other.hops).toEqual([]);
    // This tenant's report id through the other tenant: unknown.
    expect((await reportStages(client(tokens.otherOperator, 'stages-other'), ids.r1!)).__typename).toBe('NotFoundError');
    // The other tenant's token on this tenant: refused before anything is read.
    const crossed = await gql(LEAGUE, { from: '2026-03-01', to: '2026-03-31', min: 1 }, { token: tokens.otherOperator, tenant: 'stages' });
    expect(crossed.data?.unitLeagueTable ?? null).toBeNull();
    expect(crossed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
