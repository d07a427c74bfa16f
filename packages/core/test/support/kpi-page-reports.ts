import { withTenant, type CoreContext } from '@paht/core';
import type { FixtureTenant } from './fixture-tenant.js';

// Reports for the tests of a page's KPI reads (issue 13), written straight
// into the table (the KPI triggers run as for any change).

/**
 * `n` reports from 2026-02-20 over five months, of both units, both categories
 * and none, every status: answered, rejected, and open with stage deadlines
 * from 20 days before `now` to 20 days after (or none).
 */
export async function insertPageReports(ctx: CoreContext, f: FixtureTenant, prefix: string, n: number, now: Date): Promise<void> {
  await withTenant(ctx.db, f.tenantId, (tx) => tx.$executeRawUnsafe(`
    INSERT INTO reports (tenant_id, tracking_code, secret_hash, title, description, category_id, unit_id, status, channel, visibility,
                         area_code, submitted_at, updated_at, due_at, answer_due_at, resolved_at, resolved_on_time, resolution_outcome, rating)
    SELECT $1::uuid, '${prefix}-' || g.i, 'x', 'Đèn đường hỏng', 'Nội dung',
           CASE g.i % 5 WHEN 0 THEN NULL WHEN 1 THEN $2::uuid ELSE $3::uuid END,
           CASE g.i % 3 WHEN 0 THEN NULL WHEN 1 THEN $4::uuid ELSE $5::uuid END, s.status::"ReportStatus",
           (ARRAY['APP', 'WEB', 'ZALO']::"Channel"[])[1 + g.i % 3], (CASE WHEN g.i % 11 = 0 THEN 'PRIVATE' ELSE 'PUBLIC' END)::"Visibility",
           (19000 + g.i % 4)::text, g.at, g.at + interval '1 hour',
           CASE WHEN g.i % 17 = 0 THEN NULL ELSE timestamptz '${now.toISOString()}' + make_interval(hours => (g.i * 37) % 960 - 480) END,
           g.at + interval '10 days',
           CASE WHEN s.answered THEN g.at + make_interval(mins => (g.i * 7919) % 40000) END, CASE WHEN s.answered THEN g.i % 4 <> 0 END,
           (CASE WHEN s.answered THEN CASE WHEN g.i % 23 = 0 THEN 'NOT_FIXED' ELSE 'FIXED' END END)::"ResolutionOutcome",
           CASE WHEN s.answered AND g.i % 2 = 0 THEN 1 + g.i % 5 END
      FROM (SELECT i, timestamptz '2026-02-20T01:00:00Z' + make_interval(secs => (i * 104729 % 240) * 54000 + (i % 13) * 977) FROM generate_series(1, ${n}) i) g(i, at)
     CROSS JOIN LATERAL (SELECT (ARRAY['SUBMITTED', 'CLASSIFIED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'REJECTED',
                                       'RESOLVED', 'PUBLISHED', 'CLOSED', 'CLOSED', 'RESOLVED'])[1 + g.i % 12] AS status) s0
     CROSS JOIN LATERAL (SELECT s0.status, s0.status IN ('RESOLVED', 'PUBLISHED', 'CLOSED') AS answered) s`,
    f.tenantId, f.roadsCategoryId, f.misconductCategoryId, f.roadsUnitId, f.wardUnitId));
}
