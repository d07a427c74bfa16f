-- Exact medians without reading every resolved report (docs/kpis.md, "How
-- they are computed"; issue #13). The handling times of the resolved facts
-- are counted per tenant, local month of submission, dimension (U unit,
-- C category, A area, H channel), key, public flag and bucket of handling
-- time: kpi_monthly_handling. A read adds up the months its period covers
-- whole (and counts the facts of the days at its ends), finds the bucket that
-- holds each rank it needs, and reads the exact values only inside those
-- buckets, through an index on (tenant, bucket, submission instant). The
-- result is percentile_cont's, exactly (kpi/kpi-percentiles.ts).

-- The bucket of a handling time in working minutes: two working hours wide up
-- to 160 working hours (80 buckets), then a quarter of a doubling each. Never
-- decreasing in the handling time, so the buckets keep its order.
CREATE FUNCTION kpi_handling_bucket(m double precision) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN m < 9600 THEN floor(greatest(m, 0) / 120)::integer
                    ELSE least(80 + floor(ln(m / 9600) / ln(2) * 4), 32767)::integer END $$;

CREATE TABLE "kpi_monthly_handling" (
    "tenant_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "is_public" BOOLEAN NOT NULL,
    "bucket" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "kpi_monthly_handling_pkey" PRIMARY KEY ("tenant_id", "dim", "month", "key", "is_public", "bucket")
);
GRANT SELECT, INSERT, UPDATE, DELETE ON "kpi_monthly_handling" TO paht_app;
ALTER TABLE "kpi_monthly_handling" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "kpi_monthly_handling" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "kpi_monthly_handling"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY tenant_merge ON "kpi_monthly_handling" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');

-- Each fact's bucket, kept with its handling time by the trigger below (a column, not an expression: an
-- index condition on an expression of non-leakproof functions is not used under row-level security).
ALTER TABLE "kpi_report_facts" ADD COLUMN "handling_bucket" INTEGER;
UPDATE "kpi_report_facts" SET "handling_bucket" = kpi_handling_bucket("handling_minutes") WHERE "handling_minutes" IS NOT NULL;
CREATE FUNCTION kpi_fact_bucket() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.handling_bucket := kpi_handling_bucket(NEW.handling_minutes);
  RETURN NEW;
END
$$;
CREATE TRIGGER kpi_fact_bucket BEFORE INSERT OR UPDATE ON "kpi_report_facts" FOR EACH ROW EXECUTE FUNCTION kpi_fact_bucket();

-- The facts of a report as they stand have no handling time yet (core fills it), so no bucket either; a
-- refreshed report keeps both while its instants stay (as migration 0018 kept the handling time).
CREATE OR REPLACE VIEW "kpi_fact_source" WITH (security_invoker = true) AS
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
       NULL::double precision AS handling_minutes,
       NULL::integer AS handling_bucket
  FROM reports r
  JOIN tenants t ON t.id = r.tenant_id
  LEFT JOIN categories c ON c.id = r.category_id;

-- A report's old facts taken out of its rollup rows and its new ones added in one statement, the rows in
-- key order: two transactions lock rollup rows in the same order whatever they change (migration 0018 took
-- the old rows then the new ones, so two reports moving between two units in opposite directions could deadlock).
CREATE FUNCTION kpi_rollup_apply(old_f "kpi_report_facts", new_f "kpi_report_facts") RETURNS void
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
            FROM (SELECT (old_f).*) o WHERE o.report_id IS NOT NULL
          UNION ALL
          SELECT n.*, 1 AS s, n.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND n.resolved_at IS NOT NULL AS handled
            FROM (SELECT (new_f).*) n WHERE n.report_id IS NOT NULL) f
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

-- The facts of a report changed in place (one UPDATE, so one statement of the handling counts' trigger, its
-- rows in key order too); rollups as above.
CREATE OR REPLACE FUNCTION kpi_refresh_report(p_report uuid) RETURNS void
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
    new_f.handling_bucket := old_f.handling_bucket;
  END IF;
  IF old_f IS NOT DISTINCT FROM new_f THEN
    RETURN;
  END IF;
  PERFORM kpi_rollup_apply(old_f, new_f);
  IF old_f.report_id IS NULL THEN
    INSERT INTO kpi_report_facts SELECT new_f.*;
  ELSIF new_f.report_id IS NULL THEN
    DELETE FROM kpi_report_facts WHERE report_id = p_report;
  ELSE
    UPDATE kpi_report_facts SET tenant_id = new_f.tenant_id, day = new_f.day, submitted_at = new_f.submitted_at, resolved_at = new_f.resolved_at,
           unit_key = new_f.unit_key, category_key = new_f.category_key, area_key = new_f.area_key, channel = new_f.channel,
           is_public = new_f.is_public, standing = new_f.standing, classified = new_f.classified, returned = new_f.returned,
           reopened = new_f.reopened, published = new_f.published, rating = new_f.rating, handling_minutes = new_f.handling_minutes
     WHERE report_id = p_report;
  END IF;
END
$$;

-- The exact values inside one bucket, for a period of local days: one range of this index per bucket read.
CREATE INDEX "kpi_report_facts_bucket_idx" ON "kpi_report_facts" ("tenant_id", "handling_bucket", "day")
  INCLUDE ("handling_minutes", "is_public", "unit_key", "category_key", "area_key", "channel")
  WHERE "standing" IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND "resolved_at" IS NOT NULL AND "handling_minutes" IS NOT NULL;

-- The resolved facts whose handling time core has not filled yet (kpi-handling.ts looks for them before each
-- read): usually none, so that look-up no longer walks every resolved fact of the period.
CREATE INDEX "kpi_report_facts_unfilled_idx" ON "kpi_report_facts" ("tenant_id", "submitted_at", "report_id")
  WHERE "standing" IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND "resolved_at" IS NOT NULL AND "handling_minutes" IS NULL;

-- Open reports are counted per group by the database: the index of open reports (migration 0018) now holds
-- all they need (an index-only scan instead of one heap fetch per open report of the period).
DROP INDEX "reports_kpi_open_idx";
CREATE INDEX "reports_kpi_open_idx" ON "reports" ("tenant_id", "submitted_at")
  INCLUDE ("status", "due_at", "answer_due_at", "updated_at", "unit_id", "category_id", "area_code", "channel", "visibility")
  WHERE "status" NOT IN ('REJECTED', 'RESOLVED', 'PUBLISHED', 'CLOSED');

-- Kept from the facts themselves, whatever changes them (a report's trigger,
-- core filling handling times, a rebuild, a calendar change clearing them):
-- one statement per change of the facts, its rows added (new) and taken away
-- (old), in key order so that concurrent writers lock rows in the same order.
CREATE FUNCTION kpi_facts_changed() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
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
    ON CONFLICT (tenant_id, dim, month, key, is_public, bucket) DO UPDATE SET n = h.n + EXCLUDED.n$q$,
    CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT n.*, 1 AS s FROM new_facts n'
      WHEN 'DELETE' THEN 'SELECT o.*, -1 AS s FROM old_facts o'
      ELSE 'SELECT n.*, 1 AS s FROM new_facts n UNION ALL SELECT o.*, -1 AS s FROM old_facts o'
    END);
  RETURN NULL;
END
$$;
CREATE TRIGGER kpi_facts_inserted AFTER INSERT ON "kpi_report_facts"
  REFERENCING NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION kpi_facts_changed();
CREATE TRIGGER kpi_facts_updated AFTER UPDATE ON "kpi_report_facts"
  REFERENCING OLD TABLE AS old_facts NEW TABLE AS new_facts FOR EACH STATEMENT EXECUTE FUNCTION kpi_facts_changed();
CREATE TRIGGER kpi_facts_deleted AFTER DELETE ON "kpi_report_facts"
  REFERENCING OLD TABLE AS old_facts FOR EACH STATEMENT EXECUTE FUNCTION kpi_facts_changed();

-- Facts that exist already.
DO $$
DECLARE t uuid;
BEGIN
  FOR t IN SELECT id FROM tenants LOOP
    PERFORM set_config('app.tenant_id', t::text, true);
    INSERT INTO kpi_monthly_handling (tenant_id, month, dim, key, is_public, bucket, n)
    SELECT f.tenant_id, date_trunc('month', f.day)::date, d.dim, d.key, f.is_public, f.handling_bucket, count(*)
      FROM kpi_report_facts f
      CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
     WHERE f.tenant_id = t AND f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
