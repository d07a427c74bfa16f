import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findTenantBySlug, listIndicatorForms, listIndicators, readIndicatorFormStatus, readPublicIndicatorFigures, reportKpis, seedDemo, withTenant,
  type Actor, type CoreContext, type DemoSeedResult,
} from '@paht/core';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

// The demo history runs until each period's end; "now" is later (the day this was written).
const NOW = new Date('2026-11-25T03:00:00Z');

let tdb: TestDatabase;
let ctx: CoreContext;
let seeded: DemoSeedResult;

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  seeded = await seedDemo(ctx);
}, 300_000);
afterAll(async () => tdb?.close());

describe('the demo seed', () => {
  it('reproduces Quảng Trị’s published figures from the KPI query', async () => {
    const qt = await findTenantBySlug(ctx, 'quang-tri');
    const [all] = await reportKpis(ctx, qt.id, { from: '2021-05-01', to: '2023-09-28', includePrivate: true });
    // "8 in progress" as published: not answered at the period's end (open within the deadline or already overdue).
    expect(all).toMatchObject({ received: 637, resolved: 629, resolvedOnTime: 419, resolvedLate: 210, open: 8, rejected: 0, notFixed: 0 });
    expect(all).toMatchObject({ onTime: 419, overdue: 210 });
    expect(all!.openWithinDeadline + all!.openOverdue).toBe(8);
  });

  it('has Quảng Trị’s 44 handling units besides the IOC, each with a current leader and staff focal point', async () => {
    const qt = await findTenantBySlug(ctx, 'quang-tri');
    const rows = await tdb.db.query<{ kind: string; n: number }>(
      `SELECT u.kind::text AS kind, COUNT(*)::int AS n FROM units u WHERE u.tenant_id = $1 GROUP BY 1`,
      [qt.id],
    );
    const handling = rows.filter((r) => r.kind !== 'IOC').reduce((a, r) => a + r.n, 0);
    expect(handling).toBe(44);
    const [focal] = await tdb.db.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM focal_points WHERE tenant_id = $1 AND valid_to IS NULL`,
      [qt.id],
    );
    expect(focal?.n).toBe(45 * 2);
  });

  it('gives Cao Lãnh 100 % handled and 92 % satisfied', async () => {
    const cl = await findTenantBySlug(ctx, 'cao-lanh');
    const [all] = await reportKpis(ctx, cl.id, { from: '2021-01-01', to: '2026-12-31', includePrivate: true });
    expect(all?.received).toBe(1000);
    expect(all?.open).toBe(0);
    expect(all?.resolved).toBe(1000);
    expect(all?.satisfiedShare).toBeCloseTo(0.92, 5);
  });

  it('breaks the figures down per unit and per month consistently with the total', async () => {
    const qt = await findTenantBySlug(ctx, 'quang-tri');
    const q = { from: '2021-05-01', to: '2023-09-28', includePrivate: true } as const;
    const [all] = await reportKpis(ctx, qt.id, q);
    for (const groupBy of ['UNIT', 'CATEGORY', 'AREA', 'CHANNEL', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const) {
      const rows = await reportKpis(ctx, qt.id, { ...q, groupBy });
      expect(rows.reduce((a, r) => a + r.received, 0)).toBe(637);
      expect(rows.reduce((a, r) => a + r.onTime, 0)).toBe(419);
      for (const key of ['classified', 'returned', 'reopened', 'openOverdue', 'openWithinDeadline', 'ratings', 'published'] as const) {
        expect(rows.reduce((a, r) => a + r[key], 0), `${groupBy} ${key}`).toBe(all![key]);
      }
      for (const r of rows) {
        expect(r.resolvedOnTime + r.resolvedLate + r.notFixed + r.rejected + r.openWithinDeadline + r.openOverdue).toBe(r.received);
      }
    }
    expect((await reportKpis(ctx, qt.id, { ...q, groupBy: 'YEAR' })).map((r) => r.key)).toEqual(['2021', '2022', '2023']);
    expect((await reportKpis(ctx, qt.id, { ...q, groupBy: 'QUARTER' }))[0]?.key).toBe('2021-Q2');
    const channels = await reportKpis(ctx, qt.id, { ...q, groupBy: 'CHANNEL' });
    expect(channels.find((r) => r.key === 'HOTLINE_1022')).toMatchObject({ label: 'Đường dây nóng 1022', labelEn: 'Hotline 1022' });
    const months = await reportKpis(ctx, qt.id, { ...q, groupBy: 'MONTH' });
    expect(months[0]?.key).toBe('2021-05');
    expect(months.at(-1)?.key).toBe('2023-09');
  });

  it('measures handling time in working hours: the median within the 90th percentile, both below wall-clock time', async () => {
    const qt = await findTenantBySlug(ctx, 'quang-tri');
    const [all] = await reportKpis(ctx, qt.id, { from: '2021-05-01', to: '2023-09-28', includePrivate: true });
    expect(all!.medianHandlingHours).toBeGreaterThan(0);
    expect(all!.medianHandlingHours!).toBeLessThanOrEqual(all!.p90HandlingHours!);
    expect(all!.medianHandlingHours!).toBeLessThan(all!.avgResolutionHours!);
  });

  it('is idempotent: a second run writes nothing', async () => {
    expect(seeded.seeded).toBe(true);
    const again = await seedDemo(ctx);
    expect(again.seeded).toBe(false);
    expect(again.tenants.find((t) => t.slug === 'quang-tri')?.reports).toBe(637);
  });

  describe('socio-economic indicators', () => {
    // NOW is 25 November 2026: October's forms were due by the end of 5 November; November's are due from everyone.
    const admin = async (tenantId: string): Promise<Actor> => ({
      role: 'TENANT_ADMIN',
      userId: (await withTenant(ctx.db, tenantId, (tx) => tx.staffUser.findFirstOrThrow({ where: { role: 'TENANT_ADMIN' } }))).id,
    });
    const sumOf = async (tenantId: string, code: string, period: string) =>
      (await tdb.db.query<{ s: number }>(
        `SELECT COALESCE(SUM(v.value), 0)::float8 AS s FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id WHERE v.tenant_id = $1 AND i.code = $2 AND v.period = $3`,
        [tenantId, code, period],
      ))[0]!.s;

    it.each([['quang-tri', 'DISTRICT'], ['quang-nam', 'DISTRICT'], ['cao-lanh', 'COMMUNE']])('gives %s a monthly form its %s units submit on time, late or not at all', async (slug, kind) => {
      const tenant = await findTenantBySlug(ctx, slug);
      const actor = await admin(tenant.id);
      expect((await listIndicators(ctx, tenant.id)).map((i) => i.code)).toEqual(
        ['DN_THANH_LAP', 'HS_DUNG_HAN', 'HS_TIEP_NHAN', 'SO_HO', 'TANG_THU_NSNN', 'THU_NSNN', 'TL_HO_NGHEO', 'TL_HS_DUNG_HAN'],
      );
      const [form] = await listIndicatorForms(ctx, tenant.id, actor);
      expect(form).toMatchObject({ code: 'BC_KTXH_THANG', periodicity: 'MONTH', unitKinds: [kind] });
      const [units] = await tdb.db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM units WHERE tenant_id = $1 AND kind::text = $2`, [tenant.id, kind]);
      const october = await readIndicatorFormStatus(ctx, tenant.id, actor, form!.id, '2026-10');
      expect(october.units).toHaveLength(units!.n);
      expect(october.submitted + october.missing).toBe(units!.n);
      expect(october.submitted - october.late).toBeGreaterThan(0);
      const november = await readIndicatorFormStatus(ctx, tenant.id, actor, form!.id, '2026-11');
      expect(new Set(november.units.map((u) => u.state))).toEqual(new Set(['PENDING']));
      // Over the 15 months every state but PENDING occurs.
      const states = new Set<string>();
      for (const month of ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) {
        for (const u of (await readIndicatorFormStatus(ctx, tenant.id, actor, form!.id, month)).units) states.add(u.state);
      }
      expect(states).toEqual(new Set(['ON_TIME', 'LATE', 'OVERDUE']));
    });

    it('computes the public ratio and growth from the submitted values, and alerts units that miss a target', async () => {
      const cl = await findTenantBySlug(ctx, 'cao-lanh');
      const figures = new Map((await readPublicIndicatorFigures(ctx, cl.id, '2026-10')).map((f) => [f.indicator.code, f]));
      expect([...figures.keys()]).toEqual(['DN_THANH_LAP', 'TANG_THU_NSNN', 'THU_NSNN', 'TL_HS_DUNG_HAN']);
      expect(figures.get('THU_NSNN')!.value).toBe(await sumOf(cl.id, 'THU_NSNN', '2026-10'));
      expect(figures.get('TL_HS_DUNG_HAN')!.value).toBeCloseTo((await sumOf(cl.id, 'HS_DUNG_HAN', '2026-10')) * 100 / (await sumOf(cl.id, 'HS_TIEP_NHAN', '2026-10')), 9);
      expect(figures.get('TANG_THU_NSNN')!.value).toBeCloseTo(((await sumOf(cl.id, 'THU_NSNN', '2026-10')) / (await sumOf(cl.id, 'THU_NSNN', '2025-10')) - 1) * 100, 9);
      expect((await readPublicIndicatorFigures(ctx, cl.id, '2025')).find((f) => f.indicator.code === 'TL_HO_NGHEO')!.value).toBeGreaterThan(0);
      // The demo officer's ward settled under 95 % of its files on time in October: its inbox has the alert.
      const alerts = await tdb.db.query<{ code: string; period: string }>(
        `SELECT n.data->>'code' AS code, n.data->>'period' AS period FROM staff_notifications n JOIN staff_users s ON s.id = n.staff_user_id
          WHERE n.tenant_id = $1 AND s.email = 'canbo.cao-lanh@example.gov.vn' AND n.kind = 'INDICATOR_TARGET_MISSED'`,
        [cl.id],
      );
      expect(alerts).toContainEqual({ code: 'TL_HS_DUNG_HAN', period: '2026-10' });
    });
  });
});
