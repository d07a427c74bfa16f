-- KPI rollups (docs/kpis.md, "How they are computed"; issue #13): the public
-- statistics and the leader overview read daily sums instead of every report.
--
-- kpi_report_facts: one row per report, what the KPIs read of it (its local
-- day, groups, standing unless open, timeline flags, rating) and, once
-- answered, its handling time in working minutes (filled by core from the
-- tenant's working calendar: kpi/kpi-handling.ts; null until then).
-- kpi_daily_rollups: per tenant, local day of submission, dimension (U unit,
-- C category, A area, H channel), key and public flag, the additive counts
-- of the facts. Both are kept by the triggers below in the same transaction
-- as the change to the report or its timeline.
CREATE TABLE "kpi_report_facts" (
    "report_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "unit_key" TEXT NOT NULL,
    "category_key" TEXT NOT NULL,
    "area_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "is_public" BOOLEAN NOT NULL,
    -- REJECTED, RESOLVED_ON_TIME, RESOLVED_LATE, NOT_FIXED or OPEN (open reports are split at read time).
    "standing" TEXT NOT NULL,
    "classified" BOOLEAN NOT NULL,
    "returned" BOOLEAN NOT NULL,
    "reopened" BOOLEAN NOT NULL,
    "published" BOOLEAN NOT NULL,
    "rating" INTEGER,
    "handling_minutes" DOUBLE PRECISION,
    CONSTRAINT "kpi_report_facts_pkey" PRIMARY KEY ("report_id")
);
-- Medians read the resolved facts of a period from this index alone; core fills handling times in its order.
CREATE INDEX "kpi_report_facts_resolved_idx" ON "kpi_report_facts" ("tenant_id", "submitted_at", "report_id")
  INCLUDE ("day", "is_public", "unit_key", "category_key", "area_key", "channel", "handling_minutes")
  WHERE "standing" IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND "resolved_at" IS NOT NULL;
CREATE INDEX "kpi_report_facts_tenant_idx" ON "kpi_report_facts" ("tenant_id");

CREATE TABLE "kpi_daily_rollups" (
    "tenant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "is_public" BOOLEAN NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "classified" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "resolved_on_time" INTEGER NOT NULL DEFAULT 0,
    "resolved_late" INTEGER NOT NULL DEFAULT 0,
    "not_fixed" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "ratings" INTEGER NOT NULL DEFAULT 0,
    "rating_sum" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "published" INTEGER NOT NULL DEFAULT 0,
    -- Resolved reports with an answer instant, and the sum of their wall-clock milliseconds to it.
    "handled" INTEGER NOT NULL DEFAULT 0,
    "wall_ms" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "kpi_daily_rollups_pkey" PRIMARY KEY ("tenant_id", "dim", "day", "key", "is_public")
);

-- Open reports are split into within deadline / overdue at `now`: read from this index.
CREATE INDEX "reports_kpi_open_idx" ON "reports" ("tenant_id", "submitted_at")
  WHERE "status" NOT IN ('REJECTED', 'RESOLVED', 'PUBLISHED', 'CLOSED');

GRANT SELECT, INSERT, UPDATE, DELETE ON "kpi_report_facts", "kpi_daily_rollups" TO paht_app;
ALTER TABLE "kpi_report_facts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "kpi_report_facts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kpi_report_facts"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY tenant_merge ON "kpi_report_facts" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
ALTER TABLE "kpi_daily_rollups" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "kpi_daily_rollups" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kpi_daily_rollups"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY tenant_merge ON "kpi_daily_rollups" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');

-- The facts of reports as they stand (docs/kpis.md, "Where a report stands"),
-- handling time not yet known. Runs with the caller's rights (row-level security applies).
CREATE VIEW "kpi_fact_source" WITH (security_invoker = true) AS
SELECT r.id AS report_id, r.tenant_id, (r.submitted_at AT TIME ZONE t.timezone)::date AS day, r.submitted_at, r.resolved_at,
       COALESCE(r.unit_id::text, '') AS unit_key, COALESCE(r.category_id::text, '') AS category_key, COALESCE(r.area_code, '') AS area_key,
       r.channel::text AS channel,
       (r.visibility = 'PUBLIC' AND (c.id IS NULL OR c.is_public)) AS is_public,
       CASE
         WHEN r.status = 'REJECTED' THEN 'REJECTED'
         WHEN r.status IN ('RESOLVED', 'PUBLISHED', 'CLOSED') THEN
           CASE WHEN r.resolution_outcome::text = 'NOT_FIXED' THEN 'NOT_FIXED'
                WHEN r.resolved_on_time = false THEN 'RESOLVED_LATE'
                ELSE 'RESOLVED_ON_TIME' END
         ELSE 'OPEN'
       END AS standing,
       EXISTS (SELECT 1 FROM report_events ev WHERE ev.tenant_id = r.tenant_id AND ev.report_id = r.id AND ev.type = 'CLASSIFY') AS classified,
       EXISTS (SELECT 1 FROM report_events ev WHERE ev.tenant_id = r.tenant_id AND ev.report_id = r.id AND ev.type = 'RETURN') AS returned,
       EXISTS (SELECT 1 FROM report_events ev WHERE ev.tenant_id = r.tenant_id AND ev.report_id = r.id AND ev.type = 'REOPEN') AS reopened,
       r.status IN ('PUBLISHED', 'CLOSED') AS published,
       r.rating,
       NULL::double precision AS handling_minutes
  FROM reports r
  JOIN tenants t ON t.id = r.tenant_id
  LEFT JOIN categories c ON c.id = r.category_id;
GRANT SELECT ON "kpi_fact_source" TO paht_app;

-- Adds (s = 1) or takes away (s = -1) one report's facts in its four daily rollup rows.
CREATE FUNCTION kpi_rollup_add(f "kpi_report_facts", s integer) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  handled boolean := f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL;
BEGIN
  INSERT INTO kpi_daily_rollups AS k (tenant_id, day, dim, key, is_public, received, classified, rejected, resolved_on_time, resolved_late,
                                      not_fixed, returned, reopened, ratings, rating_sum, satisfied, published, handled, wall_ms)
  SELECT f.tenant_id, f.day, d.dim, d.key, f.is_public, s,
         CASE WHEN f.classified THEN s ELSE 0 END,
         CASE WHEN f.standing = 'REJECTED' THEN s ELSE 0 END,
         CASE WHEN f.standing = 'RESOLVED_ON_TIME' THEN s ELSE 0 END,
         CASE WHEN f.standing = 'RESOLVED_LATE' THEN s ELSE 0 END,
         CASE WHEN f.standing = 'NOT_FIXED' THEN s ELSE 0 END,
         CASE WHEN f.returned THEN s ELSE 0 END,
         CASE WHEN f.reopened THEN s ELSE 0 END,
         CASE WHEN f.rating IS NOT NULL THEN s ELSE 0 END,
         COALESCE(f.rating, 0) * s,
         CASE WHEN f.rating >= 4 THEN s ELSE 0 END,
         CASE WHEN f.published THEN s ELSE 0 END,
         CASE WHEN handled THEN s ELSE 0 END,
         CASE WHEN handled THEN s * round(extract(epoch FROM f.resolved_at - f.submitted_at) * 1000)::bigint ELSE 0 END
    FROM (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
  ON CONFLICT (tenant_id, dim, day, key, is_public) DO UPDATE SET
    received = k.received + EXCLUDED.received, classified = k.classified + EXCLUDED.classified, rejected = k.rejected + EXCLUDED.rejected,
    resolved_on_time = k.resolved_on_time + EXCLUDED.resolved_on_time, resolved_late = k.resolved_late + EXCLUDED.resolved_late,
    not_fixed = k.not_fixed + EXCLUDED.not_fixed, returned = k.returned + EXCLUDED.returned, reopened = k.reopened + EXCLUDED.reopened,
    ratings = k.ratings + EXCLUDED.ratings, rating_sum = k.rating_sum + EXCLUDED.rating_sum, satisfied = k.satisfied + EXCLUDED.satisfied,
    published = k.published + EXCLUDED.published, handled = k.handled + EXCLUDED.handled, wall_ms = k.wall_ms + EXCLUDED.wall_ms;
END
$$;

-- Brings one report's facts and rollups up to date (nothing written when nothing the KPIs read changed).
CREATE FUNCTION kpi_refresh_report(p_report uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  old_f kpi_report_facts;
  new_f kpi_report_facts;
BEGIN
  SELECT * INTO old_f FROM kpi_report_facts WHERE report_id = p_report FOR UPDATE;
  SELECT * INTO new_f FROM kpi_fact_source WHERE report_id = p_report;
  IF old_f.report_id IS NOT NULL AND new_f.report_id IS NOT NULL
     AND old_f.tenant_id = new_f.tenant_id AND old_f.submitted_at = new_f.submitted_at
     AND old_f.resolved_at IS NOT DISTINCT FROM new_f.resolved_at THEN
    new_f.handling_minutes := old_f.handling_minutes;
  END IF;
  IF old_f IS NOT DISTINCT FROM new_f THEN
    RETURN;
  END IF;
  IF old_f.report_id IS NOT NULL THEN
    PERFORM kpi_rollup_add(old_f, -1);
    DELETE FROM kpi_report_facts WHERE report_id = p_report;
  END IF;
  IF new_f.report_id IS NOT NULL THEN
    INSERT INTO kpi_report_facts SELECT new_f.*;
    PERFORM kpi_rollup_add(new_f, 1);
  END IF;
END
$$;

-- Recomputes a tenant's facts and rollups from its reports (handling times
-- kept where the report's instants did not change). Core's
-- rebuildKpiRollups calls it, then fills the handling times.
CREATE FUNCTION kpi_rebuild(p_tenant uuid) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
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

-- Triggers. A tenant merge (merge-tenants.ts) sets app.kpi_rollups = 'deferred'
-- for its transaction and rebuilds both tenants at the end instead.
CREATE FUNCTION kpi_deferred() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT COALESCE(current_setting('app.kpi_rollups', true), '') = 'deferred' $$;

CREATE FUNCTION kpi_reports_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT kpi_deferred() THEN
    PERFORM kpi_refresh_report(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER kpi_reports_changed
  AFTER INSERT OR DELETE OR UPDATE OF tenant_id, category_id, unit_id, status, channel, visibility, area_code, submitted_at,
    resolved_at, resolved_on_time, resolution_outcome, rating
  ON "reports" FOR EACH ROW EXECUTE FUNCTION kpi_reports_changed();

CREATE FUNCTION kpi_report_event_added() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT kpi_deferred() THEN
    PERFORM kpi_refresh_report(NEW.report_id);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER kpi_report_event_added
  AFTER INSERT ON "report_events" FOR EACH ROW
  WHEN (NEW.type IN ('CLASSIFY', 'RETURN', 'REOPEN'))
  EXECUTE FUNCTION kpi_report_event_added();

-- A category made private or public moves its reports between the public and the private rollups.
CREATE FUNCTION kpi_category_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  rid uuid;
BEGIN
  IF NOT kpi_deferred() THEN
    FOR rid IN SELECT id FROM reports WHERE category_id = NEW.id LOOP
      PERFORM kpi_refresh_report(rid);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER kpi_category_changed
  AFTER UPDATE OF is_public ON "categories" FOR EACH ROW
  WHEN (OLD.is_public IS DISTINCT FROM NEW.is_public)
  EXECUTE FUNCTION kpi_category_changed();

-- A new time zone moves reports to other local days; new office hours or
-- calendar days change working minutes (filled again by core when next read).
CREATE FUNCTION kpi_tenant_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF kpi_deferred() THEN
    RETURN NULL;
  END IF;
  IF OLD.timezone IS DISTINCT FROM NEW.timezone THEN
    PERFORM kpi_rebuild(NEW.id);
  END IF;
  UPDATE kpi_report_facts SET handling_minutes = NULL WHERE tenant_id = NEW.id AND handling_minutes IS NOT NULL;
  RETURN NULL;
END
$$;
CREATE TRIGGER kpi_tenant_changed
  AFTER UPDATE OF timezone, working_hours ON "tenants" FOR EACH ROW
  WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone OR OLD.working_hours IS DISTINCT FROM NEW.working_hours)
  EXECUTE FUNCTION kpi_tenant_changed();

CREATE FUNCTION kpi_calendar_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF NOT kpi_deferred() THEN
    UPDATE kpi_report_facts SET handling_minutes = NULL
     WHERE tenant_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END AND handling_minutes IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER kpi_calendar_changed
  AFTER INSERT OR UPDATE OR DELETE ON "calendar_days" FOR EACH ROW EXECUTE FUNCTION kpi_calendar_changed();

-- Reports that exist already.
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    -- Row-level security is forced on the owner too: act as each tenant in turn.
    PERFORM set_config('app.tenant_id', t::text, true);
    PERFORM kpi_rebuild(t);
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
