-- The handling times of the whole tenant per local day (issue #13; docs/kpis.md,
-- "How they are computed"). Migration 0022 located the exact medians in a
-- monthly histogram per dimension and key, and counted the resolved facts
-- themselves for the days a period does not hold whole: every fact of the
-- period for the groupings by day or week, and for periods of under a month
-- (the leader overview's 30 days). kpi_daily_handling counts the resolved
-- facts per tenant, local day, public flag and bucket of handling time (no
-- dimension, no key): the tenant's groupings (the tenant and the periods) read
-- it for those days, about a hundred cells a day instead of every fact. The
-- exact values are still read inside one bucket per rank (0022's index).

CREATE TABLE "kpi_daily_handling" (
    "tenant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "is_public" BOOLEAN NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "kpi_daily_handling_pkey" PRIMARY KEY ("tenant_id", "day", "is_public", "bucket")
);
GRANT SELECT, INSERT, UPDATE, DELETE ON "kpi_daily_handling" TO paht_app;
ALTER TABLE "kpi_daily_handling" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "kpi_daily_handling" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kpi_daily_handling"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY tenant_merge ON "kpi_daily_handling" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');

-- Both histograms kept by the statement triggers of migration 0022 on the facts, whatever changes them: the
-- monthly rows then the daily rows, each in key order, so that concurrent writers still lock rows in one
-- order (migration 0024: facts in report id order first, then rollup rows, then histogram rows).
CREATE OR REPLACE FUNCTION kpi_facts_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS s FROM new_facts n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS s FROM old_facts o'
    ELSE 'SELECT n.*, 1 AS s FROM new_facts n UNION ALL SELECT o.*, -1 AS s FROM old_facts o'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO kpi_monthly_handling AS h (tenant_id, month, dim, key, is_public, bucket, n)
    SELECT f.tenant_id, date_trunc('month', f.day)::date, d.dim, d.key, f.is_public, f.handling_bucket, sum(f.s)::int
      FROM (%s) f
      CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
     WHERE f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(f.s) <> 0
     ORDER BY 1, 3, 2, 4, 5, 6
    ON CONFLICT (tenant_id, dim, month, key, is_public, bucket) DO UPDATE SET n = h.n + EXCLUDED.n$q$, changed);
  EXECUTE format($q$
    INSERT INTO kpi_daily_handling AS h (tenant_id, day, is_public, bucket, n)
    SELECT f.tenant_id, f.day, f.is_public, f.handling_bucket, sum(f.s)::int
      FROM (%s) f
     WHERE f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
     GROUP BY 1, 2, 3, 4
    HAVING sum(f.s) <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, day, is_public, bucket) DO UPDATE SET n = h.n + EXCLUDED.n$q$, changed);
  RETURN NULL;
END
$$;

-- A tenant's handling histograms counted afresh from its facts, in key order (a rebuild, and the facts that
-- exist already below). Empty rows (n = 0, left behind by the triggers) go too.
CREATE FUNCTION kpi_recount_handling(p_tenant uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM 1 FROM kpi_monthly_handling WHERE tenant_id = p_tenant ORDER BY tenant_id, dim, month, key, is_public, bucket FOR UPDATE;
  DELETE FROM kpi_monthly_handling WHERE tenant_id = p_tenant;
  INSERT INTO kpi_monthly_handling (tenant_id, month, dim, key, is_public, bucket, n)
  SELECT f.tenant_id, date_trunc('month', f.day)::date, d.dim, d.key, f.is_public, f.handling_bucket, count(*)
    FROM kpi_report_facts f
    CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
   WHERE f.tenant_id = p_tenant AND f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 3, 2, 4, 5, 6;
  PERFORM 1 FROM kpi_daily_handling WHERE tenant_id = p_tenant ORDER BY tenant_id, day, is_public, bucket FOR UPDATE;
  DELETE FROM kpi_daily_handling WHERE tenant_id = p_tenant;
  INSERT INTO kpi_daily_handling (tenant_id, day, is_public, bucket, n)
  SELECT f.tenant_id, f.day, f.is_public, f.handling_bucket, count(*)
    FROM kpi_report_facts f
   WHERE f.tenant_id = p_tenant AND f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4;
END
$$;

-- A rebuild (rebuildKpiRollups, a tenant merge, a new time zone): as in migration 0024, then both handling
-- histograms counted afresh from the rebuilt facts (the triggers kept them while the facts changed; the
-- recount also repairs them).
CREATE OR REPLACE FUNCTION kpi_rebuild(p_tenant uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM 1 FROM kpi_report_facts WHERE tenant_id = p_tenant ORDER BY report_id FOR UPDATE;
  DELETE FROM kpi_report_facts f WHERE f.tenant_id = p_tenant
     AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = f.report_id AND r.tenant_id = p_tenant);
  INSERT INTO kpi_report_facts AS f SELECT * FROM kpi_fact_source s WHERE s.tenant_id = p_tenant
  ON CONFLICT (report_id) DO UPDATE SET
    handling_minutes = CASE WHEN f.tenant_id = EXCLUDED.tenant_id AND f.submitted_at = EXCLUDED.submitted_at
                             AND f.resolved_at IS NOT DISTINCT FROM EXCLUDED.resolved_at THEN f.handling_minutes END,
    tenant_id = EXCLUDED.tenant_id, day = EXCLUDED.day, submitted_at = EXCLUDED.submitted_at, resolved_at = EXCLUDED.resolved_at,
    unit_key = EXCLUDED.unit_key, category_key = EXCLUDED.category_key, area_key = EXCLUDED.area_key, channel = EXCLUDED.channel,
    is_public = EXCLUDED.is_public, standing = EXCLUDED.standing, classified = EXCLUDED.classified, returned = EXCLUDED.returned,
    reopened = EXCLUDED.reopened, published = EXCLUDED.published, rating = EXCLUDED.rating;
  DELETE FROM kpi_daily_rollups WHERE tenant_id = p_tenant;
  INSERT INTO kpi_daily_rollups (tenant_id, day, dim, key, is_public, received, classified, rejected, resolved_on_time, resolved_late,
                                 not_fixed, returned, reopened, ratings, rating_sum, satisfied, published, handled, wall_ms)
  SELECT f.tenant_id, f.day, d.dim, d.key, f.is_public, count(*),
         count(*) FILTER (WHERE f.classified), count(*) FILTER (WHERE f.standing = 'REJECTED'),
         count(*) FILTER (WHERE f.standing = 'RESOLVED_ON_TIME'), count(*) FILTER (WHERE f.standing = 'RESOLVED_LATE'),
         count(*) FILTER (WHERE f.standing = 'NOT_FIXED'), count(*) FILTER (WHERE f.returned), count(*) FILTER (WHERE f.reopened),
         count(f.rating), COALESCE(sum(f.rating), 0), count(*) FILTER (WHERE f.rating >= 4), count(*) FILTER (WHERE f.published),
         count(*) FILTER (WHERE f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL),
         COALESCE(sum(round(extract(epoch FROM f.resolved_at - f.submitted_at) * 1000)::bigint)
                    FILTER (WHERE f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL), 0)
    FROM kpi_report_facts f
    CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
   WHERE f.tenant_id = p_tenant
   GROUP BY f.tenant_id, f.day, d.dim, d.key, f.is_public;
  PERFORM kpi_recount_handling(p_tenant);
END
$$;

-- Facts that exist already.
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    PERFORM kpi_recount_handling(t);
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
