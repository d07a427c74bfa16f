import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import {
  createClient as createHttpClient,
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  MyUnreadNotificationCountDocument,
  listMyNotifications,
  markNotificationsRead,
  typedDocument,
  unreadNotificationCount,
  watchMyNotifications,
  type PahtClient,
  type SubmitReportInput,
} from '@paht/client-sdk';
import type { Client } from 'graphql-ws';
import type { FastifyInstance } from 'fastify';
import { WebSocket } from 'ws';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { live, liveClient, type Live } from '../support/live-client.js';
import { ASSIGN, CLASSIFY } from './staff-documents.js';

// The staff in-app inbox over real HTTP and WebSocket: notices arrive live
// to their recipient only, are stored with an unread count, and no other
// staff member or tenant can read, mark or receive them.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const CONTACT = /0912|84912345678|dan@example|Nguyễn Văn Dân/;
const RECEIVED = `subscription {
  myNotificationReceived { unreadCount notification { id kind title titleEn reportId trackingCode unitId read details { key value } } }
}`;
const REPORT_STATUS = 'subscription S($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { status } }';
const RETURN = typedDocument<{ result: { __typename: string } }, { id: string; reason: string }>(
  'mutation Return($id: ID!, $reason: String!) { result: returnReport(id: $id, reason: $reason) { __typename } }',
);

interface Delivery {
  myNotificationReceived: {
    unreadCount: number;
    notification: { id: string; kind: string; title: string; titleEn: string; reportId: string | null; trackingCode: string | null; unitId: string | null; read: boolean; details: Array<{ key: string; value: string | null }> };
  };
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
let app: FastifyInstance;
let base: string;
let citizen: PahtClient;
let otherCitizen: PahtClient;
/** A report nobody moves, per tenant: following it tells when a connection's earlier subscriptions listen. */
const probes: Record<string, { trackingCode: string; secret: string }> = {};
const tokens: Record<string, string> = {};
const otherTokens: Record<string, string> = {};
const clients: Client[] = [];

const submission: SubmitReportInput = {
  title: 'Ổ gà lớn trên đường Hùng Vương',
  description: 'Ổ gà sâu giữa làn xe máy, đã có người ngã tối qua.',
  channel: 'APP',
  address: '12 Hùng Vương, Đông Hà',
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
};

async function submitted(client = citizen) {
  ctx.advance(60_000);
  const result = await client.submitReport(submission);
  if (result.__typename !== 'SubmitReportSuccess') throw new Error(result.message);
  return result;
}

const staff = (email: string) => citizen.withToken(tokens[email]!);
const otherStaff = (email: string) => otherCitizen.withToken(otherTokens[email]!);

function connect(params: Record<string, unknown>): Client {
  const client = liveClient(base, params);
  clients.push(client);
  return client;
}

/** Subscribes `email`'s inbox and waits until the server listens (a later subscription on the same connection answered). */
async function inboxOf(email: string, tenant = 'inbox', token = tokens[email]): Promise<Live<Delivery>> {
  const client = connect({ tenant, authorization: `Bearer ${token}` });
  const inbox = live<Delivery>(client, RECEIVED);
  const status = live<{ reportStatus: { status: string } }>(client, REPORT_STATUS, { code: probes[tenant]!.trackingCode, secret: probes[tenant]!.secret });
  await status.next();
  await status.stop();
  return inbox;
}

async function assigned(unitId = t.roadsUnitId) {
  const report = await submitted();
  const operator = staff('ioc@example.gov.vn');
  expect((await operator.request(CLASSIFY, { id: report.id, categoryId: t.roadsCategoryId })).result?.__typename).toBe('ReportTransition');
  expect((await operator.request(ASSIGN, { id: report.id, unitId })).result?.__typename).toBe('ReportTransition');
  return report;
}

async function inbox(client: PahtClient, unreadOnly = false) {
  const result = (await client.request(MyNotificationsDocument, { first: 50, unreadOnly })).myNotifications;
  if (result.__typename !== 'StaffNotificationConnection') throw new Error(`${result.__typename}: ${result.message}`);
  return result;
}

async function unread(client: PahtClient): Promise<number> {
  const result = (await client.request(MyUnreadNotificationCountDocument)).myUnreadNotificationCount;
  if (result.__typename !== 'MyUnreadNotificationCountSuccess') throw new Error(result.message);
  return result.data;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'inbox', 'IX');
  other = await createFixtureTenant(ctx, 'other-inbox', 'OX');
  const passwordHash = await hashPassword(PASSWORD);
  for (const tenantId of [t.tenantId, other.tenantId]) {
    await withTenant(ctx.db, tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  }
  app = await buildApp({ core: ctx, redisUrl: null });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  citizen = createHttpClient({ endpoint: `${base}/graphql`, tenant: 'inbox' });
  otherCitizen = createHttpClient({ endpoint: `${base}/graphql`, tenant: 'other-inbox' });
  for (const email of ['ioc@example.gov.vn', 'officer@example.gov.vn', 'leader@example.gov.vn', 'ward@example.gov.vn', 'lanhdao@example.gov.vn']) {
    const result = await citizen.signIn(email, PASSWORD);
    if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
    tokens[email] = result.token;
  }
  for (const email of ['ioc@example.gov.vn', 'officer@example.gov.vn']) {
    const result = await otherCitizen.signIn(email, PASSWORD);
    if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
    otherTokens[email] = result.token;
  }
  probes.inbox = await submitted();
  probes['other-inbox'] = await submitted(otherCitizen);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
  await app?.close();
  await tdb?.close();
});

describe('the staff inbox', () => {
  let newWorkId: string;
  let reportId: string;

  it('tells the unit of new work live, with its unread count, and keeps it in the inbox', async () => {
    const officerLive = await inboxOf('officer@example.gov.vn');
    const report = await assigned();
    reportId = report.id;

    const delivery = (await officerLive.next()).myNotificationReceived;
    expect(delivery.unreadCount).toBe(1);
    expect(delivery.notification).toMatchObject({
      kind: 'NEW_WORK',
      title: 'Đơn vị được giao phản ánh mới',
      titleEn: 'A report was assigned to your unit',
      reportId: report.id,
      trackingCode: report.trackingCode,
      unitId: t.roadsUnitId,
      read: false,
    });
    expect(JSON.stringify(delivery)).not.toMatch(CONTACT);
    newWorkId = delivery.notification.id;

    const officer = staff('officer@example.gov.vn');
    const page = await inbox(officer);
    expect(page.unreadCount).toBe(1);
    expect(page.edges.map((e) => [e.node.id, e.node.kind, e.node.trackingCode])).toEqual([[newWorkId, 'NEW_WORK', report.trackingCode]]);
    expect(await unread(officer)).toBe(1);
    // The unit's leader is told too; another unit and the provincial leader are not.
    expect((await inbox(staff('leader@example.gov.vn'))).edges.map((e) => e.node.kind)).toEqual(['NEW_WORK']);
    expect((await inbox(staff('ward@example.gov.vn'))).edges).toEqual([]);
    expect((await inbox(staff('lanhdao@example.gov.vn'))).edges).toEqual([]);
    // The IOC was told of each new report, not of the assignment it made itself.
    const iocKinds = (await inbox(staff('ioc@example.gov.vn'))).edges.map((e) => e.node.kind);
    expect(iocKinds).toEqual(['NEW_REPORT', 'NEW_REPORT']);
    await officerLive.stop();
  });

  it('marks read only the reader’s own notices: another unit or tenant changes nothing', async () => {
    const officer = staff('officer@example.gov.vn');
    const ward = await staff('ward@example.gov.vn').request(MarkNotificationsReadDocument, { ids: [newWorkId] });
    expect(ward.markNotificationsRead).toMatchObject({ __typename: 'NotificationsRead', unreadCount: 0 });
    const foreign = await otherStaff('officer@example.gov.vn').request(MarkNotificationsReadDocument, { all: true });
    expect(foreign.markNotificationsRead).toMatchObject({ __typename: 'NotificationsRead', unreadCount: 0 });
    expect(await unread(officer)).toBe(1);
    // The other tenant's officer sees none of it, and this tenant's token is refused by the other tenant.
    expect((await inbox(otherStaff('officer@example.gov.vn'))).edges).toEqual([]);
    await expect(otherCitizen.withToken(tokens['officer@example.gov.vn']!).request(MyNotificationsDocument, {})).rejects.toThrow(/token/i);
    // Nobody signed in: refused.
    expect((await citizen.request(MyNotificationsDocument, {})).myNotifications.__typename).toBe('ForbiddenError');
    expect((await citizen.request(MarkNotificationsReadDocument, { all: true })).markNotificationsRead.__typename).toBe('ForbiddenError');

    // Bad input: refused, nothing changed.
    expect((await officer.request(MarkNotificationsReadDocument, {})).markNotificationsRead.__typename).toBe('ValidationError');
    expect((await officer.request(MarkNotificationsReadDocument, { ids: ['not-an-id'] })).markNotificationsRead.__typename).toBe('ValidationError');
    expect((await officer.request(MyNotificationsDocument, { first: 0 })).myNotifications.__typename).toBe('ValidationError');
    expect(await unread(officer)).toBe(1);

    const mine = await officer.request(MarkNotificationsReadDocument, { ids: [newWorkId] });
    expect(mine.markNotificationsRead).toMatchObject({ __typename: 'NotificationsRead', unreadCount: 0 });
    expect(await unread(officer)).toBe(0);
    expect((await inbox(officer, true)).edges).toEqual([]);
    const [entry] = (await inbox(officer)).edges;
    expect(entry?.node).toMatchObject({ id: newWorkId, read: true });
    expect(entry?.node.readAt).toBeTruthy();
  });

  it('tells the IOC live when a unit returns a report, not the officer who returned it', async () => {
    const operatorLive = await inboxOf('ioc@example.gov.vn');
    const officer = staff('officer@example.gov.vn');
    expect((await officer.request(RETURN, { id: reportId, reason: 'Không thuộc thẩm quyền của Sở.' })).result.__typename).toBe('ReportTransition');
    const delivery = (await operatorLive.next()).myNotificationReceived;
    expect(delivery.notification).toMatchObject({ kind: 'RETURNED', reportId, unitId: t.roadsUnitId, titleEn: 'A unit returned a report' });
    expect(delivery.unreadCount).toBe(3);
    expect(JSON.stringify(delivery)).not.toMatch(CONTACT);
    expect(await unread(officer)).toBe(0);
    await operatorLive.stop();
  });

  it('delivers a notice to its recipient only: not to another unit, another tenant, or a token used on another tenant', async () => {
    const wardLive = await inboxOf('ward@example.gov.vn');
    const foreignLive = await inboxOf('officer@example.gov.vn', 'other-inbox', otherTokens['officer@example.gov.vn']);
    // A token of this tenant on the other tenant's connection, and no token at all: refused.
    const stolen = live<Delivery>(connect({ tenant: 'other-inbox', authorization: `Bearer ${tokens['officer@example.gov.vn']}` }), RECEIVED);
    expect(await stolen.failure()).toMatchObject({ code: 4401 });
    const anonymous = live<Delivery>(connect({ tenant: 'inbox' }), RECEIVED);
    expect(JSON.stringify(await anonymous.failure())).toMatch(/FORBIDDEN/);

    // New work for the roads unit (this tenant), then for the ward: the ward's first delivery is its own.
    await assigned(t.roadsUnitId);
    const forWard = await assigned(t.wardUnitId);
    const wardDelivery = (await wardLive.next()).myNotificationReceived;
    expect(wardDelivery.notification).toMatchObject({ kind: 'NEW_WORK', reportId: forWard.id, unitId: t.wardUnitId });
    expect(wardDelivery.unreadCount).toBe(1);

    // The other tenant's officer receives only the other tenant's notice.
    const foreignReport = await submitted(otherCitizen);
    const otherOperator = otherStaff('ioc@example.gov.vn');
    await otherOperator.request(CLASSIFY, { id: foreignReport.id, categoryId: other.roadsCategoryId });
    await otherOperator.request(ASSIGN, { id: foreignReport.id, unitId: other.roadsUnitId });
    const foreignDelivery = (await foreignLive.next()).myNotificationReceived;
    expect(foreignDelivery.notification).toMatchObject({ kind: 'NEW_WORK', reportId: foreignReport.id, trackingCode: foreignReport.trackingCode });
    expect(foreignDelivery.notification.trackingCode).toMatch(/^OX/);
    expect(foreignDelivery.unreadCount).toBe(1);
    await wardLive.stop();
    await foreignLive.stop();
  });

  it('is read, counted, marked and watched through the SDK’s helpers', async () => {
    const sdk = createHttpClient({ endpoint: `${base}/graphql`, tenant: 'inbox', token: tokens['leader@example.gov.vn'], webSocketImpl: WebSocket, liveRetryAttempts: 0 });
    try {
      const stream = watchMyNotifications(sdk);
      const first = stream.next();
      // The client's one connection starts its subscriptions in order: once the tracker answers, the inbox listens.
      const tracker = sdk.watchReport(probes.inbox!.trackingCode, probes.inbox!.secret);
      await tracker.next();
      await tracker.return?.();
      const report = await assigned(t.roadsUnitId);
      const delivery = (await first).value;
      expect(delivery?.notification).toMatchObject({ kind: 'NEW_WORK', reportId: report.id });
      const count = await unreadNotificationCount(sdk);
      expect(count).toEqual({ __typename: 'MyUnreadNotificationCountSuccess', data: delivery?.unreadCount });
      const page = await listMyNotifications(sdk, { unreadOnly: true, first: 100 });
      expect(page.__typename === 'StaffNotificationConnection' && page.edges.length).toBe(delivery?.unreadCount);
      expect(await markNotificationsRead(sdk, { all: true })).toEqual({ __typename: 'NotificationsRead', unreadCount: 0 });
      await stream.return(undefined);
    } finally {
      await sdk.close();
    }
  });

  it('pages the inbox newest first', async () => {
    const operator = staff('ioc@example.gov.vn');
    const all = await inbox(operator);
    const first = (await operator.request(MyNotificationsDocument, { first: 2 })).myNotifications;
    if (first.__typename !== 'StaffNotificationConnection') throw new Error(first.__typename);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await operator.request(MyNotificationsDocument, { first: 50, after: first.pageInfo.endCursor })).myNotifications;
    if (rest.__typename !== 'StaffNotificationConnection') throw new Error(rest.__typename);
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(all.edges.map((e) => e.node.id));
    const times = all.edges.map((e) => new Date(String(e.node.createdAt)).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.edges[0]?.node.kind).toBe('NEW_REPORT');
    expect((await operator.request(MyNotificationsDocument, { after: 'bm9wZQ' })).myNotifications.__typename).toBe('ValidationError');
  });
});
