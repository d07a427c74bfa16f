import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, submitReport, transitionReport, updateTenantSettings, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { answerThroughLink, approveAnswer, createClient, draftAnswer, forwardReport, getUnitQueueReport, openAnswerLink, unitQueue } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Issue 12, unit queue, over HTTP on PostgreSQL and PGlite: the Roads
// department forwards to its road-maintenance team (and that team to its
// crew); each hop has its own acceptance deadline while the citizen's
// answer deadline stays, the acting unit is on the timeline; a return goes
// back to the forwarding unit; extension requests and draft answers wait for
// the unit leader; answer links for contractors: happy path, expired,
// tampered, other report, replayed, other tenant.
//
// Fixture policy STANDARD (working clock, 07:30–11:30 and 13:30–17:00):
// accept 480, resolve 2250 working minutes.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const PHONE = '0912 345 678';
const NAME = 'Trần Thị Bình';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let a: Tenant;
let b: Tenant;
let app: FastifyInstance;
let base: string;
let uploadsDir: string;
const tokens: Record<string, string> = {};

type Tenant = FixtureTenant & { slug: string; teamUnitId: string; crewUnitId: string };

async function gql(query: string, variables: Record<string, unknown>, o: { tenant?: string; token?: string } = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': o.tenant ?? 'queue', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const json = JSON.parse(text) as { data?: Record<string, any>; errors?: unknown };
  expect(json.errors).toBeUndefined();
  return { text, data: json.data ?? {} };
}

async function signIn(slug: string, email: string): Promise<string> {
  const r = await gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }`, { e: email, p: PASSWORD }, { tenant: slug });
  return r.data.signIn.token as string;
}

const client = (token?: string, tenant = 'queue') => createClient({ endpoint: `${base}/graphql`, tenant, ...(token ? { token } : {}) });

const ERR = '... on Error { __typename code message ... on ValidationError { fields { path code } } ... on AnswerLinkRefusedError { reason } }';
const STEP = (field: string, args: string, params: string) => `mutation(${params}) { ${field}(${args}) { __typename
  ... on ReportTransition { status entry { type status note actorRole actorUnitId toUnitId } sla { dueAt } } ${ERR} } }`;
const FORWARD = STEP('forwardReport', 'id: $id, unitId: $u, reason: $r', '$id: ID!, $u: ID!, $r: String');
const ACCEPT = STEP('acceptReport', 'id: $id', '$id: ID!');
const RETURN = STEP('returnReport', 'id: $id, reason: $r', '$id: ID!, $r: String!');
const REQUEST_EXT = STEP('requestExtension', 'id: $id, extensionMinutes: $m, reason: $r', '$id: ID!, $m: Int!, $r: String!');
const APPROVE_EXT = STEP('approveExtension', 'id: $id', '$id: ID!');
const REFUSE_EXT = STEP('refuseExtension', 'id: $id, reason: $r', '$id: ID!, $r: String!');
const DRAFT = STEP('draftAnswer', 'id: $id, answer: $a', '$id: ID!, $a: String!');
const RESOLVE = STEP('resolveReport', 'id: $id, answer: $a', '$id: ID!, $a: String!');
const APPROVE = STEP('approveAnswer', 'id: $id', '$id: ID!');
const SEND_BACK = STEP('sendBackAnswer', 'id: $id, reason: $r', '$id: ID!, $r: String!');
const REPORT = `query($id: ID!) { report(id: $id) { __typename ... on Report { id status dueAt answerDueAt answer unit { id }
  forwardedBy staffActions pendingExtension { seq extensionMinutes reason actorRole actorUnitId } pendingAnswer { seq answer actorRole throughLink }
  timeline { type status note actorRole actorUnitId toUnitId } } ${ERR} } }`;
const LINK = `mutation($id: ID!, $h: Int) { createAnswerLink(id: $id, hours: $h) { __typename ... on AnswerLink { token linkId expiresAt } ${ERR} } }`;
const OPEN_LINK = `query($id: ID!, $t: String!) { answerLink(reportId: $id, token: $t) { __typename
  ... on AnswerLinkView { canAnswer expiresAt report { id title description status } } ${ERR} } }`;
const LINK_ANSWER = `mutation($id: ID!, $t: String!, $a: String!) { answerThroughLink(reportId: $id, token: $t, answer: $a) { __typename
  ... on ReportTransition { status entry { type actorRole actorUnitId } } ${ERR} } }`;

async function tenant(slug: string, prefix: string): Promise<Tenant> {
  const f = await createFixtureTenant(ctx, slug, prefix);
  const passwordHash = await hashPassword(PASSWORD);
  return withTenant(ctx.db, f.tenantId, async (tx) => {
    const team = await tx.unit.create({ data: { tenantId: f.tenantId, parentId: f.roadsUnitId, code: 'DOI-QLDB', name: 'Đội quản lý đường bộ', kind: 'DEPARTMENT' } });
    const crew = await tx.unit.create({ data: { tenantId: f.tenantId, parentId: team.id, code: 'TO-VA', name: 'Tổ vá đường', kind: 'DEPARTMENT' } });
    const staff = (role: 'UNIT_OFFICER' | 'UNIT_LEADER', email: string, unitId: string) => tx.staffUser.create({ data: { tenantId: f.tenantId, email, fullName: email, role, unitId } });
    await staff('UNIT_OFFICER', 'team-officer@example.gov.vn', team.id);
    await staff('UNIT_LEADER', 'team-leader@example.gov.vn', team.id);
    await staff('UNIT_OFFICER', 'crew-officer@example.gov.vn', crew.id);
    await tx.staffUser.updateMany({ data: { passwordHash } });
    return { ...f, slug, teamUnitId: team.id, crewUnitId: crew.id };
  });
}

/** A report assigned to Roads and accepted there (all at the test's current instant). */
async function acceptedByRoads(t: Tenant, title = 'Ổ gà lớn trước số nhà 120 Hùng Vương') {
  const r = await submitReport(ctx, t.tenantId, {
    title,
    description: 'Ổ gà lớn giữa đường, xe máy đi qua rất nguy hiểm vào ban đêm.',
    address: 'Phường Đông Hà',
    reporter: { fullName: NAME, phone: PHONE, email: 'binh@example.com' },
  });
  await transitionReport(ctx, t.tenantId, t.operator, r.id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await transitionReport(ctx, t.tenantId, t.operator, r.id, { type: 'ASSIGN', unitId: t.roadsUnitId });
  await transitionReport(ctx, t.tenantId, t.roadsOfficer, r.id, { type: 'ACCEPT' });
  return r.id;
}

async function forwardedToTeam(t: Tenant = a) {
  const id = await acceptedByRoads(t);
  expect((await gql(FORWARD, { id, u: t.teamUnitId }, { token: tokens.roads })).data.forwardReport.status).toBe('ASSIGNED');
  expect((await gql(ACCEPT, { id }, { token: tokens.team })).data.acceptReport.status).toBe('ACCEPTED');
  return id;
}

const report = async (id: string, token = tokens.roadsLeader) => (await gql(REPORT, { id }, { token })).data.report;
/** The inbox kinds a staff member got about a report. */
const noticesOf = (email: string, reportId: string) =>
  withTenant(ctx.db, a.tenantId, async (tx) => {
    const user = await tx.staffUser.findFirstOrThrow({ where: { email } });
    return (await tx.staffNotification.findMany({ where: { staffUserId: user.id, reportId }, orderBy: { createdAt: 'asc' } })).map((n) => n.kind);
  });
const eventCount = async () => (await tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM report_events'))[0]!.n;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  a = await tenant('queue', 'QA');
  b = await tenant('queue-other', 'QB');
  uploadsDir = await mkdtemp(join(tmpdir(), 'paht-unit-queue-'));
  app = await buildApp({ core: ctx, rateLimits: false, uploadsDir });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  tokens.roads = await signIn('queue', 'officer@example.gov.vn');
  tokens.roadsLeader = await signIn('queue', 'leader@example.gov.vn');
  tokens.ward = await signIn('queue', 'ward@example.gov.vn');
  tokens.team = await signIn('queue', 'team-officer@example.gov.vn');
  tokens.teamLeader = await signIn('queue', 'team-leader@example.gov.vn');
  tokens.crew = await signIn('queue', 'crew-officer@example.gov.vn');
  tokens.otherRoads = await signIn('queue-other', 'officer@example.gov.vn');
}, 300_000);

afterAll(async () => {
  await app?.close();
  await tdb?.close();
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
});

/** A photo sent to POST /uploads without any account (as a contractor's browser would): its upload id. */
async function uploadPhoto(): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } }).png().toBuffer();
  const response = await fetch(`${base}/uploads`, { method: 'POST', headers: { 'content-type': 'image/png', 'x-tenant': 'queue' }, body: new Uint8Array(png) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { upload: { id: string } }).upload.id;
}

describe('forwarding to a sub-unit', () => {
  it('is a hop with its own acceptance deadline, the answer deadline unchanged, the acting unit on the timeline', async () => {
    ctx.setNow(MONDAY_9AM);
    const id = await acceptedByRoads(a);
    const before = await report(id);
    ctx.setNow(new Date(MONDAY_9AM.getTime() + HOUR)); // Monday 10:00
    const hop = (await gql(FORWARD, { id, u: a.teamUnitId, r: 'Giao Đội quản lý đường bộ xử lý' }, { token: tokens.roads })).data.forwardReport;
    expect(hop).toMatchObject({ status: 'ASSIGNED', entry: { type: 'FORWARD', actorRole: 'UNIT_OFFICER', actorUnitId: a.roadsUnitId, toUnitId: a.teamUnitId } });
    // The hop's ACCEPT stage: 480 working minutes from Monday 10:00 is Tuesday 10:30 (UTC+7).
    expect(hop.sla.dueAt).toBe('2026-03-03T03:30:00.000Z');
    const after = await report(id, tokens.team);
    expect(after).toMatchObject({ status: 'ASSIGNED', unit: { id: a.teamUnitId }, dueAt: '2026-03-03T03:30:00.000Z', answerDueAt: before.answerDueAt, forwardedBy: a.roadsUnitId });
    expect(after.staffActions).toEqual(expect.arrayContaining(['ACCEPT', 'RETURN']));
    // The forwarding unit still reads it (it answers for it), with no step to take; an unrelated unit does not.
    expect(await report(id, tokens.roadsLeader)).toMatchObject({ status: 'ASSIGNED', staffActions: [] });
    expect((await report(id, tokens.ward)).__typename).toBe('ForbiddenError');
    // The team's queue has it (through the SDK); Roads' no longer does, and Roads may no longer act on it.
    const teamQueue = await unitQueue(client(tokens.team));
    expect(teamQueue.__typename === 'UnitQueueSuccess' && teamQueue.data.map((r) => r.id)).toContain(id);
    const roadsQueue = await unitQueue(client(tokens.roads));
    expect(roadsQueue.__typename === 'UnitQueueSuccess' && roadsQueue.data.map((r) => r.id)).not.toContain(id);
    expect((await gql(FORWARD, { id, u: a.crewUnitId }, { token: tokens.roads })).data.forwardReport.__typename).toBe('ForbiddenError');

    const accepted = (await gql(ACCEPT, { id }, { token: tokens.team })).data.acceptReport;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', entry: { actorUnitId: a.teamUnitId } });
    // Accepted: the running stage is the report's RESOLVE stage again, whose deadline never moved.
    expect((await report(id, tokens.team)).dueAt).toBe(before.answerDueAt);
    // A second hop, through the SDK, down to the crew.
    const second = await forwardReport(client(tokens.teamLeader), { id, unitId: a.crewUnitId });
    expect(second).toMatchObject({ __typename: 'ReportTransition', status: 'ASSIGNED' });
    expect(await noticesOf('team-officer@example.gov.vn', id)).toContain('NEW_WORK');
    expect(await noticesOf('crew-officer@example.gov.vn', id)).toEqual(['NEW_WORK']);
    const seen = await getUnitQueueReport(client(tokens.crew), id);
    expect(seen.__typename === 'Report' && seen.timeline.filter((e) => e.type === 'FORWARD').map((e) => [e.actorUnitId, e.toUnitId])).toEqual([
      [a.roadsUnitId, a.teamUnitId],
      [a.teamUnitId, a.crewUnitId],
    ]);
  });

  it('is refused outside the holder’s subtree, to another tenant’s unit, or by another unit, and changes nothing', async () => {
    const id = await acceptedByRoads(a);
    const n = await eventCount();
    const fields = async (u: string, token = tokens.roads) => {
      const r = (await gql(FORWARD, { id, u }, { token })).data.forwardReport;
      return r.__typename === 'ValidationError' ? r.fields.map((f: { path: string }) => f.path) : r.__typename;
    };
    expect(await fields(a.wardUnitId)).toEqual(['unitId']); // a sibling, not below Roads
    expect(await fields(a.roadsUnitId)).toEqual(['unitId']); // itself
    expect(await fields(a.iocUnitId)).toEqual(['unitId']);
    expect(await fields(b.teamUnitId)).toEqual(['unitId']); // the same tree in another tenant
    expect(await fields('not-a-uuid')).toEqual(['unitId']);
    expect(await fields(a.teamUnitId, tokens.ward)).toBe('ForbiddenError');
    expect(await fields(a.teamUnitId, tokens.team)).toBe('ForbiddenError');
    expect((await gql(FORWARD, { id, u: b.teamUnitId }, { token: tokens.otherRoads, tenant: 'queue-other' })).data.forwardReport.__typename).toBe('NotFoundError');
    expect(await eventCount()).toBe(n);
    expect((await report(id)).unit.id).toBe(a.roadsUnitId);
  });

  it('names each hop’s unit on the citizen’s and the public tracker, and none on a private report’s progress', async () => {
    const TRACK = `query($c: String!, $s: String) { trackReport(trackingCode: $c, secret: $s) { __typename
      ... on TrackedReport { access report { unit { name } timeline { type unit { id name } } } } ${ERR} } }`;
    const hops = (r: { report: { timeline: Array<{ type: string; unit: { id: string } | null }> } }) => r.report.timeline.map((e) => [e.type, e.unit?.id ?? null]);
    const file = async (visibility: 'PUBLIC' | 'PRIVATE') => {
      const r = await submitReport(ctx, a.tenantId, {
        title: 'Ổ gà lớn trước số nhà 45 Lê Duẩn',
        description: `Ổ gà lớn giữa đường (${visibility}), xe máy đi qua rất nguy hiểm.`,
        address: 'Phường Đông Hà',
        reporter: { phone: PHONE },
      });
      await transitionReport(ctx, a.tenantId, a.operator, r.id, { type: 'CLASSIFY', categoryId: a.roadsCategoryId, visibility });
      await transitionReport(ctx, a.tenantId, a.operator, r.id, { type: 'ASSIGN', unitId: a.roadsUnitId });
      await transitionReport(ctx, a.tenantId, a.roadsOfficer, r.id, { type: 'ACCEPT' });
      await gql(FORWARD, { id: r.id, u: a.teamUnitId }, { token: tokens.roads });
      return r;
    };
    const expected = [['SUBMIT', null], ['CLASSIFY', null], ['ASSIGN', a.roadsUnitId], ['ACCEPT', null], ['FORWARD', a.teamUnitId]];
    const open = await file('PUBLIC');
    const mine = (await gql(TRACK, { c: open.trackingCode, s: open.secret })).data.trackReport;
    expect(mine.access).toBe('CITIZEN');
    expect(hops(mine)).toEqual(expected);
    expect(mine.report.timeline.at(-1).unit.name).toBe('Đội quản lý đường bộ');
    const pub = (await gql(TRACK, { c: open.trackingCode })).data.trackReport;
    expect(pub.access).toBe('PUBLIC');
    expect(hops(pub)).toEqual(expected);
    // A private report: its owner follows the hops; the public sees progress only, no unit.
    const closed = await file('PRIVATE');
    expect(hops((await gql(TRACK, { c: closed.trackingCode, s: closed.secret })).data.trackReport)).toEqual(expected);
    const progress = (await gql(TRACK, { c: closed.trackingCode })).data.trackReport;
    expect(progress.report.unit).toBeNull();
    expect(hops(progress).every(([, unit]) => unit === null)).toBe(true);
    // Another tenant's tracker does not find it.
    expect((await gql(TRACK, { c: open.trackingCode }, { tenant: 'queue-other' })).data.trackReport.__typename).toBe('NotFoundError');
  });

  it('returned by the sub-unit, goes back to the forwarding unit, not to the IOC', async () => {
    const id = await acceptedByRoads(a);
    await gql(FORWARD, { id, u: a.teamUnitId }, { token: tokens.roads });
    const back = (await gql(RETURN, { id, r: 'Không thuộc phạm vi của đội' }, { token: tokens.team })).data.returnReport;
    expect(back).toMatchObject({ status: 'IN_PROGRESS', entry: { type: 'RETURN', actorUnitId: a.teamUnitId, toUnitId: a.roadsUnitId } });
    const r = await report(id);
    expect(r).toMatchObject({ status: 'IN_PROGRESS', unit: { id: a.roadsUnitId }, forwardedBy: null });
    expect(r.dueAt).toBe(r.answerDueAt);
    expect(await noticesOf('officer@example.gov.vn', id)).toEqual(['NEW_WORK', 'RETURNED_BY_SUB_UNIT']);
    expect(await noticesOf('ioc@example.gov.vn', id)).not.toContain('RETURNED');
    // Roads holds it again and can answer.
    expect((await gql(RESOLVE, { id, a: 'Đã vá ổ gà.' }, { token: tokens.roads })).data.resolveReport.status).toBe('RESOLVED');
  });
});

describe('extension requests', () => {
  it('wait for the unit leader, who approves (an EXTEND) or refuses', async () => {
    const id = await forwardedToTeam();
    const due = (await report(id, tokens.team)).answerDueAt as string;
    const asked = (await gql(REQUEST_EXT, { id, m: 450, r: 'Chờ vật tư nhựa đường' }, { token: tokens.team })).data.requestExtension;
    expect(asked).toMatchObject({ status: 'ACCEPTED', entry: { type: 'REQUEST_EXTENSION', actorUnitId: a.teamUnitId } });
    const pending = await report(id, tokens.teamLeader);
    expect(pending.pendingExtension).toMatchObject({ extensionMinutes: 450, reason: 'Chờ vật tư nhựa đường', actorRole: 'UNIT_OFFICER', actorUnitId: a.teamUnitId });
    expect(pending.staffActions).toEqual(expect.arrayContaining(['APPROVE_EXTENSION', 'REFUSE_EXTENSION']));
    expect((await report(id, tokens.team)).pendingExtension.extensionMinutes).toBe(450);
    expect(pending.answerDueAt).toBe(due);
    expect(await noticesOf('team-leader@example.gov.vn', id)).toContain('EXTENSION_REQUESTED');
    expect(await noticesOf('team-officer@example.gov.vn', id)).not.toContain('EXTENSION_REQUESTED');
    // One at a time; the officer cannot approve; another unit's leader cannot either.
    expect((await gql(REQUEST_EXT, { id, m: 60, r: 'Thêm' }, { token: tokens.team })).data.requestExtension.__typename).toBe('IllegalTransitionError');
    expect((await gql(APPROVE_EXT, { id }, { token: tokens.team })).data.approveExtension.__typename).toBe('ForbiddenError');
    expect((await gql(APPROVE_EXT, { id }, { token: tokens.roadsLeader })).data.approveExtension.__typename).toBe('ForbiddenError');

    const approved = (await gql(APPROVE_EXT, { id }, { token: tokens.teamLeader })).data.approveExtension;
    expect(approved).toMatchObject({ status: 'ACCEPTED', entry: { type: 'EXTEND', note: 'Chờ vật tư nhựa đường', actorRole: 'UNIT_LEADER' } });
    const extended = await report(id, tokens.teamLeader);
    expect(extended.pendingExtension).toBeNull();
    // 450 working minutes: one working day later.
    expect(new Date(extended.answerDueAt as string).getTime() - new Date(due).getTime()).toBeGreaterThanOrEqual(24 * HOUR);

    await gql(REQUEST_EXT, { id, m: 900, r: 'Mưa lớn' }, { token: tokens.team });
    expect((await gql(REFUSE_EXT, { id, r: ' ' }, { token: tokens.teamLeader })).data.refuseExtension.__typename).toBe('ValidationError');
    const refused = (await gql(REFUSE_EXT, { id, r: 'Đã gia hạn một lần' }, { token: tokens.teamLeader })).data.refuseExtension;
    expect(refused.entry).toMatchObject({ type: 'REFUSE_EXTENSION', note: 'Đã gia hạn một lần' });
    const after = await report(id, tokens.team);
    expect(after).toMatchObject({ pendingExtension: null, answerDueAt: extended.answerDueAt });
    expect((await gql(APPROVE_EXT, { id }, { token: tokens.teamLeader })).data.approveExtension.__typename).toBe('IllegalTransitionError');
  });
});

describe('answer approval', () => {
  it('an officer’s answer is a draft the unit leader approves or sends back; a leader answers directly', async () => {
    await updateTenantSettings(ctx, a.tenantId, a.admin, { workflow: { answerApproval: true } });
    try {
      const id = await forwardedToTeam();
      expect((await gql(RESOLVE, { id, a: 'Đã vá.' }, { token: tokens.team })).data.resolveReport.__typename).toBe('ForbiddenError');
      expect((await report(id, tokens.team)).staffActions).not.toContain('RESOLVE');
      expect((await gql(APPROVE, { id }, { token: tokens.teamLeader })).data.approveAnswer.__typename).toBe('IllegalTransitionError');

      const draft = await draftAnswer(client(tokens.team), { id, answer: 'Đã vá ổ gà' });
      expect(draft).toMatchObject({ __typename: 'ReportTransition', status: 'ACCEPTED', entry: { type: 'DRAFT_ANSWER' } });
      expect((await report(id, tokens.teamLeader)).pendingAnswer).toMatchObject({ answer: 'Đã vá ổ gà', actorRole: 'UNIT_OFFICER', throughLink: false });
      const back = (await gql(SEND_BACK, { id, r: 'Ghi rõ ngày hoàn thành' }, { token: tokens.teamLeader })).data.sendBackAnswer;
      expect(back).toMatchObject({ status: 'ACCEPTED', entry: { type: 'SEND_BACK_ANSWER', note: 'Ghi rõ ngày hoàn thành' } });
      expect((await report(id, tokens.team)).pendingAnswer).toBeNull();

      await gql(DRAFT, { id, a: 'Đã vá ổ gà ngày 03/3/2026.' }, { token: tokens.team });
      expect((await gql(APPROVE, { id }, { token: tokens.team })).data.approveAnswer.__typename).toBe('ForbiddenError');
      const approved = await approveAnswer(client(tokens.teamLeader), { id });
      expect(approved).toMatchObject({ __typename: 'ReportTransition', status: 'RESOLVED', entry: { type: 'RESOLVE' } });
      const done = await report(id);
      expect(done).toMatchObject({ status: 'RESOLVED', answer: 'Đã vá ổ gà ngày 03/3/2026.', pendingAnswer: null });
      expect(done.timeline.at(-1)).toMatchObject({ type: 'RESOLVE', actorRole: 'UNIT_LEADER', actorUnitId: a.teamUnitId });

      const direct = await forwardedToTeam();
      expect((await gql(RESOLVE, { id: direct, a: 'Đã vá.' }, { token: tokens.teamLeader })).data.resolveReport.status).toBe('RESOLVED');
    } finally {
      await updateTenantSettings(ctx, a.tenantId, a.admin, { workflow: null });
    }
  });
});

describe('answer links', () => {
  const create = async (id: string, hours?: number, token = tokens.team) => (await gql(LINK, { id, h: hours }, { token })).data.createAnswerLink;

  it('let a contractor read the report without the reporter’s contact and draft the unit’s answer once', async () => {
    const id = await forwardedToTeam();
    const link = await create(id, 48);
    expect(link.__typename).toBe('AnswerLink');
    const audit = await withTenant(ctx.db, a.tenantId, (tx) => tx.auditEntry.findMany({ where: { action: 'report.answer-link', subjectId: id } }));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toContain(link.token);

    const opened = await gql(OPEN_LINK, { id, t: link.token });
    expect(opened.data.answerLink).toMatchObject({ __typename: 'AnswerLinkView', canAnswer: true, report: { id, status: 'ACCEPTED' } });
    for (const secret of [NAME, PHONE, '0912345678', 'binh@example.com']) expect(opened.text).not.toContain(secret);
    const sdkView = await openAnswerLink(client(), { reportId: id, token: link.token });
    expect(sdkView.__typename).toBe('AnswerLinkView');

    const photo = await uploadPhoto();
    const answered = await answerThroughLink(client(), { reportId: id, token: link.token, answer: 'Nhà thầu đã vá ổ gà, thảm lại 4 m².', uploadIds: [photo] });
    expect(answered).toMatchObject({ __typename: 'ReportTransition', status: 'ACCEPTED', entry: { type: 'DRAFT_ANSWER' } });
    const drafted = await report(id, tokens.teamLeader);
    expect(drafted.pendingAnswer).toMatchObject({ answer: 'Nhà thầu đã vá ổ gà, thảm lại 4 m².', actorRole: 'ANSWER_LINK', throughLink: true });
    expect(drafted.timeline.at(-1)).toMatchObject({ type: 'DRAFT_ANSWER', actorRole: 'ANSWER_LINK', actorUnitId: a.teamUnitId });
    expect(await noticesOf('team-leader@example.gov.vn', id)).toContain('ANSWER_AWAITING_APPROVAL');
    // The photo came with the draft's step, private until publication.
    const files = await withTenant(ctx.db, a.tenantId, (tx) => tx.attachment.findMany({ where: { reportId: id } }));
    expect(files.map((f) => [f.eventSeq, f.isPublic])).toEqual([[drafted.timeline.length, false]]);
    // Replayed: refused, nothing written; the view says it can no longer answer.
    const n = await eventCount();
    expect((await gql(LINK_ANSWER, { id, t: link.token, a: 'Lần hai' })).data.answerThroughLink).toMatchObject({ __typename: 'AnswerLinkRefusedError', reason: 'USED' });
    expect(await eventCount()).toBe(n);
    expect((await gql(OPEN_LINK, { id, t: link.token })).data.answerLink.canAnswer).toBe(false);
    // Still the unit leader's to approve.
    expect((await gql(APPROVE, { id }, { token: tokens.teamLeader })).data.approveAnswer.status).toBe('RESOLVED');
  });

  it('are refused expired, tampered with, for another report or tenant, and only the holding unit creates them', async () => {
    ctx.setNow(MONDAY_9AM);
    const id = await forwardedToTeam();
    const otherId = await forwardedToTeam();
    const short = await create(id, 1);
    const link = await create(id, 48);
    const n = await eventCount();
    const refusal = async (reportId: string, token: string, tenant = 'queue') => {
      const opened = (await gql(OPEN_LINK, { id: reportId, t: token }, { tenant })).data.answerLink;
      const answered = (await gql(LINK_ANSWER, { id: reportId, t: token, a: 'Đã xử lý' }, { tenant })).data.answerThroughLink;
      expect(opened.__typename).toBe('AnswerLinkRefusedError');
      expect(answered.reason).toBe(opened.reason);
      return opened.reason as string;
    };
    const [payload, signature] = (link.token as string).split('.') as [string, string];
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    expect(await refusal(id, `${payload}.${flip(signature)}`)).toBe('INVALID');
    expect(await refusal(id, `${flip(payload)}.${signature}`)).toBe('INVALID');
    expect(await refusal(id, `${payload}`)).toBe('INVALID');
    expect(await refusal(id, 'x'.repeat(600))).toBe('INVALID');
    expect(await refusal(otherId, link.token)).toBe('WRONG_REPORT');
    expect(await refusal(id, link.token, 'queue-other')).toBe('INVALID');
    ctx.setNow(new Date(MONDAY_9AM.getTime() + 2 * HOUR));
    expect(await refusal(id, short.token)).toBe('EXPIRED');
    expect(await eventCount()).toBe(n);
    // The long one still works.
    expect((await gql(LINK_ANSWER, { id, t: link.token, a: 'Đã xử lý' })).data.answerThroughLink.status).toBe('ACCEPTED');

    // Creating: only the unit holding it, never across tenants, hours within 1–720.
    expect((await create(otherId, 24, tokens.roads)).__typename).toBe('ForbiddenError');
    expect((await create(otherId, 24, tokens.ward)).__typename).toBe('ForbiddenError');
    expect((await create(otherId, 0)).__typename).toBe('ValidationError');
    expect((await create(otherId, 721)).__typename).toBe('ValidationError');
    expect((await gql(LINK, { id: otherId, h: 24 }, { token: tokens.otherRoads, tenant: 'queue-other' })).data.createAnswerLink.__typename).toBe('NotFoundError');
  });
});
