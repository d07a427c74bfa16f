-- Report form deadline reminders (docs/indicators.md#deadline-reminders).
-- One row per reminder sent: a form, a period, a unit that had not
-- submitted, and the kind (`DUE_SOON`, `DUE_TOMORROW`, `OVERDUE`). The
-- unique index is the claim: the job inserts the row and notifies only when
-- the insert took, so a rerun, or a second server process running the job
-- at the same moment, sends each reminder once.
CREATE TABLE "indicator_form_reminders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "form_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "indicator_form_reminders_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "indicator_form_reminders_form_id_period_unit_id_kind_key" ON "indicator_form_reminders"("form_id", "period", "unit_id", "kind");
ALTER TABLE "indicator_form_reminders" ADD CONSTRAINT "indicator_form_reminders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_reminders" ADD CONSTRAINT "indicator_form_reminders_form_id_fkey" FOREIGN KEY ("form_id") REFERENCES "indicator_forms"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_form_reminders" ADD CONSTRAINT "indicator_form_reminders_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT ON "indicator_form_reminders" TO paht_app;
ALTER TABLE "indicator_form_reminders" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "indicator_form_reminders" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "indicator_form_reminders"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- A tenant merge (0017, merge-tenants.ts) moves the reminders with their forms.
CREATE POLICY tenant_merge ON "indicator_form_reminders" FOR ALL TO CURRENT_USER
  USING (current_setting('app.tenant_merge', true) = 'on') WITH CHECK (current_setting('app.tenant_merge', true) = 'on');
