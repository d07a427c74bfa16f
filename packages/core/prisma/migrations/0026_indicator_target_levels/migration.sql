-- Targets per level (docs/indicators.md#targets). Until now an indicator had
-- one `target`, compared with every figure: the tenant-wide figure and each
-- unit's branch figure alike. So a province target on a SUM indicator made
-- every district "miss" it. Now:
--   indicators.target       the tenant-wide figure's target (as before)
--   indicators.unit_target  every unit's branch figure, unless a row below
--                           names the unit or its kind
--   indicator_unit_targets  one unit's target, or one unit kind's
-- An existing target keeps the meaning it had, every figure: it stays the
-- tenant-wide target and is copied to unit_target. An admin then clears
-- unit_target where the target was meant for the tenant-wide figure only.
ALTER TABLE "indicators" ADD COLUMN "unit_target" DOUBLE PRECISION;
UPDATE "indicators" SET "unit_target" = "target" WHERE "target" IS NOT NULL;

CREATE TABLE "indicator_unit_targets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "unit_id" UUID,
    "unit_kind" "UnitKind",
    "target" DOUBLE PRECISION NOT NULL,
    CONSTRAINT "indicator_unit_targets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "indicator_unit_targets_one_scope" CHECK (("unit_id" IS NULL) <> ("unit_kind" IS NULL)),
    CONSTRAINT "indicator_unit_targets_finite" CHECK ("target" NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))
);
CREATE UNIQUE INDEX "indicator_unit_targets_indicator_id_unit_id_key" ON "indicator_unit_targets"("indicator_id", "unit_id");
CREATE UNIQUE INDEX "indicator_unit_targets_indicator_id_unit_kind_key" ON "indicator_unit_targets"("indicator_id", "unit_kind");
ALTER TABLE "indicator_unit_targets" ADD CONSTRAINT "indicator_unit_targets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_unit_targets" ADD CONSTRAINT "indicator_unit_targets_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_unit_targets" ADD CONSTRAINT "indicator_unit_targets_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, DELETE ON "indicator_unit_targets" TO paht_app;
ALTER TABLE "indicator_unit_targets" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_unit_targets" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_unit_targets"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- A tenant merge (0017, merge-tenants.ts) moves the targets with their indicators.
CREATE POLICY tenant_merge ON "indicator_unit_targets" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
