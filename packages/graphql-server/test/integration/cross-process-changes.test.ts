import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, INVALIDATION_CHANNEL, parseInvalidation, submitReport, transitionReport, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient as createHttpClient } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';
import { redisChannelOf } from '../../src/live/report-events.js';
import { ROOT, scriptArgs } from '../e2e/support/server-process.js';
import { live, liveClient } from '../support/live-client.js';
import { AFTER_AUTO_CLOSE_MS, publishedReport, REPORTER, REPORTER_CONTACT } from '../support/published-report.js';
import { startRedisServer, stopChild, type TestRedis } from '../support/redis-server.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Changes made in a process other than the server holding the subscribers
// and the cached answers, told through one Redis: the deadline job run by
// another app process (a pg-boss worker), and `pnpm tenant:merge` run as a
// real command. The server process works no job queue (PAHT_JOB_WORKERS=0).
// PostgreSQL only: PGlite cannot be shared by processes.

const PASSWORD = 'mat-khau-thu-nghiem-2026';
const REPORT_STATUS = `subscription S($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { status entry { seq type } } }`;
const IOC_INBOX = 'subscription { iocInbox { reportId type seq status } }';
const TRACK = 'query Track($code: String!) { trackReport(trackingCode: $code) { ... on TrackedReport { report { status } } } }';
const LIST = 'query List { publicReports(first: 50) { ... on ReportConnection { nodes { id } } } }';

describe.skipIf(testEngine() !== 'postgres')('changes made outside the server process, told through Redis', () => {
  let tdb: TestDatabase;
  let redis: TestRedis;
  let ctx: ReturnType<typeof testContext>;
  let server: ServerProcess;
  let watcher: Redis;
  /** Every message on every Redis channel while the tests run. */
  const carried: Array<{ channel: string; text: string }> = [];
  let mergedIds: string[] = [];
  const clients: Client[] = [];
  const apps: FastifyInstance[] = [];

  /** An anonymous read on the server process, as JSON. */
  async function read(slug: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant': slug },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  beforeAll(async () => {
    redis = await startRedisServer();
    watcher = new Redis(redis.url);
    const listener = new Redis(redis.url);
    await listener.psubscribe('*');
    listener.on('pmessage', (_pattern: string, channel: string, text: string) => void carried.push({ channel, text }));
    clients.push({ dispose: () => listener.disconnect() } as unknown as Client);
    tdb = await openTestDatabase();
    ctx = testContext(tdb.db, new Date());
    server = await startServerProcess(tdb.url!, redis.url, { PAHT_JOB_WORKERS: '0' });
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    for (const app of apps) await app.close();
    if (server) await stopChild(server.child);
    watcher?.disconnect();
    await redis?.stop();
    await tdb?.close();
  });

  it('delivers the auto-close a job process made to the citizen and the IOC inbox subscribed on the server process, and drops its cached tracker', { timeout: 30_000 }, async () => {
    const t: FixtureTenant = await createFixtureTenant(ctx, 'xp-live', 'XL');
    const passwordHash = await hashPassword(PASSWORD);
    await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
    const report = await publishedReport(ctx, t);
    // The job process: an app on the same database and Redis whose clock is past the waiting time.
    const jobCore = testContext(tdb.db, new Date(Date.now() + AFTER_AUTO_CLOSE_MS));
    const jobs = await buildApp({ core: jobCore, redisUrl: redis.url, jobs: { schedule: false } });
    apps.push(jobs);

    const signIn = await createHttpClient({ endpoint: `${server.base}/graphql`, tenant: 'xp-live' }).signIn('ioc@example.gov.vn', PASSWORD);
    if (signIn.__typename !== 'SignInSuccess') throw new Error(signIn.message);
    const client = liveClient(server.base, { tenant: 'xp-live', authorization: `Bearer ${signIn.token}` });
    clients.push(client);
    // One connection: the server starts its subscriptions in order, so the inbox listens once the status stream's first item is read.
    const inbox = live<{ iocInbox: { reportId: string; type: string; seq: number; status: string } }>(client, IOC_INBOX);
    const status = live<{ reportStatus: { status: string; entry: { seq: number; type: string } } }>(client, REPORT_STATUS, { code: report.trackingCode, secret: report.secret });
    expect((await status.next()).reportStatus).toEqual({ status: 'PUBLISHED', entry: { seq: 6, type: 'PUBLISH' } });
    // The server process listens on the tenant's Redis channel.
    for (;;) {
      const [, count] = (await watcher.pubsub('NUMSUB', redisChannelOf(t.tenantId))) as [string, number];
      if (count > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (let i = 0; i < 2; i++) expect((await read('xp-live', TRACK, { code: report.trackingCode })).data.trackReport.report.status).toBe('PUBLISHED');

    const run = await jobs.jobs.runNow('auto-close');
    expect(run.closed.map((c) => c.reportId)).toEqual([report.id]);
    expect((await status.next()).reportStatus).toEqual({ status: 'CLOSED', entry: { seq: 7, type: 'CLOSE' } });
    expect((await inbox.next()).iocInbox).toEqual({ reportId: report.id, type: 'CLOSE', seq: 7, status: 'CLOSED' });
    expect((await read('xp-live', TRACK, { code: report.trackingCode })).data.trackReport.report.status).toBe('CLOSED');
    await Promise.all([status.stop(), inbox.stop()]);
  });

  it('answers the next public read after `pnpm tenant:merge` (a separate process) with the merged data at once, under both slugs', { timeout: 40_000 }, async () => {
    const from = await createFixtureTenant(ctx, 'xp-from', 'XF');
    const into = await createFixtureTenant(ctx, 'xp-into', 'XI');
    mergedIds = [from.tenantId, into.tenantId].sort();
    const moved = await submitReport(ctx, from.tenantId, {
      title: 'Biển báo giao thông bị đổ',
      description: 'Biển báo cấm đỗ xe bị gió quật đổ nằm giữa vỉa hè.',
      channel: 'APP',
      address: '7 Trần Phú, Đông Hà',
      reporter: REPORTER,
    });
    await transitionReport(ctx, from.tenantId, from.operator, moved.id, { type: 'CLASSIFY', categoryId: from.roadsCategoryId });
    const listed = async (slug: string) => ((await read(slug, LIST)).data.publicReports.nodes as Array<{ id: string }>).map((n) => n.id);

    // Each read twice: the second comes from the server's caches (answers, and the tenant behind the slug).
    for (let i = 0; i < 2; i++) {
      expect(await listed('xp-into')).not.toContain(moved.id);
      expect((await read('xp-from', TRACK, { code: moved.trackingCode })).data.trackReport.report.status).toBe('CLASSIFIED');
    }

    const tool = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [...scriptArgs('tenant:merge'), '--from', 'xp-from', '--into', 'xp-into', '--json'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: tdb.url!, REDIS_URL: redis.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(tool.code, tool.stderr).toBe(0);

    expect(await listed('xp-into')).toContain(moved.id);
    // The former slug leads to the merged tenant at once (not after the 5 s its tenant was kept).
    expect((await read('xp-from', TRACK, { code: moved.trackingCode })).data.trackReport.report.status).toBe('CLASSIFIED');
    expect((await read('xp-into', TRACK, { code: moved.trackingCode })).data.trackReport.report.status).toBe('CLASSIFIED');
    expect(tool.stderr).toContain('Running servers told through Redis');
    expect(`${tool.stdout}${tool.stderr}`).not.toMatch(REPORTER_CONTACT);
  });

  it('carried no reporter contact on any Redis channel; the tool told each merged tenant once, on the servers’ channel', () => {
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.map((m) => m.text).join('\n')).not.toMatch(REPORTER_CONTACT);
    const fromTool = carried.map((m) => ({ channel: m.channel, message: parseInvalidation(m.text) })).filter((m) => m.message?.o.startsWith('tool:'));
    expect(fromTool.map((m) => m.channel)).toEqual([INVALIDATION_CHANNEL, INVALIDATION_CHANNEL]);
    expect(fromTool.map((m) => m.message!.t).sort()).toEqual(mergedIds);
    expect(fromTool.every((m) => m.message!.k === null)).toBe(true);
  });
});
