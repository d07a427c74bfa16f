-- Indicator report forms (docs/indicators.md#report-forms). A form is a
-- named set of submitted indicators that units fill in together for a
-- period. Its definition is versioned: every change writes a new row in
-- `indicator_form_versions` (with its items), and each submission names the
-- version it was made against. Which units must submit: `unit_ids` and every
-- active unit whose kind is in `unit_kinds`. A submission's values live in
-- `indicator_values` (with their revisions); `indicator_form_submissions`
-- keeps one row per submission and correction of a form by a unit for a
-- period: who, when, why, and the idempotency key of the request.
CREATE TABLE "indicator_forms" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "archived_at" TIMESTAMPTZ(3),
    CONSTRAINT "indicator_forms_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicator_forms_tenant_id_code_key" ON "indicator_forms"("tenant_id", "code");
ALTER TABLE "indicator_forms" ADD CONSTRAINT "indicator_forms_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "indicator_form_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "form_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "periodicity" TEXT NOT NULL,
    "deadline_days" INTEGER NOT NULL,
    "unit_ids" UUID[] DEFAULT '{}',
    "unit_kinds" TEXT[] DEFAULT '{}',
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "indicator_form_versions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicator_form_versions_form_id_version_key" ON "indicator_form_versions"("form_id", "version");
ALTER TABLE "indicator_form_versions" ADD CONSTRAINT "indicator_form_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_versions" ADD CONSTRAINT "indicator_form_versions_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "indicator_forms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The indicators of one version, in order.
CREATE TABLE "indicator_form_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "form_version_id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "min_value" DOUBLE PRECISION,
    "max_value" DOUBLE PRECISION,
    CONSTRAINT "indicator_form_items_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicator_form_items_form_version_id_indicator_id_key" ON "indicator_form_items"("form_version_id", "indicator_id");
CREATE UNIQUE INDEX "indicator_form_items_form_version_id_position_key" ON "indicator_form_items"("form_version_id", "position");
ALTER TABLE "indicator_form_items" ADD CONSTRAINT "indicator_form_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_items" ADD CONSTRAINT "indicator_form_items_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "indicator_form_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_items" ADD CONSTRAINT "indicator_form_items_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "indicator_form_submissions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "form_id" UUID NOT NULL,
    "form_version_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "reason" TEXT,
    "submitted_by" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "idempotency_key" TEXT,
    "fingerprint" TEXT NOT NULL,
    CONSTRAINT "indicator_form_submissions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicator_form_submissions_form_id_unit_id_period_revision_key" ON "indicator_form_submissions"("form_id", "unit_id", "period", "revision");
CREATE UNIQUE INDEX "indicator_form_submissions_tenant_id_idempotency_key_key" ON "indicator_form_submissions"("tenant_id", "idempotency_key");
CREATE INDEX "indicator_form_submissions_form_id_period_idx" ON "indicator_form_submissions"("form_id", "period");
ALTER TABLE "indicator_form_submissions" ADD CONSTRAINT "indicator_form_submissions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_submissions" ADD CONSTRAINT "indicator_form_submissions_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "indicator_forms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_submissions" ADD CONSTRAINT "indicator_form_submissions_form_version_id_fkey" FOREIGN KEY ("form_version_id") REFERENCES "indicator_form_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_submissions" ADD CONSTRAINT "indicator_form_submissions_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE ON "indicator_forms" TO paht_app;
GRANT SELECT, INSERT ON "indicator_form_versions" TO paht_app;
GRANT SELECT, INSERT ON "indicator_form_items" TO paht_app;
GRANT SELECT, INSERT ON "indicator_form_submissions" TO paht_app;
ALTER TABLE "indicator_forms" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_forms" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_forms"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE "indicator_form_versions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_form_versions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_form_versions"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE "indicator_form_items" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_form_items" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_form_items"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
ALTER TABLE "indicator_form_submissions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_form_submissions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_form_submissions"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- A tenant merge (0017, merge-tenants.ts) moves the forms and their submissions like every tenant table.
CREATE POLICY tenant_merge ON "indicator_forms" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
CREATE POLICY tenant_merge ON "indicator_form_versions" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
CREATE POLICY tenant_merge ON "indicator_form_items" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
CREATE POLICY tenant_merge ON "indicator_form_submissions" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
