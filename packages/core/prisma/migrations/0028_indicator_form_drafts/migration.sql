-- Report form drafts (docs/indicators.md#drafts). One row per form, unit and
-- period: the values a unit has typed so far (`values`: indicator id ->
-- number, JSONB), who saved last and when, and `revision` (+1 per save).
-- A draft is the unit's unfinished work: no figure, alert, export, status
-- or public view reads this table. Submitting the form deletes the row in
-- the submission's transaction.
CREATE TABLE "indicator_form_drafts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "form_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "saved_by" UUID,
    "saved_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "indicator_form_drafts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "indicator_form_drafts_values_object" CHECK (jsonb_typeof("values") = 'object')
);
CREATE UNIQUE INDEX "indicator_form_drafts_form_id_unit_id_period_key" ON "indicator_form_drafts"("form_id", "unit_id", "period");
ALTER TABLE "indicator_form_drafts" ADD CONSTRAINT "indicator_form_drafts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_drafts" ADD CONSTRAINT "indicator_form_drafts_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "indicator_forms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_drafts" ADD CONSTRAINT "indicator_form_drafts_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "indicator_form_drafts" TO paht_app;
ALTER TABLE "indicator_form_drafts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_form_drafts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_form_drafts"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- A tenant merge (0017, merge-tenants.ts) moves the drafts with their forms.
CREATE POLICY tenant_merge ON "indicator_form_drafts" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
