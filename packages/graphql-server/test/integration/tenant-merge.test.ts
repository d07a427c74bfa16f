import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formulaReferences,
  parseFormula,
  findTenantBySlug,
  KEPT_TABLES,
  mergeTenants,
  MOVED_TABLES,
  REBUILT_TABLES,
  reportKpis,
  seedDemo,
  TenantMergedError,
  withTenant,
  type CoreContext,
  type KpiRow,
  type TenantMergeResult,
} from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, getKpiFigures } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';

// Vietnam merged provinces on 1 July 2025: here Quảng Trị merges into Quảng
// Nam (two demo tenants); a third tenant looks on and must stay untouched.
// Only these two are seeded (Cao Lãnh's 1 000 reports would triple the time): a fixture tenant, Bến Tre, is the bystander.
const NOW = new Date('2026-11-25T03:00:00Z');
// A period before the merge that covers both tenants' demo history.
const PERIOD = { from: '2021-01-01', to: '2026-06-30', includePrivate: true } as const;
const TABLES = [...MOVED_TABLES, ...KEPT_TABLES];
const OPERATOR_TOKEN = 'operator-token-for-the-merge-test-0123456789';

let tdb: TestDatabase;
let ctx: CoreContext;
let app: FastifyInstance;
let base: string;
const id = { qt: '', qn: '', cl: '' };

type Counts = Record<string, number>;
async function counts(tenantId: string): Promise<Counts> {
  const out: Counts = {};
  for (const table of TABLES) {
    const [row] = await tdb.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    out[table] = row!.n;
  }
  return out;
}
/** Everything of a tenant's rows, to prove "untouched" and "nothing changed". */
const fingerprint = async (tenantId: string) =>
  (await tdb.db.query<{ f: string }>(
    `SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS f FROM (
       SELECT id::text || status::text || version::text || tenant_id::text || COALESCE(former_tenant_id::text, '') AS t FROM reports WHERE tenant_id = $1
       UNION ALL SELECT id::text || code || tenant_id::text FROM units WHERE tenant_id = $1
       UNION ALL SELECT id::text || email || tenant_id::text FROM staff_users WHERE tenant_id = $1
       UNION ALL SELECT id::text || COALESCE(revoked_at::text, '') FROM api_keys WHERE tenant_id = $1
       UNION ALL SELECT id::text FROM audit_entries WHERE tenant_id = $1) x`,
    [tenantId],
  ))[0]!.f;
const withoutKey = (rows: KpiRow[]) => rows.map(({ key: _key, ...rest }) => rest);

let before: { qt: Counts; qn: Counts; cl: Counts; clPrint: string; kpiQt: KpiRow[]; kpiQn: KpiRow[]; qtReports: string[]; code: string };
let merged: TenantMergeResult;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  await seedDemo(ctx, { only: ['quang-tri', 'quang-nam'] });
  await createFixtureTenant(ctx, 'ben-tre', 'BT');
  for (const [k, slug] of [['qt', 'quang-tri'], ['qn', 'quang-nam'], ['cl', 'ben-tre']] as const) id[k] = (await findTenantBySlug(ctx, slug)).id;
  const qtReports = (await tdb.db.query<{ id: string }>(`SELECT id::text AS id FROM reports WHERE tenant_id = $1 ORDER BY id`, [id.qt])).map((r) => r.id);
  const [code] = await tdb.db.query<{ tracking_code: string }>(`SELECT tracking_code FROM reports WHERE tenant_id = $1 AND visibility = 'PUBLIC' ORDER BY submitted_at LIMIT 1`, [id.qt]);
  before = {
    qt: await counts(id.qt),
    qn: await counts(id.qn),
    cl: await counts(id.cl),
    clPrint: await fingerprint(id.cl),
    kpiQt: await reportKpis(ctx, id.qt, PERIOD),
    kpiQn: await reportKpis(ctx, id.qn, PERIOD),
    qtReports,
    code: code!.tracking_code,
  };
  app = await buildApp({ core: ctx, operatorToken: OPERATOR_TOKEN });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  // The operator's call (the same core function as `pnpm tenant:merge`).
  const response = await fetch(`${base}/operator/tenant-merges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}` },
    body: JSON.stringify({ from: 'quang-tri', into: 'quang-nam' }),
  });
  expect(response.status).toBe(200);
  merged = (await response.json()) as TenantMergeResult;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('merging Quảng Trị into Quảng Nam', () => {
  it('moves every row with its id: counts before = counts after, one audit entry more on each side', async () => {
    expect(before.qt.reports).toBeGreaterThan(0);
    const qt = await counts(id.qt);
    const qn = await counts(id.qn);
    for (const table of MOVED_TABLES) {
      const audit = table === 'audit_entries' ? 1 : 0;
      expect(merged.moved[table], table).toBe(before.qt[table]);
      expect(qn[table], table).toBe(before.qn[table]! + before.qt[table]! + audit);
      expect(qt[table], table).toBe(audit);
    }
    // Kept with the former tenant: its calendar changes and its (now revoked) API keys.
    for (const table of KEPT_TABLES) expect(qt[table], table).toBe(before.qt[table]);
    const moved = await tdb.db.query<{ id: string; former: string }>(
      `SELECT id::text AS id, former_tenant_id::text AS former FROM reports WHERE tenant_id = $1 AND former_tenant_id IS NOT NULL ORDER BY id`,
      [id.qn],
    );
    expect(moved.map((r) => r.id)).toEqual(before.qtReports);
    expect(new Set(moved.map((r) => r.former))).toEqual(new Set([id.qt]));
    const [keys] = await tdb.db.query<{ live: number }>(`SELECT COUNT(*) FILTER (WHERE revoked_at IS NULL)::int AS live FROM api_keys WHERE tenant_id = $1`, [id.qt]);
    expect(keys!.live).toBe(0);
    const [audit] = await tdb.db.query<{ action: string; data: { renamed: unknown[] } }>(
      `SELECT action, data FROM audit_entries WHERE tenant_id = $1 AND action = 'tenant.merge'`,
      [id.qn],
    );
    expect(audit?.data.renamed).toEqual(merged.renamed);
  });

  it('renames clashing codes deterministically with the former slug, and reports them', () => {
    // Both demo tenants have an IOC unit coded IOC.
    expect(merged.renamed).toContainEqual(expect.objectContaining({ table: 'units', from: 'IOC', to: 'IOC-quang-tri' }));
    for (const r of merged.renamed) expect(r.to.toLowerCase()).toMatch(/quang[-_]tri/);
  });

  it("renames clashing indicator codes within their pattern, and the former tenant's formulas follow them", async () => {
    const indicators = merged.renamed.filter((r) => r.table === 'indicators');
    expect(indicators).toContainEqual(expect.objectContaining({ from: 'HS_DUNG_HAN', to: 'HS_DUNG_HAN_QUANG_TRI' }));
    for (const r of indicators) expect(r.to).toMatch(/^[A-Z][A-Z0-9_]{0,49}$/);
    const rows = await tdb.db.query<{ code: string; formula: string; former: boolean }>(
      `SELECT code, formula, id = ANY($2::uuid[]) AS former FROM indicators WHERE tenant_id = $1 AND formula IS NOT NULL ORDER BY code`,
      [id.qn, indicators.map((r) => r.id)],
    );
    const moved = rows.filter((r) => r.former);
    expect(moved.map((r) => r.code)).toContain('TL_HS_DUNG_HAN_QUANG_TRI');
    // Every code a moved formula names is one of the former tenant's own indicators, renamed or not.
    const renamedTo = new Set(indicators.map((r) => r.to));
    for (const { formula } of moved) {
      for (const name of formulaReferences(parseFormula(formula))) expect(renamedTo.has(name) || !indicators.some((r) => r.from === name)).toBe(true);
    }
    expect(moved.find((r) => r.code === 'TL_HS_DUNG_HAN_QUANG_TRI')?.formula).toContain('HS_DUNG_HAN_QUANG_TRI');
  });

  it('keeps the KPIs of a pre-merge period per former tenant, and the merged total is their sum', async () => {
    expect(withoutKey(await reportKpis(ctx, id.qn, { ...PERIOD, formerTenantId: id.qt }))).toEqual(withoutKey(before.kpiQt));
    expect(withoutKey(await reportKpis(ctx, id.qn, { ...PERIOD, formerTenantId: null }))).toEqual(withoutKey(before.kpiQn));
    const [total] = await reportKpis(ctx, id.qn, PERIOD);
    for (const key of ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'notFixed', 'rejected', 'openWithinDeadline', 'openOverdue', 'ratings'] as const) {
      expect(total![key], key).toBe(before.kpiQt[0]![key] + before.kpiQn[0]![key]);
    }
    await expect(reportKpis(ctx, id.qn, { ...PERIOD, formerTenantId: 'quang-tri' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('still tracks a former tracking code through the public API, under the merged slug and the former one', async () => {
    for (const tenant of ['quang-nam', 'quang-tri']) {
      const tracked = await createClient({ endpoint: `${base}/graphql`, tenant }).trackReport(before.code);
      expect(tracked, tenant).toMatchObject({ __typename: 'TrackedReport', report: { trackingCode: before.code } });
    }
    // The former slug leads to the merged tenant.
    expect((await findTenantBySlug(ctx, 'quang-tri')).id).toBe(id.qn);
  });

  it('lets the former tenant’s staff sign in to the merged tenant with their e-mail and password', async () => {
    const result = await createClient({ endpoint: `${base}/graphql`, tenant: 'quang-nam' }).signIn('ioc.quang-tri@example.gov.vn', 'demo-quang-tri');
    expect(result.__typename).toBe('SignInSuccess');
  });

  it('shows the KPIs of a pre-merge period per tenant submitted to, in GraphQL and in the KPI export, adding up to the merged figures', async () => {
    const signedIn = await createClient({ endpoint: `${base}/graphql`, tenant: 'quang-nam' }).signIn('lanhdao.quang-nam@example.gov.vn', 'demo-quang-nam');
    if (signedIn.__typename !== 'SignInSuccess') throw new Error(signedIn.message);
    const leader = createClient({ endpoint: `${base}/graphql`, tenant: 'quang-nam' }).withToken(signedIn.token);
    const figures = async (variables: { groupBy?: 'FORMER_TENANT'; formerTenantId?: string }) => {
      const answer = await getKpiFigures(leader, { ...PERIOD, ...variables });
      if (answer.__typename !== 'KpisSuccess') throw new Error(answer.message);
      return answer.data;
    };
    const counted = ['received', 'resolved', 'resolvedOnTime', 'resolvedLate', 'notFixed', 'rejected', 'openWithinDeadline', 'openOverdue', 'returned', 'reopened', 'ratings', 'published'] as const;
    const pick = (row: Pick<KpiRow, (typeof counted)[number] | 'medianHandlingHours' | 'satisfiedShare'>) =>
      Object.fromEntries([...counted, 'medianHandlingHours', 'satisfiedShare'].map((k) => [k, row[k as keyof typeof row]]));
    const [total] = await figures({});
    const perTenant = await figures({ groupBy: 'FORMER_TENANT' });
    // One row per tenant the reports were submitted to, named, each as its figures were before the merge.
    expect(perTenant.map((r) => [r.key, r.label])).toEqual(
      [[id.qn, 'Tỉnh Quảng Nam'], [id.qt, 'Tỉnh Quảng Trị']].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    expect(pick(perTenant.find((r) => r.key === id.qt)!)).toEqual(pick(before.kpiQt[0]!));
    expect(pick(perTenant.find((r) => r.key === id.qn)!)).toEqual(pick(before.kpiQn[0]!));
    for (const k of counted) expect(perTenant.reduce((sum, r) => sum + r[k], 0), k).toBe(total![k]);
    // The filter: a former tenant's reports, or the tenant's own (its own id).
    expect(pick((await figures({ formerTenantId: id.qt }))[0]!)).toEqual(pick(before.kpiQt[0]!));
    expect(pick((await figures({ formerTenantId: id.qn }))[0]!)).toEqual(pick(before.kpiQn[0]!));
    const stranger = await getKpiFigures(leader, { ...PERIOD, formerTenantId: id.cl });
    expect(stranger).toMatchObject({ __typename: 'ValidationError', fields: [expect.objectContaining({ path: 'formerTenantId' })] });

    // The KPI export: the same rows, and the same refusal.
    const download = (query: string) =>
      fetch(`${base}/exports/kpis.csv?from=${PERIOD.from}&to=${PERIOD.to}&${query}`, { headers: { 'x-tenant': 'quang-nam', authorization: `Bearer ${signedIn.token}` } });
    const csv = (await (await download('groupBy=FORMER_TENANT')).text()).replace(/^\uFEFF/, '').trim().split('\n');
    const header = csv[0]!.split(',');
    const receivedAt = header.indexOf('Tiếp nhận / Received');
    const rows = csv.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[0])).toEqual(perTenant.map((r) => r.key));
    expect(rows.map((r) => Number(r[receivedAt]))).toEqual(perTenant.map((r) => r.received));
    const own = (await (await download(`formerTenantId=${id.qt}`)).text()).trim().split('\n');
    expect(Number(own[1]!.split(',')[receivedAt])).toBe(before.kpiQt[0]!.received);
    // The report list too: exactly the reports moved from Quảng Trị (none is dated outside the period).
    const reports = await fetch(`${base}/exports/reports.csv?from=${PERIOD.from}&to=${PERIOD.to}&formerTenantId=${id.qt}`, {
      headers: { 'x-tenant': 'quang-nam', authorization: `Bearer ${signedIn.token}` },
    });
    expect((await reports.text()).trim().split('\n')).toHaveLength(before.qtReports.length + 1);
    const refused = await download(`formerTenantId=${id.cl}`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'VALIDATION', fields: [expect.objectContaining({ path: 'filters.formerTenantId' })] } });
  });

  it('leaves another tenant untouched', async () => {
    expect(await counts(id.cl)).toEqual(before.cl);
    expect(await fingerprint(id.cl)).toBe(before.clPrint);
  });

  it('refuses to run twice (or into the merged tenant) with TENANT_MERGED naming the new tenant, nothing changed', async () => {
    const prints = [await fingerprint(id.qt), await fingerprint(id.qn)];
    const again = mergeTenants(ctx, { from: 'quang-tri', into: 'quang-nam' }, 'cli');
    await expect(again).rejects.toBeInstanceOf(TenantMergedError);
    await expect(again).rejects.toMatchObject({ code: 'TENANT_MERGED', slug: 'quang-tri', mergedInto: 'quang-nam' });
    await expect(mergeTenants(ctx, { from: 'ben-tre', into: 'quang-tri' }, 'cli')).rejects.toMatchObject({ code: 'TENANT_MERGED', mergedInto: 'quang-nam' });
    await expect(mergeTenants(ctx, { from: 'quang-nam', into: 'quang-nam' }, 'cli')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(mergeTenants(ctx, { from: 'nowhere', into: 'quang-nam' }, 'cli')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The operator API answers the same refusals in its shape.
    const post = async (body: unknown, token = OPERATOR_TOKEN) => {
      const response = await fetch(`${base}/operator/tenant-merges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { error: Record<string, unknown> } };
    };
    expect(await post({ from: 'quang-tri', into: 'quang-nam' })).toMatchObject({ status: 409, body: { error: { code: 'TENANT_MERGED', tenant: 'quang-tri', mergedInto: 'quang-nam' } } });
    expect(await post({ from: 'quang-tri', into: 'quang-nam' }, 'not-the-operator-token-not-the-operator-token')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await post({ from: 'ben-tre' })).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', fields: [expect.objectContaining({ path: 'into' })] } } });
    expect([await fingerprint(id.qt), await fingerprint(id.qn)]).toEqual(prints);
    expect(await fingerprint(id.cl)).toBe(before.clPrint);
  });

  it('gives the application role nothing through the merge setting: it cannot move a row to another tenant or rewrite a log', async () => {
    const [report] = await tdb.db.query<{ id: string }>(`SELECT id::text AS id FROM reports WHERE tenant_id = $1 LIMIT 1`, [id.qn]);
    const attempt = (sql: string) =>
      withTenant(tdb.db, id.qn, async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_merge', 'on', true)`);
        return tx.$executeRawUnsafe(sql, id.cl, report!.id);
      });
    await expect(attempt(`UPDATE reports SET tenant_id = $1::uuid WHERE id = $2::uuid`)).rejects.toThrow(/row-level security|42501/);
    await expect(attempt(`UPDATE report_events SET tenant_id = $1::uuid WHERE report_id = $2::uuid`)).rejects.toThrow(/permission denied|42501/);
    await expect(attempt(`UPDATE audit_entries SET tenant_id = $1::uuid WHERE subject_id = $2`)).rejects.toThrow(/permission denied|42501/);
    const [still] = await tdb.db.query<{ tenant: string }>(`SELECT tenant_id::text AS tenant FROM reports WHERE id = $1`, [report!.id]);
    expect(still!.tenant).toBe(id.qn);
  });

  it('moves, keeps or rebuilds every table that has a tenant_id (a new table must be placed in one list)', async () => {
    const rows = await tdb.db.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...TABLES, ...REBUILT_TABLES].sort());
  });
});
