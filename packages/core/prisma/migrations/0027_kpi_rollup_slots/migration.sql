-- KPI rollups without hot rows, and a rebuild that cannot deadlock with the
-- triggers (issues #13 and #14; docs/kpis.md, "Concurrent changes").
--
-- 1. Spill slots. A rollup row (kpi_daily_rollups per day and key, and both
--    handling histograms, kpi_monthly_handling per month, key and bucket and
--    kpi_daily_handling per day and bucket, which has no key at all) was
--    updated in place, so two transactions changing reports of the same day
--    (a burst of submits, or of answers, through the same channel) waited for
--    each other until the first committed. Each table now has a `slot`: slot
--    0 is the row as before; a writer that finds it held by another
--    transaction (FOR UPDATE SKIP LOCKED: never waits for it) adds its change
--    to a spill row instead, slot 1–7 chosen by its transaction id, so that
--    concurrent writers take different rows. Reads already add up the rows
--    of a group (sum … GROUP BY), so they need no change, and they read more
--    rows only where writers actually met (spill rows are at most 7 per cell,
--    made under contention only); a rebuild and a recount fold them into
--    slot 0 again. A spill row can hold a negative count (a report added in
--    slot 0 and taken away in a spill row): only the sum over slots means
--    anything.
-- 2. One lock per tenant serialises a rebuild against the triggers: every
--    writer of a tenant's facts and rollups (the triggers, core filling
--    handling times) first takes a shared advisory lock on the tenant
--    (kpi_lock_tenant); writers share it and never wait for each other on
--    it. kpi_rebuild and kpi_recount_handling take it exclusive before
--    anything else, so they wait for the writers in flight and the writers
--    that come later wait for them: the rebuild's DELETE, which locks rollup
--    rows in their physical order, no longer meets a writer holding one row
--    and wanting another (deadlock).
-- 3. The histograms' statement trigger returns at once when no fact of the
--    statement enters, leaves or moves between cells (a submit, most steps,
--    a rating or publication of an answered report): it no longer plans two
--    dynamic statements for nothing.

ALTER TABLE "kpi_daily_rollups" ADD COLUMN "slot" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "kpi_daily_rollups" DROP CONSTRAINT "kpi_daily_rollups_pkey";
ALTER TABLE "kpi_daily_rollups" ADD CONSTRAINT "kpi_daily_rollups_pkey" PRIMARY KEY ("tenant_id", "dim", "day", "key", "is_public", "slot");
ALTER TABLE "kpi_monthly_handling" ADD COLUMN "slot" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "kpi_monthly_handling" DROP CONSTRAINT "kpi_monthly_handling_pkey";
ALTER TABLE "kpi_monthly_handling" ADD CONSTRAINT "kpi_monthly_handling_pkey" PRIMARY KEY ("tenant_id", "dim", "month", "key", "is_public", "bucket", "slot");
ALTER TABLE "kpi_daily_handling" ADD COLUMN "slot" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "kpi_daily_handling" DROP CONSTRAINT "kpi_daily_handling_pkey";
ALTER TABLE "kpi_daily_handling" ADD CONSTRAINT "kpi_daily_handling_pkey" PRIMARY KEY ("tenant_id", "day", "is_public", "bucket", "slot");

-- The spill row of this transaction (1–7): concurrent transactions have consecutive ids, so different rows.
CREATE FUNCTION kpi_spill_slot() RETURNS integer
  LANGUAGE sql VOLATILE
  AS $$ SELECT (1 + pg_current_xact_id()::text::bigint % 7)::integer $$;

-- The tenant's KPI lock: shared for every writer of its facts and rollups, exclusive for a rebuild or recount.
CREATE FUNCTION kpi_lock_tenant(p_tenant uuid, p_exclusive boolean) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF p_exclusive THEN
    PERFORM pg_advisory_xact_lock(4935753, hashtext(p_tenant::text));
  ELSE
    PERFORM pg_advisory_xact_lock_shared(4935753, hashtext(p_tenant::text));
  END IF;
END
$$;

-- The daily rollup rows of any number of reports' old facts taken away and new ones added, in one statement,
-- in key order (migration 0024): into slot 0 when no other transaction holds it, else into this transaction's
-- spill row.
CREATE OR REPLACE FUNCTION kpi_rollups_apply(olds "kpi_report_facts"[], news "kpi_report_facts"[]) RETURNS void
  LANGUAGE plpgsql
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
      CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
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

-- Both handling histograms from the facts a statement changed (migration 0025: monthly rows, then daily rows,
-- each in key order), slot 0 or this transaction's spill row as above. Nothing to do (and nothing planned) when
-- no fact enters, leaves or changes its cells.
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
        CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
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

-- A rebuild and a recount take the tenant's lock exclusive before anything else (their bodies are 0025's: the
-- rebuild's rollup rows and the recount's counts go to slot 0, the DELETEs before them take every slot).
ALTER FUNCTION kpi_rebuild(uuid) RENAME TO kpi_rebuild_body;
ALTER FUNCTION kpi_recount_handling(uuid) RENAME TO kpi_recount_handling_body;
CREATE FUNCTION kpi_rebuild(p_tenant uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM kpi_lock_tenant(p_tenant, true);
  PERFORM kpi_rebuild_body(p_tenant);
END
$$;
CREATE FUNCTION kpi_recount_handling(p_tenant uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM kpi_lock_tenant(p_tenant, true);
  PERFORM kpi_recount_handling_body(p_tenant);
END
$$;

-- The triggers take the tenant's lock shared before they lock any fact or rollup row.
CREATE OR REPLACE FUNCTION kpi_reports_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT kpi_deferred() THEN
    IF TG_OP = 'UPDATE' AND OLD.tenant_id <> NEW.tenant_id THEN
      PERFORM kpi_lock_tenant(t, false) FROM unnest(ARRAY[OLD.tenant_id, NEW.tenant_id]) t ORDER BY t;
    ELSE
      PERFORM kpi_lock_tenant(CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END, false);
    END IF;
    PERFORM kpi_refresh_report(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION kpi_report_event_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT kpi_deferred() THEN
    PERFORM kpi_lock_tenant(NEW.tenant_id, false);
    PERFORM kpi_refresh_report(NEW.report_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION kpi_category_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT kpi_deferred() THEN
    PERFORM kpi_lock_tenant(NEW.tenant_id, false);
    PERFORM kpi_refresh_reports(ARRAY(SELECT id FROM reports WHERE category_id = NEW.id));
  END IF;
  RETURN NULL;
END
$$;

-- A new time zone is a rebuild: the lock exclusive from the start.
CREATE OR REPLACE FUNCTION kpi_tenant_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF kpi_deferred() THEN
    RETURN NULL;
  END IF;
  PERFORM kpi_lock_tenant(NEW.id, OLD.timezone IS DISTINCT FROM NEW.timezone);
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
    PERFORM kpi_lock_tenant(t, false);
    PERFORM 1 FROM kpi_report_facts WHERE tenant_id = t AND handling_minutes IS NOT NULL ORDER BY report_id FOR UPDATE;
    UPDATE kpi_report_facts SET handling_minutes = NULL WHERE tenant_id = t AND handling_minutes IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;

-- Each call planned once per session: PostgreSQL kept planning the rollup statement above afresh on every call (a
-- custom plan for the arrays of facts: 2.6–2.9 ms a call in one session, against 0.5–0.7 ms with the generic plan),
-- as its generic plan's estimate looked dearer. Measured per submit in docs/performance.md ("Migration 0027").
ALTER FUNCTION kpi_rollups_apply("kpi_report_facts"[], "kpi_report_facts"[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION kpi_refresh_reports(uuid[]) SET plan_cache_mode = force_generic_plan;
