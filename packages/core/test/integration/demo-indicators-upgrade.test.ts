import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineIndicator, findTenantBySlug, listIndicatorForms, listIndicators, seedDemo, withTenant, type Actor, type CoreContext } from '@paht/core';
import { createFixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// A database seeded before the demo indicators existed: its demo tenant gets
// the indicators, the monthly form, their history and the `canbo` sign-in
// on the next start (seedDemo), exactly as a fresh seed writes them; a
// second start adds nothing; a demo tenant where an admin defined one of
// the demo's codes gets only the missing definitions; a real tenant with a
// demo slug is never touched. Quảng Nam only: the smallest demo tenant.

const NOW = new Date('2026-11-25T03:00:00Z');
const DEMO = 'quang-nam';
const CODES = ['DN_THANH_LAP', 'HS_DUNG_HAN', 'HS_TIEP_NHAN', 'SO_HO', 'TANG_THU_NSNN', 'THU_NSNN', 'TL_HO_NGHEO', 'TL_HS_DUNG_HAN'];

let tdb: TestDatabase;
let ctx: CoreContext;
let tenantId: string;
let fresh: Counts;

interface Counts {
  indicators: number;
  forms: number;
  values: number;
  submissions: number;
  canbo: number;
}

const counts = async (id: string): Promise<Counts> => {
  const n = async (sql: string) => (await tdb.db.query<{ n: number }>(sql, [id]))[0]!.n;
  return {
    indicators: await n('SELECT COUNT(*)::int AS n FROM indicators WHERE tenant_id = $1'),
    forms: await n('SELECT COUNT(*)::int AS n FROM indicator_forms WHERE tenant_id = $1'),
    values: await n('SELECT COUNT(*)::int AS n FROM indicator_values WHERE tenant_id = $1'),
    submissions: await n('SELECT COUNT(*)::int AS n FROM indicator_form_submissions WHERE tenant_id = $1'),
    canbo: await n(`SELECT COUNT(*)::int AS n FROM staff_users WHERE tenant_id = $1 AND email LIKE 'canbo.%'`),
  };
};

/** The demo tenant as a database seeded before the indicators existed has it: no indicators, forms, their notices or the `canbo` sign-in. */
async function strip(id: string): Promise<void> {
  for (const sql of [
    'DELETE FROM indicator_forms WHERE tenant_id = $1',
    'DELETE FROM indicators WHERE tenant_id = $1',
    `DELETE FROM staff_notifications WHERE tenant_id = $1 AND kind::text LIKE 'INDICATOR%'`,
    `DELETE FROM staff_users WHERE tenant_id = $1 AND email LIKE 'canbo.%'`,
  ]) {
    await tdb.db.query(sql, [id]);
  }
}

const start = () => seedDemo(ctx, { only: [DEMO, 'cao-lanh'] });
const demoAdmin = async (): Promise<Actor> =>
  withTenant(ctx.db, tenantId, async (tx) => ({ role: 'TENANT_ADMIN', userId: (await tx.staffUser.findFirstOrThrow({ where: { email: `admin.${DEMO}@example.gov.vn` } })).id }));

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  // A real tenant that has a demo tenant's slug: seeded never, touched never.
  await createFixtureTenant(ctx, 'cao-lanh', 'CL');
  await seedDemo(ctx, { only: [DEMO] });
  tenantId = (await findTenantBySlug(ctx, DEMO)).id;
  fresh = await counts(tenantId);
  await strip(tenantId);
}, 120_000);
afterAll(async () => tdb?.close());

describe('the demo seed on a database seeded before the demo indicators', () => {
  it('gives the demo tenant the indicators, the form, their history and the canbo sign-in, as a fresh seed does', async () => {
    expect(fresh).toMatchObject({ indicators: 8, forms: 1, canbo: 1 });
    expect(await counts(tenantId)).toEqual({ indicators: 0, forms: 0, values: 0, submissions: 0, canbo: 0 });
    const result = await start();
    const demo = result.tenants.find((t) => t.slug === DEMO)!;
    expect(result.seeded).toBe(false);
    expect(demo.indicatorsAdded).toMatchObject({ indicators: 8, forms: 1, skipped: [] });
    expect(demo.indicatorsAdded!.submissions).toBeGreaterThan(0);
    expect(await counts(tenantId)).toEqual(fresh);
    expect((await listIndicators(ctx, tenantId)).map((i) => i.code)).toEqual(CODES);
    expect((await listIndicatorForms(ctx, tenantId, await demoAdmin())).map((f) => f.code)).toEqual(['BC_KTXH_THANG']);
  }, 60_000);

  it('adds nothing on the next start', async () => {
    const before = await counts(tenantId);
    const result = await start();
    expect(result.tenants.find((t) => t.slug === DEMO)!.indicatorsAdded).toBeUndefined();
    expect(await counts(tenantId)).toEqual(before);
  });

  it('never touches a tenant that only has a demo slug', async () => {
    const real = await findTenantBySlug(ctx, 'cao-lanh');
    expect(await counts(real.id)).toEqual({ indicators: 0, forms: 0, values: 0, submissions: 0, canbo: 0 });
    expect((await start()).tenants.find((t) => t.slug === 'cao-lanh')!.indicatorsAdded).toBeUndefined();
    expect(await counts(real.id)).toEqual({ indicators: 0, forms: 0, values: 0, submissions: 0, canbo: 0 });
  });

  it('adds only the missing definitions where an admin defined a demo code, keeping the admin’s own', async () => {
    await strip(tenantId);
    // The admin's own budget revenue is quarterly: the monthly demo form cannot hold it.
    await defineIndicator(ctx, tenantId, await demoAdmin(), { code: 'THU_NSNN', name: 'Thu ngân sách (quý)', nameEn: 'Budget revenue (quarter)', unitOfMeasure: 'tỷ đồng', periodicity: 'QUARTER', aggregation: 'SUM' });
    const result = await start();
    expect(result.tenants.find((t) => t.slug === DEMO)!.indicatorsAdded).toEqual({ indicators: 7, forms: 0, submissions: 0, skipped: ['BC_KTXH_THANG'] });
    const indicators = await listIndicators(ctx, tenantId);
    expect(indicators.map((i) => i.code)).toEqual(CODES);
    expect(indicators.find((i) => i.code === 'THU_NSNN')).toMatchObject({ name: 'Thu ngân sách (quý)', periodicity: 'QUARTER' });
    expect(await counts(tenantId)).toEqual({ indicators: 8, forms: 0, values: 0, submissions: 0, canbo: 1 });
    // Once more: nothing.
    expect((await start()).tenants.find((t) => t.slug === DEMO)!.indicatorsAdded).toBeUndefined();
    expect(await counts(tenantId)).toEqual({ indicators: 8, forms: 0, values: 0, submissions: 0, canbo: 1 });
  });
});
