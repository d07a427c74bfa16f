import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { createClient as createHttpClient, type PahtClient, type SubmitReportInput } from '@paht/client-sdk';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';
import { redisChannelOf } from '../../src/live/report-events.js';
import { live, liveClient } from '../support/live-client.js';
import { startRedisServer, stopChild, type TestRedis } from '../support/redis-server.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { ASSIGN, CLASSIFY } from './staff-documents.js';

// Two server processes on one PostgreSQL database and one Redis: a change
// made through one reaches subscribers of the other, and the other's cached
// public answers are dropped before the change's answer leaves. PGlite cannot be
// shared by two processes, so this runs on the postgres project only.

const PASSWORD = 'mat-khau-thu-nghiem-2026';
const REPORT_STATUS = `subscription S($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { status entry { seq type } } }`;
const IOC_INBOX = 'subscription { iocInbox { trackingCode type status } }';

const submission: SubmitReportInput = {
  title: 'Cây đổ chắn ngang đường Trần Hưng Đạo',
  description: 'Cây xà cừ bật gốc sau mưa lớn, chắn hết một làn xe gần chợ.',
  address: '80 Trần Hưng Đạo, Đông Hà',
  reporter: { phone: '0912 345 678' },
};

describe.skipIf(testEngine() !== 'postgres')('report changes across server processes through Redis', () => {
  let tdb: TestDatabase;
  let redis: TestRedis;
  let t: FixtureTenant;
  let a: ServerProcess;
  let b: ServerProcess;
  let watcher: Redis;
  const clients: Client[] = [];

  /** Redis counts the subscribers of the tenant's channel: A listens once there is one. */
  async function listening(): Promise<void> {
    for (;;) {
      const [, count] = (await watcher.pubsub('NUMSUB', redisChannelOf(t.tenantId))) as [string, number];
      if (count > 0) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    watcher = new Redis(redis.url);
    tdb = await openTestDatabase();
    const ctx = testContext(tdb.db, new Date());
    t = await createFixtureTenant(ctx, 'fanout', 'FO');
    const passwordHash = await hashPassword(PASSWORD);
    await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
    [a, b] = await Promise.all([startServerProcess(tdb.url!, redis.url), startServerProcess(tdb.url!, redis.url)]);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    await Promise.all([a && stopChild(a.child), b && stopChild(b.child)]);
    watcher?.disconnect();
    await redis?.stop();
    await tdb?.close();
  });

  it('delivers on process A a step and a submission made through process B', async () => {
    const onB: PahtClient = createHttpClient({ endpoint: `${b.base}/graphql`, tenant: 'fanout' });
    const report = await onB.submitReport(submission);
    if (report.__typename !== 'SubmitReportSuccess') throw new Error(report.message);
    const signIn = await onB.signIn('ioc@example.gov.vn', PASSWORD);
    if (signIn.__typename !== 'SignInSuccess') throw new Error(signIn.message);
    const operatorOnB = onB.withToken(signIn.token);

    // One connection: it starts its subscriptions in order, and the status
    // stream's first item comes after a database read, so the inbox listens by then.
    const onA = liveClient(a.base, { tenant: 'fanout', authorization: `Bearer ${signIn.token}` });
    clients.push(onA);
    const inbox = live<{ iocInbox: { trackingCode: string; type: string; status: string } }>(onA, IOC_INBOX);
    const status = live<{ reportStatus: { status: string; entry: { seq: number; type: string } } }>(onA, REPORT_STATUS, {
      code: report.trackingCode,
      secret: report.secret,
    });
    expect((await status.next()).reportStatus.status).toBe('SUBMITTED');
    await listening();

    await operatorOnB.request(CLASSIFY, { id: report.id, categoryId: t.roadsCategoryId });
    await operatorOnB.request(ASSIGN, { id: report.id, unitId: t.roadsUnitId });
    expect((await status.next()).reportStatus).toEqual({ status: 'CLASSIFIED', entry: { seq: 2, type: 'CLASSIFY' } });
    expect((await status.next()).reportStatus).toEqual({ status: 'ASSIGNED', entry: { seq: 3, type: 'ASSIGN' } });

    const second = await onB.submitReport(submission);
    if (second.__typename !== 'SubmitReportSuccess') throw new Error(second.message);
    expect((await inbox.next()).iocInbox).toEqual({ trackingCode: second.trackingCode, type: 'SUBMIT', status: 'SUBMITTED' });
    await status.stop();
    await inbox.stop();
  });

  it("drops on process A the cached public answers a change made through process B alters, before B answers", async () => {
    const onB: PahtClient = createHttpClient({ endpoint: `${b.base}/graphql`, tenant: 'fanout' });
    const report = await onB.submitReport(submission);
    if (report.__typename !== 'SubmitReportSuccess') throw new Error(report.message);
    const signIn = await onB.signIn('ioc@example.gov.vn', PASSWORD);
    if (signIn.__typename !== 'SignInSuccess') throw new Error(signIn.message);
    const operatorOnB = onB.withToken(signIn.token);
    const track = { code: report.trackingCode };

    // Anonymous reads on A, each twice (the second from A's cache): the tracker, and the list without the report.
    for (let i = 0; i < 2; i++) {
      expect((await publicRead(a.base, TRACK, track)).data.trackReport.report.status).toBe('SUBMITTED');
      expect(listedIds(await publicRead(a.base, LIST))).not.toContain(report.id);
    }
    // The classification through B lists the report: A answers the next read with it, at once.
    await operatorOnB.request(CLASSIFY, { id: report.id, categoryId: t.roadsCategoryId });
    expect((await publicRead(a.base, TRACK, track)).data.trackReport.report.status).toBe('CLASSIFIED');
    expect(listedIds(await publicRead(a.base, LIST))).toContain(report.id);
  });
});

const TRACK = 'query Track($code: String!) { trackReport(trackingCode: $code) { ... on TrackedReport { report { status } } } }';
const LIST = 'query List { publicReports(first: 50) { ... on ReportConnection { nodes { id } } } }';

/** An anonymous read's answer, as JSON (the two documents above). */
async function publicRead(base: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'fanout' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

const listedIds = (answer: { data: { publicReports: { nodes: Array<{ id: string }> } } }) => answer.data.publicReports.nodes.map((n) => n.id);
