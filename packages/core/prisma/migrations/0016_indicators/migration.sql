-- Socio-economic indicators (docs/indicators.md). Tenant admins define them;
-- units submit one value per indicator, unit and period (`period`: 2026-03,
-- 2026-Q1 or 2026 by the indicator's periodicity). A correction replaces the
-- current value and keeps the previous one in `indicator_value_revisions`
-- (and in the audit log). Computed indicators carry a `formula` over other
-- indicators' codes and have no values of their own.
CREATE TABLE "indicators" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "unit_of_measure" TEXT NOT NULL,
    "periodicity" TEXT NOT NULL,
    "target" DOUBLE PRECISION,
    "higher_is_better" BOOLEAN NOT NULL DEFAULT true,
    "aggregation" TEXT NOT NULL,
    "weight_indicator_id" UUID,
    "owner_unit_id" UUID,
    "is_public" BOOLEAN NOT NULL DEFAULT false,
    "formula" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicators_tenant_id_code_key" ON "indicators"("tenant_id", "code");
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_weight_indicator_id_fkey" FOREIGN KEY ("weight_indicator_id") REFERENCES "indicators"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_unit_id_fkey" FOREIGN KEY ("owner_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "indicator_values" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "submitted_by" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "indicator_values_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicator_values_indicator_id_unit_id_period_key" ON "indicator_values"("indicator_id", "unit_id", "period");
CREATE INDEX "indicator_values_tenant_id_indicator_id_period_idx" ON "indicator_values"("tenant_id", "indicator_id", "period");
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every value a unit ever submitted for a period, the current one included.
CREATE TABLE "indicator_value_revisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "value_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "reason" TEXT,
    "submitted_by" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "indicator_value_revisions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicator_value_revisions_value_id_revision_key" ON "indicator_value_revisions"("value_id", "revision");
ALTER TABLE "indicator_value_revisions" ADD CONSTRAINT "indicator_value_revisions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_value_revisions" ADD CONSTRAINT "indicator_value_revisions_value_id_fkey" FOREIGN KEY ("value_id") REFERENCES "indicator_values"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE ON "indicators" TO paht_app;
GRANT SELECT, INSERT, UPDATE ON "indicator_values" TO paht_app;
GRANT SELECT, INSERT ON "indicator_value_revisions" TO paht_app;
ALTER TABLE "indicators" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicators" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicators"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE "indicator_values" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_values" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_values"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE "indicator_value_revisions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_value_revisions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_value_revisions"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
