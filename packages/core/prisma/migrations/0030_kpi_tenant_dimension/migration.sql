-- The whole tenant as a dimension of its own, in the daily rollups and the
-- monthly handling histogram (issue #13; docs/kpis.md, "How they are computed"). kpi_monthly_handling counted the resolved facts per
-- month only per unit, category, area and channel: the tenant's own groupings
-- (the tenant, months, quarters, years) added up the channels, eight rows per
-- month and bucket (about 5,000 rows for a year to date at a million reports).
-- Now also dimension T with the key '' (the whole tenant): one row per month,
-- public flag and bucket. Kept by the same statement trigger on the facts and
-- counted afresh by kpi_recount_handling (so by kpi_rebuild), in the same key
-- order as before (tenant, dimension, month, key, ...: T sorts after the others,
-- within the monthly rows, before the daily ones), so the lock order of
-- migration 0024 holds.

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
      CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
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
-- exist already below), the tenant's own monthly rows (dimension T) included.
CREATE OR REPLACE FUNCTION kpi_recount_handling(p_tenant uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM 1 FROM kpi_monthly_handling WHERE tenant_id = p_tenant ORDER BY tenant_id, dim, month, key, is_public, bucket FOR UPDATE;
  DELETE FROM kpi_monthly_handling WHERE tenant_id = p_tenant;
  INSERT INTO kpi_monthly_handling (tenant_id, month, dim, key, is_public, bucket, n)
  SELECT f.tenant_id, date_trunc('month', f.day)::date, d.dim, d.key, f.is_public, f.handling_bucket, count(*)
    FROM kpi_report_facts f
    CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
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

-- The tenant rows for the facts that exist already: the tenant's channel rows added up (they count every
-- resolved fact once), without reading the facts; tenant by tenant (row-level security, as in 0025).
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    INSERT INTO kpi_monthly_handling (tenant_id, month, dim, key, is_public, bucket, n)
    SELECT tenant_id, month, 'T', '', is_public, bucket, sum(n)::int
      FROM kpi_monthly_handling
     WHERE tenant_id = t AND dim = 'H'
     GROUP BY tenant_id, month, is_public, bucket
    HAVING sum(n) <> 0
     ORDER BY 1, 2, 5, 6;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;

-- The daily rollups get the same tenant rows (dimension T, key ''): the tenant's own groupings read one row per
-- day and public flag instead of adding up its eight channels. Written by the same statement as the other
-- dimensions, in the same key order (tenant, dimension, day, key, public flag), so the lock order holds.
CREATE OR REPLACE FUNCTION kpi_rollups_apply(olds "kpi_report_facts"[], news "kpi_report_facts"[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  INSERT INTO kpi_daily_rollups AS k (tenant_id, day, dim, key, is_public, received, classified, rejected, resolved_on_time, resolved_late,
                                      not_fixed, returned, reopened, ratings, rating_sum, satisfied, published, handled, wall_ms)
  SELECT f.tenant_id, f.day, d.dim, d.key, f.is_public, sum(f.s),
         sum(CASE WHEN f.classified THEN f.s ELSE 0 END),
         sum(CASE WHEN f.standing = 'REJECTED' THEN f.s ELSE 0 END),
         sum(CASE WHEN f.standing = 'RESOLVED_ON_TIME' THEN f.s ELSE 0 END),
         sum(CASE WHEN f.standing = 'RESOLVED_LATE' THEN f.s ELSE 0 END),
         sum(CASE WHEN f.standing = 'NOT_FIXED' THEN f.s ELSE 0 END),
         sum(CASE WHEN f.returned THEN f.s ELSE 0 END),
         sum(CASE WHEN f.reopened THEN f.s ELSE 0 END),
         sum(CASE WHEN f.rating IS NOT NULL THEN f.s ELSE 0 END),
         sum(COALESCE(f.rating, 0) * f.s),
         sum(CASE WHEN f.rating >= 4 THEN f.s ELSE 0 END),
         sum(CASE WHEN f.published THEN f.s ELSE 0 END),
         sum(CASE WHEN f.handled THEN f.s ELSE 0 END),
         sum(CASE WHEN f.handled THEN f.s * round(extract(epoch FROM f.resolved_at - f.submitted_at) * 1000)::bigint ELSE 0 END)
    FROM (SELECT o.*, -1 AS s, o.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND o.resolved_at IS NOT NULL AS handled
            FROM unnest(olds) o
          UNION ALL
          SELECT n.*, 1 AS s, n.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND n.resolved_at IS NOT NULL AS handled
            FROM unnest(news) n) f
    CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
   GROUP BY f.tenant_id, d.dim, f.day, d.key, f.is_public
   ORDER BY f.tenant_id, d.dim, f.day, d.key, f.is_public
  ON CONFLICT (tenant_id, dim, day, key, is_public) DO UPDATE SET
    received = k.received + EXCLUDED.received, classified = k.classified + EXCLUDED.classified, rejected = k.rejected + EXCLUDED.rejected,
    resolved_on_time = k.resolved_on_time + EXCLUDED.resolved_on_time, resolved_late = k.resolved_late + EXCLUDED.resolved_late,
    not_fixed = k.not_fixed + EXCLUDED.not_fixed, returned = k.returned + EXCLUDED.returned, reopened = k.reopened + EXCLUDED.reopened,
    ratings = k.ratings + EXCLUDED.ratings, rating_sum = k.rating_sum + EXCLUDED.rating_sum, satisfied = k.satisfied + EXCLUDED.satisfied,
    published = k.published + EXCLUDED.published, handled = k.handled + EXCLUDED.handled, wall_ms = k.wall_ms + EXCLUDED.wall_ms;
END
$$;

-- A rebuild: as in migration 0025, the rollups with the tenant rows.
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
    CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
   WHERE f.tenant_id = p_tenant
   GROUP BY f.tenant_id, f.day, d.dim, d.key, f.is_public;
  PERFORM kpi_recount_handling(p_tenant);
END
$$;

-- The tenant rows of the rollups that exist already: their channel rows added up, tenant by tenant.
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    INSERT INTO kpi_daily_rollups (tenant_id, day, dim, key, is_public, received, classified, rejected, resolved_on_time, resolved_late,
                                   not_fixed, returned, reopened, ratings, rating_sum, satisfied, published, handled, wall_ms)
    SELECT tenant_id, day, 'T', '', is_public, sum(received), sum(classified), sum(rejected), sum(resolved_on_time), sum(resolved_late),
           sum(not_fixed), sum(returned), sum(reopened), sum(ratings), sum(rating_sum), sum(satisfied), sum(published), sum(handled), sum(wall_ms)
      FROM kpi_daily_rollups
     WHERE tenant_id = t AND dim = 'H'
     GROUP BY tenant_id, day, is_public
     ORDER BY 1, 2, 5;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
