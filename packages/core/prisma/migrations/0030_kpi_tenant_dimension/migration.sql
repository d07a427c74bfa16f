-- The whole tenant as a dimension of its own, in the daily rollups and the
-- monthly handling histogram (issue #13; docs/kpis.md, "How they are computed").
-- kpi_monthly_handling counted the resolved facts per month only per unit,
-- category, area and channel, and kpi_daily_rollups its counts per day likewise:
-- the tenant's own groupings (the tenant, days, weeks, months, quarters, years)
-- added up the channels, eight rows per day or per month and bucket (about
-- 5,000 rows for a year to date at a million reports). Now also dimension T
-- with the key '' (the whole tenant): one row per day (or month and bucket)
-- and public flag, summed over its slots like every other row.
--
-- Built on migration 0027 (spill slots, the tenant's KPI lock): the functions
-- replaced here are 0027's with the T rows added, nothing taken away.
-- - kpi_rollups_apply and kpi_facts_changed write the T rows in the same
--   statement as the other dimensions, slot 0 or this transaction's spill row
--   (kpi_spill_slot()) exactly as the other rows: the T row of a day is the one
--   every change of the tenant that day shares, so it is the one that needs the
--   slots most. Same key order (tenant, dimension, day or month, key, ...; T
--   sorts between H and U), so the lock order of migrations 0024 and 0027 holds:
--   the tenant's KPI lock (shared, taken by the triggers before they call these),
--   then the facts in report id order, then the rollup rows in key order, then
--   the monthly histogram rows, then the daily ones, each in key order.
-- - kpi_facts_changed keeps 0027's early returns (an update that moves no
--   fact between cells plans nothing; the T cell moves only if another does).
-- - kpi_rollups_apply keeps plan_cache_mode = force_generic_plan (CREATE OR
--   REPLACE would otherwise drop it).
-- - The rebuild and the recount are 0027's wrappers (kpi_rebuild,
--   kpi_recount_handling: the tenant's lock exclusive first), unchanged; their
--   bodies (kpi_rebuild_body, kpi_recount_handling_body) count the T rows too,
--   into slot 0, after locking every slot of the tenant's rows.
-- - The fill of existing data adds up the tenant's channel rows over all their
--   slots into one slot-0 T row per cell.

-- The daily rollup rows of the facts taken away and added, the tenant rows (T, '') among them, in key order.
CREATE OR REPLACE FUNCTION kpi_rollups_apply(olds "kpi_report_facts"[], news "kpi_report_facts"[]) RETURNS void
  LANGUAGE plpgsql
  SET plan_cache_mode = force_generic_plan
  AS $$
BEGIN
  WITH d AS (
    SELECT f.tenant_id, f.day, d.dim, d.key, f.is_public, sum(f.s) AS received,
           sum(CASE WHEN f.classified THEN f.s ELSE 0 END) AS classified,
           sum(CASE WHEN f.standing = 'REJECTED' THEN f.s ELSE 0 END) AS rejected,
           sum(CASE WHEN f.standing = 'RESOLVED_ON_TIME' THEN f.s ELSE 0 END) AS resolved_on_time,
           sum(CASE WHEN f.standing = 'RESOLVED_LATE' THEN f.s ELSE 0 END) AS resolved_late,
           sum(CASE WHEN f.standing = 'NOT_FIXED' THEN f.s ELSE 0 END) AS not_fixed,
           sum(CASE WHEN f.returned THEN f.s ELSE 0 END) AS returned,
           sum(CASE WHEN f.reopened THEN f.s ELSE 0 END) AS reopened,
           sum(CASE WHEN f.rating IS NOT NULL THEN f.s ELSE 0 END) AS ratings,
           sum(COALESCE(f.rating, 0) * f.s) AS rating_sum,
           sum(CASE WHEN f.rating >= 4 THEN f.s ELSE 0 END) AS satisfied,
           sum(CASE WHEN f.published THEN f.s ELSE 0 END) AS published,
           sum(CASE WHEN f.handled THEN f.s ELSE 0 END) AS handled,
           sum(CASE WHEN f.handled THEN f.s * round(extract(epoch FROM f.resolved_at - f.submitted_at) * 1000)::bigint ELSE 0 END) AS wall_ms
      FROM (SELECT o.*, -1 AS s, o.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND o.resolved_at IS NOT NULL AS handled
              FROM unnest(olds) o
            UNION ALL
            SELECT n.*, 1 AS s, n.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND n.resolved_at IS NOT NULL AS handled
              FROM unnest(news) n) f
      CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
     GROUP BY f.tenant_id, d.dim, f.day, d.key, f.is_public)
  INSERT INTO kpi_daily_rollups AS k (tenant_id, day, dim, key, is_public, slot, received, classified, rejected, resolved_on_time, resolved_late,
                                      not_fixed, returned, reopened, ratings, rating_sum, satisfied, published, handled, wall_ms)
  SELECT d.tenant_id, d.day, d.dim, d.key, d.is_public,
         CASE WHEN EXISTS (SELECT 1 FROM kpi_daily_rollups m WHERE m.tenant_id = d.tenant_id AND m.dim = d.dim AND m.day = d.day AND m.key = d.key
                              AND m.is_public = d.is_public AND m.slot = 0 FOR UPDATE SKIP LOCKED) THEN 0
              WHEN EXISTS (SELECT 1 FROM kpi_daily_rollups m WHERE m.tenant_id = d.tenant_id AND m.dim = d.dim AND m.day = d.day AND m.key = d.key
                              AND m.is_public = d.is_public AND m.slot = 0) THEN kpi_spill_slot()
              ELSE 0 END,
         d.received, d.classified, d.rejected, d.resolved_on_time, d.resolved_late, d.not_fixed, d.returned, d.reopened,
         d.ratings, d.rating_sum, d.satisfied, d.published, d.handled, d.wall_ms
    FROM d
   ORDER BY d.tenant_id, d.dim, d.day, d.key, d.is_public
  ON CONFLICT (tenant_id, dim, day, key, is_public, slot) DO UPDATE SET
    received = k.received + EXCLUDED.received, classified = k.classified + EXCLUDED.classified, rejected = k.rejected + EXCLUDED.rejected,
    resolved_on_time = k.resolved_on_time + EXCLUDED.resolved_on_time, resolved_late = k.resolved_late + EXCLUDED.resolved_late,
    not_fixed = k.not_fixed + EXCLUDED.not_fixed, returned = k.returned + EXCLUDED.returned, reopened = k.reopened + EXCLUDED.reopened,
    ratings = k.ratings + EXCLUDED.ratings, rating_sum = k.rating_sum + EXCLUDED.rating_sum, satisfied = k.satisfied + EXCLUDED.satisfied,
    published = k.published + EXCLUDED.published, handled = k.handled + EXCLUDED.handled, wall_ms = k.wall_ms + EXCLUDED.wall_ms;
END
$$;

-- Both handling histograms from the facts a statement changed, the tenant's monthly rows (T, '') among them.
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
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_facts WHERE handling_minutes IS NOT NULL) THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_facts WHERE handling_minutes IS NOT NULL) THEN RETURN NULL; END IF;
  ELSIF NOT EXISTS (
      -- An update changes the histograms only if a fact's cell (or whether it counts) changed: not a rating, a publication.
      SELECT 1 FROM new_facts n FULL JOIN old_facts o ON o.report_id = n.report_id
       WHERE CASE WHEN n.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND n.resolved_at IS NOT NULL AND n.handling_minutes IS NOT NULL
                  THEN ROW(n.tenant_id, n.day, n.unit_key, n.category_key, n.area_key, n.channel, n.is_public, n.handling_bucket) END
             IS DISTINCT FROM
             CASE WHEN o.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND o.resolved_at IS NOT NULL AND o.handling_minutes IS NOT NULL
                  THEN ROW(o.tenant_id, o.day, o.unit_key, o.category_key, o.area_key, o.channel, o.is_public, o.handling_bucket) END) THEN
    RETURN NULL;
  END IF;
  EXECUTE format($q$
    WITH d AS (
      SELECT f.tenant_id, date_trunc('month', f.day)::date AS month, d.dim, d.key, f.is_public, f.handling_bucket AS bucket, sum(f.s)::int AS n
        FROM (%s) f
        CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
       WHERE f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.s) <> 0)
    INSERT INTO kpi_monthly_handling AS h (tenant_id, month, dim, key, is_public, bucket, slot, n)
    SELECT d.tenant_id, d.month, d.dim, d.key, d.is_public, d.bucket,
           CASE WHEN EXISTS (SELECT 1 FROM kpi_monthly_handling m WHERE m.tenant_id = d.tenant_id AND m.dim = d.dim AND m.month = d.month AND m.key = d.key
                                AND m.is_public = d.is_public AND m.bucket = d.bucket AND m.slot = 0 FOR UPDATE SKIP LOCKED) THEN 0
                WHEN EXISTS (SELECT 1 FROM kpi_monthly_handling m WHERE m.tenant_id = d.tenant_id AND m.dim = d.dim AND m.month = d.month AND m.key = d.key
                                AND m.is_public = d.is_public AND m.bucket = d.bucket AND m.slot = 0) THEN kpi_spill_slot()
                ELSE 0 END, d.n
      FROM d
     ORDER BY d.tenant_id, d.dim, d.month, d.key, d.is_public, d.bucket
    ON CONFLICT (tenant_id, dim, month, key, is_public, bucket, slot) DO UPDATE SET n = h.n + EXCLUDED.n$q$, changed);
  EXECUTE format($q$
    WITH d AS (
      SELECT f.tenant_id, f.day, f.is_public, f.handling_bucket AS bucket, sum(f.s)::int AS n
        FROM (%s) f
       WHERE f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
       GROUP BY 1, 2, 3, 4
      HAVING sum(f.s) <> 0)
    INSERT INTO kpi_daily_handling AS h (tenant_id, day, is_public, bucket, slot, n)
    SELECT d.tenant_id, d.day, d.is_public, d.bucket,
           CASE WHEN EXISTS (SELECT 1 FROM kpi_daily_handling m WHERE m.tenant_id = d.tenant_id AND m.day = d.day AND m.is_public = d.is_public
                                AND m.bucket = d.bucket AND m.slot = 0 FOR UPDATE SKIP LOCKED) THEN 0
                WHEN EXISTS (SELECT 1 FROM kpi_daily_handling m WHERE m.tenant_id = d.tenant_id AND m.day = d.day AND m.is_public = d.is_public
                                AND m.bucket = d.bucket AND m.slot = 0) THEN kpi_spill_slot()
                ELSE 0 END, d.n
      FROM d
     ORDER BY d.tenant_id, d.day, d.is_public, d.bucket
    ON CONFLICT (tenant_id, day, is_public, bucket, slot) DO UPDATE SET n = h.n + EXCLUDED.n$q$, changed);
  RETURN NULL;
END
$$;

-- A tenant's handling histograms counted afresh from its facts, in key order, the tenant's own monthly rows (T)
-- included; every slot of its rows locked in key order, then deleted: the counts go to slot 0. Called by
-- kpi_recount_handling (0027) after the tenant's lock, taken exclusive.
CREATE OR REPLACE FUNCTION kpi_recount_handling_body(p_tenant uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM 1 FROM kpi_monthly_handling WHERE tenant_id = p_tenant ORDER BY tenant_id, dim, month, key, is_public, bucket, slot FOR UPDATE;
  DELETE FROM kpi_monthly_handling WHERE tenant_id = p_tenant;
  INSERT INTO kpi_monthly_handling (tenant_id, month, dim, key, is_public, bucket, n)
  SELECT f.tenant_id, date_trunc('month', f.day)::date, d.dim, d.key, f.is_public, f.handling_bucket, count(*)
    FROM kpi_report_facts f
    CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel), ('T', '')) AS d(dim, key)
   WHERE f.tenant_id = p_tenant AND f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 3, 2, 4, 5, 6;
  PERFORM 1 FROM kpi_daily_handling WHERE tenant_id = p_tenant ORDER BY tenant_id, day, is_public, bucket, slot FOR UPDATE;
  DELETE FROM kpi_daily_handling WHERE tenant_id = p_tenant;
  INSERT INTO kpi_daily_handling (tenant_id, day, is_public, bucket, n)
  SELECT f.tenant_id, f.day, f.is_public, f.handling_bucket, count(*)
    FROM kpi_report_facts f
   WHERE f.tenant_id = p_tenant AND f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4;
END
$$;

-- A rebuild's body (0025's, called by kpi_rebuild after the tenant's lock, exclusive): the rollups with the
-- tenant rows, into slot 0 (the DELETE takes every slot).
CREATE OR REPLACE FUNCTION kpi_rebuild_body(p_tenant uuid) RETURNS void
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

-- The tenant rows for the facts that exist already: the tenant's channel rows added up over all their slots (they
-- count every resolved fact once), into slot 0, without reading the facts; tenant by tenant (row-level security, as in 0025).
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    INSERT INTO kpi_monthly_handling (tenant_id, month, dim, key, is_public, bucket, slot, n)
    SELECT tenant_id, month, 'T', '', is_public, bucket, 0, sum(n)::int
      FROM kpi_monthly_handling
     WHERE tenant_id = t AND dim = 'H'
     GROUP BY tenant_id, month, is_public, bucket
    HAVING sum(n) <> 0
     ORDER BY 1, 2, 5, 6;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;

-- The tenant rows of the rollups that exist already: their channel rows added up over all slots, into slot 0, tenant by tenant.
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    INSERT INTO kpi_daily_rollups (tenant_id, day, dim, key, is_public, slot, received, classified, rejected, resolved_on_time, resolved_late,
                                   not_fixed, returned, reopened, ratings, rating_sum, satisfied, published, handled, wall_ms)
    SELECT tenant_id, day, 'T', '', is_public, 0, sum(received), sum(classified), sum(rejected), sum(resolved_on_time), sum(resolved_late),
           sum(not_fixed), sum(returned), sum(reopened), sum(ratings), sum(rating_sum), sum(satisfied), sum(published), sum(handled), sum(wall_ms)
      FROM kpi_daily_rollups
     WHERE tenant_id = t AND dim = 'H'
     GROUP BY tenant_id, day, is_public
     ORDER BY 1, 2, 5;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
