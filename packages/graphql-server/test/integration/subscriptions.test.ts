import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient as createHttpClient, typedDocument, type PahtClient, type SubmitReportInput } from '@paht/client-sdk';
import type { Client } from 'graphql-ws';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { citizenFollowersOf } from '../../src/live/citizen-followers.js';
import { citizenStepsOf } from '../../src/live/citizen-steps.js';
import { live, liveClient, type Live } from '../support/live-client.js';
import { ACCEPT, ASSIGN, CLASSIFY, RESOLVE } from './staff-documents.js';

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const CONTACT = /0912|84912345678|dan@example|Nguyễn Văn Dân/;

const REPORT_STATUS = `subscription S($code: String!, $secret: String!) {
  reportStatus(trackingCode: $code, secret: $secret) { trackingCode status entry { seq type status note } }
}`;
const IOC_INBOX = 'subscription { iocInbox { reportId trackingCode type seq status unitId previousUnitId at } }';
const UNIT_QUEUE = 'subscription { unitQueue { reportId trackingCode type seq status unitId } }';

interface StatusUpdate {
  reportStatus: { trackingCode: string; status: string; entry: { seq: number; type: string; status: string; note: string | null } };
}
interface Change {
  reportId: string;
  trackingCode: string;
  type: string;
  seq: number;
  status: string;
  unitId: string | null;
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let otherTenant: FixtureTenant;
let app: FastifyInstance;
let base: string;
let citizen: PahtClient;
/** A report nobody moves: following it tells when a connection's earlier subscriptions listen. */
let probe: { trackingCode: string; secret: string };
const tokens: Record<string, string> = {};
const clients: Client[] = [];

const submission: SubmitReportInput = {
  title: 'Đèn đường hỏng trên đường Lê Duẩn',
  description: 'Ba cột đèn liền nhau không sáng từ tối thứ Bảy, đoạn trước trường học.',
  channel: 'APP',
  address: '45 Lê Duẩn, Đông Hà',
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
};

async function submitted() {
  const result = await citizen.submitReport(submission);
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

const staff = (email: string) => citizen.withToken(tokens[email]!);

function connect(params: Record<string, unknown>): Client {
  const client = liveClient(base, params);
  clients.push(client);
  return client;
}
const asStaff = (email: string) => connect({ tenant: 'live', authorization: `Bearer ${tokens[email]}` });

/**
 * Waits until the subscriptions already sent on `client` are listening: the
 * server starts a connection's subscriptions in the order they arrive, and a
 * citizen's status stream answers its first item (the current state) only
 * after reading the database, by which time the earlier ones are in place.
 */
async function settled(client: Client): Promise<void> {
  const status = live<StatusUpdate>(client, REPORT_STATUS, { code: probe.trackingCode, secret: probe.secret });
  await status.next();
  await status.stop();
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'live', 'LV');
  otherTenant = await createFixtureTenant(ctx, 'other-live', 'OL');
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenantId of (await ctx.db.prisma.tenant.findMany()).map((x) => x.id)) {
    await withTenant(ctx.db, tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  }
  app = await buildApp({ core: ctx, redisUrl: null });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createHttpClient({ endpoint: `${base}/graphql`, tenant: 'live' });
  for (const email of ['ioc@example.gov.vn', 'officer@example.gov.vn', 'ward@example.gov.vn']) {
    const result = await citizen.signIn(email, PASSWORD);
    if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
    tokens[email] = result.token;
  }
  probe = await submitted();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
  await app?.close();
  await tdb?.close();
});

describe('a citizen following their report', () => {
  it('sees the current status, then each new status in order as staff move the report', async () => {
    const report = await submitted();
    const status = live<StatusUpdate>(connect({ tenant: 'live' }), REPORT_STATUS, { code: report.trackingCode, secret: report.secret });
    expect((await status.next()).reportStatus).toMatchObject({ trackingCode: report.trackingCode, status: 'SUBMITTED', entry: { seq: 1, type: 'SUBMIT' } });

    const operator = staff('ioc@example.gov.vn');
    const officer = staff('officer@example.gov.vn');
    const id = report.id;
    await operator.request(CLASSIFY, { id, categoryId: t.roadsCategoryId });
    await operator.request(ASSIGN, { id, unitId: t.roadsUnitId });
    await officer.request(ACCEPT, { id });
    await officer.request(RESOLVE, { id, answer: 'Đã thay bóng đèn.' });

    const seen: StatusUpdate[] = [];
    for (let i = 0; i < 4; i++) seen.push(await status.next());
    expect(seen.map((u) => [u.reportStatus.status, u.reportStatus.entry.seq, u.reportStatus.entry.type])).toEqual([
      ['CLASSIFIED', 2, 'CLASSIFY'],
      ['ASSIGNED', 3, 'ASSIGN'],
      ['ACCEPTED', 4, 'ACCEPT'],
      ['RESOLVED', 5, 'RESOLVE'],
    ]);
    expect(JSON.stringify(seen)).not.toMatch(CONTACT);
    await status.stop();
  });

  it('is refused with a wrong secret', async () => {
    const report = await submitted();
    const status = live<StatusUpdate>(connect({ tenant: 'live' }), REPORT_STATUS, { code: report.trackingCode, secret: 'x'.repeat(32) });
    expect(await status.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' }, path: ['reportStatus'] })]);
  });

  it('cannot follow a report of another tenant from this tenant’s connection', async () => {
    const other = createHttpClient({ endpoint: `${base}/graphql`, tenant: 'other-live' });
    const report = await other.submitReport(submission);
    if (report.__typename !== 'SubmitReportSuccess') throw new Error(report.message);
    const status = live<StatusUpdate>(connect({ tenant: 'live' }), REPORT_STATUS, { code: report.trackingCode, secret: report.secret });
    expect(await status.failure()).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
  });
});

// Many citizens following one report, each over a WebSocket of its own: the
// secret is checked once at subscribe time and each step read once in the
// process (the memo's read counter), whatever the number of followers.
const FOLLOWERS = 50;
const QUESTION = 'Xin gửi thêm ảnh chụp vị trí đèn hỏng';
const FOLLOW = `subscription S($code: String!, $secret: String!) {
  reportStatus(trackingCode: $code, secret: $secret) { trackingCode status entry { seq type status at note unit { code } } }
}`;
interface FollowedStep {
  reportStatus: { trackingCode: string; status: string; entry: { seq: number; type: string; status: string; at: string; note: string | null; unit: { code: string } | null } };
}
const TRACK = typedDocument<{ trackReport: { access: string; report: { timeline: Array<FollowedStep['reportStatus']['entry']> } } }, { code: string; secret: string }>(
  `query Track($code: String!, $secret: String) {
    trackReport(trackingCode: $code, secret: $secret) { ... on TrackedReport { access report { timeline { seq type status at note unit { code } } } } }
  }`,
);
const REQUEST_INFO = typedDocument<unknown, { id: string; reason: string }>(
  'mutation Ask($id: ID!, $reason: String!) { requestInfo(id: $id, reason: $reason) { __typename } }',
);

/** A new anonymous connection to `tenant` following a report. */
const follow = (code: string, secret: string, tenant = 'live'): Live<FollowedStep> => live<FollowedStep>(connect({ tenant }), FOLLOW, { code, secret });

async function submittedIn(tenant: string) {
  const result = await createHttpClient({ endpoint: `${base}/graphql`, tenant }).submitReport(submission);
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

async function classifiedIn(tenant: string, categoryId: string, id: string): Promise<void> {
  const client = createHttpClient({ endpoint: `${base}/graphql`, tenant });
  const signedIn = await client.signIn('ioc@example.gov.vn', PASSWORD);
  if (signedIn.__typename !== 'SignInSuccess') throw new Error(signedIn.message);
  expect((await client.withToken(signedIn.token).request(CLASSIFY, { id, categoryId })).result).toMatchObject({ __typename: 'ReportTransition' });
}

describe(`${FOLLOWERS} citizens following one report`, () => {
  it('all get each step as the tracker shows it to the secret’s holder, from one read of each step for all of them', async () => {
    const report = await submitted();
    const followers = Array.from({ length: FOLLOWERS }, () => follow(report.trackingCode, report.secret));
    for (const first of await Promise.all(followers.map((f) => f.next()))) {
      expect(first.reportStatus).toMatchObject({ trackingCode: report.trackingCode, status: 'SUBMITTED', entry: { seq: 1, type: 'SUBMIT' } });
    }

    const readsBefore = citizenStepsOf(ctx).reads;
    const ward = staff('ward@example.gov.vn');
    await staff('ioc@example.gov.vn').request(CLASSIFY, { id: report.id, categoryId: t.roadsCategoryId });
    await staff('ioc@example.gov.vn').request(ASSIGN, { id: report.id, unitId: t.wardUnitId });
    await ward.request(ACCEPT, { id: report.id });
    await ward.request(REQUEST_INFO, { id: report.id, reason: QUESTION });
    const seen = await Promise.all(followers.map(async (f) => [await f.next(), await f.next(), await f.next(), await f.next()]));
    // Four steps, four reads: not one per follower and step.
    expect(citizenStepsOf(ctx).reads - readsBefore).toBe(4);

    const tracked = await citizen.request(TRACK, { code: report.trackingCode, secret: report.secret });
    expect(tracked.trackReport.access).toBe('CITIZEN');
    const steps = tracked.trackReport.report.timeline.slice(1);
    expect(steps.map((e) => [e.type, e.note, e.unit?.code ?? null])).toEqual([
      ['CLASSIFY', null, null],
      ['ASSIGN', null, 'P-DONGHA'],
      ['ACCEPT', null, null],
      ['REQUEST_INFO', QUESTION, null],
    ]);
    for (const items of seen) {
      expect(items.map((u) => u.reportStatus.entry)).toEqual(steps);
      expect(items.map((u) => u.reportStatus.status)).toEqual(steps.map((e) => e.status));
    }
    expect(JSON.stringify(seen)).not.toMatch(CONTACT);
    await Promise.all(followers.map((f) => f.stop()));
  });

  it('reach no follower of another report or tenant, nor a subscriber with a wrong secret or another tenant’s code', async () => {
    const watched = await submitted();
    const neighbour = await submitted();
    const elsewhere = await submittedIn('other-live');
    const follower = follow(watched.trackingCode, watched.secret);
    const ofNeighbour = follow(neighbour.trackingCode, neighbour.secret);
    const ofElsewhere = follow(elsewhere.trackingCode, elsewhere.secret, 'other-live');
    for (const f of [follower, ofNeighbour, ofElsewhere]) expect((await f.next()).reportStatus.entry.seq).toBe(1);
    const wrongSecret = follow(watched.trackingCode, neighbour.secret);
    expect(await wrongSecret.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    const foreignCode = follow(elsewhere.trackingCode, elsewhere.secret);
    expect(await foreignCode.failure()).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);

    await classifiedIn('live', t.roadsCategoryId, watched.id);
    expect((await follower.next()).reportStatus).toMatchObject({ trackingCode: watched.trackingCode, entry: { seq: 2, type: 'CLASSIFY' } });
    // Then the other reports move: each follower's next item is its own report's step, so the watched one's never reached them.
    await classifiedIn('live', t.roadsCategoryId, neighbour.id);
    await classifiedIn('other-live', otherTenant.roadsCategoryId, elsewhere.id);
    expect((await ofNeighbour.next()).reportStatus).toMatchObject({ trackingCode: neighbour.trackingCode, entry: { seq: 2, type: 'CLASSIFY' } });
    expect((await ofElsewhere.next()).reportStatus).toMatchObject({ trackingCode: elsewhere.trackingCode, entry: { seq: 2, type: 'CLASSIFY' } });
    // The refused subscriptions ended with their error.
    await expect(wrongSecret.next()).rejects.toThrow('subscription ended');
    await expect(foreignCode.next()).rejects.toThrow('subscription ended');
    await Promise.all([follower, ofNeighbour, ofElsewhere].map((f) => f.stop()));
  });
});

// Followers sending the same document and variables share one execution of each step (`live/shared-execution.ts`); the others run their own.
const NARROW = 'subscription N($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { status } }';
const NOTED = `subscription W($code: String!, $secret: String!, $note: Boolean!) {
  update: reportStatus(trackingCode: $code, secret: $secret) { trackingCode entry { seq note @include(if: $note) } }
}`;

describe('followers of one report with different documents', () => {
  it('each get their own document’s answer to each step, staff connections included', async () => {
    const report = await submitted();
    const followersBefore = citizenFollowersOf(ctx).size;
    const vars = { code: report.trackingCode, secret: report.secret };
    const wide = [follow(report.trackingCode, report.secret), follow(report.trackingCode, report.secret)];
    const narrow = live<{ reportStatus: { status: string } }>(connect({ tenant: 'live' }), NARROW, vars);
    const noted = live<{ update: unknown }>(connect({ tenant: 'live' }), NOTED, { ...vars, note: true });
    const unnoted = live<{ update: unknown }>(connect({ tenant: 'live' }), NOTED, { ...vars, note: false });
    const asOperator = live<FollowedStep>(asStaff('ioc@example.gov.vn'), FOLLOW, vars);
    const all = [...wide, narrow, noted, unnoted, asOperator];
    await Promise.all(all.map((f) => f.next()));

    const ward = staff('ward@example.gov.vn');
    await staff('ioc@example.gov.vn').request(CLASSIFY, { id: report.id, categoryId: t.roadsCategoryId });
    await staff('ioc@example.gov.vn').request(ASSIGN, { id: report.id, unitId: t.wardUnitId });
    await ward.request(ACCEPT, { id: report.id });
    await ward.request(REQUEST_INFO, { id: report.id, reason: QUESTION });
    const seen = await Promise.all(all.map(async (f) => [await f.next(), await f.next(), await f.next(), await f.next()]));

    const steps = (await citizen.request(TRACK, vars)).trackReport.report.timeline.slice(1);
    expect(steps.at(-1)?.note).toBe(QUESTION);
    const [first, second, ofNarrow, ofNoted, ofUnnoted, ofOperator] = seen as [FollowedStep[], FollowedStep[], unknown[], unknown[], unknown[], FollowedStep[]];
    for (const items of [first, second, ofOperator]) expect(items.map((u) => u.reportStatus.entry)).toEqual(steps);
    expect(ofNarrow).toEqual(steps.map((e) => ({ reportStatus: { status: e.status } })));
    expect(ofNoted).toEqual(steps.map((e) => ({ update: { trackingCode: report.trackingCode, entry: { seq: e.seq, note: e.note } } })));
    expect(ofUnnoted).toEqual(steps.map((e) => ({ update: { trackingCode: report.trackingCode, entry: { seq: e.seq } } })));
    expect(JSON.stringify(seen)).not.toMatch(CONTACT);
    expect(citizenFollowersOf(ctx).size).toBe(followersBefore + all.length);
    await Promise.all(all.map((f) => f.stop()));
    // Completing a subscription lets go of its follower.
    await vi.waitFor(() => expect(citizenFollowersOf(ctx).size).toBe(followersBefore));
  });
});

describe('the IOC inbox', () => {
  it('shows a new submission to an operator, without contact data', async () => {
    const client = asStaff('ioc@example.gov.vn');
    const inbox = live<{ iocInbox: Change }>(client, IOC_INBOX);
    await settled(client);
    const report = await submitted();
    const item = await inbox.next();
    expect(item.iocInbox).toMatchObject({ reportId: report.id, trackingCode: report.trackingCode, type: 'SUBMIT', seq: 1, status: 'SUBMITTED', unitId: null });
    expect(JSON.stringify(item)).not.toMatch(CONTACT);
    await inbox.stop();
  });

  it('refuses an anonymous subscriber', async () => {
    const inbox = live(connect({ tenant: 'live' }), IOC_INBOX);
    expect(await inbox.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
  });

  it('refuses unit staff', async () => {
    const inbox = live(asStaff('officer@example.gov.vn'), IOC_INBOX);
    expect(await inbox.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
  });
});

describe('a unit queue', () => {
  it('sees an assignment to its own unit and not one to another unit', async () => {
    const roadsClient = asStaff('officer@example.gov.vn');
    const wardClient = asStaff('ward@example.gov.vn');
    const roads = live<{ unitQueue: Change }>(roadsClient, UNIT_QUEUE);
    const ward = live<{ unitQueue: Change }>(wardClient, UNIT_QUEUE);
    await settled(roadsClient);
    await settled(wardClient);

    const operator = staff('ioc@example.gov.vn');
    const toRoads = await submitted();
    await operator.request(CLASSIFY, { id: toRoads.id, categoryId: t.roadsCategoryId });
    await operator.request(ASSIGN, { id: toRoads.id, unitId: t.roadsUnitId });
    const toWard = await submitted();
    await operator.request(CLASSIFY, { id: toWard.id, categoryId: t.roadsCategoryId });
    await operator.request(ASSIGN, { id: toWard.id, unitId: t.wardUnitId });

    expect((await roads.next()).unitQueue).toMatchObject({ reportId: toRoads.id, type: 'ASSIGN', status: 'ASSIGNED', unitId: t.roadsUnitId });
    // The ward's first item is its own assignment: the one to the roads unit never reached it.
    expect((await ward.next()).unitQueue).toMatchObject({ reportId: toWard.id, type: 'ASSIGN', unitId: t.wardUnitId });
    await roads.stop();
    await ward.stop();
  });

  it('refuses an operator, who has no unit queue', async () => {
    const queue = live(asStaff('ioc@example.gov.vn'), UNIT_QUEUE);
    expect(await queue.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
  });
});

describe('connecting', () => {
  it('closes with 4401 for a token that is not valid', async () => {
    const inbox = live(connect({ tenant: 'live', authorization: 'Bearer not-a-token' }), IOC_INBOX);
    expect(await inbox.failure()).toMatchObject({ code: 4401 });
  });

  it('closes with 4401 for a token of another tenant', async () => {
    const inbox = live(connect({ tenant: 'other-live', authorization: `Bearer ${tokens['ioc@example.gov.vn']}` }), IOC_INBOX);
    expect(await inbox.failure()).toMatchObject({ code: 4401 });
  });

  it('closes with 4404 (TENANT_NOT_FOUND) for an unknown tenant', async () => {
    const inbox = live(connect({ tenant: 'nowhere' }), IOC_INBOX);
    expect(await inbox.failure()).toMatchObject({ code: 4404 });
    const unnamed = live(connect({}), IOC_INBOX);
    expect(await unnamed.failure()).toMatchObject({ code: 4404 });
  });

  it('takes the tenant from the URL when the connection parameters do not name it', async () => {
    const report = await submitted();
    const viaQuery = liveClient(base, {}, '?tenant=live');
    clients.push(viaQuery);
    const status = live<StatusUpdate>(viaQuery, REPORT_STATUS, { code: report.trackingCode, secret: report.secret });
    expect((await status.next()).reportStatus.status).toBe('SUBMITTED');
    await status.stop();
  });

  it('runs only subscriptions, pointing queries to HTTP', async () => {
    const query = live(connect({ tenant: 'live' }), '{ __typename }');
    expect(await query.failure()).toMatchObject({ 0: { extensions: { code: 'BAD_REQUEST' } } });
  });
});
