import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient as createHttpClient, MyNotificationReceivedDocument, documentText, type SubmitReportInput } from '@paht/client-sdk';
import type { Client } from 'graphql-ws';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { live, liveClient } from '../support/live-client.js';
import { startRedisServer, type TestRedis } from '../support/redis-server.js';
import { ASSIGN, CLASSIFY } from './staff-documents.js';

// Two apps on one database and one Redis, each with its own core and buses
// (as two server processes have): a notice written through app A reaches
// its recipient's subscription on app B through Redis, and the Redis
// message carries identifiers only.

const PASSWORD = 'mat-khau-thu-nghiem-2026';
const submission: SubmitReportInput = {
  title: 'Cột điện nghiêng sát nhà dân',
  description: 'Cột điện nghiêng sau bão, dây võng thấp qua ngõ.',
  channel: 'APP',
  address: '7 Nguyễn Trãi, Đông Hà',
  reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
};

interface Delivery {
  myNotificationReceived: { unreadCount: number; notification: { kind: string; reportId: string | null; trackingCode: string | null } };
}

describe('staff notices across server processes through Redis', () => {
  let tdb: TestDatabase;
  let redis: TestRedis;
  let watcher: Redis;
  let t: FixtureTenant;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const clients: Client[] = [];
  const onChannel: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    tdb = await openTestDatabase();
    const setup = testContext(tdb.db, new Date('2026-03-02T02:00:00Z'));
    t = await createFixtureTenant(setup, 'inbox-fanout', 'IF');
    const passwordHash = await hashPassword(PASSWORD);
    await withTenant(setup.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
    a = await buildApp({ core: testContext(tdb.db, new Date('2026-03-02T02:00:00Z')), redisUrl: redis.url });
    b = await buildApp({ core: testContext(tdb.db, new Date('2026-03-02T02:00:00Z')), redisUrl: redis.url });
    watcher = new Redis(redis.url);
    await watcher.subscribe(`staff-inbox:${t.tenantId}`);
    watcher.on('message', (_channel: string, message: string) => onChannel.push(message));
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    await Promise.all([a?.close(), b?.close()]);
    watcher?.disconnect();
    await redis?.stop();
    await tdb?.close();
  });

  it('delivers on app B the notice a step through app A wrote', async () => {
    const baseA = await a.listen({ port: 0, host: '127.0.0.1' });
    const baseB = await b.listen({ port: 0, host: '127.0.0.1' });
    const onA = createHttpClient({ endpoint: `${baseA}/graphql`, tenant: 'inbox-fanout' });
    const signIn = async (email: string) => {
      const result = await onA.signIn(email, PASSWORD);
      if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
      return result.token;
    };
    const operator = onA.withToken(await signIn('ioc@example.gov.vn'));
    const officerToken = await signIn('officer@example.gov.vn');

    const report = await onA.submitReport(submission);
    if (report.__typename !== 'SubmitReportSuccess') throw new Error(report.message);
    const client = liveClient(baseB, { tenant: 'inbox-fanout', authorization: `Bearer ${officerToken}` });
    clients.push(client);
    const inbox = live<Delivery>(client, documentText(MyNotificationReceivedDocument));
    // The subscription listens once Redis counts a subscriber of the channel besides the watcher.
    const counter = new Redis(redis.url);
    for (;;) {
      const [, count] = (await counter.pubsub('NUMSUB', `staff-inbox:${t.tenantId}`)) as [string, number];
      if (count > 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    counter.disconnect();

    await operator.request(CLASSIFY, { id: report.id, categoryId: t.roadsCategoryId });
    await operator.request(ASSIGN, { id: report.id, unitId: t.roadsUnitId });
    const delivery = (await inbox.next()).myNotificationReceived;
    expect(delivery).toEqual({ unreadCount: 1, notification: expect.objectContaining({ kind: 'NEW_WORK', reportId: report.id, trackingCode: report.trackingCode }) as unknown });

    // What crossed Redis: identifiers only (no title, no code, no contact).
    const messages = onChannel.map((m) => JSON.parse(m) as Record<string, unknown>);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(Object.keys(m).sort()).toEqual(['notificationId', 'staffUserId', 'tenantId']);
    expect(onChannel.join('\n')).not.toMatch(/0912|dan@example|Nguyễn Văn Dân/);
    expect(onChannel.join('\n')).not.toContain(report.trackingCode);
    await inbox.stop();
  });
});
