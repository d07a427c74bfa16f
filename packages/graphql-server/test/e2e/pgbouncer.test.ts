// Issue 14: connection pooling through pgbouncer (the Debian package, its
// own process and ini here) in transaction mode, in front of the run's
// PostgreSQL server with only 3 server connections for the database. Through
// it: migrations from two pools at once (one applies, the other waits and
// skips), an exclusive lock that really excludes and leaves nothing behind,
// two app processes' pg-boss start and a job run, and concurrent requests of
// two tenants that never see each other's reports (the tenant setting is
// transaction-local, so a shared server connection carries nothing over).
// The pg adapter sends unnamed statements, which pgbouncer before 1.21 (no
// protocol-level prepared statements) passes through: no errors either.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCoreContext, DEADLINE_JOBS, migrate, openDatabase, withTenantSql, type Database } from '@paht/core';
import { Prisma } from '../../../core/src/generated/prisma/client.js';
import { buildApp } from '@paht/graphql-server';
import { typedDocument } from '@paht/client-sdk';
import { createFixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { TEST_SECRET_KEY } from '../../../core/test/support/test-database.js';
import { startPgbouncer, type Pgbouncer } from '../../../../test/setup/pgbouncer.js';
import { anonymous, setStaffPasswords, signedInOperator, submitOver } from '../support/http-tenant.js';

const POOL = 3;
const STAFF_LIST = typedDocument<{ reports: { nodes: Array<{ id: string }> } }, Record<string, never>>(
  'query { reports(first: 100) { ... on ReportConnection { nodes { id } } } }',
);
const TRACK = `query Track($code: String!, $secret: String) {
  trackReport(trackingCode: $code, secret: $secret) { __typename ... on TrackedReport { report { id } } ... on Error { code message } }
}`;

let admin: Database;
/** A direct (not pooled) connection to the test database, to look at the server's own view. */
let direct: Database;
let bouncer: Pgbouncer;
let name: string;
const pools: Database[] = [];
const apps: FastifyInstance[] = [];

/** A pool of the app's kind, through pgbouncer. */
async function pooled(): Promise<Database> {
  const db = await openDatabase({ url: bouncer.urlFor(name), poolSize: 6 });
  pools.push(db);
  return db;
}

const advisoryLocks = async () =>
  (await direct.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))[0]!.n;

beforeAll(async () => {
  const adminUrl = inject('pgAdminUrl');
  admin = await openDatabase({ url: adminUrl, poolSize: 1 });
  name = `paht_bouncer_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  direct = await openDatabase({ url: `${adminUrl.replace(/\/[^/]*$/, `/${name}`)}?application_name=direct`, poolSize: 2 });
  bouncer = await startPgbouncer(Number(new URL(adminUrl).port), { poolSize: POOL });
}, 60_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const db of pools) await db.close();
  await direct?.close();
  await bouncer?.stop();
  await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.close();
});

describe(`the platform through pgbouncer in transaction mode (${POOL} server connections)`, () => {
  it('migrates an empty database from two pools at once: one applies every migration, the other waits and skips them', async () => {
    const results = await Promise.all([migrate(await pooled()), migrate(await pooled())]);
    const applier = results.find((r) => r.applied.length > 0);
    const other = results.find((r) => r !== applier);
    expect(applier?.applied.length).toBeGreaterThan(10);
    expect(other).toEqual({ applied: [], skipped: applier!.applied });
    expect(await advisoryLocks()).toBe(0);
  });

  it('holds Database.withLock against another pool while the holder works, and leaves no lock behind', async () => {
    const [a, b] = [await pooled(), await pooled()];
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = a.withLock(4242, async () => {
      events.push('first in');
      await held;
      events.push('first out');
    });
    await expect.poll(() => events).toEqual(['first in']);
    const second = b.withLock(4242, async () => void events.push('second in'));
    // Meanwhile both pools keep the server connections busy with other statements.
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).query('SELECT pg_sleep(0.01)')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual(['first in']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect(await advisoryLocks()).toBe(0);
  });

  it('serves two tenants from two app processes: pg-boss starts and runs a job, and concurrent requests never see the other tenant', async () => {
    const [one, two] = [await pooled(), await pooled()];
    await migrate(one); // applied by the first test: skips everything then (this one may run alone)
    const cores = [one, two].map((db) => createCoreContext(db, { secretKey: TEST_SECRET_KEY }));
    const tenants = { 'bouncer-a': await createFixtureTenant(cores[0]!, 'bouncer-a', 'BA'), 'bouncer-b': await createFixtureTenant(cores[0]!, 'bouncer-b', 'BB') };
    for (const t of Object.values(tenants)) await setStaffPasswords(cores[0]!, t.tenantId);
    for (const core of cores) apps.push(await buildApp({ core, logger: false, cache: false, redisUrl: null, jobs: { schedule: false } }));
    // Listening starts each app's pg-boss (its schema, queues) through the pooler, both at once.
    const bases = await Promise.all(apps.map((app) => app.listen({ port: 0, host: '127.0.0.1' })));
    await Promise.all(apps.map((app) => app.jobs.start()));
    const run = await apps[1]!.jobs.runNow(DEADLINE_JOBS[0]!);
    expect(run).toMatchObject({ failedTenants: [] });

    const slugs = Object.keys(tenants) as Array<keyof typeof tenants>;
    const submitted = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const slug = slugs[i % 2]!;
        return submitOver(bases[Math.floor(i / 2) % 2]!, slug, `Phản ánh ${i} của ${slug}`).then((r) => ({ slug, ...r }));
      }),
    );
    const idsOf = (slug: string) => submitted.filter((s) => s.slug === slug).map((s) => s.id).sort();
    const operators = await Promise.all(slugs.map((slug, i) => signedInOperator(bases[i]!, slug)));

    const reads = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const t = i % 2;
        if (i % 4 < 2) return { slug: slugs[t]!, list: (await operators[t]!.request(STAFF_LIST, {})).reports.nodes.map((n) => n.id).sort() };
        const mine = submitted[i % submitted.length]!;
        const tracked = await anonymous<{ trackReport: { __typename: string; report?: { id: string } } }>(bases[t]!, mine.slug, TRACK, { code: mine.trackingCode, secret: mine.secret });
        return { slug: mine.slug, tracked: tracked.trackReport, id: mine.id };
      }),
    );
    for (const read of reads) {
      if ('list' in read) expect(read.list).toEqual(idsOf(read.slug));
      else expect(read.tracked).toEqual({ __typename: 'TrackedReport', report: { id: read.id } });
    }
    // Each report is stored under the tenant it was submitted to; everything went through at most POOL server connections.
    const stored = await direct.query<{ id: string; slug: string }>('SELECT r.id::text AS id, t.slug FROM reports r JOIN tenants t ON t.id = r.tenant_id');
    for (const slug of slugs) expect(stored.filter((r) => r.slug === slug).map((r) => r.id).sort()).toEqual(idsOf(slug));
    const serverConnections = await direct.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'direct'");
    expect(serverConnections[0]!.n).toBeLessThanOrEqual(POOL);
    // No tenant setting outlives its transaction on a shared server connection.
    const settings = await Promise.all(Array.from({ length: 9 }, () => one.query<{ t: string | null }>("SELECT current_setting('app.tenant_id', true) AS t")));
    expect(new Set(settings.map((rows) => rows[0]!.t ?? ''))).toEqual(new Set(['']));
  });

  it('runs concurrent tenant transactions of a fresh process, whose prepared statements the pooler scatters: none fails, each reads its own tenant', async () => {
    const db = await pooled();
    await migrate(db);
    const core = createCoreContext(db, { secretKey: TEST_SECRET_KEY });
    const tenants = [await createFixtureTenant(core, 'prepared-a', 'PA'), await createFixtureTenant(core, 'prepared-b', 'PB')];
    // A fresh process: nothing prepared yet, so its first transactions PREPARE on one server connection and EXECUTE on others.
    const fresh = await pooled();
    const statements = [
      Prisma.sql`SELECT DISTINCT tenant_id::text AS t FROM units WHERE code <> ${''}`,
      Prisma.sql`SELECT DISTINCT tenant_id::text AS t FROM categories WHERE code <> ${''}`,
      Prisma.sql`SELECT DISTINCT tenant_id::text AS t FROM units WHERE name <> ${''} AND code <> ${'x'}`,
    ];
    const reads = await Promise.allSettled(
      Array.from({ length: 60 }, async (_, i) => {
        const tenantId = tenants[i % 2]!.tenantId;
        const rows = await withTenantSql(fresh, tenantId, (sql) => sql.query<{ t: string }>(statements[i % 3]!), { oneStatement: true });
        return { tenantId, seen: rows.map((r) => r.t) };
      }),
    );
    for (const read of reads) {
      expect(read.status).toBe('fulfilled');
      if (read.status === 'fulfilled') expect(read.value.seen).toEqual([read.value.tenantId]);
    }
  });
});
