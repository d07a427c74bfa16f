-- Changes to several reports in one transaction take their KPI locks in one
-- order (issue #13; docs/kpis.md, "Concurrent changes"). Migration 0022 wrote
-- one report's old and new rollup rows in one statement, in key order; a
-- change to many reports (a category made private or public refreshes all of
-- its reports) still refreshed them one after the other, each taking its own
-- rollup rows: two such changes whose reports share days, units or areas in
-- the other order, or one of them and a step of one of its reports, waited on
-- each other (deadlock). Now:
--
-- 1. facts are locked in report id order before any rollup row, by whoever
--    changes several of them (several reports' refresh, a rebuild, a
--    calendar or office-hours change clearing handling times);
-- 2. the rollup rows of all the reports refreshed together are written in
--    one statement, in key order (as 0022 did for one report);
-- 3. the facts then change in one statement per kind (update, insert,
--    delete), whose trigger writes the handling counts in key order (0022).
--
-- A transaction that changes several reports in several statements of its
-- own (none in core today) must still take them in id order itself.

-- The daily rollup rows of any number of reports' old facts taken away and new ones added, in one statement, in key order.
CREATE FUNCTION kpi_rollups_apply(olds "kpi_report_facts"[], news "kpi_report_facts"[]) RETURNS void
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
    CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
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

-- Brings several reports' facts and rollups up to date together: their facts locked in id order, then
-- one rollup statement for all of them, then one statement per kind of fact change (nothing written for
-- a report whose facts did not change). Handling times are kept while a report's instants stay (0018).
CREATE FUNCTION kpi_refresh_reports(p_reports uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  rid uuid;
  old_f kpi_report_facts;
  new_f kpi_report_facts;
  olds kpi_report_facts[] := '{}';
  news kpi_report_facts[] := '{}';
  updated uuid[] := '{}';
  inserted uuid[] := '{}';
  deleted uuid[] := '{}';
BEGIN
  PERFORM 1 FROM kpi_report_facts WHERE report_id = ANY (p_reports) ORDER BY report_id FOR UPDATE;
  FOR rid IN SELECT DISTINCT r FROM unnest(p_reports) AS r WHERE r IS NOT NULL ORDER BY r LOOP
    old_f := NULL;
    new_f := NULL;
    SELECT * INTO old_f FROM kpi_report_facts WHERE report_id = rid;
    SELECT * INTO new_f FROM kpi_fact_source WHERE report_id = rid;
    IF old_f.report_id IS NOT NULL AND new_f.report_id IS NOT NULL
       AND old_f.tenant_id = new_f.tenant_id AND old_f.submitted_at = new_f.submitted_at
       AND old_f.resolved_at IS NOT DISTINCT FROM new_f.resolved_at THEN
      new_f.handling_minutes := old_f.handling_minutes;
      new_f.handling_bucket := old_f.handling_bucket;
    END IF;
    CONTINUE WHEN old_f IS NOT DISTINCT FROM new_f;
    IF old_f.report_id IS NOT NULL THEN
      olds := olds || old_f;
    END IF;
    IF new_f.report_id IS NOT NULL THEN
      news := news || new_f;
    END IF;
    IF old_f.report_id IS NULL THEN
      inserted := inserted || rid;
    ELSIF new_f.report_id IS NULL THEN
      deleted := deleted || rid;
    ELSE
      updated := updated || rid;
    END IF;
  END LOOP;
  IF cardinality(olds) = 0 AND cardinality(news) = 0 THEN
    RETURN;
  END IF;
  PERFORM kpi_rollups_apply(olds, news);
  IF cardinality(updated) > 0 THEN
    UPDATE kpi_report_facts f SET tenant_id = n.tenant_id, day = n.day, submitted_at = n.submitted_at, resolved_at = n.resolved_at,
           unit_key = n.unit_key, category_key = n.category_key, area_key = n.area_key, channel = n.channel,
           is_public = n.is_public, standing = n.standing, classified = n.classified, returned = n.returned,
           reopened = n.reopened, published = n.published, rating = n.rating, handling_minutes = n.handling_minutes
      FROM unnest(news) n
     WHERE f.report_id = n.report_id AND n.report_id = ANY (updated);
  END IF;
  IF cardinality(inserted) > 0 THEN
    INSERT INTO kpi_report_facts SELECT n.* FROM unnest(news) n WHERE n.report_id = ANY (inserted) ORDER BY n.report_id;
  END IF;
  IF cardinality(deleted) > 0 THEN
    DELETE FROM kpi_report_facts WHERE report_id = ANY (deleted);
  END IF;
END
$$;

-- One report: the same path (its rollup rows in one statement, in key order, as in 0022).
CREATE OR REPLACE FUNCTION kpi_refresh_report(p_report uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM kpi_refresh_reports(ARRAY[p_report]);
END
$$;

-- A category made private or public: all its reports refreshed together.
CREATE OR REPLACE FUNCTION kpi_category_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT kpi_deferred() THEN
    PERFORM kpi_refresh_reports(ARRAY(SELECT id FROM reports WHERE category_id = NEW.id));
  END IF;
  RETURN NULL;
END
$$;

-- A new time zone (a rebuild) or new office hours: the tenant's facts locked in id order first.
CREATE OR REPLACE FUNCTION kpi_tenant_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF kpi_deferred() THEN
    RETURN NULL;
  END IF;
  IF OLD.timezone IS DISTINCT FROM NEW.timezone THEN
    PERFORM kpi_rebuild(NEW.id);
  END IF;
  PERFORM 1 FROM kpi_report_facts WHERE tenant_id = NEW.id AND handling_minutes IS NOT NULL ORDER BY report_id FOR UPDATE;
  UPDATE kpi_report_facts SET handling_minutes = NULL WHERE tenant_id = NEW.id AND handling_minutes IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION kpi_calendar_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  t uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
BEGIN
  IF NOT kpi_deferred() THEN
    PERFORM 1 FROM kpi_report_facts WHERE tenant_id = t AND handling_minutes IS NOT NULL ORDER BY report_id FOR UPDATE;
    UPDATE kpi_report_facts SET handling_minutes = NULL WHERE tenant_id = t AND handling_minutes IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;

-- A rebuild (rebuildKpiRollups, a tenant merge, a new time zone): the tenant's facts locked in id order first.
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
END
$$;
