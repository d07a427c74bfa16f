import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeReportKpis, reportKpis, withTenant } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

/**
 * Concurrent changes to reports of the same day (migration 0022: a report's
 * old and new rollup rows are written in one statement, in key order) do not
 * deadlock: parallel transactions move reports between two units and two
 * categories in opposite directions, each through the triggers, and every
 * one commits; the rollups then still equal the recomputation. Nor do
 * changes to several reports in one transaction (migration 0024: their facts
 * locked in id order, their rollup rows written in one statement):
 * categories made private and public again in parallel, whose reports cover
 * the same days in opposite orders, while their reports are rated one by one
 * in the other order. On PGlite (one connection) the transactions run one
 * after the other.
 */

const NOW = new Date('2026-05-20T03:00:00Z');
const REPORTS = 8;
const ROUNDS = 12;
/** Categories changed in parallel (half of them with their reports stored in the other order), the days of May their reports cover (one a day), and how often each changes. */
const CATEGORIES = 4;
const DAYS = 16;
const TOGGLES = 6;

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let ids: string[];

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, NOW);
  t = await createFixtureTenant(ctx, 'kpi-rollup-locks', 'KL');
  ids = await withTenant(ctx.db, t.tenantId, async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility,
                            area_code, submitted_at, updated_at, resolved_at, resolved_on_time, resolution_outcome)
       SELECT $1::uuid, 'KL-' || i, 'x', 'Ổ gà', 'Nội dung', $2::uuid, $3::uuid, 'RESOLVED', 'WEB', 'PUBLIC', '19000',
              timestamptz '2026-05-04T02:00:00Z' + make_interval(mins => i), timestamptz '2026-05-05T02:00:00Z', timestamptz '2026-05-05T02:00:00Z' + make_interval(hours => i), true, 'FIXED'
         FROM generate_series(1, ${REPORTS}) i RETURNING id::text AS id`,
      t.tenantId, t.roadsCategoryId, t.roadsUnitId,
    );
    return rows.map((r) => r.id);
  });
});
afterAll(async () => tdb?.close());

describe('KPI rollups under concurrent changes', () => {
  it('let parallel transactions move reports of the same day between units and categories in opposite directions without deadlock', async () => {
    const units = [t.roadsUnitId, t.wardUnitId];
    const categories = [t.roadsCategoryId, t.misconductCategoryId];
    const failures: unknown[] = [];
    await Promise.all(
      ids.map(async (id, worker) => {
        for (let round = 0; round < ROUNDS; round++) {
          // Half the workers move one way while the other half move the other way.
          const side = (round + worker) % 2;
          try {
            await withTenant(ctx.db, t.tenantId, (tx) =>
              tx.$executeRaw`UPDATE reports SET unit_id = ${units[side]}::uuid, category_id = ${categories[1 - side]}::uuid, rating = ${1 + ((round + worker) % 5)}
                              WHERE id = ${id}::uuid`,
            );
          } catch (error) {
            failures.push(error);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
    for (const groupBy of ['TENANT', 'UNIT', 'CATEGORY'] as const) {
      const query = { from: '2026-05-01', to: '2026-05-31', groupBy, includePrivate: true };
      expect(await reportKpis(ctx, t.tenantId, query)).toEqual(await recomputeReportKpis(ctx, t.tenantId, query));
    }
  }, 60_000);

  it('let parallel transactions change several reports each, over the same days in opposite orders, without deadlock', async () => {
    // Categories with a report a day, half of them stored from the 1st on, the others from the last day back (a category's
    // reports are refreshed in the order they are stored: the 0018 triggers took the days in opposite orders).
    const insert = (categoryId: string, prefix: string, order: 'ASC' | 'DESC') =>
      withTenant(ctx.db, t.tenantId, async (tx) =>
        (await tx.$queryRawUnsafe<{ id: string }[]>(
          `INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility,
                                area_code, submitted_at, updated_at, resolved_at, resolved_on_time, resolution_outcome)
           SELECT $1::uuid, $4 || i, 'x', 'Ổ gà', 'Nội dung', $2::uuid, $3::uuid, 'PUBLISHED', 'WEB', 'PUBLIC', '19000',
                  timestamptz '2026-05-01T02:00:00Z' + make_interval(days => i - 1), timestamptz '2026-05-20T02:00:00Z',
                  timestamptz '2026-05-01T08:00:00Z' + make_interval(days => i - 1), true, 'FIXED'
             FROM (SELECT i FROM generate_series(1, ${DAYS}) i ORDER BY i ${order}) d RETURNING id::text AS id`,
          t.tenantId, categoryId, t.roadsUnitId, prefix,
        )).map((r) => r.id),
      );
    const categories = await withTenant(ctx.db, t.tenantId, async (tx) => {
      const roads = await tx.category.findUniqueOrThrow({ where: { id: t.roadsCategoryId } });
      const made = [];
      for (let i = 0; i < CATEGORIES; i++) {
        const code = `KL_${i}`;
        made.push((await tx.category.create({ data: { tenantId: t.tenantId, code, name: code, nameEn: code, isPublic: true, defaultUnitId: t.roadsUnitId, slaPolicyId: roads.slaPolicyId } })).id);
      }
      return made;
    });
    const stored = [];
    for (const [i, id] of categories.entries()) stored.push(await insert(id, `KL${i}-`, i % 2 === 0 ? 'ASC' : 'DESC'));
    const rated = stored[0]!;
    const failures: unknown[] = [];
    const attempt = async (change: () => Promise<unknown>) => {
      try {
        await change();
      } catch (error) {
        failures.push(error);
      }
    };
    const toggle = async (categoryId: string) => {
      for (let round = 0; round < TOGGLES; round++) {
        await attempt(() => withTenant(ctx.db, t.tenantId, (tx) => tx.$executeRaw`UPDATE categories SET is_public = NOT is_public WHERE id = ${categoryId}::uuid`));
      }
    };
    const rate = async () => {
      for (let round = 0; round < 2; round++) {
        for (const id of [...rated].reverse()) {
          await attempt(() => withTenant(ctx.db, t.tenantId, (tx) => tx.$executeRaw`UPDATE reports SET rating = ${1 + (round % 5)} WHERE id = ${id}::uuid`));
        }
      }
    };
    await Promise.all([...categories.map(toggle), rate()]);
    expect(failures).toEqual([]);
    for (const groupBy of ['TENANT', 'UNIT', 'CATEGORY'] as const) {
      for (const includePrivate of [true, false]) {
        const query = { from: '2026-05-01', to: '2026-05-31', groupBy, includePrivate };
        expect(await reportKpis(ctx, t.tenantId, query)).toEqual(await recomputeReportKpis(ctx, t.tenantId, query));
      }
    }
  }, 60_000);
});
