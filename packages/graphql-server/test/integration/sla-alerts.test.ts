import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, submitReport, transitionReport, upsertCategory, upsertSlaPolicy, withTenant, type ReportCommand, type SlaAlert } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import type { Client } from 'graphql-ws';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';
import { live, liveClient, type Live } from '../support/live-client.js';
import { startRedisServer } from '../support/redis-server.js';

// SLA warnings and breaches, live: the clock is the core's (moved by hand),
// each pass is an explicit `tick()` (the `sla-alerts` job run through the
// app's job queue: pg-boss on PostgreSQL), subscribers are real
// graphql-ws clients over the app's WebSocket.
//
// Policy FAST (calendar clock): 60 minutes per stage (120 to resolve),
// warning at 80 %: a stage warns at 48 minutes and breaches after 60.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const MINUTE = 60_000;
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const CONTACT = /0912|84912345678|dan@example|Nguyễn Văn Dân/;
const SLA_ALERTS = 'subscription { slaAlerts { reportId trackingCode kind stage round unitId categoryId stageStartedAt dueAt remainingMinutes detectedAt } }';
const REPORT_STATUS = 'subscription S($code: String!, $secret: String!) { reportStatus(trackingCode: $code, secret: $secret) { status } }';

interface AlertView {
  reportId: string;
  trackingCode: string;
  kind: 'WARNING' | 'BREACH' | 'BREACH_TWICE';
  stage: string;
  round: number;
  unitId: string | null;
  dueAt: string;
  remainingMinutes: number;
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let fastCategoryId: string;
let app: FastifyInstance;
let base: string;
let probe: { trackingCode: string; secret: string };
const tokens: Record<string, string> = {};
const clients: Client[] = [];

const IOC = 'ioc@example.gov.vn';
const ROADS = 'officer@example.gov.vn';
const WARD = 'ward@example.gov.vn';

async function submit(title = 'Cây đổ chắn ngang đường Hùng Vương') {
  return submitReport(ctx, t.tenantId, {
    title,
    description: 'Cây lớn đổ sau mưa bão, chắn hết lòng đường, xe không qua được.',
    channel: 'APP',
    address: '120 Hùng Vương, Đông Hà',
    reporter: { fullName: 'Nguyễn Văn Dân', phone: '0912 345 678', email: 'dan@example.com' },
  });
}

const step = (actor: FixtureTenant['operator'], id: string, command: ReportCommand) => transitionReport(ctx, t.tenantId, actor, id, command);

/** Submitted, classified FAST and assigned to `unitId`: its ACCEPT stage runs from now. */
async function assignedTo(unitId: string) {
  const report = await submit();
  await step(t.operator, report.id, { type: 'CLASSIFY', categoryId: fastCategoryId });
  await step(t.operator, report.id, { type: 'ASSIGN', unitId });
  return report;
}

function connect(email: string | null): Client {
  const client = liveClient(base, email ? { tenant: 'sla', authorization: `Bearer ${tokens[email]}` } : { tenant: 'sla' });
  clients.push(client);
  return client;
}

/** Waits until the subscriptions already sent on `client` listen (see subscriptions.test.ts). */
async function settled(client: Client): Promise<void> {
  const status = live<unknown>(client, REPORT_STATUS, { code: probe.trackingCode, secret: probe.secret });
  await status.next();
  await status.stop();
}

async function subscribed(email: string): Promise<Live<{ slaAlerts: AlertView }>> {
  const client = connect(email);
  const alerts = live<{ slaAlerts: AlertView }>(client, SLA_ALERTS);
  await settled(client);
  return alerts;
}

const next = async (alerts: Live<{ slaAlerts: AlertView }>) => (await alerts.next()).slaAlerts;
const keyOf = (a: Pick<SlaAlert, 'reportId' | 'stage' | 'round' | 'kind'>) => `${a.reportId}|${a.stage}|${a.round}|${a.kind}`;

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'sla' },
    body: JSON.stringify({ query: 'mutation S($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }', variables: { e: email, p: PASSWORD } }),
  });
  return ((await response.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'sla', 'SL');
  await createFixtureTenant(ctx, 'sla-other', 'SO');
  await upsertSlaPolicy(ctx, t.tenantId, t.admin, { code: 'FAST', name: 'Nhanh', clock: 'CALENDAR', classifyMinutes: 60, acceptMinutes: 60, resolveMinutes: 120, warnRatio: 0.8 });
  fastCategoryId = (await upsertCategory(ctx, t.tenantId, t.admin, { code: 'FALLEN_TREE', name: 'Cây đổ', nameEn: 'Fallen tree', slaPolicyCode: 'FAST', defaultUnitId: t.roadsUnitId })).id;
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx, redisUrl: null, slaAlerts: { intervalMs: 0 } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const email of [IOC, ROADS, WARD]) tokens[email] = await signIn(email);
  // A report that never alerts (rejected at once), followed only to know when a connection's subscriptions listen.
  const p = await submit('Báo cáo dùng để dò kết nối');
  await step(t.operator, p.id, { type: 'REJECT', rejection: 'SPAM', reason: 'Thử nghiệm' });
  probe = p;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
  await app?.close();
  await tdb?.close();
});

describe('the IOC', () => {
  it('receives a warning, then a breach, as the clock passes the classification deadline — each once', async () => {
    const alerts = await subscribed(IOC);
    const report = await submit();
    const submittedAt = ctx.now();

    ctx.advance(47 * MINUTE);
    expect(await app.slaAlerts.tick()).toEqual([]);
    ctx.advance(1 * MINUTE);
    const warned = await app.slaAlerts.tick();
    expect(warned.map(keyOf)).toEqual([`${report.id}|CLASSIFY|1|WARNING`]);
    expect(await app.slaAlerts.tick()).toEqual([]);
    ctx.advance(1 * MINUTE);
    expect(await app.slaAlerts.tick()).toEqual([]);

    const warning = await next(alerts);
    expect(warning).toMatchObject({ reportId: report.id, trackingCode: report.trackingCode, kind: 'WARNING', stage: 'CLASSIFY', round: 1, unitId: null, remainingMinutes: 12 });
    expect(warning.dueAt).toBe(new Date(submittedAt.getTime() + 60 * MINUTE).toISOString());
    expect(JSON.stringify(warning)).not.toMatch(CONTACT);

    ctx.advance(12 * MINUTE);
    const breached = await app.slaAlerts.tick();
    expect(breached.map(keyOf)).toEqual([`${report.id}|CLASSIFY|1|BREACH`]);
    expect(await app.slaAlerts.tick()).toEqual([]);
    expect(await next(alerts)).toMatchObject({ reportId: report.id, kind: 'BREACH', stage: 'CLASSIFY', round: 1 });

    // Nothing more for that report until it has used twice its allowance
    // (more than 120 minutes): then one escalation, once.
    ctx.advance(59 * MINUTE);
    expect(await app.slaAlerts.tick()).toEqual([]);
    const other = await submit();
    ctx.advance(48 * MINUTE);
    expect((await app.slaAlerts.tick()).map(keyOf).sort()).toEqual([`${report.id}|CLASSIFY|1|BREACH_TWICE`, `${other.id}|CLASSIFY|1|WARNING`].sort());
    expect(await app.slaAlerts.tick()).toEqual([]);
    const last = [await next(alerts), await next(alerts)];
    expect(last.map((a) => `${a.reportId}|${a.kind}`).sort()).toEqual([`${report.id}|BREACH_TWICE`, `${other.id}|WARNING`].sort());
    await alerts.stop();
    // Out of the way of the next tests: rejected reports have no running stage.
    await step(t.operator, report.id, { type: 'REJECT', rejection: 'OUT_OF_SCOPE', reason: 'Thử nghiệm' });
    await step(t.operator, other.id, { type: 'REJECT', rejection: 'OUT_OF_SCOPE', reason: 'Thử nghiệm' });
  });

  it('leaves an SLA entry per alert in the audit log, by the system', async () => {
    const entries = await withTenant(ctx.db, t.tenantId, (tx) => tx.auditEntry.findMany({ where: { action: { in: ['sla.warning', 'sla.breach'] } }, orderBy: { id: 'asc' } }));
    expect(entries.map((e) => [e.action, e.actorRole, e.actorId, e.subjectType])).toEqual([
      ['sla.warning', 'SYSTEM', null, 'Report'],
      ['sla.breach', 'SYSTEM', null, 'Report'],
      ['sla.warning', 'SYSTEM', null, 'Report'],
    ]);
  });
});

describe('unit staff', () => {
  it('receive the alerts of their own unit’s reports only, once per assignment (round)', async () => {
    const ioc = await subscribed(IOC);
    const roads = await subscribed(ROADS);
    const ward = await subscribed(WARD);
    const a = await assignedTo(t.roadsUnitId);
    const b = await assignedTo(t.wardUnitId);

    ctx.advance(48 * MINUTE);
    expect((await app.slaAlerts.tick()).map(keyOf).sort()).toEqual([`${a.id}|ACCEPT|1|WARNING`, `${b.id}|ACCEPT|1|WARNING`].sort());
    expect(await next(roads)).toMatchObject({ reportId: a.id, kind: 'WARNING', stage: 'ACCEPT', round: 1, unitId: t.roadsUnitId });
    expect(await next(ward)).toMatchObject({ reportId: b.id, kind: 'WARNING', stage: 'ACCEPT', round: 1, unitId: t.wardUnitId });

    ctx.advance(13 * MINUTE);
    expect(await app.slaAlerts.tick()).toHaveLength(2);
    // The roads unit's next item is its own report's breach: the ward's alerts never reached it.
    expect(await next(roads)).toMatchObject({ reportId: a.id, kind: 'BREACH', round: 1 });
    expect(await next(ward)).toMatchObject({ reportId: b.id, kind: 'BREACH', round: 1 });

    // The IOC saw all four.
    const seen = [await next(ioc), await next(ioc), await next(ioc), await next(ioc)];
    expect(seen.map((x) => `${x.reportId}|${x.kind}`).sort()).toEqual([`${a.id}|BREACH`, `${a.id}|WARNING`, `${b.id}|BREACH`, `${b.id}|WARNING`].sort());

    // Sent back and assigned again: a new ACCEPT round, alerted afresh.
    await step(t.roadsOfficer, a.id, { type: 'RETURN', reason: 'Không thuộc thẩm quyền' });
    await step(t.operator, a.id, { type: 'ASSIGN', unitId: t.roadsUnitId });
    await step(t.wardOfficer, b.id, { type: 'ACCEPT' });
    ctx.advance(48 * MINUTE);
    // The ward's report, accepted, now runs its RESOLVE stage (from its assignment, 120 minutes).
    expect((await app.slaAlerts.tick()).map(keyOf).sort()).toEqual([`${a.id}|ACCEPT|2|WARNING`, `${b.id}|RESOLVE|1|WARNING`].sort());
    expect(await next(roads)).toMatchObject({ reportId: a.id, kind: 'WARNING', stage: 'ACCEPT', round: 2 });
    expect(await next(ward)).toMatchObject({ reportId: b.id, kind: 'WARNING', stage: 'RESOLVE', round: 1 });
    await Promise.all([ioc.stop(), roads.stop(), ward.stop()]);
    await step(t.roadsOfficer, a.id, { type: 'ACCEPT' });
  });

  it('refuse an anonymous subscriber', async () => {
    const alerts = live(connect(null), SLA_ALERTS);
    expect(await alerts.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
  });
});

describe('the app', () => {
  // pg-boss schedules runs in whole minutes (cron): deadline-jobs.test.ts checks its schedules instead.
  it.skipIf(testEngine() === 'postgres')('runs a pass every intervalMs once listening, and no more once closed', async () => {
    // Its own core context (same database), so that its clock and bus are its own.
    const core = testContext(tdb.db, ctx.now());
    const timed = await buildApp({ core, redisUrl: null, slaAlerts: { intervalMs: 50 }, jobs: { schedule: true } });
    const timedBase = await timed.listen({ port: 0, host: '127.0.0.1' });
    const client = liveClient(timedBase, { tenant: 'sla', authorization: `Bearer ${tokens[IOC]}` });
    clients.push(client);
    const alerts = live<{ slaAlerts: AlertView }>(client, SLA_ALERTS);
    const status = live<unknown>(client, REPORT_STATUS, { code: probe.trackingCode, secret: probe.secret });
    await status.next();
    await status.stop();

    const report = await submit();
    try {
      core.setNow(new Date(ctx.now().getTime() + 48 * MINUTE));
      // No tick() here: the app's own timer finds it (among the earlier tests' reports still running).
      let alert = await next(alerts);
      while (alert.reportId !== report.id) alert = await next(alerts);
      expect(alert).toMatchObject({ reportId: report.id, kind: 'WARNING' });
      await alerts.stop();
    } finally {
      await timed.close();
    }

    core.setNow(new Date(core.now().getTime() + 60 * MINUTE));
    await new Promise((r) => setTimeout(r, 250));
    const breaches = await withTenant(ctx.db, t.tenantId, (tx) => tx.auditEntry.count({ where: { action: 'sla.breach', subjectId: report.id } }));
    expect(breaches).toBe(0);
    ctx.setNow(core.now());
    expect((await app.slaAlerts.tick()).filter((a) => a.reportId === report.id).map(keyOf)).toEqual([`${report.id}|CLASSIFY|1|BREACH`]);
  });
});

describe('several processes', () => {
  it('claim each alert once between them, however their passes overlap', async () => {
    // A second "process": its own core context (same database and time), app, bus and job runner.
    const ctx2 = testContext(tdb.db, ctx.now());
    const other = await buildApp({ core: ctx2, redisUrl: null, jobs: { schedule: false } });
    const reports = await Promise.all([submit(), submit(), submit()]);
    const ids = new Set(reports.map((r) => r.id));

    const claims: Array<Pick<SlaAlert, 'reportId' | 'stage' | 'round' | 'kind'>> = [];
    for (const minutes of [48, 13, 30]) {
      ctx.advance(minutes * MINUTE);
      ctx2.setNow(ctx.now());
      const passes = await Promise.all([app.slaAlerts.tick(), other.slaAlerts.tick(), app.slaAlerts.tick(), other.slaAlerts.tick()]);
      claims.push(...passes.flat().filter((a) => ids.has(a.reportId)));
    }
    const keys = claims.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(reports.flatMap((r) => [`${r.id}|CLASSIFY|1|WARNING`, `${r.id}|CLASSIFY|1|BREACH`]).sort());
    await other.close();
  });

  // PGlite has one connection: transactions never overlap there.
  it.skipIf(testEngine() === 'pglite')('wait while another process claims the tenant’s alerts, then do not claim its alert again', async () => {
    const report = await submit();
    ctx.advance(48 * MINUTE);
    // Another process, mid-pass: it holds the tenant's claim lock (key as in
    // core sla/sla-alerts.ts) and has recorded the warning, not yet committed.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const otherProcess = withTenant(ctx.db, t.tenantId, async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${0x51a}::int, hashtext(${t.tenantId}))`;
      await tx.auditEntry.create({
        data: { tenantId: t.tenantId, actorRole: 'SYSTEM', action: 'sla.warning', subjectType: 'Report', subjectId: report.id, at: ctx.now(), data: { stage: 'CLASSIFY', round: 1 } },
      });
      locked();
      await committed;
    });
    await holding;
    const pass = app.slaAlerts.tick();
    // This process's pass queues behind the lock (seen in pg_locks) …
    let waiting = 0;
    try {
      for (let polls = 0; waiting === 0 && polls < 200; polls++) {
        const [row] = await ctx.db.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
        waiting = Number(row!.n);
        if (waiting === 0) await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      commit();
      await otherProcess;
    }
    expect(waiting, 'the pass did not wait for the tenant’s claim lock').toBeGreaterThan(0);
    // … and, once the other commits, finds the warning claimed.
    expect((await pass).filter((a) => a.reportId === report.id)).toEqual([]);
    ctx.advance(13 * MINUTE);
    expect((await app.slaAlerts.tick()).filter((a) => a.reportId === report.id).map(keyOf)).toEqual([`${report.id}|CLASSIFY|1|BREACH`]);
  });
});

describe.skipIf(testEngine() !== 'postgres')('through Redis', () => {
  it('an alert claimed by either of two processes reaches subscribers of both, once', async () => {
    const redis = await startRedisServer();
    const watcher = new Redis(redis.url);
    const apps: FastifyInstance[] = [];
    try {
      const cores = [testContext(tdb.db, ctx.now()), testContext(tdb.db, ctx.now())];
      const streams: Live<{ slaAlerts: AlertView }>[] = [];
      for (const core of cores) {
        const server = await buildApp({ core, redisUrl: redis.url, slaAlerts: { intervalMs: 0 } });
        apps.push(server);
        const client = liveClient(await server.listen({ port: 0, host: '127.0.0.1' }), { tenant: 'sla', authorization: `Bearer ${tokens[IOC]}` });
        clients.push(client);
        streams.push(live<{ slaAlerts: AlertView }>(client, SLA_ALERTS));
      }
      // Both processes listen on the tenant's alert channel in Redis.
      for (let n = 0; n < 2; ) {
        const [, count] = (await watcher.pubsub('NUMSUB', `sla-alert:${t.tenantId}`)) as [string, number];
        n = Number(count);
        if (n < 2) await new Promise((r) => setTimeout(r, 20));
      }

      const report = await submit();
      const claims: Array<Pick<SlaAlert, 'reportId' | 'stage' | 'round' | 'kind'>> = [];
      for (const minutes of [48, 13]) {
        for (const core of cores) core.setNow(new Date(core.now().getTime() + minutes * MINUTE));
        const passes = await Promise.all(apps.map((a) => a.slaAlerts.tick()));
        claims.push(...passes.flat().filter((a) => a.reportId === report.id));
      }
      expect(claims.map(keyOf)).toEqual([`${report.id}|CLASSIFY|1|WARNING`, `${report.id}|CLASSIFY|1|BREACH`]);
      // Each subscriber sees the report's warning, then its breach, and nothing of it in between.
      for (const stream of streams) {
        const seen: string[] = [];
        while (!seen.includes('BREACH')) {
          const alert = await next(stream);
          if (alert.reportId === report.id) seen.push(alert.kind);
        }
        expect(seen).toEqual(['WARNING', 'BREACH']);
        await stream.stop();
      }
    } finally {
      await Promise.all(apps.map((a) => a.close()));
      await watcher.quit();
      await redis.stop();
    }
  });
});

