import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeReportKpis, reportKpis, withTenant } from '@paht/core';
import { createFixtureTenant, type FixtureTenant } from '../support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../support/test-database.js';

/**
 * Concurrent changes to reports of the same day (migration 0022: a report's
 * old and new rollup rows are written in one statement, in key order) do not
 * deadlock: parallel transactions move reports between two units and two
 * categories in opposite directions, each through the triggers, and every
 * one commits; the rollups then still equal the recomputation. On PGlite
 * (one connection) the transactions run one after the other.
 */

const NOW = new Date('2026-05-20T03:00:00Z');
const REPORTS = 8;
const ROUNDS = 12;

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
});
