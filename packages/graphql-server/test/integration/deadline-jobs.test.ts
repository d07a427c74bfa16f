import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  findTenantById,
  hashPassword,
  setCalendarDay,
  submitReport,
  transitionReport,
  updateTenantSettings,
  withTenant,
  type CoreContext,
  type DeadlineJob,
  type ReportCommand,
} from '@paht/core';
import { buildApp, type JobRunSummary } from '@paht/graphql-server';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, testEngine, type TestDatabase } from '../../../core/test/support/test-database.js';

// The deadline jobs, run through the real queue (pg-boss on PostgreSQL, in
// process on PGlite) by two server apps on one database, each with its own
// core and runner: every action must happen exactly once between them. The
// clock is injected (every core reads the same instant) and moved across
// Tết 2026 (holidays Mon 16 – Fri 20 February) and its weekends; Saturday
// 21 February is made a make-up working day. Office hours 07:30–11:30 and
// 13:30–17:00 (450 minutes a day).
//
// Fixture policy STANDARD (working clock): classify 240, accept 480,
// resolve 2250 minutes, warning at 80 %.

/** Local time in Vietnam (UTC+7 all year). */
const at = (local: string): Date => new Date(`${local}:00+07:00`);

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let other: FixtureTenant;
const cores: Array<ReturnType<typeof testContext>> = [];
const apps: FastifyInstance[] = [];

/** Every core (the test's and each app's) reads the same instant. */
function setNow(local: string): void {
  for (const c of [ctx, ...cores]) c.setNow(at(local));
}

async function startApp(options: { workers?: boolean } = {}): Promise<FastifyInstance> {
  const core = testContext(tdb.db, ctx.now());
  cores.push(core);
  const app = await buildApp({ core, redisUrl: null, jobs: { schedule: false, workers: options.workers } });
  apps.push(app);
  return app;
}

async function close(app: FastifyInstance): Promise<void> {
  await app.close();
  apps.splice(apps.indexOf(app), 1);
}

/** Runs `job` on every open app at once and merges what they did. */
async function runEverywhere(job: DeadlineJob): Promise<JobRunSummary> {
  const runs = await Promise.all(apps.map((a) => a.jobs.runNow(job)));
  for (const r of runs) expect(r.failedTenants).toEqual([]);
  return {
    job,
    at: runs[0]!.at,
    alerts: runs.flatMap((r) => r.alerts),
    notices: runs.flatMap((r) => r.notices),
    reminders: runs.flatMap((r) => r.reminders),
    closed: runs.flatMap((r) => r.closed),
    focalPointGaps: runs.flatMap((r) => r.focalPointGaps),
    formReminders: runs.flatMap((r) => r.formReminders),
    failedTenants: [],
  };
}

const step = (actor: FixtureTenant['operator'], id: string, command: ReportCommand) => transitionReport(ctx, t.tenantId, actor, id, command);

async function submit(title: string) {
  return submitReport(ctx, t.tenantId, {
    title,
    description: 'Ổ gà lớn giữa đường, xe máy đi qua rất nguy hiểm vào ban đêm.',
    channel: 'APP',
    address: '12 Lê Duẩn, Đông Hà',
    reporter: { fullName: 'Trần Thị Bình', phone: '0912 345 678', email: 'binh@example.com' },
  });
}

async function published(title: string) {
  const report = await submit(title);
  await step(t.operator, report.id, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
  await step(t.operator, report.id, { type: 'ASSIGN', unitId: t.roadsUnitId });
  await step(t.roadsOfficer, report.id, { type: 'ACCEPT' });
  await step(t.roadsOfficer, report.id, { type: 'RESOLVE', answer: 'Đã vá ổ gà.' });
  await step(t.operator, report.id, { type: 'PUBLISH' });
  return report;
}

/** Staff notices of `kind` about a report or unit, as `email` each. */
async function noticesTo(kind: string, where: { reportId?: string; unitId?: string }, tenantId = t.tenantId): Promise<string[]> {
  const rows = await withTenant(ctx.db, tenantId, (tx) =>
    tx.staffNotification.findMany({ where: { kind, ...where }, select: { staffUser: { select: { email: true } } } }));
  return rows.map((r) => r.staffUser.email).sort();
}

const auditCount = (action: string, subjectId: string) =>
  withTenant(ctx.db, t.tenantId, (tx) => tx.auditEntry.count({ where: { action, subjectId } }));

const keys = (run: JobRunSummary, ids: string[]) => run.alerts.filter((a) => ids.includes(a.reportId)).map((a) => `${a.reportId}|${a.stage}|${a.kind}`).sort();

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, at('2026-01-05T08:00'));
  t = await createFixtureTenant(ctx, 'deadlines', 'DL');
  other = await createFixtureTenant(ctx, 'deadlines-other', 'DO');
  // Every unit of both tenants has its two focal points from January.
  for (const f of [t, other]) {
    await withTenant(ctx.db, f.tenantId, async (tx) => {
      for (const unitId of [f.iocUnitId, f.roadsUnitId, f.wardUnitId]) {
        for (const role of ['LEADER', 'STAFF'] as const) {
          await tx.focalPoint.create({ data: { tenantId: f.tenantId, unitId, role, fullName: `${role} ${unitId.slice(0, 4)}`, validFrom: at('2026-01-01T00:00') } });
        }
      }
    });
  }
  await setCalendarDay(ctx, t.tenantId, t.admin, { date: '2026-02-21', kind: 'WORKING_DAY', name: 'Làm bù sau Tết' });
  await updateTenantSettings(ctx, t.tenantId, t.admin, { notifications: { emailFrom: 'phananh@example.gov.vn' } });
  await startApp();
  await startApp();
});

afterAll(async () => {
  for (const app of [...apps]) await app.close();
  await tdb?.close();
});

describe('deadline settings', () => {
  it('are changed through updateTenantSettings, checked as a whole, defaults 3, 7 and 3 working days', async () => {
    const refused = await updateTenantSettings(ctx, t.tenantId, t.admin, { deadlines: { ratingReminderDays: 5, autoCloseDays: 5 } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details.fields?.map((f) => f.path)).toEqual(['deadlines.autoCloseDays']);
    const changed = await updateTenantSettings(ctx, t.tenantId, t.admin, { deadlines: { ratingReminderDays: 2 } });
    expect(changed.deadlines).toEqual({ ratingReminderDays: 2, autoCloseDays: 7, focalPointGraceDays: 3 });
    const reset = await updateTenantSettings(ctx, t.tenantId, t.admin, { deadlines: null });
    expect(reset.deadlines).toEqual({ ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 });
  });
});

describe('deadline settings over GraphQL', () => {
  const PASSWORD = 'mat-khau-thu-nghiem-2026';
  const FIELDS = '__typename ... on ValidationError { fields { path } } ... on TenantSettings { deadlines { ratingReminderDays autoCloseDays focalPointGraceDays } }';
  async function gql(tenant: string, token: string | null, query: string, variables: Record<string, unknown> = {}) {
    const response = await apps[0]!.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'x-tenant': tenant, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json<{ data: { result: Record<string, unknown> } }>().data.result;
  }
  const signIn = async (tenant: string) =>
    (await gql(tenant, null, 'mutation S($e: String!, $p: String!) { result: signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }', { e: 'admin@example.gov.vn', p: PASSWORD })).token as string;

  it('are read and changed by the tenant admin, refused naming the field, and never through another tenant’s token', async () => {
    const passwordHash = await hashPassword(PASSWORD);
    for (const f of [t, other]) await withTenant(ctx.db, f.tenantId, (tx) => tx.staffUser.updateMany({ where: { role: 'TENANT_ADMIN' }, data: { passwordHash } }));
    const admin = await signIn('deadlines');
    const UPDATE = `mutation U($input: TenantSettingsInput!) { result: updateTenantSettings(input: $input) { ${FIELDS} } }`;
    expect(await gql('deadlines', admin, `query { result: tenantSettings { ${FIELDS} } }`)).toEqual({
      __typename: 'TenantSettings', deadlines: { ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 },
    });
    expect(await gql('deadlines', admin, UPDATE, { input: { deadlines: { ratingReminderDays: 4, autoCloseDays: 4 } } })).toEqual({ __typename: 'ValidationError', fields: [{ path: 'deadlines.autoCloseDays' }] });
    // Another tenant's admin token names no staff member here.
    const stranger = await signIn('deadlines-other');
    expect(stranger).toMatch(/\S{20,}/);
    const attempt = await gql('deadlines', stranger, UPDATE, { input: { deadlines: { focalPointGraceDays: 1 } } }).catch(() => null);
    expect(attempt?.__typename).not.toBe('TenantSettings');
    expect((await findTenantById(ctx, t.tenantId)).settings.deadlines.focalPointGraceDays).toBe(3);
    expect(await gql('deadlines', admin, UPDATE, { input: { deadlines: { focalPointGraceDays: 5 } } })).toEqual({
      __typename: 'TenantSettings', deadlines: { ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 5 },
    });
    expect((await gql('deadlines', admin, UPDATE, { input: { deadlines: null } })).deadlines).toEqual({ ratingReminderDays: 3, autoCloseDays: 7, focalPointGraceDays: 3 });
  });
});

describe('deadlines at every stage', () => {
  let held: string; // classified, not assigned: the IOC holds it
  let assigned: string; // assigned to the roads unit, not accepted

  it('runs between classification and assignment, over Tết', async () => {
    setNow('2026-02-13T15:00');
    held = (await submit('Đèn tín hiệu hỏng ở ngã tư')).id;
    assigned = (await submit('Cây đổ trên đường Hùng Vương')).id;
    setNow('2026-02-13T16:00');
    await step(t.operator, held, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    await step(t.operator, assigned, { type: 'CLASSIFY', categoryId: t.roadsCategoryId });
    await step(t.operator, assigned, { type: 'ASSIGN', unitId: t.roadsUnitId });
    const row = await withTenant(ctx.db, t.tenantId, (tx) => tx.report.findUniqueOrThrow({ where: { id: held } }));
    // 240 minutes from Friday 15:00: 120 on Friday, Tết and the weekend off, 120 on the make-up Saturday 21 → 09:30
    expect(row.status).toBe('CLASSIFIED');
    expect(row.dueAt).toEqual(at('2026-02-21T09:30'));
  });

  it('warns the holder, escalates at the breach and at twice the allowance, each once between two processes', async () => {
    const ids = [held, assigned];
    // Tết counts for nothing: on its last afternoon the IOC's stage has still used 120 of 240.
    setNow('2026-02-20T16:00');
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([]);

    // Sat 21 (make-up day) 07:30 + 72 → 08:42: the IOC's stage has used 192 of 240.
    setNow('2026-02-21T08:45');
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([`${held}|CLASSIFY|WARNING`]);
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([]);
    expect(await noticesTo('DEADLINE_NEAR', { reportId: held })).toEqual(['ioc@example.gov.vn']);

    setNow('2026-02-21T09:31');
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([`${held}|CLASSIFY|BREACH`]);
    expect(await noticesTo('DEADLINE_PASSED', { reportId: held })).toEqual(['ioc@example.gov.vn']);

    // The unit's ACCEPT stage (480 from Friday 16:00: 60 + Saturday 420 → 16:30) warns at 384 used.
    setNow('2026-02-21T15:31');
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([`${assigned}|ACCEPT|WARNING`, `${held}|CLASSIFY|BREACH_TWICE`].sort());
    expect(await noticesTo('DEADLINE_PASSED_TWICE', { reportId: held })).toEqual(['ioc@example.gov.vn', 'lanhdao@example.gov.vn']);
    expect(await noticesTo('DEADLINE_NEAR', { reportId: assigned })).toEqual(['leader@example.gov.vn', 'officer@example.gov.vn']);

    setNow('2026-02-21T16:31');
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([`${assigned}|ACCEPT|BREACH`]);
    expect(await noticesTo('DEADLINE_PASSED', { reportId: assigned })).toEqual(['ioc@example.gov.vn', 'leader@example.gov.vn']);

    // Sunday counts for nothing; 960 used by Monday 17:00 (60 + 450 + 450), more on Tuesday.
    setNow('2026-02-23T17:30');
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([]);
    setNow('2026-02-24T07:31');
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([`${assigned}|ACCEPT|BREACH_TWICE`]);
    expect(await noticesTo('DEADLINE_PASSED_TWICE', { reportId: assigned })).toEqual(['ioc@example.gov.vn', 'lanhdao@example.gov.vn', 'leader@example.gov.vn']);
    expect(keys(await runEverywhere('sla-alerts'), ids)).toEqual([]);
    for (const action of ['sla.warning', 'sla.breach', 'sla.breach-twice']) {
      expect(await auditCount(action, held)).toBe(1);
      expect(await auditCount(action, assigned)).toBe(1);
    }
    // The other tenant's staff were told nothing.
    expect(await noticesTo('DEADLINE_PASSED', {}, other.tenantId)).toEqual([]);
    for (const id of ids) await step(t.operator, id, { type: 'REJECT', rejection: 'OUT_OF_SCOPE', reason: 'Thử nghiệm' }).catch(() => undefined);
  });
});

describe('answers waiting for a rating', () => {
  let answered: string;

  it('remind the citizen once, the number of working days after publication (weekend, Tết and a make-up Saturday)', async () => {
    setNow('2026-02-12T10:00');
    answered = (await published('Rác thải tồn đọng ở chợ')).id;
    // 3 × 450 from Thursday 10:00: Thu 300, Fri 450, Sat 21 (make-up) 450, Mon 23 150 → 10:00.
    setNow('2026-02-23T09:59');
    expect((await runEverywhere('rating-reminders')).reminders.filter((r) => r.reportId === answered)).toEqual([]);
    setNow('2026-02-23T10:01');
    expect((await runEverywhere('rating-reminders')).reminders.filter((r) => r.reportId === answered)).toEqual([{ reportId: answered, round: 1 }]);
    expect((await runEverywhere('rating-reminders')).reminders).toEqual([]);
    const queued = await withTenant(ctx.db, t.tenantId, (tx) => tx.notificationOutbox.findMany({ where: { reportId: answered, dedupeKey: { contains: 'rating-reminder' } } }));
    expect(queued.map((m) => [m.channel, m.recipient, m.dedupeKey])).toEqual([['EMAIL', 'binh@example.com', `report:${answered}:rating-reminder:1`]]);
    expect(await auditCount('deadline.rating-reminder', answered)).toBe(1);
  });

  it('close the report by the system through the normal transition after the waiting time, once', async () => {
    // 7 × 450 from Thursday 10:00: … Thu 26 → 3000, Fri 27 150 → 10:00.
    setNow('2026-02-27T09:59');
    expect((await runEverywhere('auto-close')).closed).toEqual([]);
    setNow('2026-02-27T10:01');
    const run = await runEverywhere('auto-close');
    expect(run.closed.map((c) => c.reportId)).toEqual([answered]);
    expect((await runEverywhere('auto-close')).closed).toEqual([]);
    const { row, events, outbox } = await withTenant(ctx.db, t.tenantId, async (tx) => ({
      row: await tx.report.findUniqueOrThrow({ where: { id: answered } }),
      events: await tx.reportEvent.findMany({ where: { reportId: answered }, orderBy: { seq: 'asc' } }),
      outbox: await tx.notificationOutbox.count({ where: { reportId: answered, eventSeq: run.closed[0]!.seq } }),
    }));
    expect(row.status).toBe('CLOSED');
    expect(row.closedAt).toEqual(at('2026-02-27T10:01'));
    expect(events.filter((e) => e.type === 'CLOSE').map((e) => [e.actorRole, e.actorId, e.reason?.startsWith('Tự động đóng')])).toEqual([['SYSTEM', null, true]]);
    // The citizen is told, as for any close.
    expect(outbox).toBe(1);
  });
});

describe('focal points', () => {
  it('alert the IOC once per gap when a unit has gone more than 3 working days without both', async () => {
    const unitId = t.roadsUnitId;
    // The roads unit's staff focal point leaves on Thursday 12 February at 17:00.
    await withTenant(ctx.db, t.tenantId, (tx) => tx.focalPoint.updateMany({ where: { unitId, role: 'STAFF' }, data: { validTo: at('2026-02-12T17:00') } }));
    // 3 × 450 from then: Fri 13 450, Sat 21 (make-up) 450, Mon 23 450 → Mon 23 17:00.
    setNow('2026-02-23T16:59');
    expect((await runEverywhere('focal-points')).focalPointGaps).toEqual([]);
    setNow('2026-02-24T07:31');
    expect((await runEverywhere('focal-points')).focalPointGaps).toEqual([{ unitId, gapStartedAt: at('2026-02-12T17:00').toISOString() }]);
    expect((await runEverywhere('focal-points')).focalPointGaps).toEqual([]);
    expect(await noticesTo('FOCAL_POINTS_MISSING', { unitId })).toEqual(['admin@example.gov.vn', 'ioc@example.gov.vn']);

    // A new staff focal point on Tuesday; the leader leaves on Wednesday 10:00: a new gap, alerted again after 3 more working days.
    await withTenant(ctx.db, t.tenantId, async (tx) => {
      await tx.focalPoint.create({ data: { tenantId: t.tenantId, unitId, role: 'STAFF', fullName: 'STAFF mới', validFrom: at('2026-02-24T08:00') } });
      await tx.focalPoint.updateMany({ where: { unitId, role: 'LEADER' }, data: { validTo: at('2026-02-25T10:00') } });
    });
    // Wed 300, Thu 450, Fri 450, Mon 2 March 150 → 10:00.
    setNow('2026-03-02T09:59');
    expect((await runEverywhere('focal-points')).focalPointGaps).toEqual([]);
    setNow('2026-03-02T10:01');
    expect((await runEverywhere('focal-points')).focalPointGaps).toEqual([{ unitId, gapStartedAt: at('2026-02-25T10:00').toISOString() }]);
    expect(await noticesTo('FOCAL_POINTS_MISSING', { unitId })).toHaveLength(4);
    // The other tenant's units kept theirs: nothing there.
    expect(await noticesTo('FOCAL_POINTS_MISSING', {}, other.tenantId)).toEqual([]);
  });
});

describe('a restart in the middle', () => {
  it('loses nothing and does nothing twice', async () => {
    setNow('2026-03-02T10:05');
    const report = await submit('Nắp cống bị mất');
    // Every process stops; the clock moves past the warning (192 of 240 working minutes) while none runs.
    for (const app of [...apps]) await close(app);
    // 10:05–11:30 85 + 13:30–15:30 120 = 205 of 240 used: past the warning (192), not the deadline.
    setNow('2026-03-02T15:30');
    let queued: string | null = null;
    if (testEngine() === 'postgres') {
      // A process that only queues (no workers) asks for a run, then stops too: the run waits in PostgreSQL.
      const sender = await startApp({ workers: false });
      queued = await sender.jobs.enqueue('sla-alerts');
      await close(sender);
    }
    const restarted = [await startApp(), await startApp()];
    setNow('2026-03-02T15:30');
    let claimed: string[];
    if (queued) {
      // The run queued before the restart is done by a new process, once.
      claimed = keys(await restarted[0]!.jobs.waitFor('sla-alerts', queued), [report.id]);
      expect(claimed).toEqual([`${report.id}|CLASSIFY|WARNING`]);
    } else {
      claimed = keys(await runEverywhere('sla-alerts'), [report.id]);
      expect(claimed).toEqual([`${report.id}|CLASSIFY|WARNING`]);
    }
    expect(keys(await runEverywhere('sla-alerts'), [report.id])).toEqual([]);
    expect(await auditCount('sla.warning', report.id)).toBe(1);
    // The earlier runs' claims hold after the restart: nothing is reminded, closed or alerted again.
    const again = await Promise.all((['rating-reminders', 'auto-close', 'focal-points'] as const).map((job) => runEverywhere(job)));
    expect(again.map((r) => [...r.reminders, ...r.closed, ...r.focalPointGaps])).toEqual([[], [], []]);
  });
});

describe.skipIf(testEngine() !== 'postgres')('pg-boss', () => {
  it('keeps one schedule per job in PostgreSQL, whichever processes registered it', async () => {
    const core: CoreContext = testContext(tdb.db, ctx.now());
    const scheduled = [await buildApp({ core, redisUrl: null, jobs: { schedule: true } }), await buildApp({ core, redisUrl: null, jobs: { schedule: true, intervals: { 'focal-points': 30 * 60_000 } } })];
    try {
      for (const app of scheduled) await app.jobs.start();
      const rows = await tdb.db.query<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule ORDER BY name');
      expect(rows).toEqual([
        { name: 'deadlines-auto-close', cron: '*/15 * * * *' },
        { name: 'deadlines-focal-points', cron: '*/30 * * * *' },
        { name: 'deadlines-form-reminders', cron: '0 * * * *' },
        { name: 'deadlines-rating-reminders', cron: '*/15 * * * *' },
        { name: 'deadlines-sla-alerts', cron: '* * * * *' },
        // The exports' jobs (docs/exports.md): the hourly sweep and the monthly report's hourly look.
        { name: 'exports-cleanup', cron: '0 * * * *' },
        { name: 'exports-monthly-report', cron: '0 * * * *' },
      ]);
      const queues = await tdb.db.query<{ name: string; policy: string }>("SELECT name, policy FROM pgboss.queue WHERE name LIKE 'deadlines-%' ORDER BY name");
      expect(queues.map((q) => q.policy)).toEqual(['singleton', 'singleton', 'singleton', 'singleton', 'singleton']);
      const exportQueues = await tdb.db.query<{ name: string; policy: string }>("SELECT name, policy FROM pgboss.queue WHERE name LIKE 'exports-%' ORDER BY name");
      expect(exportQueues).toEqual([
        { name: 'exports-cleanup', policy: 'singleton' },
        { name: 'exports-monthly-report', policy: 'singleton' },
        { name: 'exports-run', policy: 'standard' },
      ]);
    } finally {
      for (const app of scheduled) await app.close();
    }
  });
});
