import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, openDeadlines, rebuildKpiRollups, withTenant, type Database } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, overviewKpis, PublicStatsDocument } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { insertPageReports } from '../../../core/test/support/kpi-page-reports.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Issue 13, a page's reads over HTTP: the `kpis` fields of one request are
// read with one statement each in its own tenant transaction, side by side
// (the database's side of the app is counted: no field reads twice, nothing
// more per field), each alias answering as it would alone, a bad one
// refused alone; the leader overview is one request, its open reports
// counted by the server (`openReportDeadlines`), for the caller's scope.

const NOW = new Date('2026-07-15T03:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const PERIOD = { from: '2026-06-16', to: '2026-07-15', previousFrom: '2026-05-17', previousTo: '2026-06-15' };

/**
 * What the app asked of the database: KPI reads (statements reading the rollups), the transactions they ran in,
 * and the counts of open reports shared by the reads of one period (`openSharedSql`, a transaction of their own).
 */
const tally = { kpiStatements: 0, kpiTransactions: 0, openShared: 0 };
const isKpiRead = (text: string): boolean => text.includes('kpi_daily_rollups');
const isOpenShared = (text: string): boolean => text.includes('GROUPING(k0)');
/** Counts one statement (a KPI read marks its transaction as one). */
function count(text: string, seen: { kpi: boolean }): void {
  if (isOpenShared(text)) tally.openShared++;
  if (!isKpiRead(text)) return;
  tally.kpiStatements++;
  seen.kpi = true;
}
const sqlText = (arg: unknown): string =>
  typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join('?') : String((arg as { sql?: string; text?: string } | null)?.text ?? (arg as { sql?: string })?.sql ?? '');

/**
 * The database as the app sees it, counting KPI reads through both ways to a
 * tenant transaction: the driver (`transaction`, under `withTenantSql`) and
 * Prisma (`$transaction`, under `withTenant`).
 */
function counting(db: Database): Database {
  const RAW = new Set(['$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe']);
  const countedTx = <T extends object>(tx: T, seen: { kpi: boolean }): T =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof prop !== 'string' || !RAW.has(prop) || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          count(sqlText(args[0]), seen);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const prisma = new Proxy(db.prisma, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop !== '$transaction' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (arg: unknown, options: unknown) => {
        if (typeof arg !== 'function') return (value as (...a: unknown[]) => unknown).call(target, arg, options);
        const seen = { kpi: false };
        const result = await (value as (...a: unknown[]) => Promise<unknown>).call(target, (tx: object) => (arg as (t: object) => unknown)(countedTx(tx, seen)), options);
        if (seen.kpi) tally.kpiTransactions++;
        return result;
      };
    },
  });
  const wrapped: Database = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prisma') return prisma;
      if (prop === 'lagTolerant') return target.lagTolerant === target ? wrapped : target.lagTolerant;
      if (prop === 'transaction') {
        return async (setup: string, fn: Parameters<Database['transaction']>[1]) => {
          const seen = { kpi: false };
          const result = await target.transaction(setup, (query) =>
            fn((text, values) => {
              count(text, seen);
              return query(text, values);
            }),
          );
          if (seen.kpi) tally.kpiTransactions++;
          return result;
        };
      }
      return Reflect.get(target, prop) as unknown;
    },
  });
  return wrapped;
}

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;
const tokens: Record<string, string> = {};

const client = (token?: string) => createClient({ endpoint: `${base}/graphql`, tenant: 'kpi-page', ...(token ? { token } : {}) });

async function post(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data: Record<string, unknown> }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant': 'kpi-page', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: Record<string, unknown> };
}

/** How many KPI statements and transactions `fn` made the app run. */
async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; kpiStatements: number; kpiTransactions: number; openShared: number }> {
  const before = { ...tally };
  const result = await fn();
  return {
    result,
    kpiStatements: tally.kpiStatements - before.kpiStatements,
    kpiTransactions: tally.kpiTransactions - before.kpiTransactions,
    openShared: tally.openShared - before.openShared,
  };
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'kpi-page', 'KG');
  await insertPageReports(ctx, t, 'KG', 240, NOW);
  // Handling times filled now, so that no read below fills them first (a second transaction, counted).
  await rebuildKpiRollups(ctx, t.tenantId);
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  // The public answer cache off: every request reaches the resolvers.
  app = await buildApp({ core: { ...ctx, db: counting(tdb.db) }, rateLimits: false, cache: false });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  for (const [who, email] of [['leader', 'lanhdao@example.gov.vn'], ['unitLeader', 'leader@example.gov.vn']] as const) {
    const signedIn = await post('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { ... on SignInSuccess { token } } }', { e: email, p: PASSWORD });
    tokens[who] = (signedIn.data.signIn as { token: string }).token;
  }
}, 120_000);
afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const FIELDS = '... on KpisSuccess { data { key label received resolvedOnTime resolvedLate notFixed openWithinDeadline openOverdue medianHandlingHours p90HandlingHours avgRating } } ... on ValidationError { fields { path } }';

describe('a page of kpis fields', () => {
  it('reads six aliases in one statement each, side by side, each as it reads alone; a bad alias is refused alone', async () => {
    const aliases = [
      ['total', PERIOD.from, PERIOD.to, 'TENANT'],
      ['previousTotal', PERIOD.previousFrom, PERIOD.previousTo, 'TENANT'],
      ['units', PERIOD.from, PERIOD.to, 'UNIT'],
      ['previousUnits', PERIOD.previousFrom, PERIOD.previousTo, 'UNIT'],
      ['categories', PERIOD.from, PERIOD.to, 'CATEGORY'],
      ['weeks', '2026-03-01', PERIOD.to, 'WEEK'],
    ] as const;
    const field = ([alias, from, to, groupBy]: readonly string[]) => `${alias}: kpis(from: "${from}", to: "${to}", groupBy: ${groupBy}, includePrivate: true) { __typename ${FIELDS} }`;
    const page = await counted(() => post(`query { ${aliases.map(field).join(' ')} }`, {}, tokens.leader));
    // The open reports of each period two aliases or more read are counted once for them (no read counts them again).
    expect(page).toMatchObject({ kpiTransactions: 6, kpiStatements: 6, openShared: 2 });
    for (const alias of aliases) {
      const alone = await counted(() => post(`query { ${field(alias)} }`, {}, tokens.leader));
      expect(alone).toMatchObject({ kpiTransactions: 1, kpiStatements: 1, openShared: 0 });
      expect(page.result.data[alias[0]], alias[0]).toEqual(alone.result.data[alias[0]]);
    }
    // Not empty: figures in every alias.
    expect(aliases.every(([alias]) => ((page.result.data[alias] as { data: unknown[] }).data ?? []).length > 0)).toBe(true);

    const withBad = await counted(() => post(`query { ${field(aliases[0])} bad: kpis(from: "2026-02-30", to: "2026-03-31") { __typename ${FIELDS} } ${field(aliases[2])} }`, {}, tokens.leader));
    expect(withBad.result.data.bad).toEqual({ __typename: 'ValidationError', fields: [{ path: 'from' }] });
    expect(withBad.result.data.total).toEqual(page.result.data.total);
    expect(withBad.result.data.units).toEqual(page.result.data.units);
    expect(withBad).toMatchObject({ kpiTransactions: 2, kpiStatements: 2, openShared: 1 });
  }, 60_000);

  it('answers the public statistics page (three aliases) with one statement each, public reports only', async () => {
    const stats = await counted(() => client().request(PublicStatsDocument, { from: '2026-01-01', to: PERIOD.to, groupBy: 'MONTH' }));
    expect(stats).toMatchObject({ kpiTransactions: 3, kpiStatements: 3, openShared: 1 });
    const totals = stats.result.total;
    if (totals.__typename !== 'KpisSuccess' || stats.result.rows.__typename !== 'KpisSuccess') throw new Error('not answered');
    expect(stats.result.rows.data.reduce((sum, r) => sum + r.received, 0)).toBe(totals.data[0]!.received);
    const [privateIncluded] = await withTenant(ctx.db, t.tenantId, (tx) =>
      tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM reports WHERE submitted_at < '2026-07-15T17:00:00Z'`,
    );
    expect(totals.data[0]!.received).toBeLessThan(privateIncluded!.n);
  });
});

describe('the leader overview in one request', () => {
  it('counts the open reports by deadline on the server, for the caller’s scope, beside the six KPI reads', async () => {
    const overview = await counted(() => overviewKpis(client(tokens.leader), PERIOD));
    expect(overview).toMatchObject({ kpiTransactions: 6, kpiStatements: 6, openShared: 2 });
    const open = overview.result.openDeadlines;
    if (open.__typename !== 'OpenReportDeadlines') throw new Error(open.__typename);
    const expected = await openDeadlines(ctx, t.tenantId, t.leader);
    expect(open).toEqual({ __typename: 'OpenReportDeadlines', countedAt: NOW.toISOString(), dueWithinDays: 7, total: expected.total, units: expected.units, categories: expected.categories });
    expect(open.total.overdue).toBeGreaterThan(0);
    expect(open.units.length).toBe(3);

    const unit = (await overviewKpis(client(tokens.unitLeader), { ...PERIOD, dueWithinDays: 3 })).openDeadlines;
    expect(unit).toMatchObject({ __typename: 'OpenReportDeadlines', dueWithinDays: 3, units: [{ key: t.roadsUnitId, label: 'Sở Giao thông vận tải' }] });

    const refused = await overviewKpis(client(tokens.leader), { ...PERIOD, dueWithinDays: 0 });
    expect(refused.openDeadlines).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'dueWithinDays' }] });
    expect(refused.total.__typename).toBe('KpisSuccess');
    const anonymous = await post('query { openReportDeadlines { __typename ... on OpenReportDeadlines { total { open } } } }');
    expect(anonymous.data.openReportDeadlines).toEqual({ __typename: 'ForbiddenError' });
  }, 60_000);
});
