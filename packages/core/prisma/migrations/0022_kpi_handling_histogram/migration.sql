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
CREATE FUNCTION kpi_handling_bucket(m double precision) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN m < 9600 THEN floor(greatest(m, 0) / 120)::smallint
                    ELSE least(80 + floor(ln(m / 9600) / ln(2) * 4), 32767)::smallint END $$;

CREATE TABLE "kpi_monthly_handling" (
    "tenant_id" UUID NOT NULL,
    "month" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "is_public" BOOLEAN NOT NULL,
    "bucket" SMALLINT NOT NULL,
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

-- The exact values inside one bucket, for a period: one range of this index per bucket read.
CREATE INDEX "kpi_report_facts_bucket_idx" ON "kpi_report_facts" ("tenant_id", kpi_handling_bucket("handling_minutes"), "submitted_at")
  INCLUDE ("handling_minutes", "day", "is_public", "unit_key", "category_key", "area_key", "channel")
  WHERE "standing" IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND "resolved_at" IS NOT NULL AND "handling_minutes" IS NOT NULL;

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
    SELECT f.tenant_id, date_trunc('month', f.day)::date, d.dim, d.key, f.is_public, kpi_handling_bucket(f.handling_minutes), sum(f.s)::int
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
    SELECT f.tenant_id, date_trunc('month', f.day)::date, d.dim, d.key, f.is_public, kpi_handling_bucket(f.handling_minutes), count(*)
      FROM kpi_report_facts f
      CROSS JOIN LATERAL (VALUES ('U', f.unit_key), ('C', f.category_key), ('A', f.area_key), ('H', f.channel)) AS d(dim, key)
     WHERE f.tenant_id = t AND f.standing IN ('RESOLVED_ON_TIME', 'RESOLVED_LATE') AND f.resolved_at IS NOT NULL AND f.handling_minutes IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END
$$;
