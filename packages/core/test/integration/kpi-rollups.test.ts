import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  availableCommands,
  DomainError,
  KPI_GROUP_BYS,
  mergeTenants,
  rebuildKpiRollups,
  recomputeReportKpis,
  reportKpis,
  submitReport,
  transitionReport,
  withTenant,
  type Actor,
  type ReportCommand,
  type ReportCommandType,
} from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

/**
 * The KPI rollups (migration 0018) against their definition: random legal
 * changes driven through the real commands (submitReport, transitionReport),
 * then every grouping, public and private, read from the rollups and
 * recomputed from the reports and timelines must be the same rows; so must
 * the rollup tables before and after `rebuildKpiRollups`, and after a merge.
 * The handling histograms the percentiles read (monthly per key, migration
 * 0022; daily for the whole tenant, migration 0025) must equal a count of
 * the facts afresh after every change, the rebuild and the merge.
 */

const START = new Date('2026-03-02T01:00:00Z');
const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
const CHANNELS = ['APP', 'WEB', 'HOTLINE_1022', 'ZALO'] as const;
const ONWARD: ReadonlySet<ReportCommandType> = new Set(['CLASSIFY', 'ASSIGN', 'RETURN', 'ACCEPT', 'START', 'RESOLVE', 'APPROVE_ANSWER', 'PUBLISH', 'RATE', 'REOPEN', 'PROVIDE_INFO', 'APPROVE_EXTENSION']);

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;

const stepArb = fc.record({ pick: fc.nat(1_000), afterMinutes: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 6 * 1_440 })), flag: fc.boolean(), rating: fc.integer({ min: 1, max: 5 }) });
const reportArb = fc.record({ day: fc.integer({ min: 0, max: 40 }), channel: fc.constantFrom(...CHANNELS), steps: fc.array(stepArb, { minLength: 4, maxLength: 12 }) });
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function actorsFor(reportId: string, unitId: string | null): Actor[] {
  const actors: Actor[] = [t.operator, { role: 'CITIZEN', reportId }];
  if (unitId === t.roadsUnitId) actors.push(t.roadsOfficer, t.roadsLeader);
  if (unitId === t.wardUnitId) actors.push(t.wardOfficer);
  return actors;
}

function commandFor(type: ReportCommandType, s: Step): ReportCommand {
  switch (type) {
    case 'CLASSIFY': return { type, categoryId: s.flag ? t.roadsCategoryId : t.misconductCategoryId };
    case 'REJECT': return { type, rejection: 'OUT_OF_SCOPE', reason: 'Ngoài phạm vi' };
    case 'ASSIGN': return { type, unitId: s.flag ? t.roadsUnitId : t.wardUnitId };
    case 'FORWARD': return { type, unitId: t.wardUnitId };
    case 'RETURN': return { type, reason: 'Không đúng đơn vị' };
    case 'EXTEND':
    case 'REQUEST_EXTENSION': return { type, extensionMinutes: 600, reason: 'Cần thêm thời gian' };
    case 'REQUEST_INFO': return { type, reason: 'Đường nào?' };
    case 'PROVIDE_INFO': return { type, reason: 'Lê Duẩn' };
    case 'RESOLVE':
    case 'DRAFT_ANSWER': return s.rating <= 2 ? { type, answer: 'Không thể xử lý', outcome: 'NOT_FIXED', reason: 'Đất tư nhân' } : { type, answer: 'Đã xử lý' };
    case 'RATE': return { type, rating: s.rating };
    case 'REOPEN': return { type, reason: 'Vẫn còn hỏng', ...(s.flag ? { rating: s.rating } : {}) };
    case 'REFUSE_EXTENSION':
    case 'SEND_BACK_ANSWER': return { type, reason: 'Chưa đạt' };
    default: return { type };
  }
}

/** Submits one report and plays random steps, each chosen among the commands the transition table allows now; refused ones change nothing. */
async function play(r: { day: number; channel: (typeof CHANNELS)[number]; steps: Step[] }): Promise<void> {
  ctx.setNow(new Date(START.getTime() + r.day * DAY + (r.steps[0]!.afterMinutes % 600) * MINUTE));
  const input = { title: 'Đèn đường hỏng', description: 'Đèn đường trước số nhà 12 không sáng từ tuần trước.', channel: r.channel, address: '12 Lê Duẩn, Đông Hà', reporter: { fullName: 'Trần Thị Bình', phone: '0912 345 678' } };
  const { id } = await submitReport(ctx, t.tenantId, input, r.channel === 'APP' ? null : t.operator);
  for (const s of r.steps) {
    const row = await withTenant(ctx.db, t.tenantId, (tx) => tx.report.findUniqueOrThrow({ where: { id }, select: { status: true, unitId: true } }));
    const all = actorsFor(id, row.unitId).flatMap((actor) => availableCommands({ id, ...row }, actor).map((type) => ({ actor, type })));
    // Three choices in four move the report on (or few would be answered); rejections only one in eight.
    const onward = all.filter((o) => ONWARD.has(o.type));
    const options = (s.pick % 4 !== 0 && onward.length > 0 ? onward : all).filter((o) => o.type !== 'REJECT' || s.pick % 8 === 0);
    if (options.length === 0) return;
    const { actor, type } = options[s.pick % options.length]!;
    ctx.advance(s.afterMinutes * MINUTE);
    try {
      await transitionReport(ctx, t.tenantId, actor, id, commandFor(type, s));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
}

/** Every grouping, public and private, over the whole span and over part of it: rollups = recomputation. */
const WHOLE = { from: '2026-02-01', to: '2026-06-30' };
const PART = { from: '2026-03-09', to: '2026-03-22' };
async function expectRollupsAgree(tenantId: string, now: Date, periods = [WHOLE, PART]): Promise<void> {
  ctx.setNow(now);
  for (const period of periods) {
    // Every grouping over the whole span; over part of it, one of each kind (a cut through days, weeks and units).
    for (const groupBy of period === WHOLE ? KPI_GROUP_BYS : (['TENANT', 'UNIT', 'WEEK'] as const)) {
      for (const includePrivate of [false, true]) {
        const query = { ...period, groupBy, includePrivate };
        expect(await reportKpis(ctx, tenantId, query), JSON.stringify(query)).toEqual(await recomputeReportKpis(ctx, tenantId, query));
      }
    }
  }
}

const rollupTable = (tenantId: string) =>
  tdb.db.query(`SELECT day::text, dim, key, is_public, received, classified, rejected, resolved_on_time, resolved_late, not_fixed, returned, reopened,
                       ratings, rating_sum, satisfied, published, handled, wall_ms::text FROM kpi_daily_rollups
                 WHERE tenant_id = $1 AND received <> 0 ORDER BY dim, day, key, is_public`, [tenantId]);

const RESOLVED_FACTS = `standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND resolved_at IS NOT NULL AND handling_minutes IS NOT NULL`;
/** Both handling histograms as kept by the triggers, and as counted afresh from the facts; returns how many cells they hold. */
async function expectHistogramsAgree(tenantId: string): Promise<number> {
  const daily = await tdb.db.query(`SELECT day::text, is_public, bucket, n FROM kpi_daily_handling WHERE tenant_id = $1 AND n <> 0 ORDER BY 1, 2, 3`, [tenantId]);
  expect(daily).toEqual(await tdb.db.query(
    `SELECT day::text, is_public, kpi_handling_bucket(handling_minutes) AS bucket, count(*)::int AS n FROM kpi_report_facts
      WHERE tenant_id = $1 AND ${RESOLVED_FACTS} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`, [tenantId]));
  const monthly = await tdb.db.query(`SELECT month::text, dim, key, is_public, bucket, n FROM kpi_monthly_handling WHERE tenant_id = $1 AND n <> 0 ORDER BY 1, 2, 3, 4, 5`, [tenantId]);
  expect(monthly).toEqual(await tdb.db.query(
    `SELECT date_trunc('month', f.day)::date::text AS month, d.dim, d.key, f.is_public, kpi_handling_bucket(f.handling_minutes) AS bucket, count(*)::int AS n
       FROM kpi_report_facts f CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
      WHERE f.tenant_id = $1 AND ${RESOLVED_FACTS} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`, [tenantId]));
  return daily.length;
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, START);
  t = await createFixtureTenant(ctx, 'kpi-rollups', 'KR');
});
afterAll(async () => tdb?.close());

describe('KPI rollups', () => {
  it('equal the figures recomputed from the reports after random legal changes, at several instants, and after a rebuild', async () => {
    const reports = fc.sample(fc.array(reportArb, { minLength: 10, maxLength: 10 }), { numRuns: 1, seed: Number(process.env.KPI_SEED ?? 21) })[0]!;
    for (const r of reports) await play(r);
    const [{ n }] = (await tdb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE tenant_id = $1`, [t.tenantId])) as [{ n: number }];
    expect(n).toBe(10);
    await expectRollupsAgree(t.tenantId, new Date(START.getTime() + 45 * DAY));
    expect(await expectHistogramsAgree(t.tenantId)).toBeGreaterThan(0);
    // The walk reached every kind of figure (or the comparison proves little).
    const [total] = await reportKpis(ctx, t.tenantId, { ...WHOLE, includePrivate: true });
    expect(total).toMatchObject({ received: 10 });
    for (const figure of ['rejected', 'resolved', 'notFixed', 'open', 'returned', 'ratings', 'published'] as const) expect(total![figure], figure).toBeGreaterThan(0);
    // Later, more open reports are overdue; a category made private moves its reports out of the public figures.
    await withTenant(ctx.db, t.tenantId, (tx) => tx.category.update({ where: { id: t.roadsCategoryId }, data: { isPublic: false } }));
    await expectRollupsAgree(t.tenantId, new Date(START.getTime() + 120 * DAY), [WHOLE]);
    const cells = await expectHistogramsAgree(t.tenantId);
    const before = await rollupTable(t.tenantId);
    expect(before.length).toBeGreaterThan(0);
    // A rebuild counts the histograms afresh: the same cells (none damaged by it, none left over).
    expect(await tdb.db.query(`UPDATE kpi_daily_handling SET n = n + 5 WHERE tenant_id = $1 AND n <> 0 RETURNING 1`, [t.tenantId])).toHaveLength(cells);
    expect(await rebuildKpiRollups(ctx, t.tenantId)).toMatchObject({ reports: 10 });
    expect(await rollupTable(t.tenantId)).toEqual(before);
    expect(await expectHistogramsAgree(t.tenantId)).toBe(cells);
  }, 120_000);

  it('follow the reports of a merged tenant', async () => {
    const other = await createFixtureTenant(ctx, 'kpi-rollups-other', 'KQ');
    const saved = t;
    t = other;
    const reports = fc.sample(fc.array(reportArb, { minLength: 4, maxLength: 4 }), { numRuns: 1, seed: 7 })[0]!;
    for (const r of reports) await play(r);
    t = saved;
    await mergeTenants(ctx, { from: 'kpi-rollups-other', into: 'kpi-rollups' }, 'cli');
    expect(await rollupTable(other.tenantId)).toEqual([]);
    await expectRollupsAgree(t.tenantId, new Date(START.getTime() + 60 * DAY), [WHOLE]);
    expect(await expectHistogramsAgree(other.tenantId)).toBe(0);
    expect(await expectHistogramsAgree(t.tenantId)).toBeGreaterThan(0);
  }, 60_000);
});
