-- Supporters ("me too") of a report: people affected by the same problem.
-- A row comes from the IOC merging a later duplicate into the original
-- (`merged_report_id`: the later report, whose reporter contact stays in
-- reporter_contacts and can be told of the original's progress) or from a
-- citizen's public "me too" (an optional phone or e-mail to keep informed).
-- `supporter_key` is an HMAC of the report and the supporter's device or
-- contact, never the contact itself: one support per person and report.
-- No public read returns this table; the public sees `supporter_count` only.
CREATE TABLE "report_supporters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "report_id" UUID NOT NULL,
    "supporter_key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "merged_report_id" UUID,
    "phone" TEXT,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "report_supporters_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_supporters_report_id_supporter_key_key" ON "report_supporters"("report_id", "supporter_key");
CREATE UNIQUE INDEX "report_supporters_merged_report_id_key" ON "report_supporters"("merged_report_id");
CREATE INDEX "report_supporters_tenant_id_report_id_idx" ON "report_supporters"("tenant_id", "report_id");
ALTER TABLE "report_supporters" ADD CONSTRAINT "report_supporters_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_supporters" ADD CONSTRAINT "report_supporters_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_supporters" ADD CONSTRAINT "report_supporters_merged_report_id_fkey" FOREIGN KEY ("merged_report_id") REFERENCES "reports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The number of supporters, kept with the report so work lists can order by
-- how many people a problem affects (the reporter plus `supporter_count`).
ALTER TABLE "reports" ADD COLUMN "supporter_count" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "reports_tenant_id_supporter_count_idx" ON "reports"("tenant_id", "supporter_count");

GRANT SELECT, INSERT ON "report_supporters" TO paht_app;
ALTER TABLE "report_supporters" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "report_supporters" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "report_supporters"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
