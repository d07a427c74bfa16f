// Issue 14: reads scale out on PostgreSQL's own streaming replication. Two
// real PostgreSQL 15 servers, a primary and a hot standby made with
// `pg_basebackup -R`; the app is configured with both (as `pnpm start` is with
// DATABASE_URL and DATABASE_REPLICA_URL). With the standby's replay paused,
// the public list and the KPIs stay where the standby stopped while every
// write still succeeds (on the primary: the standby refuses writes), the
// staff work list sees the new report, and the citizen who just submitted it
// reads it in their tracker at once (read your own writes: the tracker reads
// the primary). Exports read the replica too. Once replay resumes, the
// public reads catch up.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExportRequest, createCoreContext, exportRows, migrate, openDatabase, type CoreContext, type Database } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { publicAnswerCacheOf } from '../../src/cache/public-answer-cache.js';
import { typedDocument } from '@paht/client-sdk';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { TEST_SECRET_KEY } from '../../../core/test/support/test-database.js';
import { startPostgres, startReplica, type PostgresServer } from '../../../../test/setup/postgres-server.js';
import { ACCEPT, ASSIGN, CLASSIFY, RESOLVE } from '../integration/staff-documents.js';
import { anonymous, setStaffPasswords, signedInOperator, STAFF_PASSWORD, submitOver } from '../support/http-tenant.js';
import { createClient } from '@paht/client-sdk';

const TENANT = 'replica-a';
const PUBLIC_LIST = 'query { publicReports(first: 100) { ... on ReportConnection { nodes { id } } } }';
const KPIS = 'query Kpis($from: String!, $to: String!) { kpis(from: $from, to: $to) { ... on KpisSuccess { data { received } } ... on Error { code message } } }';
const TRACK = `query Track($code: String!, $secret: String) {
  trackReport(trackingCode: $code, secret: $secret) { __typename ... on TrackedReport { access report { id title } } ... on Error { code message } }
}`;
const STAFF_LIST = typedDocument<{ reports: { nodes: Array<{ id: string }> } }, Record<string, never>>(
  'query { reports(first: 100) { ... on ReportConnection { nodes { id } } } }',
);

let primary: PostgresServer;
let replica: PostgresServer;
let db: Database;
/** The replica's side of the app's database (superuser queries on the standby). */
let standby: Database;
let ctx: CoreContext;
let tenant: FixtureTenant;
let app: FastifyInstance;
let base: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const publicIds = async (at = base) => (await anonymous<{ publicReports: { nodes: Array<{ id: string }> } }>(at, TENANT, PUBLIC_LIST)).publicReports.nodes.map((n) => n.id);
/** The tracking codes in the tenant's report export (as a download or export job reads it). */
async function exportedCodes(): Promise<string[]> {
  const { kind, filters } = checkExportRequest(tenant.admin, 'REPORTS', 'CSV', { from: day(-1), to: day(1) });
  const codes: string[] = [];
  for await (const rows of exportRows(ctx, tenant.tenantId, kind, filters)) codes.push(...rows.map((r) => String(r.trackingCode)));
  return codes;
}
const received = async () =>
  (await anonymous<{ kpis: { data: Array<{ received: number }> } }>(base, TENANT, KPIS, { from: day(-1), to: day(1) })).kpis.data.reduce((sum, row) => sum + row.received, 0);

/**
 * Waits until the standby has replayed everything the primary has committed so far.
 * The insert position, not `pg_current_wal_lsn()` (the write position): the test
 * primary runs with `synchronous_commit=off`, so the last commit may still sit in
 * WAL buffers, ahead of the write position, until the WAL writer's next round.
 */
async function replicaCaughtUp(): Promise<void> {
  const lsn = (await db.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn'))[0]!.lsn;
  await expect
    .poll(async () => (await standby.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]))[0]!.ok, { timeout: 15_000, interval: 50 })
    .toBe(true);
}

/** A report submitted by a citizen and classified by the IOC into the public category: in the public list from then on. */
async function listedReport(title: string, at = base) {
  const report = await submitOver(at, TENANT, title);
  const operator = await signedInOperator(at, TENANT);
  const { result } = await operator.request(CLASSIFY, { id: report.id, categoryId: tenant.roadsCategoryId });
  expect(result).toMatchObject({ status: 'CLASSIFIED' });
  return report;
}

beforeAll(async () => {
  primary = await startPostgres();
  replica = await startReplica(primary);
  db = await openDatabase({ url: primary.url, replicaUrl: replica.url, poolSize: 5 });
  standby = db.lagTolerant;
  await migrate(db);
  ctx = createCoreContext(db, { secretKey: TEST_SECRET_KEY });
  tenant = await createFixtureTenant(ctx, TENANT, 'RA');
  await setStaffPasswords(ctx, tenant.tenantId);
  app = await buildApp({ core: ctx, logger: false, cache: false, redisUrl: null, jobs: { schedule: false } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}, 90_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  replica?.stop();
  primary?.stop();
});

describe('a primary with a streaming replica', () => {
  it('the standby is a read-only copy that replays the primary', async () => {
    expect(await standby.query('SELECT pg_is_in_recovery() AS r')).toEqual([{ r: true }]);
    await expect(standby.query('CREATE TABLE nope (id int)')).rejects.toThrow(/read-only transaction/);
    expect(db.lagTolerant).not.toBe(db);
  });

  it('serves public lists and KPIs from the replica, writes on the primary, and the citizen their own report at once', async () => {
    const first = await listedReport('Đèn đường hỏng trước trường');
    await replicaCaughtUp();
    expect(await publicIds()).toContain(first.id);
    const receivedBefore = await received();
    expect(receivedBefore).toBeGreaterThanOrEqual(1);

    await standby.query('SELECT pg_wal_replay_pause()');
    await expect.poll(async () => (await standby.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state()::text AS s'))[0]!.s, { timeout: 10_000 }).toBe('paused');
    try {
      // Writes go to the primary: the submission and the IOC's step succeed although the standby stands still.
      const second = await listedReport('Ổ gà giữa đường Lê Lợi');
      const onPrimary = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE id = $1', [second.id]);
      const onStandby = await standby.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE id = $1', [second.id]);
      expect([onPrimary[0]!.n, onStandby[0]!.n]).toEqual([1, 0]);

      // Read your own writes: the citizen's tracker (with the secret) reads the primary.
      const tracked = await anonymous<{ trackReport: { __typename: string; access: string; report: { id: string; title: string } } }>(base, TENANT, TRACK, {
        code: second.trackingCode,
        secret: second.secret,
      });
      expect(tracked.trackReport).toMatchObject({ __typename: 'TrackedReport', access: 'CITIZEN', report: { id: second.id, title: 'Ổ gà giữa đường Lê Lợi' } });
      // The staff work list reads the primary too.
      const operator = await signedInOperator(base, TENANT);
      expect((await operator.request(STAFF_LIST, {})).reports.nodes.map((n) => n.id)).toContain(second.id);

      // Lag-tolerant reads come from the paused standby: the new report is not there yet.
      const listed = await publicIds();
      expect(listed).toContain(first.id);
      expect(listed).not.toContain(second.id);
      expect(await received()).toBe(receivedBefore);
      const exported = await exportedCodes();
      expect(exported).toContain(first.trackingCode);
      expect(exported).not.toContain(second.trackingCode);
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
    }
    // Replay resumed: the public reads catch up.
    await replicaCaughtUp();
    const last = await db.query<{ id: string }>('SELECT id FROM reports ORDER BY submitted_at DESC LIMIT 1');
    expect(await publicIds()).toContain(last[0]!.id);
    expect(await received()).toBe(receivedBefore + 1);
    expect(await exportedCodes()).toHaveLength(2);
  });

  it('answers KPIs from the replica when an answer is new: the handling times the read lacks are filled on the primary', async () => {
    // An answered report's handling time (working minutes) is filled by the first KPI read of its period
    // (kpi-handling.ts), a write: through the read-only standby it failed the whole `kpis` read.
    const report = await listedReport('Cống thoát nước bị tắc');
    const operator = await signedInOperator(base, TENANT);
    expect((await operator.request(ASSIGN, { id: report.id, unitId: tenant.roadsUnitId })).result).toMatchObject({ status: 'ASSIGNED' });
    const signIn = await createClient({ endpoint: `${base}/graphql`, tenant: TENANT }).signIn('officer@example.gov.vn', STAFF_PASSWORD);
    if (signIn.__typename !== 'SignInSuccess') throw new Error(signIn.message);
    const officer = createClient({ endpoint: `${base}/graphql`, tenant: TENANT }).withToken(signIn.token);
    expect((await officer.request(ACCEPT, { id: report.id })).result).toMatchObject({ status: 'ACCEPTED' });
    expect((await officer.request(RESOLVE, { id: report.id, answer: 'Đã thông cống, nước thoát bình thường.' })).result).toMatchObject({ status: 'RESOLVED' });
    const unfilled = () => db.query<{ n: number }>('SELECT count(*)::int AS n FROM kpi_report_facts WHERE report_id = $1 AND handling_minutes IS NULL', [report.id]);
    expect(await unfilled()).toEqual([{ n: 1 }]);
    await replicaCaughtUp();

    const handling = `query Kpis($from: String!, $to: String!) { kpis(from: $from, to: $to) { ... on KpisSuccess { data { resolvedOnTime medianHandlingHours } } ... on Error { code message } } }`;
    const read = () => anonymous<{ kpis: { data?: Array<{ resolvedOnTime: number; medianHandlingHours: number | null }>; code?: string } }>(base, TENANT, handling, { from: day(-1), to: day(1) });
    const answered = await read();
    expect(answered.kpis.code).toBeUndefined();
    expect(answered.kpis.data!.reduce((sum, row) => sum + row.resolvedOnTime, 0)).toBeGreaterThanOrEqual(1);
    expect(answered.kpis.data!.some((row) => row.medianHandlingHours !== null)).toBe(true);
    // Filled on the primary, and from there on the standby: the next read has nothing to fill.
    expect(await unfilled()).toEqual([{ n: 0 }]);
    await replicaCaughtUp();
    expect((await read()).kpis).toEqual(answered.kpis);
  });

  it('keeps public answers 5 s at most with a replica: an answer read from a lagging replica does not outlive that', async () => {
    // The answer cache on (the app above has it off). A change empties the tenant's answers, but the read
    // right after it may still come from the replica's older state and be kept: only the 5 s cap ends it.
    const cached = await buildApp({ core: ctx, logger: false, redisUrl: null, jobs: { schedule: false } });
    const at = await cached.listen({ port: 0, host: '127.0.0.1' });
    try {
      await replicaCaughtUp();
      await standby.query('SELECT pg_wal_replay_pause()');
      await expect.poll(async () => (await standby.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state()::text AS s'))[0]!.s, { timeout: 10_000 }).toBe('paused');
      const report = await listedReport('Cột điện nghiêng trên đường Hùng Vương', at);
      // Read after the change, from the paused replica: kept under the tenant's new generation.
      expect(await publicIds(at)).not.toContain(report.id);
      await standby.query('SELECT pg_wal_replay_resume()');
      await replicaCaughtUp();
      const caughtUpAt = Date.now();
      // The replica has it now; the kept answer does not.
      expect(await publicIds(at)).not.toContain(report.id);
      expect(publicAnswerCacheOf(cached)!.stats.hits).toBeGreaterThan(0);
      // Within the 5 s cap (not the 60 s of an instance without a replica) the list shows it.
      await expect.poll(() => publicIds(at), { timeout: 10_000, interval: 250 }).toContain(report.id);
      console.log(`[replica] the cached public list showed the report ${Date.now() - caughtUpAt} ms after the replica had it (answers kept 5 000 ms at most)`);
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
      await cached.close();
    }
  });
});
