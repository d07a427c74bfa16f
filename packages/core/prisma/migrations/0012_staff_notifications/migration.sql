-- The staff in-app inbox: one row per notice and recipient (a staff
-- account), written in the same transaction as the event or job that causes
-- it. `dedupe_key` makes a notice idempotent per recipient: a job that runs
-- twice, or in two processes, notifies once. `data` holds identifiers and
-- times only, never a reporter's contact.
CREATE TABLE "staff_notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "report_id" UUID,
    "unit_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),
    CONSTRAINT "staff_notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_notifications_staff_user_id_dedupe_key_key" ON "staff_notifications"("staff_user_id", "dedupe_key");
-- The inbox, newest first.
CREATE INDEX "staff_notifications_staff_user_id_created_at_idx" ON "staff_notifications"("staff_user_id", "created_at" DESC);
-- The unread count.
CREATE INDEX "staff_notifications_staff_user_id_read_at_idx" ON "staff_notifications"("staff_user_id", "read_at");
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE ON "staff_notifications" TO paht_app;
ALTER TABLE "staff_notifications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "staff_notifications" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "staff_notifications"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
